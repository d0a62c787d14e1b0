namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// The numeric rules of the rule-file docs, as decided for this release: rounding half away
/// from zero with a relative 1e-9 tolerance, band edges with the same relative tolerance, the
/// proportional formula, and a function library whose Min/Max/Clamp propagate NaN. Written
/// from the docs, not from the engine's function library.
/// </summary>
internal static class OracleArithmetic
{
    public const double Tolerance = 1e-9;

    /// <summary>Half away from zero at <paramref name="digits"/> decimals: s = |x|·10^p, floor(s + 0.5 + 1e-9·s), sign copied; never −0.</summary>
    public static double Round(double x, int digits)
    {
        if (!double.IsFinite(x)) return x;
        var scale = Pow10(digits);
        var scaled = Math.Abs(x) * scale;
        var rounded = Math.Floor(scaled + 0.5 + Tolerance * scaled);
        if (rounded != Math.Floor(scaled + 0.5 + Tolerance * Math.Max(1, scaled))) KnownFixes.Note(KnownFixes.RelativeTolerance);
        if (rounded == 0) return 0d;
        var result = rounded / scale;
        return x < 0 ? -result : result;
    }

    /// <summary>x ≥ lo within a relative tolerance (exact at 0). Comparisons with NaN are false.</summary>
    public static bool AtLeast(double x, double lo)
    {
        var result = x >= lo - Tolerance * Math.Abs(lo);
        if (result != x >= lo - Tolerance * Math.Max(1, Math.Abs(lo))) KnownFixes.Note(KnownFixes.RelativeTolerance);
        return result;
    }

    /// <summary>x &lt; hi, a value within the relative tolerance of hi counting as reaching it (exact at 0).</summary>
    public static bool Below(double x, double hi)
    {
        var result = x < hi - Tolerance * Math.Abs(hi);
        if (result != x < hi - Tolerance * Math.Max(1, Math.Abs(hi))) KnownFixes.Note(KnownFixes.RelativeTolerance);
        return result;
    }

    /// <summary>Limits to [lo, hi] without changing the sign of a zero (points clamp: NaN never reaches it).</summary>
    public static double ClampPoints(double x, double max) => x < 0 ? 0 : x > max ? max : x;

    /// <summary>
    /// The proportional form: normal, v ≥ t gives m, else m·max(v,0)/t when t &gt; 0, else 0;
    /// lower is better, v ≤ t gives m, else m·t/v when t &gt; 0, else 0. NaN in v or t gives NaN
    /// (a fault).
    /// </summary>
    public static double Proportional(double value, double target, double max, bool lowerIsBetter)
    {
        var result = double.IsNaN(value) || double.IsNaN(target) ? double.NaN : ProportionalRule(value, target, max, lowerIsBetter);
        var legacy = max * LegacyClamp(LegacyShare(value, target, lowerIsBetter));
        var same = double.IsFinite(result) ? double.IsFinite(legacy) && ClampPoints(result, max) == ClampPoints(legacy, max) : !double.IsFinite(legacy);
        if (!same) KnownFixes.Note(KnownFixes.ProportionalTargetNotPositive);
        return result;
    }

    /// <summary>The share the engine used before this release, to tell when a result depends on the change.</summary>
    private static double LegacyShare(double value, double target, bool lowerIsBetter) =>
        lowerIsBetter ? (value <= 0 ? 1 : target / value) : target == 0 ? (value >= 0 ? 1 : 0) : value / target;

    private static double LegacyClamp(double share) => share < 0 ? 0 : share > 1 ? 1 : share;

    private static double ProportionalRule(double value, double target, double max, bool lowerIsBetter)
    {
        if (lowerIsBetter)
        {
            if (value <= target) return max;
            return target > 0 ? max * target / value : 0;
        }
        if (value >= target) return max;
        return target > 0 ? max * Math.Max(value, 0) / target : 0;
    }

    public static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    public static double Ratio(double a, double b, double whenZero) => b == 0 ? whenZero : a / b;

    /// <summary>
    /// Smallest argument, whatever the order: NaN when any argument is NaN; a zero result is +0
    /// (the documented rule: Min, Max, Clamp and the rounding functions never give −0).
    /// </summary>
    public static double Min(IReadOnlyList<double> values)
    {
        var result = PlusZero(values.Aggregate(double.PositiveInfinity, Math.Min));
        var legacy = values.Count == 4 ? LegacyMin(LegacyMin(values[0], values[1]), LegacyMin(values[2], values[3])) : values.Aggregate(LegacyMin);
        NoteIfDifferent(result, legacy);
        return result;
    }

    /// <summary>Largest argument, whatever the order: NaN when any argument is NaN; a zero result is +0.</summary>
    public static double Max(IReadOnlyList<double> values)
    {
        var result = PlusZero(values.Aggregate(double.NegativeInfinity, Math.Max));
        var legacy = values.Count == 4 ? LegacyMax(LegacyMax(values[0], values[1]), LegacyMax(values[2], values[3])) : values.Aggregate(LegacyMax);
        NoteIfDifferent(result, legacy);
        return result;
    }

    // The engine's Min and Max before this release: a &lt; b ? a : b, folded pairwise.
    private static double LegacyMin(double a, double b) => a < b ? a : b;

    private static double LegacyMax(double a, double b) => a > b ? a : b;

    private static void NoteIfDifferent(double result, double legacy)
    {
        if (BitConverter.DoubleToInt64Bits(result) != BitConverter.DoubleToInt64Bits(legacy) && !(double.IsNaN(result) && double.IsNaN(legacy)))
            KnownFixes.Note(KnownFixes.MinMaxNaN);
    }

    public static double Clamp(double x, double lo, double hi)
    {
        var legacy = x < lo ? lo : x > hi ? hi : x;
        var result = double.IsNaN(x) || double.IsNaN(lo) || double.IsNaN(hi) ? double.NaN : PlusZero(legacy);
        NoteIfDifferent(result, legacy);
        return result;
    }

    /// <summary>A zero of either sign as +0; any other value as it is.</summary>
    public static double PlusZero(double x) => x == 0 ? 0d : x;

    public static double Pow10(int digits)
    {
        var scale = 1d;
        for (var i = 0; i < digits; i++) scale *= 10;
        return scale;
    }
}
