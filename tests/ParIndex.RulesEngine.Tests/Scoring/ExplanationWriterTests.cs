using System.Globalization;
using ParIndex.RulesEngine.Results.Writers;
#if PARINDEX_CLI
using ParIndex.RulesEngine.Tests.CliTests;
#endif
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Writers that print explanation facts: the per-criterion detail table reads the recorded
/// compared values, and the CLI's explain prints every number invariant, never as "-0".
/// </summary>
[TestClass]
public sealed class ExplanationWriterTests
{
    [TestMethod]
    public void DetailTable_ShowsTheRecordedValueOfAnExpression_Invariant_UnderViVn()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "online", "type": "number" }, { "name": "received", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Online share", "max": 1,
                "bands": { "of": "100 * online / received", "steps": [ { "atLeast": 70, "points": 1, "label": "Đạt" } ] } },
              { "code": "2", "title": "Change", "max": 1,
                "bands": { "of": "online - received", "steps": [ { "atLeast": 0, "points": 1, "label": "Không giảm" } ] } } ]
            """);
        // of(1) = 100 × 15686 / 50533 = 31.0411… → 31.04 at precision 2, below 70: no band.
        // of(2) = 1 − 1.001 = −0.001 (in binary a hair more) → rounds to −0 at precision 2: shown as 0.
        var report = rules.ScoreRows(
            ("A", new Dictionary<string, object?> { ["online"] = 15686.0, ["received"] = 50533.0 }),
            ("B", new Dictionary<string, object?> { ["online"] = 1.0, ["received"] = 1.001 }));
        var saved = CultureInfo.CurrentCulture;
        var text = new StringWriter();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            CriteriaDetailWriter.Write(report, text);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var a = lines.IndexOf(lines.First(l => l.StartsWith("== A", StringComparison.Ordinal)));
        var b = lines.IndexOf(lines.First(l => l.StartsWith("== B", StringComparison.Ordinal)));
        // the value is an expression: before it was recorded, the table showed "–" here
        var rowA = lines.Skip(a).First(l => l.StartsWith("1 ", StringComparison.Ordinal));
        StringAssert.Contains(rowA, "≥ 70");
        StringAssert.Contains(rowA, "31.04");
        StringAssert.Contains(rowA, "no band");
        var rowB = lines.Skip(b).First(l => l.StartsWith("2 ", StringComparison.Ordinal));
        Assert.IsFalse(rowB.Contains("-0", StringComparison.Ordinal), rowB);
        StringAssert.Matches(rowB, new System.Text.RegularExpressions.Regex(@"≥ 0\s+0\s+no band"));
    }

#if PARINDEX_CLI // the parindex command targets .NET 10 only
    [TestMethod]
    public void CliExplain_WritesEveryNumberInvariant_WhateverTheDataCultureAndTheCurrentCulture()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", "agencyId;agencyName;score;reported\nA;Sở A;12,5;có\n");
        var saved = CultureInfo.CurrentCulture;
        CliResult result;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            result = CliWorkspace.Run("explain", rules, data, "--no-cache", "--culture", "vi-VN", "--agency", "A", "--criterion", "1");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        // "12,5" is read under vi-VN as 12.5; score / 10 = 1.25 of 10
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[]
        {
            "1 Điểm — agency A",
            "  scoring: formula: score / 10",
            "  score = 12.5",
            "  points: 1.25 before cap → 1.25 of 10 (declared max 10)",
        }, result.OutLines.ToArray(), result.ToString());
    }
#endif
}
