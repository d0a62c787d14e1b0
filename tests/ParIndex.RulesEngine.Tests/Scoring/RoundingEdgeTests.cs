using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>Rounding half away from zero, and rounded values at band and classification edges.</summary>
[TestClass]
public sealed class RoundingEdgeTests
{
    private const string Classification = """
        [ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 80 },
          { "label": "Trung bình", "minPercent": 65 }, { "label": "Yếu", "minPercent": 0 } ]
        """;

    [TestMethod]
    public void TwoPointSixSevenFive_RoundsUpToTwoPointSixEight()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 5, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 2.675 });

        // 2.675 is stored as 2.67499999…; half away from zero at precision 2 → 2.68 (not 2.67)
        Assert.AreEqual(2.68, result["1"].Points, 1e-12);
    }

    [TestMethod]
    [DataRow(0.125, 0.13)]  // half → away from zero → 0.13 (banker's rounding would give 0.12)
    [DataRow(0.135, 0.14)]  // half → 0.14
    [DataRow(0.1249, 0.12)] // below half → 0.12
    public void PointsRoundHalfAwayFromZero(double value, double expected)
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 1, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = value });

        Assert.AreEqual(expected, result["1"].Points, 1e-12);
    }

    [TestMethod]
    public void PrecisionZero_RoundsTwoPointFiveToThree()
    {
        using var rules = RuleSets.Load(
            precision: 0,
            criteria: """[ { "code": "1", "title": "R", "max": 5, "formula": "2.5" } ]""");

        var result = rules.ScoreOne(RuleSets.NoValues());

        // 2.5 at precision 0, half away from zero → 3; percent 100 × 3 / 5 = 60
        Assert.AreEqual(3.0, result["1"].Points, 1e-12);
        Assert.AreEqual(60.0, result.Percent, 1e-12);
    }

    [TestMethod]
    public void PercentJustBelowNinetyInBinary_IsClassifiedInTheNinetyBand()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            classification: Classification,
            criteria: """[ { "code": "1", "title": "R", "max": 1.1, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 0.99 });

        // 100 × 0.99 / 1.1 is 89.99999999999999 in doubles (exactly 90 on paper) → rounded 90.00
        Assert.AreEqual(90.0, result.Percent);
        Assert.AreEqual("Tốt", result.Classification);
    }

    [TestMethod]
    public void PercentRoundingUpToTheBandEdge_IsClassifiedInThatBand()
    {
        // max 200.01 (on the 0.01 grid): 180 of it is 89.9955…%, which rounds to 90.00 at precision 2
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            classification: Classification,
            criteria: """[ { "code": "1", "title": "R", "max": 200.01, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 180.0 });

        // 100 × 180 / 200.01 = 89.99550022… → 90.00 → "Tốt"
        Assert.AreEqual(90.0, result.Percent, 1e-12);
        Assert.AreEqual("Tốt", result.Classification);
    }

    [TestMethod]
    public void PercentJustBelowTheBandEdgeAfterRounding_FallsIntoTheBandBelow()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            classification: Classification,
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 8.99 });

        // 100 × 8.99 / 10 = 89.9 → 89.90 < 90 → "Khá"
        Assert.AreEqual(89.9, result.Percent, 1e-12);
        Assert.AreEqual("Khá", result.Classification);
    }

    [TestMethod]
    public void PercentNinetyInBinaryAndExactNinety_TieInRank()
    {
        // A skips criterion 2: 0.99 of 1.1 (89.999…% in doubles); B: 0.99 + 8.01 = 9 of 10 = 90 %.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" }, { "name": "y", "type": "number" }, { "name": "two", "type": "bool" } ]""",
            classification: Classification,
            criteria: """
            [ { "code": "1", "title": "One", "max": 1.1, "formula": "x" },
              { "code": "2", "title": "Two", "max": 8.9, "appliesTo": "two", "formula": "y" } ]
            """);

        var report = rules.ScoreRows(
            ("A", new Dictionary<string, object?> { ["x"] = 0.99, ["y"] = 0.0, ["two"] = false }),
            ("B", new Dictionary<string, object?> { ["x"] = 0.99, ["y"] = 8.01, ["two"] = true }));

        // A: 100 × 0.99 / 1.1 → 90.00; B: 100 × 9 / 10 = 90.00 → equal → both rank 1
        Assert.AreEqual(report.Find("B")!.Percent, report.Find("A")!.Percent);
        Assert.AreEqual(1, report.Find("A")!.Rank);
        Assert.AreEqual(1, report.Find("B")!.Rank);
    }

    [TestMethod]
    public void FloatingSum_ReachesTheAtLeastEdge()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "a", "type": "number" }, { "name": "b", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Sum", "max": 1,
                "bands": { "of": "a + b", "steps": [
                  { "below": 0.3, "points": 0, "label": "under 0.3" },
                  { "atLeast": 0.3, "points": 1, "label": "0.3 or more" } ] } } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["a"] = 0.1, ["b"] = 0.2 }));

        // 0.1 + 0.2 = 0.30000000000000004: not below 0.3, at least 0.3 → step 2 → 1
        Assert.AreEqual(1.0, report.Find("A")!["1"].Points, 1e-12);
        StringAssert.StartsWith(report.Explain("A", "1").MatchedBand, "2: 0.3 or more");
    }

    [TestMethod]
    public void FloatingDifference_JustUnderTheEdge_StillCountsAsReachingIt()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "a", "type": "number" }, { "name": "b", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Difference", "max": 1,
                "bands": { "of": "a - b", "steps": [
                  { "below": 0.3, "points": 0.5, "label": "under 0.3" },
                  { "atLeast": 0.3, "points": 1, "label": "0.3 or more" } ] } } ]
            """);

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["a"] = 0.7, ["b"] = 0.4 });

        // 0.7 − 0.4 = 0.29999999999999993 in doubles (0.3 on paper): not below 0.3 → step 2 → 1
        Assert.AreEqual(1.0, result["1"].Points, 1e-12);
    }
}
