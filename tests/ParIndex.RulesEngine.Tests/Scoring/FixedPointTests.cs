using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.Oracle;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Edge cases of the kernel's fixed-point points (whole counts of 10^-precision): halves at the
/// precision, values whose double lies just below a half, penalties below 0, caps, tiny values,
/// criteria that do not apply, precisions 0 and 3 and large maxima. Each golden value is worked
/// out by hand in the test's comment from the rounding rule of the rule-file reference
/// (floor(s + 0.5 + 1e-9·s) with s = |x|·10^precision, sign copied), and every case is also
/// scored by the reference interpreter, which must agree on every criterion, total and percent.
/// </summary>
[TestClass]
public sealed class FixedPointTests
{
    private const string Inputs = """
        [ { "name": "x", "type": "number" },
          { "name": "y", "type": "number", "missing": "default", "default": 0 },
          { "name": "z", "type": "number", "missing": "default", "default": 0 },
          { "name": "on", "type": "bool", "missing": "default", "default": true } ]
        """;

    /// <summary>Scores one agency with the engine, after checking the reference interpreter gives the same result for it.</summary>
    private static AgencyScore Score(string criteria, Dictionary<string, object?> values, int? precision = null)
    {
        var json = RuleSets.Json(criteria, Inputs, precision: precision);
        var generated = new GeneratedCase(0, json, [("A", (IReadOnlyDictionary<string, object?>)values)]);
        var mismatches = DifferentialCheck.Run(generated, knownFixed: true);
        Assert.IsEmpty(mismatches, DifferentialCheck.Describe(generated, mismatches));
        using var rules = RuleSets.LoadJson(json);
        return rules.ScoreOne(values);
    }

    private static Dictionary<string, object?> Values(double x, double y = 0, double z = 0, bool on = true) =>
        new() { ["x"] = x, ["y"] = y, ["z"] = z, ["on"] = on };

    /// <summary>One leaf "1" (max 2) scoring x.</summary>
    private const string Leaf = """[ { "code": "1", "title": "Leaf", "max": 2, "formula": "x" } ]""";

    /// <summary>Area "1" (max 2): regular 1.1 (max 2) scoring x, penalty 1.P (max 1) scoring y.</summary>
    private const string WithPenalty = """
        [ { "code": "1", "title": "Area", "max": 2, "children": [
            { "code": "1.1", "title": "Regular", "max": 2, "formula": "x" },
            { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "y" } ] } ]
        """;

    [TestMethod]
    [DataRow(0.125, 0.13)]  // 0.125 is exact in binary: s = 12.5 → floor(12.5 + 0.5 + 1.25e-8) = 13 → 0.13 (half away from zero)
    [DataRow(0.375, 0.38)]  // exact: s = 37.5 → 38 → 0.38 (banker's rounding would also give 0.38; 0.125 is the one it would not)
    [DataRow(1.005, 1.01)]  // stored as 1.00499999999999989…: s = 100.49999999999999 + 0.5 + 1.005e-7 ≥ 101 → 1.01
    [DataRow(0.145, 0.15)]  // stored as 0.14499999999999999…: s = 14.499999999999998 + 0.5 + 1.45e-8 ≥ 15 → 0.15
    [DataRow(1.0049999, 1.00)] // s = 100.49999 + 0.5 + 1.0e-7 = 100.9999901 < 101: a real shortfall of 1e-5 counts, far beyond 1e-9·s → 1.00
    public void ALeafOnTheHalf_RoundsAwayFromZero_AsTheDocumentedRuleSays(double x, double expected)
    {
        var result = Score(Leaf, Values(x));

        Assert.AreEqual(expected, result["1"].Points);
        Assert.AreEqual(expected, result.Total);
        Assert.AreEqual(expected * 50, result.Percent, 1e-9); // of max 2: the percent 100 × points / 2 is on the 0.01 grid already
    }

