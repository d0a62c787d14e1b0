using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>Competition ranking by rounded percent, within groups and overall, and rank change.</summary>
[TestClass]
public sealed class RankingTests
{
    /// <summary>One criterion of max 10, so percent = 10 × points; grouped by agency type.</summary>
    private static CompiledRuleSet Grouped() => RuleSets.Load(
        inputs: """
        [ { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
          { "name": "x", "type": "number" } ]
        """,
        ranking: """{ "groupBy": "kind", "groupTitles": { "so": "Sở, ban, ngành", "huyen": "UBND cấp huyện" } }""",
        criteria: """[ { "code": "1", "title": "Score", "max": 10, "formula": "x" } ]""");

    private static (string, Dictionary<string, object?>) Row(string id, string kind, double x) =>
        (id, new Dictionary<string, object?> { ["kind"] = kind, ["x"] = x });

    /// <summary>so: A 95.2 %, B 93.1 %, C 93.1 %, D 90 %; huyen: E 93.1 %, F 80 %.</summary>
    private static ScoreReport ScoreSix(CompiledRuleSet rules, ScoringOptions? options = null) => rules.ScoreRows(options,
        Row("A", "so", 9.52), Row("B", "so", 9.31), Row("C", "so", 9.31), Row("D", "so", 9.0),
        Row("E", "huyen", 9.31), Row("F", "huyen", 8.0));

    [TestMethod]
    public void Ties_ShareARank_AndTheNextRankSkips_WithinAGroup()
    {
        using var rules = Grouped();

        var report = ScoreSix(rules);

        // so: 95.20, 93.10, 93.10, 90.00 → 1, 2, 2, 4
        Assert.AreEqual(1, report.Find("A")!.Rank);
        Assert.AreEqual(2, report.Find("B")!.Rank);
        Assert.AreEqual(2, report.Find("C")!.Rank);
        Assert.AreEqual(4, report.Find("D")!.Rank);
        // huyen: 93.10, 80.00 → 1, 2
        Assert.AreEqual(1, report.Find("E")!.Rank);
        Assert.AreEqual(2, report.Find("F")!.Rank);
    }

    [TestMethod]
    public void Ties_ShareARank_Overall()
    {
        using var rules = Grouped();

        var report = ScoreSix(rules);

        // all: 95.20 (A), 93.10 (B, C, E), 90.00 (D), 80.00 (F) → 1, 2, 2, 2, 5, 6
        Assert.AreEqual(1, report.Find("A")!.OverallRank);
        Assert.AreEqual(2, report.Find("B")!.OverallRank);
        Assert.AreEqual(2, report.Find("C")!.OverallRank);
        Assert.AreEqual(2, report.Find("E")!.OverallRank);
        Assert.AreEqual(5, report.Find("D")!.OverallRank);
        Assert.AreEqual(6, report.Find("F")!.OverallRank);
    }

    [TestMethod]
    public void Ties_UseRoundedPercent()
    {
        using var rules = Grouped();

        var report = rules.ScoreRows(Row("A", "so", 9.3149), Row("B", "so", 9.3051), Row("C", "so", 9.2));

        // points round to 9.31 and 9.31 → both 93.10 % → rank 1, 1; C 92.00 → 3
        Assert.AreEqual(1, report.Find("A")!.Rank);
        Assert.AreEqual(1, report.Find("B")!.Rank);
        Assert.AreEqual(3, report.Find("C")!.Rank);
    }

    [TestMethod]
    public void Ranking_OfAGroup_ListsItsAgenciesBestFirst()
    {
        using var rules = Grouped();

        var report = ScoreSix(rules);

        // so by rank: A (1), B (2), C (2), D (4); ties ordered by id
        CollectionAssert.AreEqual(new[] { "A", "B", "C", "D" }, report.Ranking("so").Select(a => a.AgencyId).ToArray());
        CollectionAssert.AreEqual(new[] { "E", "F" }, report.Ranking("huyen").Select(a => a.AgencyId).ToArray());
        // overall: A, then B C E (tied at 2), D, F
        CollectionAssert.AreEqual(new[] { "A", "B", "C", "E", "D", "F" }, report.Ranking().Select(a => a.AgencyId).ToArray());
    }

    [TestMethod]
    public void WithoutGroupBy_EveryAgencyIsInOneGroup()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "Score", "max": 10, "formula": "x" } ]""");

        var report = rules.ScoreRows(
            ("A", new Dictionary<string, object?> { ["x"] = 5.0 }),
            ("B", new Dictionary<string, object?> { ["x"] = 7.0 }));

        // B 70 % > A 50 %: B is 1st, A 2nd; group rank = overall rank; group ""
        Assert.AreEqual(1, report.Find("B")!.Rank);
        Assert.AreEqual(2, report.Find("A")!.Rank);
        Assert.AreEqual(2, report.Find("A")!.OverallRank);
        Assert.AreEqual("", report.Find("A")!.Group);
    }

    [TestMethod]
    public void RankChange_IsPreviousMinusCurrent_PositiveWhenRising()
    {
        using var rules = Grouped();
        var previous = new PreviousRanks(new Dictionary<string, PreviousRank>
        {
            ["A"] = new(3, 5),
            ["D"] = new(2, 2),
            ["B"] = new(2, null),
        });

        var report = ScoreSix(rules, new ScoringOptions { Previous = previous });

        // A: was 3rd, now 1st → 3 − 1 = +2 (rose)
        Assert.AreEqual(3, report.Find("A")!.PreviousRank);
        Assert.AreEqual(2, report.Find("A")!.RankChange);
        // D: was 2nd, now 4th → 2 − 4 = −2 (fell)
        Assert.AreEqual(-2, report.Find("D")!.RankChange);
        // B: was 2nd, now 2nd → 0
        Assert.AreEqual(0, report.Find("B")!.RankChange);
    }

    [TestMethod]
    public void RankChange_IsNull_WithoutAPreviousRank()
    {
        using var rules = Grouped();
        var previous = new PreviousRanks(new Dictionary<string, PreviousRank> { ["A"] = new(1, 1) });

        var withOptions = ScoreSix(rules, new ScoringOptions { Previous = previous });
        var withoutOptions = ScoreSix(rules);

        // C has no previous rank → null; nobody has one when no previous ranks are given
        Assert.IsNull(withOptions.Find("C")!.PreviousRank);
        Assert.IsNull(withOptions.Find("C")!.RankChange);
        Assert.IsTrue(withoutOptions.Agencies.All(a => a.RankChange is null && a.PreviousRank is null));
        // A: 1 − 1 = 0, which is not null
        Assert.AreEqual(0, withOptions.Find("A")!.RankChange);
    }
}
