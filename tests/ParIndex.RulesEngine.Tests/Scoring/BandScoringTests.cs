using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>The "bands" scoring form: condition steps, range steps, first match wins, no match = 0.</summary>
[TestClass]
public sealed class BandScoringTests
{
    private const string ShareInput = """[ { "name": "share", "type": "number" } ]""";

    /// <summary>The documented example: share of files online, ≥ 25 → 1, 10–25 → 0.5, below 10 → 0.</summary>
    private static CompiledRuleSet RangeBands() => RuleSets.Load(
        inputs: ShareInput,
        criteria: """
        [ { "code": "7.6", "title": "Online share", "max": 1,
            "bands": { "of": "share", "steps": [
              { "atLeast": 25, "points": 1, "label": "≥ 25%" },
              { "atLeast": 10, "below": 25, "points": 0.5, "label": "10% – dưới 25%" },
              { "below": 10, "points": 0.25, "label": "dưới 10%" } ] } } ]
        """);

    private static CompiledRuleSet ConditionBands() => RuleSets.Load(
        inputs: ShareInput,
        criteria: """
        [ { "code": "1", "title": "When steps", "max": 1,
            "bands": { "steps": [
              { "when": "share >= 0.25", "points": 1 },
              { "when": "share >= 0.10", "points": 0.5 } ] } } ]
        """);

    [TestMethod]
    [DataRow(30.0, 1.0)]   // 30 ≥ 25 → step 1 → 1
    [DataRow(25.0, 1.0)]   // 25 ≥ 25 (atLeast is inclusive) → 1
    [DataRow(24.99, 0.5)]  // 10 ≤ 24.99 < 25 → step 2 → 0.5
    [DataRow(10.0, 0.5)]   // 10 ≥ 10 and 10 < 25 → 0.5
    [DataRow(9.99, 0.25)]  // 9.99 < 10 → step 3 → 0.25
    public void RangeSteps_PickTheStepContainingTheValue(double share, double expected)
    {
        using var rules = RangeBands();

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["share"] = share });

        Assert.AreEqual(expected, result["7.6"].Points, 1e-9);
    }

    [TestMethod]
    [DataRow(0.30, 1.0)]  // 0.30 ≥ 0.25 → step 1 → 1
    [DataRow(0.25, 1.0)]  // 0.25 ≥ 0.25 → 1
    [DataRow(0.15, 0.5)]  // 0.15 < 0.25, ≥ 0.10 → step 2 → 0.5
    public void WhenSteps_FirstTrueConditionGivesThePoints(double share, double expected)
    {
        using var rules = ConditionBands();

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["share"] = share });

        Assert.AreEqual(expected, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void WhenSteps_NoMatch_GivesZero_AndExplainSaysNone()
    {
        using var rules = ConditionBands();

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["share"] = 0.05 }));

        // 0.05 < 0.10: no step matches → 0 points
        Assert.AreEqual(0.0, report.Find("A")!["1"].Points, 1e-9);
        var explanation = report.Explain("A", "1");
        Assert.IsTrue(explanation.IsApplicable);
        Assert.IsNotNull(explanation.MatchedBand);
        StringAssert.StartsWith(explanation.MatchedBand, "none");
    }

    [TestMethod]
    public void OverlappingSteps_FirstMatchWins_EvenWhenALaterStepGivesMore()
    {
        // Both steps match 0.5; the first (0.25 points) is taken, not the larger second one.
        using var rules = RuleSets.Load(
            inputs: ShareInput,
            criteria: """
            [ { "code": "1", "title": "Order", "max": 1,
                "bands": { "steps": [
                  { "when": "share >= 0.1", "points": 0.25, "label": "low bar" },
                  { "when": "share >= 0.4", "points": 1, "label": "high bar" } ] } } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["share"] = 0.5 }));

        // 0.5 ≥ 0.1 → first step → 0.25 (the second step, 1 point, is never consulted)
        Assert.AreEqual(0.25, report.Find("A")!["1"].Points, 1e-9);
        StringAssert.StartsWith(report.Explain("A", "1").MatchedBand, "1: low bar");
    }

    [TestMethod]
    public void RangeSteps_NoMatch_GivesZero()
    {
        // Only values from 10 up are covered; 5 matches no step.
        using var rules = RuleSets.Load(
            inputs: ShareInput,
            criteria: """
            [ { "code": "1", "title": "Gap", "max": 1,
                "bands": { "of": "share", "steps": [
                  { "atLeast": 25, "points": 1 },
                  { "atLeast": 10, "below": 25, "points": 0.5 } ] } } ]
            """);

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["share"] = 5.0 });

        // 5 < 10: no step → 0
        Assert.AreEqual(0.0, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void Explain_NamesTheMatchedBand_ByNumberAndLabel()
    {
        using var rules = RangeBands();

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["share"] = 12.0 }));
        var explanation = report.Explain("A", "7.6");

        // 12 is in [10, 25) → the second step, labelled "10% – dưới 25%", worth 0.5
        Assert.AreEqual("bands", explanation.ScoringForm);
        Assert.IsNotNull(explanation.MatchedBand);
        StringAssert.StartsWith(explanation.MatchedBand, "2: 10% – dưới 25%");
        StringAssert.Contains(explanation.MatchedBand, "0.5");
        Assert.AreEqual(0.5, explanation.Points, 1e-9);
    }

    [TestMethod]
    public void StepPointsAboveMax_AreCappedAtMax()
    {
        using var rules = RuleSets.Load(
            inputs: ShareInput,
            criteria: """
            [ { "code": "1", "title": "Cap", "max": 1,
                "bands": { "of": "share", "steps": [ { "atLeast": 0, "points": 3 } ] } } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["share"] = 1.0 }));

        // the step gives 3, the criterion's max is 1 → 1; before the cap it was 3
        Assert.AreEqual(1.0, report.Find("A")!["1"].Points, 1e-9);
        Assert.AreEqual(3.0, report.Explain("A", "1").PointsBeforeCap, 1e-9);
    }
}
