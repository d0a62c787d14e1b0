using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>A formula that gives NaN or infinity for one agency rejects that agency only.</summary>
[TestClass]
public sealed class FormulaFaultTests
{
    private static CompiledRuleSet Division() => RuleSets.Load(
        inputs: """[ { "name": "done", "type": "number" }, { "name": "planned", "type": "number" } ]""",
        criteria: """
        [ { "code": "1", "title": "Area", "max": 1, "children": [
            { "code": "1.2", "title": "Plan done", "max": 1, "formula": "done / planned" } ] } ]
        """);

    private static (string, Dictionary<string, object?>) Row(string id, double done, double planned) =>
        (id, new Dictionary<string, object?> { ["done"] = done, ["planned"] = planned });

    [TestMethod]
    public void Infinity_MakesTheRowARowError_TheOthersAreScoredAndRanked()
    {
        using var rules = Division();

        var report = rules.ScoreRows(Row("A", 3, 4), Row("INF", 5, 0), Row("B", 1, 2));

        // INF: 5 / 0 = +∞ → row error PAR0404 on criterion 1.2
        var error = report.RowErrors.Single();
        Assert.AreEqual("INF", error.AgencyId);
        Assert.AreEqual("1.2", error.Field);
        Assert.AreEqual(DiagnosticCodes.FormulaType, error.Code);
        StringAssert.Contains(error.Message, "INF");
        Assert.IsNull(report.Find("INF"));
        // A: 3 / 4 = 0.75 → 75 % → 1st; B: 1 / 2 = 0.5 → 50 % → 2nd (INF takes no place)
        Assert.AreEqual(75.0, report.Find("A")!.Percent, 1e-9);
        Assert.AreEqual(1, report.Find("A")!.Rank);
        Assert.AreEqual(2, report.Find("B")!.Rank);
        Assert.AreEqual(2, report.Find("B")!.OverallRank);
    }

    [TestMethod]
    public void NaN_MakesTheRowARowError()
    {
        using var rules = Division();

        var report = rules.ScoreRows(Row("NAN", 0, 0), Row("A", 1, 4));

        // 0 / 0 = NaN → row error; A: 1 / 4 = 0.25 → scored
        Assert.AreEqual("NAN", report.RowErrors.Single().AgencyId);
        Assert.AreEqual(0.25, report.Find("A")!["1.2"].Points, 1e-9);
        Assert.HasCount(1, report.Agencies);
    }

    [TestMethod]
    public void ExplainingARejectedAgency_SaysWhy()
    {
        using var rules = Division();

        var report = rules.ScoreRows(Row("INF", 5, 0));

        var thrown = Assert.ThrowsExactly<KeyNotFoundException>(() => report.Explain("INF", "1.2"));
        StringAssert.Contains(thrown.Message, "not scored");
    }

    [TestMethod]
    public void BandValueThatIsNoNumber_IsComparedLikeANumber_NaNMatchesNoStep()
    {
        // docs/rule-files.md (bands): comparisons with NaN are false, so NaN matches no step and
        // scores 0; +∞ compares as a number and reaches atLeast steps. Neither is a row fault
        // (a formula leaf giving NaN/∞ still is: see the tests above).
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "online", "type": "number" }, { "name": "received", "type": "number" } ]""",
            criteria: """
            [ { "code": "7.6", "title": "Online share", "max": 1,
                "bands": { "of": "online / received", "steps": [
                  { "atLeast": 0.25, "points": 1 }, { "atLeast": 0.1, "below": 0.25, "points": 0.5 } ] } } ]
            """);

        var report = rules.ScoreRows(
            ("OK", new Dictionary<string, object?> { ["online"] = 15.0, ["received"] = 100.0 }),
            ("INF", new Dictionary<string, object?> { ["online"] = 5.0, ["received"] = 0.0 }),
            ("NAN", new Dictionary<string, object?> { ["online"] = 0.0, ["received"] = 0.0 }));

        Assert.IsEmpty(report.RowErrors, string.Join("; ", report.RowErrors));
        // OK: 15 / 100 = 0.15 → second band → 0.5
        Assert.AreEqual(0.5, report.Find("OK")!["7.6"].Points, 1e-9);
        // INF: 5 / 0 = +∞ ≥ 0.25 → first band → 1
        Assert.AreEqual(1.0, report.Find("INF")!["7.6"].Points, 1e-9);
        // NAN: 0 / 0 = NaN: NaN ≥ 0.25 and NaN ≥ 0.1 are false → no band → 0
        Assert.AreEqual(0.0, report.Find("NAN")!["7.6"].Points);
    }

    [TestMethod]
    public void InfinityInACriterionThatDoesNotApply_IsNotAFault()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "done", "type": "number" }, { "name": "planned", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Ratio", "max": 1, "appliesTo": "planned > 0", "formula": "done / planned" },
              { "code": "2", "title": "Other", "max": 1, "formula": "1" } ]
            """);

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["done"] = 5.0, ["planned"] = 0.0 });

        // planned = 0 → criterion 1 does not apply, its formula is not evaluated; 1 of 1 → 100 %
        Assert.IsFalse(result["1"].IsApplicable);
        Assert.AreEqual(100.0, result.Percent, 1e-9);
    }
}
