using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>Parents: sum of regular and bonus children minus penalties, clamped to [0, applicable max].</summary>
[TestClass]
public sealed class ParentAggregationTests
{
    private const string Inputs = """
        [ { "name": "a", "type": "number" }, { "name": "b", "type": "number" },
          { "name": "bonus", "type": "number", "missing": "default", "default": 0 },
          { "name": "penalty", "type": "number", "missing": "default", "default": 0 } ]
        """;

    /// <summary>Area 1 (max 2) = 1.1 (max 1) + 1.2 (max 1) + bonus 1.B (max 0.5) − penalty 1.P (max 1).</summary>
    private static CompiledRuleSet Area() => RuleSets.Load(
        inputs: Inputs,
        criteria: """
        [ { "code": "1", "title": "Area", "max": 2, "children": [
            { "code": "1.1", "title": "First", "max": 1, "formula": "a" },
            { "code": "1.2", "title": "Second", "max": 1, "formula": "b" },
            { "code": "1.B", "title": "Initiatives", "kind": "bonus", "max": 0.5,
              "count": { "value": "bonus", "pointsPerItem": 0.25 } },
            { "code": "1.P", "title": "Disciplined staff", "kind": "penalty", "max": 1,
              "count": { "value": "penalty", "pointsPerItem": 0.5 } } ] },
          { "code": "2", "title": "Other area", "max": 1, "formula": "1" } ]
        """);

    private static Dictionary<string, object?> Values(double a, double b, double bonus = 0, double penalty = 0) =>
        new() { ["a"] = a, ["b"] = b, ["bonus"] = bonus, ["penalty"] = penalty };

