using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ParIndex.RulesEngine.Kernel;

/// <summary>
/// The function library of the formula language, plus the scoring helpers the generated code
/// calls. Every member is a pure static method on doubles and bools: formulas can reach nothing
/// else (the sandbox allows calls to this class only). For generated code only: public because
/// the compiled kernel of a rule set must name it, with no compatibility promise from one version
/// of the library to the next (the formula language itself is documented in the rule-file guide).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FormulaFunctions
{
    /// <summary>Relative tolerance used at band edges and when rounding halves.</summary>
    internal const double EdgeTolerance = 1e-9;

    /// <summary>a ÷ b, or 0 when b is 0 (a share of nothing is nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>a ÷ b, or <paramref name="whenZero"/> when b is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double a, double b, double whenZero) => b == 0 ? whenZero : a / b;

    /// <summary>
    /// 100 × Ratio(a, b), as documented: the quotient first, so a share of exactly 1 is exactly
    /// 100 (100 × 0.17 ÷ 0.17 would give 99.99999999999999 and miss a band at 100).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PercentOf(double a, double b) => b == 0 ? 0 : 100 * (a / b);

    /// <summary>x limited to [lo, hi]; NaN (a missing value) when any argument is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clamp(double x, double lo, double hi) =>
        double.IsNaN(x) || double.IsNaN(lo) || double.IsNaN(hi) ? double.NaN : PositiveZero(x < lo ? lo : x > hi ? hi : x);

    /// <summary>The smaller of two values; NaN when either is NaN, whatever the order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : PositiveZero(a < b ? a : b);

    /// <summary>The smallest of three values; NaN when any is NaN.</summary>
    public static double Min(double a, double b, double c) => Min(Min(a, b), c);

    /// <summary>The smallest of four values; NaN when any is NaN.</summary>
    public static double Min(double a, double b, double c, double d) => Min(Min(a, b), Min(c, d));

    /// <summary>The larger of two values; NaN when either is NaN, whatever the order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : PositiveZero(a > b ? a : b);

    /// <summary>The largest of three values; NaN when any is NaN.</summary>
    public static double Max(double a, double b, double c) => Max(Max(a, b), c);

    /// <summary>The largest of four values; NaN when any is NaN.</summary>
    public static double Max(double a, double b, double c, double d) => Max(Max(a, b), Max(c, d));

    /// <summary>Rounds half away from zero to a whole number.</summary>
    public static double Round(double x) => Round(x, 0);

    /// <summary>
    /// Rounds half away from zero to <paramref name="digits"/> decimals, the way scores are
    /// rounded by hand. Binary doubles store 2.675 as 2.67499999…; a value within a relative
    /// 1e-9 of a half counts as the half, so 2.675 rounds to 2.68 as a person expects. The
    /// tolerance is relative to the scaled value s = |x|·10^digits (floor(s + 0.5 + 1e-9·s)), so
    /// it stays 1e-9 of the value also below 1: 0.4999999992 rounds to 0. A zero result is +0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Round(double x, double digits)
    {
        if (!double.IsFinite(x)) return x;
        var scale = Pow10((int)digits);
        var scaled = Math.Abs(x) * scale;
        var rounded = Math.Floor(scaled + 0.5 + EdgeTolerance * scaled);
        return rounded == 0 ? 0d : Math.CopySign(rounded / scale, x);
    }

    /// <summary>Rounds down (a zero result is +0).</summary>
    public static double Floor(double x) => PositiveZero(Math.Floor(x));

    /// <summary>Rounds up (a zero result is +0, so Ceiling(-0.5) is 0, not -0).</summary>
    public static double Ceiling(double x) => PositiveZero(Math.Ceiling(x));

    /// <summary>Absolute value.</summary>
    public static double Abs(double x) => Math.Abs(x);

    /// <summary>True when lo ≤ x ≤ hi.</summary>
    public static bool Between(double x, double lo, double hi) => x >= lo && x <= hi;

    /// <summary>x, or <paramref name="fallback"/> when x is missing (NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double IfMissing(double x, double fallback) => double.IsNaN(x) ? fallback : x;

    /// <summary>s, or <paramref name="fallback"/> when s is missing.</summary>
    public static string IfMissing(string? s, string fallback) => s ?? fallback;

    /// <summary>True when a number is missing (NaN).</summary>
    public static bool IsMissing(double x) => double.IsNaN(x);

    /// <summary>True when a text value is missing.</summary>
    public static bool IsMissing(string? s) => s is null;

    /// <summary>
    /// Proportional scoring of <paramref name="value"/> v against <paramref name="target"/> t with
    /// maximum m, before the clamp to [0, m] and rounding. Normal: v ≥ t gives m; else m × max(v, 0) ÷ t
    /// when t &gt; 0; else 0. Lower is better: v ≤ t gives m; else m × t ÷ v when t &gt; 0; else 0.
    /// Both are monotone in v, a target of 0 gives m exactly when the value meets it, and NaN in
    /// v or t gives NaN (a fault of the row).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ProportionalPoints(double value, double target, double max, bool lowerIsBetter)
    {
        if (double.IsNaN(value) || double.IsNaN(target)) return double.NaN;
        if (target <= 0) return (lowerIsBetter ? value <= target : value >= target) ? max : 0d;
        // The share first, then × max (no overflow for huge max × value), capped at max without a
        // branch on the value. Where the value meets the target the share is at least 1 (a
        // correctly rounded quotient of at least 1) and the product at least max, so the cap gives
        // max, as a test of "meets" would; ∞/∞ gives NaN there, and the cap gives max for NaN too.
        // Short of the target the share is below 1 and the product at most max: the cap changes
        // nothing. Lower is better: a value at or below 0 meets any target above 0, and
        // Math.Max(value, 0) is +0 there (also for −0), so the share is +∞ and the cap gives max.
        return lowerIsBetter
            ? AtMost(max * (target / Math.Max(value, 0)), max)
            : AtMost(max * (Math.Max(value, 0) / target), max);
    }

    /// <summary>x when x &lt; cap, else cap (also for NaN): one minsd where the CPU has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AtMost(double x, double cap) =>
        Sse2.IsSupported
            ? Sse2.MinScalar(Vector128.CreateScalarUnsafe(x), Vector128.CreateScalarUnsafe(cap)).ToScalar()
            : x < cap ? x : cap;

    /// <summary>True when x ≥ lo − 1e-9·|lo|: values within a relative 1e-9 of lo reach it (exact at 0); NaN never does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AtLeast(double x, double lo) => x >= lo - EdgeTolerance * Math.Abs(lo);

    /// <summary>True when x &lt; hi − 1e-9·|hi|: values within a relative 1e-9 of hi count as reaching it (exact at 0); NaN never is below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Below(double x, double hi) => x < hi - EdgeTolerance * Math.Abs(hi);

    /// <summary>Clamps to [0, max] and rounds to the scheme precision; NaN stays NaN for the fault check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScorePoints(double raw, double max, double precision) => Round(Clamp(raw, 0, max), precision);

    /// <summary>max when it is a number, 0 when not applicable (NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ApplicableMax(double max) => double.IsNaN(max) ? 0 : max;

    /// <summary>−0 becomes +0 (so no point or percent prints as "-0"); every other value is unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PositiveZero(double x) => x == 0 ? 0d : x;

    /// <summary>
    /// A leaf's points as a whole count of 10^-precision (<paramref name="scale"/> = 10^precision):
    /// <paramref name="raw"/> clamped to [0, <paramref name="max"/>], then rounded half away from
    /// zero exactly as <see cref="Round(double, double)"/> rounds, but without its final divide
    /// (count ÷ scale is the value <see cref="Round(double, double)"/> would return). Raw is finite here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long PointCount(double raw, double max, double scale)
    {
        var scaled = (raw < 0 ? 0 : raw > max ? max : raw) * scale;
        var rounded = scaled + 0.5 + EdgeTolerance * scaled;
#if NET9_0_OR_GREATER
        // The plain truncating conversion, without Floor or the saturating conversion's range
        // checks: rounded is finite and at least 0.5 (raw is finite, max > 0, scaled ≥ 0), where
        // truncation is Floor, and below 2^63 (binding keeps max below 4e8 steps, PAR0311).
        return double.ConvertToIntegerNative<long>(rounded);
#else
        return (long)Math.Floor(rounded);
#endif
    }

    /// <summary>
    /// <paramref name="count"/> when <paramref name="holds"/>, else 0, without a branch: the bool
    /// (always 0 or 1 here) widened and turned into a mask. The JIT keeps "holds ? count : 0" as a
    /// jump inside the kernel's loops, which costs a misprediction whenever the data is irregular.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long CountIf(bool holds, long count) => count & -(long)Unsafe.BitCast<bool, byte>(holds);

    /// <summary>The smaller of two fixed-point counts (a parent's cap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MinCount(long a, long b) => a < b ? a : b;

    /// <summary>A fixed-point count floored at 0 (a parent whose penalties outweigh its points scores 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long NonNegativeCount(long count) => count < 0 ? 0 : count;

    /// <summary>10^digits for the precisions a rule file may have (0 to 6) and beyond; inlined so a constant precision folds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Pow10(int digits) => digits switch
    {
        0 => 1, 1 => 10, 2 => 100, 3 => 1000, 4 => 10000, 5 => 100000, 6 => 1000000,
        _ => Math.Pow(10, Math.Clamp(digits, 0, 15)),
    };
}
