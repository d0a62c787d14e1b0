using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>The "yesNo" scoring form: max when the condition holds, else 0.</summary>
[TestClass]
public sealed class YesNoScoringTests
{
    private static CompiledRuleSet Rules() => RuleSets.Load(
        inputs: """[ { "name": "done", "type": "bool" }, { "name": "late", "type": "number" } ]""",
        criteria: """
        [ { "code": "7", "title": "Area", "max": 1, "children": [
            { "code": "7.1", "title": "Architecture", "max": 0.5, "yesNo": "done" },
            { "code": "7.2", "title": "No late files", "max": 0.5, "yesNo": "done && late == 0" } ] } ]
        """);

    [TestMethod]
    public void True_GivesMax()
    {
        using var rules = Rules();

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["done"] = true, ["late"] = 0.0 });

        // done → 0.5; done && 0 == 0 → 0.5; area = 0.5 + 0.5 = 1
        Assert.AreEqual(0.5, result["7.1"].Points, 1e-9);
        Assert.AreEqual(0.5, result["7.2"].Points, 1e-9);
        Assert.AreEqual(1.0, result.Total, 1e-9);
    }

    [TestMethod]
    public void False_GivesZero()
    {
        using var rules = Rules();

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["done"] = true, ["late"] = 3.0 });

        // done → 0.5; 3 == 0 is false → 0; total 0.5 of 1 = 50 %
        Assert.AreEqual(0.5, result["7.1"].Points, 1e-9);
        Assert.AreEqual(0.0, result["7.2"].Points, 1e-9);
        Assert.AreEqual(50.0, result.Percent, 1e-9);
    }
}