    [TestMethod]
    public void Parent_IsTheSumOfItsChildren()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(0.4, 0.35));

        // 0.4 + 0.35 = 0.75
        Assert.AreEqual(0.75, result["1"].Points, 1e-9);
        // total = area 1 (0.75) + area 2 (1) = 1.75 of 3
        Assert.AreEqual(1.75, result.Total, 1e-9);
        Assert.AreEqual(3.0, result.MaxPoints, 1e-9);
        // 100 × 1.75 / 3 = 58.333… → 58.33
        Assert.AreEqual(58.33, result.Percent, 1e-9);
    }

    [TestMethod]
    public void Parent_IsCappedAtItsMax_WhenChildrenSumMore()
    {
        // Children max 1.5 + 1.5 = 3 exceed the parent's max 2 (a warning, but allowed).
        using var rules = RuleSets.Load(
            inputs: Inputs,
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "First", "max": 1.5, "formula": "a" },
                { "code": "1.2", "title": "Second", "max": 1.5, "formula": "b" } ] } ]
            """);

        var result = rules.ScoreOne(Values(1.5, 1.0));

        // 1.5 + 1.0 = 2.5 > max 2 → 2
        Assert.AreEqual(2.0, result["1"].Points, 1e-9);
        Assert.AreEqual(100.0, result.Percent, 1e-9);
        Assert.IsTrue(rules.Diagnostics.Any(d => d.Code == "PAR0305"), "expected the max-sum warning");
    }

    [TestMethod]
    public void Bonus_AddsToTheParent()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(0.5, 0.5, bonus: 1));

        // bonus 1 × 0.25 = 0.25; area = 0.5 + 0.5 + 0.25 = 1.25 (≤ 2)
        Assert.AreEqual(0.25, result["1.B"].Points, 1e-9);
        Assert.AreEqual(1.25, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void Bonus_IsCappedByItsOwnMax()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(0.5, 0.5, bonus: 5));

        // bonus 5 × 0.25 = 1.25 > its max 0.5 → 0.5; area = 0.5 + 0.5 + 0.5 = 1.5
        Assert.AreEqual(0.5, result["1.B"].Points, 1e-9);
        Assert.AreEqual(1.5, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void Bonus_DoesNotLiftTheParentAboveItsMax()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(1, 0.9, bonus: 2));

        // bonus 2 × 0.25 = 0.5; area = 1 + 0.9 + 0.5 = 2.4 > max 2 → 2
        Assert.AreEqual(2.0, result["1"].Points, 1e-9);
        // the bonus does not raise the area's max either: still 2
        Assert.AreEqual(2.0, result["1"].MaxPoints, 1e-9);
        // total = 2 + 1 = 3 of 3 → 100 %
        Assert.AreEqual(100.0, result.Percent, 1e-9);
    }

    [TestMethod]
    public void Penalty_IsSubtracted()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(1, 0.8, penalty: 1));

        // penalty 1 × 0.5 = 0.5 (shown positive); area = 1 + 0.8 − 0.5 = 1.3
        Assert.AreEqual(0.5, result["1.P"].Points, 1e-9);
        Assert.AreEqual(1.3, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void Penalty_NeverTakesTheParentBelowZero()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(0.25, 0, penalty: 2));

        // penalty 2 × 0.5 = 1; area = 0.25 + 0 − 1 = −0.75 → floor 0
        Assert.AreEqual(1.0, result["1.P"].Points, 1e-9);
        Assert.AreEqual(0.0, result["1"].Points, 1e-9);
        // total = 0 + area 2 (1) = 1: the other area keeps its points
        Assert.AreEqual(1.0, result.Total, 1e-9);
    }

    [TestMethod]
    public void BonusAndPenalty_CombineBeforeTheCap()
    {
        using var rules = Area();

        var result = rules.ScoreOne(Values(1, 1, bonus: 2, penalty: 1));

        // 1 + 1 + 0.5 − 0.5 = 2 (the bonus makes up for the penalty), ≤ 2 → 2
        Assert.AreEqual(2.0, result["1"].Points, 1e-9);
    }

    [TestMethod]
    public void TopLevelBonus_AddsToTheTotal_ButTotalIsCappedAtMax()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "formula": "a" },
              { "code": "B", "title": "Bonus", "kind": "bonus", "max": 1, "formula": "bonus" } ]
            """);

        var some = rules.ScoreOne(new Dictionary<string, object?> { ["a"] = 1.0, ["b"] = 0.0, ["bonus"] = 0.5 });
        var lots = rules.ScoreOne(new Dictionary<string, object?> { ["a"] = 1.8, ["b"] = 0.0, ["bonus"] = 1.0 });

        // 1 + 0.5 = 1.5 of max 2 (bonus adds no max) → 75 %
        Assert.AreEqual(1.5, some.Total, 1e-9);
        Assert.AreEqual(2.0, some.MaxPoints, 1e-9);
        Assert.AreEqual(75.0, some.Percent, 1e-9);
        // 1.8 + 1 = 2.8 > 2 → total capped at 2 → 100 %
        Assert.AreEqual(2.0, lots.Total, 1e-9);
        Assert.AreEqual(100.0, lots.Percent, 1e-9);
    }

    [TestMethod]
    public void NestedParents_SumThroughEveryLevel()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            criteria: """
            [ { "code": "1", "title": "Area", "max": 3, "children": [
                { "code": "1.1", "title": "Group", "max": 2, "children": [
                  { "code": "1.1.1", "title": "Leaf a", "max": 1, "formula": "a" },
                  { "code": "1.1.2", "title": "Leaf b", "max": 1, "formula": "b" } ] },
                { "code": "1.2", "title": "Leaf c", "max": 1, "formula": "1" } ] } ]
            """);

        var result = rules.ScoreOne(Values(0.25, 0.5));

        // 1.1 = 0.25 + 0.5 = 0.75; 1 = 0.75 + 1 = 1.75; percent = 100 × 1.75 / 3 = 58.333… → 58.33
        Assert.AreEqual(0.75, result["1.1"].Points, 1e-9);
        Assert.AreEqual(1.75, result["1"].Points, 1e-9);
        Assert.AreEqual(58.33, result.Percent, 1e-9);
        // depth: area 0, group 1, leaf 2
        Assert.AreEqual(2, result["1.1.1"].Depth);
    }
}
