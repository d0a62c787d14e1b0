using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>The "count" scoring form: value × pointsPerItem, clamped to [0, max].</summary>
[TestClass]
public sealed class CountScoringTests
{
    private static CompiledRuleSet Rules() => RuleSets.Load(
        inputs: """[ { "name": "linked", "type": "number" } ]""",
        criteria: """
        [ { "code": "3.4", "title": "Linked procedures", "max": 1,
            "count": { "value": "linked", "pointsPerItem": 0.25 } } ]
        """);

    [TestMethod]
    [DataRow(3.0, 0.75)]  // 3 × 0.25 = 0.75, below the cap
    [DataRow(4.0, 1.0)]   // 4 × 0.25 = 1 = max
    [DataRow(7.0, 1.0)]   // 7 × 0.25 = 1.75 > max 1 → 1
    [DataRow(-2.0, 0.0)]  // −2 × 0.25 = −0.5 < 0 → 0
    public void Points_AreValueTimesPointsPerItem_ClampedToMax(double linked, double expected)
    {
        using var rules = Rules();

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["linked"] = linked });

        Assert.AreEqual(expected, result["3.4"].Points, 1e-9);
    }

    [TestMethod]
    public void Explain_ShowsTheUncappedProduct()
    {
        using var rules = Rules();

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["linked"] = 6.0 }));
        var explanation = report.Explain("A", "3.4");

        // 6 × 0.25 = 1.5 before the cap → 1 after
        Assert.AreEqual("count", explanation.ScoringForm);
        Assert.AreEqual(1.5, explanation.PointsBeforeCap, 1e-9);
        Assert.AreEqual(1.0, explanation.Points, 1e-9);
    }
}
