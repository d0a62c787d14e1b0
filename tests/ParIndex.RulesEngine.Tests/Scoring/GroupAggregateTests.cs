using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>GroupMax / GroupMin / GroupMean over the agency's ranking group.</summary>
[TestClass]
public sealed class GroupAggregateTests
{
    private const string Inputs = """
        [ { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
          { "name": "x", "type": "number", "missing": "allow" } ]
        """;

    private const string Ranking = """{ "groupBy": "kind" }""";

    private static (string, Dictionary<string, object?>) Row(string id, string kind, double? x) =>
        (id, new Dictionary<string, object?> { ["kind"] = kind, ["x"] = x });

    [TestMethod]
    public void RatioToGroupMax_GivesTheBestOfEachGroupFullPoints()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            ranking: Ranking,
            variables: """[ { "name": "vsBest", "formula": "Ratio(x, GroupMax(x))" } ]""",
            criteria: """[ { "code": "1", "title": "Against the best", "max": 1, "formula": "vsBest" } ]""");

        var report = rules.ScoreRows(
            Row("S1", "so", 80), Row("S2", "so", 60), Row("S3", "so", 20),
            Row("H1", "huyen", 30), Row("H2", "huyen", 15));

        // so: best 80 → S1 80/80 = 1, S2 60/80 = 0.75, S3 20/80 = 0.25
        Assert.AreEqual(1.0, report.Find("S1")!["1"].Points, 1e-9);
        Assert.AreEqual(0.75, report.Find("S2")!["1"].Points, 1e-9);
        Assert.AreEqual(0.25, report.Find("S3")!["1"].Points, 1e-9);
        // huyen has its own best, 30 (not 80): H1 30/30 = 1, H2 15/30 = 0.5
        Assert.AreEqual(1.0, report.Find("H1")!["1"].Points, 1e-9);
        Assert.AreEqual(0.5, report.Find("H2")!["1"].Points, 1e-9);
    }

    [TestMethod]
    public void GroupMin_AsTargetWhenLowerIsBetter()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            ranking: Ranking,
            criteria: """
            [ { "code": "1", "title": "Late share vs the best", "max": 1,
                "proportional": { "value": "x", "target": "GroupMin(x)", "lowerIsBetter": true } } ]
            """);

        var report = rules.ScoreRows(Row("S1", "so", 2), Row("S2", "so", 8), Row("H1", "huyen", 4), Row("H2", "huyen", 5));

        // so: best (lowest) 2 → S1 2/2 = 1, S2 2/8 = 0.25
        Assert.AreEqual(1.0, report.Find("S1")!["1"].Points, 1e-9);
        Assert.AreEqual(0.25, report.Find("S2")!["1"].Points, 1e-9);
        // huyen: lowest 4 → H2 4/5 = 0.8
        Assert.AreEqual(0.8, report.Find("H2")!["1"].Points, 1e-9);
    }

    [TestMethod]
    public void GroupMean_IsThePerGroupAverage()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            ranking: Ranking,
            criteria: """
            [ { "code": "1", "title": "Above average", "max": 1, "yesNo": "x >= GroupMean(x)" },
              { "code": "2", "title": "Share of mean", "max": 2, "formula": "Ratio(x, GroupMean(x))" } ]
            """);

        var report = rules.ScoreRows(Row("S1", "so", 2), Row("S2", "so", 4), Row("S3", "so", 9), Row("H1", "huyen", 1));

        // so mean = (2 + 4 + 9) / 3 = 5 → S2: 4 ≥ 5 false → 0; S3: 9 ≥ 5 → 1
        Assert.AreEqual(0.0, report.Find("S2")!["1"].Points, 1e-9);
        Assert.AreEqual(1.0, report.Find("S3")!["1"].Points, 1e-9);
        // criterion 2: S2 4 / 5 = 0.8; S1 2 / 5 = 0.4
        Assert.AreEqual(0.8, report.Find("S2")!["2"].Points, 1e-9);
        Assert.AreEqual(0.4, report.Find("S1")!["2"].Points, 1e-9);
        // huyen mean = 1 (only H1) → 1 ≥ 1 → 1; 1 / 1 = 1
        Assert.AreEqual(1.0, report.Find("H1")!["1"].Points, 1e-9);
        Assert.AreEqual(1.0, report.Find("H1")!["2"].Points, 1e-9);
    }

    [TestMethod]
    public void MissingValues_AreSkippedByTheAggregates()
    {
        using var rules = RuleSets.Load(
            inputs: Inputs,
            ranking: Ranking,
            variables: """
            [ { "name": "value", "formula": "IfMissing(x, 0)" },
              { "name": "spread", "formula": "GroupMax(x) - GroupMin(x)" } ]
            """,
            criteria: """
            [ { "code": "1", "title": "Share of mean", "max": 2, "formula": "Ratio(value, GroupMean(x))" },
              { "code": "2", "title": "Spread", "max": 10, "formula": "spread" } ]
            """);

        var report = rules.ScoreRows(Row("S1", "so", 2), Row("S2", "so", null), Row("S3", "so", 4));

        Assert.IsEmpty(report.RowErrors);
        // mean over present values = (2 + 4) / 2 = 3 (S2 is not counted as 0: that would give 2)
        // S3: 4 / 3 = 1.333… → 1.33; S2: 0 / 3 = 0
        Assert.AreEqual(1.33, report.Find("S3")!["1"].Points, 1e-9);
        Assert.AreEqual(0.0, report.Find("S2")!["1"].Points, 1e-9);
        // spread = max 4 − min 2 = 2 (a missing value does not become min 0 or NaN)
        Assert.AreEqual(2.0, report.Find("S1")!["2"].Points, 1e-9);
        Assert.AreEqual(2.0, report.Find("S2")!["2"].Points, 1e-9);
    }

    [TestMethod]
    public void WithoutGroupBy_AggregatesSpanAllAgencies()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "Against the best", "max": 1, "proportional": { "value": "x", "target": "GroupMax(x)" } } ]""");

        var report = rules.ScoreRows(
            ("A", new Dictionary<string, object?> { ["x"] = 40.0 }),
            ("B", new Dictionary<string, object?> { ["x"] = 10.0 }));

        // best over all = 40 → A 40/40 = 1, B 10/40 = 0.25
        Assert.AreEqual(1.0, report.Find("A")!["1"].Points, 1e-9);
        Assert.AreEqual(0.25, report.Find("B")!["1"].Points, 1e-9);
    }
}