    [TestMethod]
    [DataRow(95d, true, 0.13, 0.63)]  // band ≥ 90: 0.125 → s = 12.5 → 13 → 0.13; yes/no 0.5 → 50; 1 = 0.13 + 0.50 = 0.63
    [DataRow(80d, true, 1.01, 1.51)]  // band [70, 90): 1.005 (stored 1.00499999999999989…) → 100.49999999999999 + 0.5 + 1.005e-7 → 101 → 1.01; + 0.50
    [DataRow(60d, false, 0.15, 0.15)] // band [50, 70): 0.145 (stored 0.14499999999999999…) → 15 → 0.15; yes/no false → 0
    [DataRow(10d, true, 0.00, 0.50)]  // band below 50: a negative step (−0.3) is clamped to 0 before rounding; + 0.50
    public void BandAndYesNoPoints_OffTheGridOrBelowZero_CountAsTheRuleSays(double share, bool yes, double band, double area)
    {
        // The generator works the counts of literal points out once (band steps, a yes/no max):
        // they must be the counts the kernel's rounding would give at run time.
        const string criteria = """
            [ { "code": "1", "title": "Area", "max": 2.5, "children": [
                { "code": "1.1", "title": "Band", "max": 2, "bands": { "of": "x", "steps": [
                    { "atLeast": 90, "points": 0.125 }, { "atLeast": 70, "below": 90, "points": 1.005 },
                    { "atLeast": 50, "below": 70, "points": 0.145 }, { "below": 50, "points": -0.3 } ] } },
                { "code": "1.2", "title": "Yes", "max": 0.5, "yesNo": "on" } ] } ]
            """;
        var result = Score(criteria, Values(share, on: yes));

        Assert.AreEqual(band, result["1.1"].Points);
        Assert.AreEqual(yes ? 0.5 : 0d, result["1.2"].Points);
        Assert.AreEqual(area, result.Total, 1e-12);
    }

    [TestMethod]
    public void APenaltyOnTheHalf_IsRoundedOnItsOwn_AndTheParentIsNotRoundedAgain()
    {
        var result = Score(WithPenalty, Values(1, y: 0.125));

        // 1.1 = 1.00; 1.P: 0.125 → 0.13 (half away from zero); 1 = 1.00 − 0.13 = 0.87 exactly.
        // Rounding the net 0.875 instead would give 0.88: the parent adds rounded counts (100 − 13).
        Assert.AreEqual(0.13, result["1.P"].Points);
        Assert.AreEqual(0.87, result["1"].Points);
        Assert.AreEqual(0.87, result.Total);
        // percent 100 × 0.87 / 2 = 43.5 → 43.50
        Assert.AreEqual(43.5, result.Percent);
    }

    [TestMethod]
    [DataRow(-0.125, 0.87)] // Round(-0.125, 2) = −0.13 (sign copied, half away from zero); 1 + (−0.13) = 0.87
    [DataRow(0.125, 1.13)]  // Round(0.125, 2) = 0.13; 1 + 0.13 = 1.13 (within max 2)
    [DataRow(-1.005, 0)]    // Round(−1.00499999999999989…, 2) = −1.01; 1 − 1.01 = −0.01, clamped to 0 (and +0)
    public void RoundOfANegativeHalf_InAFormula_RoundsAwayFromZero(double x, double expected)
    {
        var result = Score("""[ { "code": "1", "title": "Leaf", "max": 2, "formula": "1 + Round(x, 2)" } ]""", Values(x));

        Assert.AreEqual(expected, result["1"].Points, 1e-12);
        Assert.IsFalse(double.IsNegative(result["1"].Points), "no point is -0");
    }

