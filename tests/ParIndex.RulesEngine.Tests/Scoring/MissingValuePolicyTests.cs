using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>What happens to an agency without a value: error, default, allow (notApplicable: see NotApplicableTests).</summary>
[TestClass]
public sealed class MissingValuePolicyTests
{
    [TestMethod]
    public void ErrorPolicy_RejectsTheRow_NamingAgencyAndField_OthersAreScored()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "tasksDone", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "Tasks", "max": 1, "formula": "tasksDone" } ]""");
        var builder = rules.CreateBatch();

        var acceptedFirst = builder.Add("SO-NV", new Dictionary<string, object?> { ["tasksDone"] = 0.5 });
        var acceptedMissing = builder.Add("SO-TP", new Dictionary<string, object?> { ["tasksDone"] = null });
        var acceptedLast = builder.Add("SO-YT", new Dictionary<string, object?> { ["tasksDone"] = 0.75 });
        var report = rules.Score(builder.Build());

        Assert.IsTrue(acceptedFirst);
        Assert.IsFalse(acceptedMissing);
        Assert.IsTrue(acceptedLast);
        var error = report.RowErrors.Single();
        Assert.AreEqual("SO-TP", error.AgencyId);
        Assert.AreEqual("tasksDone", error.Field);
        Assert.AreEqual(DiagnosticCodes.MissingValue, error.Code);
        Assert.AreEqual(2, error.Row);
        StringAssert.Contains(error.Message, "SO-TP");
        StringAssert.Contains(error.Message, "tasksDone");
        // the other two are scored and ranked among themselves: 0.75 → 1st, 0.5 → 2nd
        Assert.HasCount(2, report.Agencies);
        Assert.IsNull(report.Find("SO-TP"));
        Assert.AreEqual(1, report.Find("SO-YT")!.Rank);
        Assert.AreEqual(2, report.Find("SO-NV")!.Rank);
    }

    [TestMethod]
    public void DefaultPolicy_UsesTheDefaultValue()
    {
        using var rules = RuleSets.Load(
            inputs: """
            [ { "name": "reports", "type": "number", "missing": "default", "default": 3 },
              { "name": "published", "type": "bool", "missing": "default", "default": true } ]
            """,
            criteria: """
            [ { "code": "1", "title": "Reports", "max": 2, "count": { "value": "reports", "pointsPerItem": 0.5 } },
              { "code": "2", "title": "Published", "max": 1, "yesNo": "published" } ]
            """);

        var result = rules.ScoreOne(new Dictionary<string, object?>());

        // reports defaults to 3 → 3 × 0.5 = 1.5; published defaults to true → 1; total 2.5 of 3
        Assert.AreEqual(1.5, result["1"].Points, 1e-9);
        Assert.AreEqual(1.0, result["2"].Points, 1e-9);
        Assert.AreEqual(2.5, result.Total, 1e-9);
    }

    [TestMethod]
    public void AllowPolicy_IfMissingSuppliesTheFallback()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "followUps", "type": "number", "missing": "allow" } ]""",
            criteria: """[ { "code": "1", "title": "Follow-ups", "max": 1, "formula": "IfMissing(followUps, 0.25)" } ]""");

        var report = rules.ScoreRows(
            ("MISSING", new Dictionary<string, object?> { ["followUps"] = null }),
            ("GIVEN", new Dictionary<string, object?> { ["followUps"] = 0.75 }));

        // missing → fallback 0.25; given → 0.75
        Assert.IsEmpty(report.RowErrors);
        Assert.AreEqual(0.25, report.Find("MISSING")!["1"].Points, 1e-9);
        Assert.AreEqual(0.75, report.Find("GIVEN")!["1"].Points, 1e-9);
    }

    [TestMethod]
    public void AllowPolicy_IsMissingCanBeTested()
    {
        using var rules = RuleSets.Load(
            inputs: """
            [ { "name": "score", "type": "number", "missing": "allow" },
              { "name": "note", "type": "text", "missing": "allow" } ]
            """,
            criteria: """
            [ { "code": "1", "title": "Reported a score", "max": 1, "yesNo": "!IsMissing(score)" },
              { "code": "2", "title": "Wrote a note", "max": 1, "yesNo": "!IsMissing(note)" } ]
            """);

        var report = rules.ScoreRows(
            ("NONE", new Dictionary<string, object?>()),
            ("BOTH", new Dictionary<string, object?> { ["score"] = 0.0, ["note"] = "ok" }));

        // NONE: both missing → 0 + 0; BOTH: 0 is a value, not missing → 1 + 1
        Assert.AreEqual(0.0, report.Find("NONE")!.Total, 1e-9);
        Assert.AreEqual(2.0, report.Find("BOTH")!.Total, 1e-9);
    }

    [TestMethod]
    public void AllowPolicy_MissingValueUsedUnguarded_MakesTheRowAnError()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number", "missing": "allow" } ]""",
            criteria: """[ { "code": "1.1", "title": "Unguarded", "max": 1, "formula": "x * 2" } ]""");

        var report = rules.ScoreRows(
            ("OK", new Dictionary<string, object?> { ["x"] = 0.25 }),
            ("NAN", new Dictionary<string, object?> { ["x"] = null }));

        // NaN × 2 = NaN → not a number → row error on criterion 1.1; OK: 0.25 × 2 = 0.5
        var error = report.RowErrors.Single();
        Assert.AreEqual("NAN", error.AgencyId);
        Assert.AreEqual("1.1", error.Field);
        Assert.AreEqual(0.5, report.Find("OK")!["1.1"].Points, 1e-9);
    }
}
