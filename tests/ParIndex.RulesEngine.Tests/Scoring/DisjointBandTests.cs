using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Kernel;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Without detail, a band leaf whose range steps no value can match twice is scored as a sum of
/// "matches ? count : 0" without branches; any other band keeps its first-match if-chain. Both
/// must give the points the detail stage gives, on the edges (with the 1e-9 tolerance) and where
/// overlapping steps make the first match matter.
/// </summary>
[TestClass]
public sealed class DisjointBandTests
{
    private static BandStep Step(double? atLeast, double? below, double points = 1) =>
        new(null, atLeast, below, points, null, new SourceLocation(null, null, 0, 0));

    [TestMethod]
    public void Contiguous_ranges_are_disjoint_and_overlapping_or_conditional_ones_are_not()
    {
        // [90, ∞), [70, 90), [50, 70), (−∞, 50): each edge ends one range where the next begins.
        Assert.IsTrue(KernelGenerator.AreDisjointRanges([Step(90, null), Step(70, 90), Step(50, 70), Step(null, 50)]));
        // A gap between ranges is fine too.
        Assert.IsTrue(KernelGenerator.AreDisjointRanges([Step(90, null), Step(10, 20)]));
        // [50, 90) and [70, ∞) share [70, 90).
        Assert.IsFalse(KernelGenerator.AreDisjointRanges([Step(50, 90), Step(70, null)]));
        // (−∞, 50) and [40, ∞) share [40, 50); two steps open upwards share +∞.
        Assert.IsFalse(KernelGenerator.AreDisjointRanges([Step(null, 50), Step(40, null)]));
        Assert.IsFalse(KernelGenerator.AreDisjointRanges([Step(90, null), Step(95, null)]));
        // A step with a condition is not a range.
        Assert.IsFalse(KernelGenerator.AreDisjointRanges([Step(90, null), new BandStep(new Formula("x > 1", new SourceLocation(null, null, 0, 0)), null, null, 1, null, new SourceLocation(null, null, 0, 0))]));
    }

    [TestMethod]
    public void CountIf_is_the_count_or_zero()
    {
        Assert.AreEqual(150L, FormulaFunctions.CountIf(true, 150));
        Assert.AreEqual(0L, FormulaFunctions.CountIf(false, 150));
        Assert.AreEqual(-13L, FormulaFunctions.CountIf(true, -13));
        Assert.AreEqual(0L, FormulaFunctions.CountIf(false, -13));
        Assert.AreEqual(long.MaxValue, FormulaFunctions.CountIf(true, long.MaxValue));
    }

    [TestMethod]
    // Disjoint steps (points 2 / 1.5 / 0.125 → 13 counts / 0): on and just inside the edges.
    [DataRow(90d, 2d)]            // ≥ 90
    [DataRow(89.99999999, 2d)]     // within 1e-9 × 90 of the edge: counts as 90
    [DataRow(89.9, 1.5d)]          // [70, 90)
    [DataRow(70d, 1.5d)]
    [DataRow(69.99, 0.13)]         // [50, 70): 0.125 → 0.13
    [DataRow(49.9, 0d)]            // below 50
    public void Disjoint_steps_score_without_detail_as_with_it(double x, double expected)
    {
        using var rules = Rules("""
            [ { "atLeast": 90, "points": 2 }, { "atLeast": 70, "below": 90, "points": 1.5 },
              { "atLeast": 50, "below": 70, "points": 0.125 }, { "below": 50, "points": 0 } ]
            """);
        AssertSameBothWays(rules, x, expected);
    }

    [TestMethod]
    // Overlapping steps: [50, 90) first, then [70, ∞); 80 is in both and takes the first (1 point).
    [DataRow(80d, 1d)]
    [DataRow(95d, 2d)]
    [DataRow(60d, 1d)]
    [DataRow(10d, 0d)]
    public void Overlapping_steps_keep_the_first_match_without_detail(double x, double expected)
    {
        using var rules = Rules("""[ { "atLeast": 50, "below": 90, "points": 1 }, { "atLeast": 70, "points": 2 } ]""");
        AssertSameBothWays(rules, x, expected);
    }

    private static CompiledRuleSet Rules(string steps) => RuleSets.Load(
        inputs: """[ { "name": "x", "type": "number" } ]""",
        criteria: $$"""[ { "code": "1", "title": "B", "max": 2, "bands": { "of": "x", "steps": {{steps}} } } ]""");

    private static void AssertSameBothWays(CompiledRuleSet rules, double x, double expected)
    {
        var row = ("A", new Dictionary<string, object?> { ["x"] = x });
        var full = rules.ScoreRows(new ScoringOptions { Detail = ScoreDetail.Full }, row).Agencies.Single();
        var totals = rules.ScoreRows(new ScoringOptions { Detail = ScoreDetail.TotalsOnly }, row).Agencies.Single();
        Assert.AreEqual(expected, full["1"].Points);
        Assert.AreEqual(expected, full.Total);
        Assert.AreEqual(expected, totals.Total);
        Assert.AreEqual(full.Percent, totals.Percent);
    }
}