    [TestMethod]
    public void PenaltiesAboveThePoints_FloorTheParentAtZero_AndTheTotalToo()
    {
        // 1.1 = 0.3; 1.P = 1 (its max); 1 = 0.3 − 1 = −0.7 → floored at 0; percent 0 / 2 = 0
        var result = Score(WithPenalty, Values(0.3, y: 5));

        Assert.AreEqual(0.3, result["1.1"].Points);
        Assert.AreEqual(1.0, result["1.P"].Points);
        Assert.AreEqual(0.0, result["1"].Points);
        Assert.IsFalse(double.IsNegative(result["1"].Points), "a floored parent is +0, never -0");
        Assert.AreEqual(0.0, result.Total);
        Assert.AreEqual(0.0, result.Percent);
    }

    [TestMethod]
    public void APenaltyUnderANestedParent_FloorsOnlyThatParent()
    {
        // 1 (max 3) = 1.1 (max 2) + 1.2 (max 1). 1.1 = 1.1.1 (0.25) − penalty 1.1.P (0.75 of max 1) = −0.5 → 0.
        // 1.2 = 0.6. 1 = 0 + 0.6 = 0.6: the −0.5 is not carried up. Percent 100 × 0.6 / 3 = 20.
        var result = Score("""
            [ { "code": "1", "title": "Area", "max": 3, "children": [
                { "code": "1.1", "title": "Sub", "max": 2, "children": [
                  { "code": "1.1.1", "title": "Regular", "max": 2, "formula": "x" },
                  { "code": "1.1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "y" } ] },
                { "code": "1.2", "title": "Other", "max": 1, "formula": "z" } ] } ]
            """, Values(0.25, y: 0.75, z: 0.6));

        Assert.AreEqual(0.0, result["1.1"].Points);
        Assert.AreEqual(0.6, result["1"].Points);
        Assert.AreEqual(20.0, result.Percent);
    }

    [TestMethod]
    public void ChildrenAboveTheParentsMax_AreCappedAtIt()
    {
        // 1 (max 1) = 1.1 (max 0.6, scores 0.6) + 1.2 (max 0.6, scores 0.555 → 0.56) = 1.16 → capped at 1.
        // The children's maxima add up to 1.2 ≠ 1 (a warning, not an error). Percent 100 × 1 / 1 = 100.
        var result = Score("""
            [ { "code": "1", "title": "Area", "max": 1, "children": [
                { "code": "1.1", "title": "First", "max": 0.6, "formula": "x" },
                { "code": "1.2", "title": "Second", "max": 0.6, "formula": "y" } ] } ]
            """, Values(0.6, y: 0.555));

        Assert.AreEqual(0.56, result["1.2"].Points); // 0.555 stored as 0.55500000000000004… → s = 55.5 → 56
        Assert.AreEqual(1.0, result["1"].Points);
        Assert.AreEqual(1.0, result["1"].MaxPoints);
        Assert.AreEqual(100.0, result.Percent);
    }

    [TestMethod]
    public void ABonusAboveTheParentsMax_IsCapped_ButMakesUpForAPenalty()
    {
        // 1 (max 2) = 1.1 (1.95 of 2) + bonus 1.B (0.5 of 0.5) − penalty 1.P (z = 0.3).
        // 1.95 + 0.5 − 0.3 = 2.15 → capped at 2 (the cap comes after the penalty). Percent 100.
        const string criteria = """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "Regular", "max": 2, "formula": "x" },
                { "code": "1.B", "title": "Bonus", "kind": "bonus", "max": 0.5, "formula": "y" },
                { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "z" } ] } ]
            """;
        var capped = Score(criteria, Values(1.95, y: 0.5, z: 0.3));
        // With a penalty of 0.9: 1.95 + 0.5 − 0.9 = 1.55 (no cap); percent 100 × 1.55 / 2 = 77.5
        var below = Score(criteria, Values(1.95, y: 0.5, z: 0.9));

        Assert.AreEqual(2.0, capped["1"].Points);
        Assert.AreEqual(100.0, capped.Percent);
        Assert.AreEqual(1.55, below["1"].Points);
        Assert.AreEqual(77.5, below.Percent);
    }

