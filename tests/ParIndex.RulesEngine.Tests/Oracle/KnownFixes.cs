namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// The places where the rules of this release changed what the engine did before, and engine
/// defects the oracle found. The reference interpreter notes, per agency, each one whose old
/// behaviour would give a different result; with PARINDEX_ORACLE_KNOWN_FIXED=0 those agencies
/// (and the ranks of their case) are not compared, so the test passes on an engine without the
/// fixes. By default everything is compared.
/// </summary>
internal static class KnownFixes
{
    /// <summary>A band over NaN matches no step (0 points); over ±∞ it compares as a number. Before: the row was rejected.</summary>
    public const string BandOverNaNOrInfinity = "bands over NaN or infinity";

    /// <summary>
    /// The new monotone proportional formula gives another result than the old one: a target ≤ 0,
    /// a NaN value with target 0 (was 0, now a fault), a value and target both infinite.
    /// </summary>
    public const string ProportionalTargetNotPositive = "proportional rule (target 0 or below, NaN or infinite operands)";

    /// <summary>Band edges and rounding halves: a relative 1e-9 tolerance, also below 1 (before: absolute below 1).</summary>
    public const string RelativeTolerance = "relative tolerance below 1";

    /// <summary>Points, and the formula function Round, are never −0.</summary>
    public const string NegativeZero = "negative zero";

    /// <summary>
    /// Min, Max and Clamp give NaN when any argument is NaN, and Min/Max do not depend on the
    /// argument order (before: Min(x, 1) was 1 and Min(1, x) NaN for a missing x; also Max(0, −0) was −0).
    /// </summary>
    public const string MinMaxNaN = "Min/Max/Clamp argument order (NaN, -0)";

    /// <summary>Explanations of criteria under a parent that lost all its regular children (before: re-derived, wrong cause).</summary>
    public const string ExplanationReason = "explanation re-derives the reason";

    /// <summary>
    /// Found by the oracle: a bonus or penalty subtree under a parent that does not apply because
    /// none of its regular children applies is still computed, and a NaN or ±∞ there rejects the row.
    /// </summary>
    public const string FaultUnderNotApplicableParent = "fault in a criterion that does not apply";

    /// <summary>
    /// Found by the oracle: PercentOf(a, b) is computed as 100·a/b, not 100 × Ratio(a, b) as
    /// documented, so PercentOf(0.17, 0.17) is 99.99999999999999 and "PercentOf(x, y) &gt;= 100" fails.
    /// </summary>
    public const string PercentOfNotHundredTimesRatio = "PercentOf is not 100 × Ratio";

    [ThreadStatic] private static HashSet<string>? t_sink;

    /// <summary>Collects, on this thread, the known fixes that the following computations depend on.</summary>
    public static void CollectInto(HashSet<string>? sink) => t_sink = sink;

    /// <summary>Notes that the current result depends on <paramref name="fix"/>.</summary>
    public static void Note(string fix) => t_sink?.Add(fix);
}
