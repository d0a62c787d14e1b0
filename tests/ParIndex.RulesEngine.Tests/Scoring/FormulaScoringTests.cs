using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>The "formula" scoring form: the result is clamped to [0, max] and rounded.</summary>
[TestClass]
public sealed class FormulaScoringTests
{
    private const string Inputs = """[ { "name": "x", "type": "number" } ]""";

    private static CompiledRuleSet OneFormula(string formula, double max = 2) => RuleSets.Load(
        inputs: Inputs,
        criteria: $$"""[ { "code": "1", "title": "F", "max": {{max}}, "formula": "{{formula}}" } ]""");

    [TestMethod]
    public void Formula_WithinRange_GivesItsValue()
    {
        using var rules = OneFormula("x * 0.5");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 3.0 });

        // 3 × 0.5 = 1.5, inside [0, 2] → 1.5
        Assert.AreEqual(1.5, result["1"].Points, 1e-9);
        // total = 1.5 of 2 → 75 %
        Assert.AreEqual(75.0, result.Percent, 1e-9);
    }

    [TestMethod]
    public void Formula_AboveMax_IsClampedToMax()
    {
        using var rules = OneFormula("x");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 7.0 });

        // 7 > max 2 → 2
        Assert.AreEqual(2.0, result["1"].Points, 1e-9);
        Assert.AreEqual(2.0, result.Total, 1e-9);
    }

    [TestMethod]
    public void Formula_BelowZero_IsClampedToZero()
    {
        using var rules = OneFormula("x - 5");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 1.0 });

        // 1 − 5 = −4 < 0 → 0
        Assert.AreEqual(0.0, result["1"].Points, 1e-9);
        Assert.AreEqual(0.0, result.Percent, 1e-9);
    }

    [TestMethod]
    public void IntegerLiterals_AreDoubles_SoOneHalfIsAHalf()
    {
        using var rules = RuleSets.Load(
            criteria: """[ { "code": "1", "title": "Half", "max": 1, "formula": "1/2" } ]""");

        var result = rules.ScoreOne(RuleSets.NoValues());

        // 1/2 with double literals = 0.5 (C# integer division would give 0)
        Assert.AreEqual(0.5, result["1"].Points, 1e-9);
    }
}
