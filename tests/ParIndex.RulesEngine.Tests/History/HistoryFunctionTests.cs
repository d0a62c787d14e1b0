using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.History;

/// <summary>
/// PreviousPercent(k), PreviousRank(k), RankChange(k) and AveragePercent(n) in eligibility
/// conditions, and the rules for agencies missing from a period. One criterion of max 10 read
/// from input x, so an agency's percent is 10 × x. Every history figure is written in the test.
/// </summary>
[TestClass]
public sealed class HistoryFunctionTests
{
    private static CompiledRuleSet Rules(params string[] conditions) => RuleSets.Load(
        inputs: """[ { "name": "x", "type": "number" } ]""",
        eligibility: $$"""[ { "id": "award", "title": "Award", "conditions": [ {{string.Join(", ", conditions.Select((c, i) => $$"""{ "title": "c{{i}}", "when": "{{c}}" }"""))}} ] } ]""",
        criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""");

    private static (string, Dictionary<string, object?>) Row(string id, double x) => (id, new Dictionary<string, object?> { ["x"] = x });

    private static HistoryPeriod Period(int year, params (string Id, double Percent, int Rank)[] agencies) =>
        new(year, $"results-{year}.csv", agencies.ToDictionary(a => a.Id, a => new PeriodResult(a.Percent, a.Rank, a.Rank)));

    private static bool Eligible(ScoreReport report, string id) => report.Find(id)!.Eligibility.Single().IsEligible;

    private static IReadOnlyList<string> Failed(ScoreReport report, string id) => report.Find(id)!.Eligibility.Single().FailedConditions;

    /// <summary>Three earlier years, given out of order: k = 1 must be the latest (2023), whatever the order.</summary>
    private static ResultsHistory ThreeYears(AgencyIdMap? map = null) => new(
        [
            Period(2021, ("A", 70, 3), ("B", 95, 1)),
            Period(2023, ("A", 90, 2), ("B", 80, 3), ("OLD1", 60, 4), ("OLD2", 100, 1)),
            Period(2022, ("A", 80, 2), ("B", 90, 1)),
        ], map);

    [TestMethod]
    public void Periods_are_counted_back_from_the_latest()
    {
        using var rules = Rules("PreviousPercent(1) == 90", "PreviousPercent(2) == 80", "PreviousPercent(3) == 70", "PreviousRank(1) == 2", "PreviousRank(3) == 3");

        var report = rules.ScoreRows(new ScoringOptions { History = ThreeYears() }, Row("A", 9), Row("B", 8));

        // A: 2023 90% rank 2, 2022 80%, 2021 70% rank 3 → every condition holds.
        Assert.IsTrue(Eligible(report, "A"), string.Join("; ", Failed(report, "A")));
        // B: 2023 80%, 2022 90%, 2021 95%, ranks 3 and 1 → all five fail.
        Assert.HasCount(5, Failed(report, "B"));
    }

    [TestMethod]
    public void RankChange_k_is_the_rank_k_periods_back_minus_the_rank_now()
    {
        using var rules = Rules("RankChange(1) >= 1", "RankChange(3) >= 2");

        // Now: A 90% → rank 1, B 80% → rank 2.
        var report = rules.ScoreRows(new ScoringOptions { History = ThreeYears() }, Row("A", 9), Row("B", 8));

        // A: 2023 rank 2 − 1 = +1 (holds); 2021 rank 3 − 1 = +2 (holds).
        Assert.IsTrue(Eligible(report, "A"));
        // B: 2023 rank 3 − 2 = +1 (holds); 2021 rank 1 − 2 = −1 (fails).
        CollectionAssert.AreEqual(new[] { "c1" }, Failed(report, "B").ToArray());
    }

    [TestMethod]
    public void Without_previous_ranks_the_latest_period_gives_previousRank_and_rankChange()
    {
        using var rules = Rules("previousRank == 2");

        var report = rules.ScoreRows(new ScoringOptions { History = ThreeYears() }, Row("A", 9), Row("B", 8));

        // A: 2023 rank 2; now rank 1 → change +1.
        Assert.AreEqual((2, 1), (report.Find("A")!.PreviousRank, report.Find("A")!.RankChange));
        Assert.IsTrue(Eligible(report, "A"));
        // B: 2023 rank 3; now rank 2 → +1.
        Assert.AreEqual((3, 1), (report.Find("B")!.PreviousRank, report.Find("B")!.RankChange));
    }

    [TestMethod]
    public void Previous_ranks_given_separately_win_over_the_history()
    {
        using var rules = Rules("previousRank == 7", "PreviousRank(1) == 2");
        var previous = new PreviousRanks(new Dictionary<string, PreviousRank> { ["A"] = new(7, 7) });

        var report = rules.ScoreRows(new ScoringOptions { Previous = previous, History = ThreeYears() }, Row("A", 9));

        // previousRank from --previous (7); PreviousRank(1) from the history (2023: 2).
        Assert.IsTrue(Eligible(report, "A"), string.Join("; ", Failed(report, "A")));
    }

    [TestMethod]
    public void AveragePercent_n_averages_this_period_and_the_n_minus_1_before_it()
    {
        using var rules = Rules("AveragePercent(1) == 90", "AveragePercent(2) == 90", "AveragePercent(4) == 82.5");

        var report = rules.ScoreRows(new ScoringOptions { History = ThreeYears() }, Row("A", 9));

        // A now 90%. n = 1: 90. n = 2: (90 + 90) / 2 = 90. n = 4: (90 + 90 + 80 + 70) / 4 = 330 / 4 = 82.5.
        Assert.IsTrue(Eligible(report, "A"), string.Join("; ", Failed(report, "A")));
    }

    [TestMethod]
    public void A_new_unit_is_averaged_over_the_years_it_has_and_has_no_earlier_percent_or_rank()
    {
        using var rules = Rules("AveragePercent(4) == 85", "IsMissing(PreviousPercent(1))", "!(PreviousRank(1) >= 1)", "!(RankChange(1) <= 0)", "!(RankChange(1) > 0)");
        var history = new ResultsHistory([Period(2023, ("A", 90, 1)), Period(2022, ("A", 90, 1)), Period(2021, ("A", 90, 1), ("NEW", 70, 2))]);

        var report = rules.ScoreRows(new ScoringOptions { History = history }, Row("A", 9), Row("NEW", 10));

        // NEW: only in 2021 (70%) and now (100%): (100 + 70) / 2 = 85. Missing from 2023: its
        // PreviousPercent(1) is missing, and every comparison with PreviousRank(1) or RankChange(1)
        // is false either way (NaN).
        Assert.IsTrue(Eligible(report, "NEW"), string.Join("; ", Failed(report, "NEW")));
        // A: (90 + 90 + 90 + 90) / 4 = 90 ≠ 85, and it has every earlier value.
        CollectionAssert.AreEqual(new[] { "c0", "c1", "c2", "c3" }, Failed(report, "A").ToArray());
    }

    [TestMethod]
    public void A_history_shorter_than_the_rules_read_makes_those_values_missing_for_everyone()
    {
        using var rules = Rules("AveragePercent(3) >= 0");
        var twoPeriodsNeeded = new ResultsHistory([Period(2023, ("A", 90, 1))]);

        var none = rules.ScoreRows(Row("A", 9));
        var shortHistory = rules.ScoreRows(new ScoringOptions { History = twoPeriodsNeeded }, Row("A", 9));
        var enough = rules.ScoreRows(new ScoringOptions { History = ThreeYears() }, Row("A", 9));

        // AveragePercent(3) needs 2 earlier periods: with 0 or 1 it is NaN (≥ 0 is false), not the
        // average of what is there; with 3 periods it is (90 + 90 + 80) / 3 ≥ 0.
        Assert.AreEqual(2, rules.EarlierPeriodsRead);
        Assert.IsFalse(Eligible(none, "A"));
        Assert.IsFalse(Eligible(shortHistory, "A"));
        Assert.IsTrue(Eligible(enough, "A"));
    }

    [TestMethod]
    public void Merged_units_count_with_the_mean_percent_and_the_best_rank()
    {
        using var rules = Rules("PreviousPercent(1) == 80", "PreviousRank(1) == 1", "IsMissing(PreviousPercent(2))");
        var map = new AgencyIdMap(new Dictionary<string, string> { ["OLD1"] = "MERGED", ["OLD2"] = "MERGED" });

        var report = rules.ScoreRows(new ScoringOptions { History = ThreeYears(map) }, Row("MERGED", 5));

        // 2023: OLD1 60% rank 4 and OLD2 100% rank 1 → MERGED (60 + 100) / 2 = 80%, rank min(4, 1) = 1.
        // 2022 has neither → missing.
        Assert.IsTrue(Eligible(report, "MERGED"), string.Join("; ", Failed(report, "MERGED")));
    }

    [TestMethod]
    public void Renamed_ids_are_followed_through_chains_and_cycles_are_refused()
    {
        var map = new AgencyIdMap(new Dictionary<string, string> { ["A"] = "B", ["B"] = "C" });
        Assert.AreEqual(("C", "C", "X"), (map.Resolve("A"), map.Resolve("B"), map.Resolve("X")));

        var cycle = Assert.ThrowsExactly<ArgumentException>(() => new AgencyIdMap(new Dictionary<string, string> { ["A"] = "B", ["B"] = "A" }));
        StringAssert.Contains(cycle.Message, "A → B → A");
    }

    [TestMethod]
    public void Two_periods_of_the_same_year_are_refused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ResultsHistory([Period(2023, ("A", 1, 1)), Period(2023, ("A", 2, 1))]));
        StringAssert.Contains(error.Message, "2023");
    }

    [TestMethod]
    public void History_functions_are_refused_before_ranking_and_with_a_computed_argument()
    {
        var inCriterion = RuleSetLoader.TryLoadJson(RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "PreviousPercent(1) / 10" } ]""")).Diagnostics;
        var computed = RuleSetLoader.TryLoadJson(RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            eligibility: """[ { "id": "a", "title": "A", "conditions": [ { "title": "t", "when": "AveragePercent(x) > 1" } ] } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""")).Diagnostics;
        var zero = RuleSetLoader.TryLoadJson(RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            eligibility: """[ { "id": "a", "title": "A", "conditions": [ { "title": "t", "when": "PreviousRank(0) > 1" } ] } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""")).Diagnostics;

        Assert.AreEqual(DiagnosticCodes.HistoryBeforeRanking, inCriterion.Single(d => d.IsError).Code);
        Assert.AreEqual(DiagnosticCodes.HistoryArgument, computed.Single(d => d.IsError).Code);
        Assert.AreEqual(DiagnosticCodes.HistoryArgument, zero.Single(d => d.IsError).Code);
        StringAssert.Contains(zero.Single(d => d.IsError).Message, "from 1 to 50");
    }
}
