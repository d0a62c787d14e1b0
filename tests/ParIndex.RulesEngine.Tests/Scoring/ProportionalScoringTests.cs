using System.Globalization;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>The "proportional" scoring form: max × min(value ÷ target, 1), or the inverse when lower is better.</summary>
[TestClass]
public sealed class ProportionalScoringTests
{
    private static CompiledRuleSet Proportional(double target, double max, bool lowerIsBetter = false) => RuleSets.Load(
        inputs: """[ { "name": "v", "type": "number" } ]""",
        // JSON numbers are invariant whatever the current culture (vi-VN would write 0,9).
        criteria: string.Create(CultureInfo.InvariantCulture, $$"""
        [ { "code": "1", "title": "P", "max": {{max}},
            "proportional": { "value": "v", "target": {{target}}, "lowerIsBetter": {{(lowerIsBetter ? "true" : "false")}} } } ]
        """));

    private static double PointsFor(CompiledRuleSet rules, double value) =>
        rules.ScoreOne(new Dictionary<string, object?> { ["v"] = value })["1"].Points;

    [TestMethod]
    [DataRow(0.747, 0.9, 1.0, 0.83)]   // 0.747 / 0.9 = 0.83 → 0.83 × 1 = 0.83
    [DataRow(0.035, 0.07, 1.5, 0.75)]  // 0.035 / 0.07 = 0.5 → 0.5 × 1.5 = 0.75
    [DataRow(0.9, 0.9, 2.0, 2.0)]      // 0.9 / 0.9 = 1 → 1 × 2 = 2
    [DataRow(1.2, 0.9, 2.0, 2.0)]      // 1.2 / 0.9 = 1.33 → min(1.33, 1) = 1 → 1 × 2 = 2 (capped)
    [DataRow(-0.5, 0.9, 1.0, 0.0)]     // −0.5 / 0.9 < 0 → clamped to 0
    public void HigherIsBetter_GivesTheShareOfTheTarget_CappedAtMax(double value, double target, double max, double expected)
    {
        using var rules = Proportional(target, max);

        Assert.AreEqual(expected, PointsFor(rules, value), 1e-9);
    }

    [TestMethod]
    [DataRow(0.08, 0.25)]  // 0.02 / 0.08 = 0.25 → 0.25 × 1 = 0.25
    [DataRow(0.04, 0.5)]   // 0.02 / 0.04 = 0.5 → 0.5
    [DataRow(0.02, 1.0)]   // 0.02 / 0.02 = 1 → 1
    [DataRow(0.01, 1.0)]   // 0.02 / 0.01 = 2 → min(2, 1) = 1 → 1 (capped)
    [DataRow(0.0, 1.0)]    // value 0 → max (no division by zero)
    public void LowerIsBetter_GivesTargetOverValue_CappedAtMax(double value, double expected)
    {
        using var rules = Proportional(0.02, 1, lowerIsBetter: true);

        Assert.AreEqual(expected, PointsFor(rules, value), 1e-9);
    }

    [TestMethod]
    [DataRow(0.0, 1.0)]   // target 0, value 0 ≥ 0 → max
    [DataRow(0.4, 1.0)]   // target 0, value 0.4 ≥ 0 → max
    [DataRow(12.0, 1.0)]  // target 0, value 12 ≥ 0 → max
    [DataRow(-1.0, 0.0)]  // target 0, value −1 < 0 → 0
    public void HigherIsBetter_TargetZero_GivesMaxForAnyValueAtLeastZero(double value, double expected)
    {
        using var rules = Proportional(0, 1);

        Assert.AreEqual(expected, PointsFor(rules, value), 1e-9);
    }

    [TestMethod]
    public void LowerIsBetter_TargetZero_OnlyAValueOfZeroEarnsPoints()
    {
        // docs/rule-files.md: lower is better, v ≤ t gives max, else m × t ÷ v when t > 0, else 0;
        // so with target 0 any value above 0 scores 0 and a value of 0 scores max.
        using var rules = Proportional(0, 1, lowerIsBetter: true);

        // value 0 → max = 1
        Assert.AreEqual(1.0, PointsFor(rules, 0.0), 1e-9);
        // 0 / 0.05 = 0 → 0 × 1 = 0
        Assert.AreEqual(0.0, PointsFor(rules, 0.05), 1e-9);
    }

    [TestMethod]
    public void TargetAsFormula_IsEvaluatedPerAgency()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "done", "type": "number" }, { "name": "planned", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "P", "max": 1, "proportional": { "value": "done", "target": "planned * 0.8" } } ]
            """);

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["done"] = 6.0, ["planned"] = 10.0 });

        // target = 10 × 0.8 = 8 → 6 / 8 = 0.75 → 0.75 × 1 = 0.75
        Assert.AreEqual(0.75, result["1"].Points, 1e-9);
    }
}