    [TestMethod]
    [DataRow(1e-12, 0.0)]           // s = 1e-10 → floor(0.5000000001) = 0 → +0
    [DataRow(0.005 - 1e-12, 0.01)]  // s = 0.4999999999 (1e-10 short of the half) + 0.5 + 5e-10 ≥ 1 → within 1e-9·s of the half → 0.01
    [DataRow(0.005 - 1e-9, 0.0)]    // s = 0.4999999 (1e-7 short), 1e-7 > 1e-9·s → 0.00
    [DataRow(2 - 1e-12, 2.0)]       // s = 199.9999999999 → 200 → 2.00 (the max, not above it)
    public void TinyValuesAndTinyShortfalls_RoundByTheRelativeTolerance(double x, double expected)
    {
        var result = Score(Leaf, Values(x));

        Assert.AreEqual(expected, result["1"].Points);
        Assert.IsFalse(double.IsNegative(result["1"].Points), "no point is -0");
    }

    [TestMethod]
    public void ANegativeTinyBonus_ClampsToZero_AndChangesNothing()
    {
        // 1 (max 2) = 1.1 (1.25 of 2) + bonus 1.B (−1e-12 → clamped to 0) − penalty 1.P (1e-12 → 0) = 1.25
        var result = Score("""
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "Regular", "max": 2, "formula": "x" },
                { "code": "1.B", "title": "Bonus", "kind": "bonus", "max": 0.5, "formula": "y" },
                { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "z" } ] } ]
            """, Values(1.25, y: -1e-12, z: 1e-12));

        Assert.AreEqual(0.0, result["1.B"].Points);
        Assert.AreEqual(0.0, result["1.P"].Points);
        Assert.AreEqual(1.25, result["1"].Points);
        Assert.AreEqual(62.5, result.Percent); // 100 × 1.25 / 2
    }

    private const string SometimesApplies = """
        [ { "code": "1", "title": "Area", "max": 3, "children": [
            { "code": "1.1", "title": "Only when on", "max": 0.75, "appliesTo": "on", "formula": "y" },
            { "code": "1.2", "title": "Always", "max": 2.25, "formula": "x" } ] } ]
        """;

    [TestMethod]
    public void AChildThatDoesNotApply_ShrinksTheMax_AndThePercentIsOfTheRest()
    {
        // Off: 1.1 does not apply; applicable max of 1 = min(3, 2.25) = 2.25. 1.2: 1.005 → 1.01 (as above).
        // Percent 100 × 1.01 / 2.25 = 44.888… → 44.89.
        var off = Score(SometimesApplies, Values(1.005, y: 0.75, on: false));
        // On: 1 = 0.75 + 1.01 = 1.76 of 3; percent 100 × 1.76 / 3 = 58.666… → 58.67.
        var on = Score(SometimesApplies, Values(1.005, y: 0.75, on: true));

        Assert.IsFalse(off["1.1"].IsApplicable);
        Assert.AreEqual(2.25, off["1"].MaxPoints);
        Assert.AreEqual(2.25, off.MaxPoints);
        Assert.AreEqual(1.01, off.Total);
        Assert.AreEqual(44.89, off.Percent);
        Assert.AreEqual(3.0, on.MaxPoints);
        Assert.AreEqual(1.76, on.Total);
        Assert.AreEqual(58.67, on.Percent);
    }

    [TestMethod]
    public void PrecisionZero_RoundsEachLeaf_ThenSubtractsWholePoints()
    {
        // Precision 0: 1.1: 1.5 → 2; 1.P: 0.5 → 1 (half away from zero); 1 = 2 − 1 = 1.
        // "2": 0.4999999992 → floor(0.4999999992 + 0.5 + 5e-10) = floor(0.9999999997) = 0.
        // Total 1 of 2 + 1 = 3; percent 100 × 1 / 3 = 33.33… → 33 at precision 0.
        var result = Score(WithPenalty.TrimEnd().TrimEnd(']') +
            """, { "code": "2", "title": "Second", "max": 1, "formula": "z" } ]""",
            Values(1.5, y: 0.5, z: 0.4999999992), precision: 0);

        Assert.AreEqual(2.0, result["1.1"].Points);
        Assert.AreEqual(1.0, result["1.P"].Points);
        Assert.AreEqual(1.0, result["1"].Points);
        Assert.AreEqual(0.0, result["2"].Points);
        Assert.AreEqual(1.0, result.Total);
        Assert.AreEqual(33.0, result.Percent);
    }

