using System.Runtime.CompilerServices;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The function library of the formula language, plus the scoring helpers the generated code
/// calls. Every member is a pure static method on doubles and bools: formulas can reach nothing
/// else (the sandbox allows calls to this class only).
/// </summary>
public static class FormulaFunctions
{
    /// <summary>Relative tolerance used at band edges and when rounding halves.</summary>
    public const double EdgeTolerance = 1e-9;

    /// <summary>a ÷ b, or 0 when b is 0 (a share of nothing is nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>a ÷ b, or <paramref name="whenZero"/> when b is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ratio(double a, double b, double whenZero) => b == 0 ? whenZero : a / b;

    /// <summary>100 × a ÷ b, or 0 when b is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PercentOf(double a, double b) => b == 0 ? 0 : 100 * a / b;

    /// <summary>x limited to [lo, hi].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clamp(double x, double lo, double hi) => x < lo ? lo : x > hi ? hi : x;

    /// <summary>The smaller of two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => a < b ? a : b;

    /// <summary>The smallest of three values.</summary>
    public static double Min(double a, double b, double c) => Min(Min(a, b), c);

    /// <summary>The smallest of four values.</summary>
    public static double Min(double a, double b, double c, double d) => Min(Min(a, b), Min(c, d));

    /// <summary>The larger of two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => a > b ? a : b;

    /// <summary>The largest of three values.</summary>
    public static double Max(double a, double b, double c) => Max(Max(a, b), c);

    /// <summary>The largest of four values.</summary>
    public static double Max(double a, double b, double c, double d) => Max(Max(a, b), Max(c, d));

    /// <summary>Rounds half away from zero to a whole number.</summary>
    public static double Round(double x) => Round(x, 0);

    /// <summary>
    /// Rounds half away from zero to <paramref name="digits"/> decimals, the way scores are
    /// rounded by hand. Binary doubles store 2.675 as 2.67499999…; a value within a relative
    /// 1e-9 of a half counts as the half, so 2.675 rounds to 2.68 as a person expects.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Round(double x, double digits)
    {
        if (!double.IsFinite(x)) return x;
        var scale = Pow10((int)digits);
        var scaled = Math.Abs(x) * scale;
        var rounded = Math.Floor(scaled + 0.5 + EdgeTolerance * Math.Max(1, scaled));
        return Math.CopySign(rounded / scale, x);
    }

    /// <summary>Rounds down.</summary>
    public static double Floor(double x) => Math.Floor(x);

    /// <summary>Rounds up.</summary>
    public static double Ceiling(double x) => Math.Ceiling(x);

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

    /// <summary>Proportional scoring: max × min(value ÷ target, 1), or the inverse ratio when lower is better.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ProportionalPoints(double value, double target, double max, bool lowerIsBetter)
    {
        double share;
        if (lowerIsBetter) share = value <= 0 ? 1 : target / value;
        else share = target == 0 ? (value >= 0 ? 1 : 0) : value / target;
        return max * Clamp(share, 0, 1);
    }

    /// <summary>True when x ≥ lo, counting values within the edge tolerance as reaching lo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AtLeast(double x, double lo) => x >= lo - EdgeTolerance * Math.Max(1, Math.Abs(lo));

    /// <summary>True when x &lt; hi, with values within the edge tolerance counting as reaching hi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Below(double x, double hi) => x < hi - EdgeTolerance * Math.Max(1, Math.Abs(hi));

    /// <summary>Clamps to [0, max] and rounds to the scheme precision; NaN stays NaN for the fault check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ScorePoints(double raw, double max, double precision) => Round(Clamp(raw, 0, max), precision);

    /// <summary>max when it is a number, 0 when not applicable (NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ApplicableMax(double max) => double.IsNaN(max) ? 0 : max;

    private static double Pow10(int digits) => digits switch
    {
        0 => 1, 1 => 10, 2 => 100, 3 => 1000, 4 => 10000, 5 => 100000, 6 => 1000000,
        _ => Math.Pow(10, Math.Clamp(digits, 0, 15)),
    };
}