    [TestMethod]
    public void PrecisionThree_RoundsHalvesOfTheThirdDecimal()
    {
        // Precision 3: 1.1: 1.0005 (stored 1.00049999999999994…; × 1000 rounds to 1000.5 in doubles) → floor(1000.5 + 0.5 + 1e-6) = 1001 → 1.001;
        // 1.P: 0.0625 exact → s = 62.5 → 63 → 0.063; 1 = 1.001 − 0.063 = 0.938 of 2.
        // Percent 100 × 0.938 / 2 = 46.9 → 46.900.
        var result = Score(WithPenalty, Values(1.0005, y: 0.0625), precision: 3);

        Assert.AreEqual(1.001, result["1.1"].Points);
        Assert.AreEqual(0.063, result["1.P"].Points);
        Assert.AreEqual(0.938, result["1"].Points);
        Assert.AreEqual(46.9, result.Percent);
    }

    [TestMethod]
    public void PrecisionThree_AllowsAMaxOnItsGrid_AndNothingScoresAboveIt()
    {
        // max 0.125 lies on the 0.001 grid. 0.1245 (stored 0.12449999999999999…; × 1000 rounds to 124.5 in doubles) → 125
        // → 0.125 = the max; percent 100. A value above the max (0.2) is clamped to 0.125 first.
        const string criteria = """[ { "code": "1", "title": "Leaf", "max": 0.125, "formula": "x" } ]""";
        var half = Score(criteria, Values(0.1245), precision: 3);
        var above = Score(criteria, Values(0.2), precision: 3);

        Assert.AreEqual(0.125, half["1"].Points);
        Assert.AreEqual(100.0, half.Percent);
        Assert.AreEqual(0.125, above["1"].Points);
    }

    [TestMethod]
    public void LargeMaxima_StayExact_WhereTheRoundingRuleIsExact()
    {
        // 1 (max 2 000 000) = 1.1 (max 1 000 000) + 1.2 (max 1 000 000) − penalty 1.P (max 1), precision 2:
        // up to 2e8 counts, below the 5e8 counts where the 1e-9·s tolerance reaches half a count.
        // 1.1: 999999.995 → s = 99999999.5 (to within 1e-8) + 0.5 + 0.1 → 100000000 → 1000000.00 (its max);
        // 1.2: 123456.785 → s = 12345678.5 (to within 2e-9) + 0.5 + 0.0123 → 12345679 → 123456.79;
        // 1.P: 0.005 → s = 0.5 + 0.5 + 5e-10 → 1 → 0.01.
        // 1 = 100000000 + 12345679 − 1 = 112345678 counts = 1123456.78; percent 100 × 1123456.78 / 2000000 = 56.172839 → 56.17.
        var result = Score("""
            [ { "code": "1", "title": "Area", "max": 2000000, "children": [
                { "code": "1.1", "title": "First", "max": 1000000, "formula": "x" },
                { "code": "1.2", "title": "Second", "max": 1000000, "formula": "y" },
                { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "z" } ] } ]
            """, Values(999999.995, y: 123456.785, z: 0.005));

        Assert.AreEqual(1000000.0, result["1.1"].Points);
        Assert.AreEqual(123456.79, result["1.2"].Points);
        Assert.AreEqual(0.01, result["1.P"].Points);
        Assert.AreEqual(1123456.78, result["1"].Points);
        Assert.AreEqual(1123456.78, result.Total);
        Assert.AreEqual(56.17, result.Percent);
    }
}
