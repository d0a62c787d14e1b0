using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Plan;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Plan;

/// <summary>
/// The improvement plan on small rule sets: area 1 (max 4) = 1.1 (max 2, input a) + 1.2 (max 2,
/// input b) + bonus 1.B (input e, max 1); area 2 (max 6) = 2.1 (max 3, c) + 2.2 (max 2, d) +
/// 2.3 (max 1, f). Total max 10, so percent = 10 × total.
/// </summary>
[TestClass]
public sealed class ImprovementPlannerTests
{
    private const string Criteria = """
        [ { "code": "1", "title": "Area 1", "max": 4, "children": [
            { "code": "1.1", "title": "A", "max": 2, "formula": "a", "responsible": ["Sở Nội vụ"] },
            { "code": "1.2", "title": "B", "max": 2, "formula": "b", "responsible": ["Sở Tư pháp"] },
            { "code": "1.B", "title": "Bonus", "max": 1, "kind": "bonus", "formula": "e" } ] },
          { "code": "2", "title": "Area 2", "max": 6, "children": [
            { "code": "2.1", "title": "C", "max": 3, "formula": "c", "responsible": ["Sở Tài chính"] },
            { "code": "2.2", "title": "D", "max": 2, "formula": "d" },
            { "code": "2.3", "title": "F", "max": 1, "formula": "f", "responsible": ["Văn phòng UBND tỉnh"] } ] } ]
        """;

    private static readonly string[] Inputs = ["a", "b", "c", "d", "e", "f"];

    private static CompiledRuleSet Rules(string? targets = null) => RuleSets.LoadJson(
        RuleSets.Json(criteria: Criteria, inputs: "[" + string.Join(", ", Inputs.Select(i => $$"""{ "name": "{{i}}", "type": "number" }""")) + "]")
            .Replace("\"criteria\":", (targets is null ? "" : $"\"targets\": {targets},\n") + "\"criteria\":", StringComparison.Ordinal));

    private static (string, Dictionary<string, object?>) Row(string id, double a, double b, double c, double d, double e = 0, double f = 1) =>
        (id, new Dictionary<string, object?> { ["a"] = a, ["b"] = b, ["c"] = c, ["d"] = d, ["e"] = e, ["f"] = f });

    /// <summary>Five agencies: P 9.0 (90%), Q 8.0, R 7.0, S 7.0, T 5.0 (the one planned for).</summary>
    private static ScoreReport Five(CompiledRuleSet rules) => rules.ScoreRows(
        Row("P", 2, 2, 3, 1, f: 1),      // (2 + 2) + (3 + 1 + 1) = 9
        Row("Q", 2, 2, 2, 1, f: 1),      // (2 + 2) + (2 + 1 + 1) = 8
        Row("R", 2, 1, 2, 1, f: 1),      // (2 + 1) + (2 + 1 + 1) = 7
        Row("S", 1, 2, 2, 1, f: 1),      // (1 + 2) + (2 + 1 + 1) = 7
        Row("T", 1, 1, 1, 1, e: 0, f: 1)); // (1 + 1) + (1 + 1 + 1) = 5

    [TestMethod]
    public void Points_needed_for_a_rank_equal_the_percent_of_the_agency_to_match()
    {
        using var rules = Rules();
        var report = Five(rules);

        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(2));

        // Others: 90, 80, 70, 70. Rank 2 needs the 2nd best other's 80% (equal percents share the
        // rank): total 8, so 8 − 5 = 3 points; T would then share rank 2 with Q.
        Assert.AreEqual((5, 5), (plan.Rank, plan.Compared));
        Assert.AreEqual((80.0, 8.0, 3.0), (plan.RequiredPercent, plan.RequiredTotal, plan.PointsNeeded));
        Assert.AreEqual(2, plan.TargetRank);
    }

    [TestMethod]
    public void A_rank_beyond_the_others_needs_nothing_and_a_reached_target_needs_nothing()
    {
        using var rules = Rules();
        var report = Five(rules);

        // 4 others: rank 5 is reached at any score; P (rank 1) already has rank 3 or better.
        Assert.IsTrue(ImprovementPlanner.Build(report, "T", PlanTarget.Rank(5)).IsReached);
        var top = ImprovementPlanner.Build(report, "P", PlanTarget.Rank(3));
        Assert.AreEqual((0.0, 1), (top.PointsNeeded, top.TargetRank));
        Assert.IsNull(top.Recovery);
    }

    [TestMethod]
    public void Total_and_percent_targets_give_the_points_to_the_target()
    {
        using var rules = Rules();
        var report = Five(rules);

        var total = ImprovementPlanner.Build(report, "T", PlanTarget.Total(7.5));
        var percent = ImprovementPlanner.Build(report, "T", PlanTarget.Percent(72.5));

        // 7.5 − 5 = 2.5 points, then 75% beats R and S (70%): rank 3.
        Assert.AreEqual((2.5, 75.0, 3), (total.PointsNeeded, total.RequiredPercent, total.TargetRank));
        // 72.5% of 10 = 7.25 points, 2.25 more.
        Assert.AreEqual((7.25, 2.25), (percent.RequiredTotal, percent.PointsNeeded));
    }

    [TestMethod]
    public void A_target_above_the_maximum_is_unreachable()
    {
        using var rules = Rules();
        var report = rules.ScoreRows(Row("A", 2, 2, 3, 2, f: 1), Row("T", 0, 0, 0, 0, f: 0));

        // A has 100%: rank 1 needs 100%, i.e. every point: reachable, with everything recovered.
        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1));
        Assert.AreEqual((10.0, 10.0), (plan.RequiredTotal, plan.PointsNeeded));
        CollectionAssert.AreEqual(new[] { "1.1", "1.2", "2.1", "2.2", "2.3" }, plan.Recovery!.Codes.ToArray());

        var error = Assert.ThrowsExactly<ArgumentException>(() => ImprovementPlanner.Build(report, "T", PlanTarget.Total(11)));
        StringAssert.StartsWith(error.Message, DiagnosticCodes.PlanTarget);
        Assert.ThrowsExactly<ArgumentException>(() => ImprovementPlanner.Build(report, "NOBODY", PlanTarget.Rank(1)));
    }

    [TestMethod]
    public void Criteria_below_max_are_listed_by_recoverable_points_with_what_they_add_to_the_total()
    {
        using var rules = Rules();
        // Area 1: 1.1 = 1, 1.2 = 0 and a bonus of 1 → 2 of 4. Area 2: 2.1 = 0, 2.2 = 1.5, 2.3 = 1 → 2.5.
        var report = rules.ScoreRows(Row("A", 2, 2, 3, 2), Row("T", 1, 0, 0, 1.5, e: 1, f: 1));

        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1));

        // 2.1: 3; 1.2: 2; 1.1: 1; 2.2: 0.5. Area 1 has 4 − 2 = 2 points of room, so 1.2 alone adds
        // 2 (its full recoverable) and 1.1 alone 1.
        CollectionAssert.AreEqual(new[] { "2.1", "1.2", "1.1", "2.2" }, plan.Criteria.Select(c => c.Code).ToArray());
        Assert.AreEqual((3.0, 3.0), (plan.Criteria[0].Recoverable, plan.Criteria[0].TotalGain));
        CollectionAssert.AreEqual(new[] { "Sở Tư pháp" }, plan.Criteria[1].Responsible.ToArray());
    }

    [TestMethod]
    public void A_capped_area_adds_less_than_the_criterion_lost()
    {
        using var rules = Rules();
        // Area 1: 1.1 = 2, 1.2 = 0.5, bonus 1 → 3.5 of 4: only 0.5 of room, though 1.2 lost 1.5.
        var report = rules.ScoreRows(Row("A", 2, 2, 3, 2), Row("T", 2, 0.5, 1, 2, e: 1, f: 1));

        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1));

        var capped = plan.Criteria.Single(c => c.Code == "1.2");
        Assert.AreEqual((1.5, 0.5), (capped.Recoverable, capped.TotalGain));
        // T: area 1 3.5, area 2 1 + 2 + 1 = 4 of 6: 7.5. Rank 1 needs A's 100% = 10: 2.1 adds 2
        // (→ 9.5), 1.2 adds its 0.5 of room (→ 10). No single criterion adds 2.5: two criteria.
        CollectionAssert.AreEqual(new[] { "1.2", "2.1" }, plan.Recovery!.Codes.ToArray());
        Assert.AreEqual(10.0, plan.Recovery.Total);
    }

    /// <summary>
    /// Minimality against brute force with the engine itself: every subset of the criteria below
    /// max is set to full marks in the data and scored again; the smallest subset that reaches
    /// the required total must have the plan's size, and the plan's set must reach it.
    /// </summary>
    [TestMethod]
    [DataRow(1.0, 0.5, 1.0, 0.5, 0.0, 0.5, 2)]
    [DataRow(0.0, 0.0, 0.5, 0.0, 1.0, 0.0, 1)]
    [DataRow(1.5, 1.0, 2.0, 1.0, 0.5, 0.0, 3)]
    public void The_recovery_set_is_the_smallest_one(double a, double b, double c, double d, double e, double f, int targetRank)
    {
        using var rules = Rules();
        var others = new[] { Row("P", 2, 2, 3, 1.5), Row("Q", 2, 1.5, 2.5, 1), Row("R", 1.5, 1.5, 2, 1) };
        var report = rules.ScoreRows([.. others, Row("T", a, b, c, d, e, f)]);
        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(targetRank));
        Assert.IsFalse(plan.IsReached, "the cases start below their target");

        var full = new Dictionary<string, (string Input, double Max)> { ["1.1"] = ("a", 2), ["1.2"] = ("b", 2), ["2.1"] = ("c", 3), ["2.2"] = ("d", 2), ["2.3"] = ("f", 1) };
        var below = plan.Criteria.Select(x => x.Code).ToList();
        double TotalWith(IEnumerable<string> recovered)
        {
            var values = new Dictionary<string, object?> { ["a"] = a, ["b"] = b, ["c"] = c, ["d"] = d, ["e"] = e, ["f"] = f };
            foreach (var code in recovered) values[full[code].Input] = full[code].Max;
            return rules.ScoreRows([.. others, ("T", values)]).Find("T")!.Total;
        }
        var smallest = Enumerable.Range(0, 1 << below.Count)
            .Select(mask => below.Where((_, i) => (mask & (1 << i)) != 0).ToList())
            .Where(set => TotalWith(set) >= plan.RequiredTotal - 1e-9)
            .Min(set => set.Count);

        Assert.AreEqual(smallest, plan.Recovery!.Codes.Count);
        Assert.IsTrue(plan.Recovery.IsProvenMinimal);
        Assert.AreEqual(plan.Recovery.Total, TotalWith(plan.Recovery.Codes), 1e-9);
        Assert.IsGreaterThanOrEqualTo(plan.RequiredTotal, plan.Recovery.Total);
    }

    [TestMethod]
    public void Only_assigned_criteria_leave_unassigned_ones_out_of_the_recovery()
    {
        using var rules = Rules();
        var report = rules.ScoreRows(Row("P", 2, 2, 3, 2), Row("T", 2, 2, 3, 0, f: 1));

        // T: 9 − 2 (2.2, no unit) = 8 → rank 1 needs 10: only 2.2 can give it, and it has no unit.
        var all = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1));
        var assigned = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1), onlyAssigned: true);

        CollectionAssert.AreEqual(new[] { "2.2" }, all.Recovery!.Codes.ToArray());
        Assert.IsNull(assigned.Recovery);
    }

    [TestMethod]
    public void Group_ranks_compare_only_the_agencys_group()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" }, { "name": "kind", "type": "enum", "values": ["so", "huyen"] } ]""",
            ranking: """{ "groupBy": "kind" }""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""");
        (string, Dictionary<string, object?>) R(string id, double x, string kind) => (id, new Dictionary<string, object?> { ["x"] = x, ["kind"] = kind });
        var report = rules.ScoreRows(R("S1", 9, "so"), R("S2", 6, "so"), R("H1", 8, "huyen"), R("H2", 7, "huyen"));

        var overall = ImprovementPlanner.Build(report, "S2", PlanTarget.Rank(1));
        var group = ImprovementPlanner.Build(report, "S2", PlanTarget.Rank(2), withinGroup: true);

        // Overall S2 is 4th of 4; in its group 2nd of 2, so rank 2 in the group is reached.
        Assert.AreEqual((4, 4, 90.0), (overall.Rank, overall.Compared, overall.RequiredPercent));
        Assert.AreEqual((2, 2, true), (group.Rank, group.Compared, group.IsReached));
    }

    [TestMethod]
    public void Targets_of_the_rule_file_are_compared_with_the_points()
    {
        using var rules = Rules("""[ { "code": "1", "points": 3, "title": "Area 1 ≥ 3" }, { "code": "2.1", "points": 1 } ]""");
        var report = rules.ScoreRows(Row("T", 1, 1, 2, 1));

        var plan = ImprovementPlanner.Build(report, "T", PlanTarget.Rank(1));

        // Area 1 = 2 < 3: missing 1; 2.1 = 2 ≥ 1: met. Titles: the target's, else the criterion's.
        Assert.AreEqual(("Area 1 ≥ 3", false, 1.0), (plan.Targets[0].Title, plan.Targets[0].IsMet, plan.Targets[0].Missing));
        Assert.AreEqual(("C", true, 0.0), (plan.Targets[1].Title, plan.Targets[1].IsMet, plan.Targets[1].Missing));
    }

    [TestMethod]
    [DataRow("""[ { "code": "9", "points": 1 } ]""", DiagnosticCodes.TargetUnknownCriterion)]
    [DataRow("""[ { "code": "1", "points": 5 } ]""", DiagnosticCodes.TargetAboveMax)]
    [DataRow("""[ { "code": "1", "points": 1 }, { "code": "1", "points": 2 } ]""", DiagnosticCodes.DuplicateTarget)]
    [DataRow("""[ { "code": "1", "points": -1 } ]""", DiagnosticCodes.SchemaViolation)]
    public void Bad_targets_are_refused_where_they_are_written(string targets, string code)
    {
        var json = RuleSets.Json(criteria: Criteria, inputs: "[" + string.Join(", ", Inputs.Select(i => $$"""{ "name": "{{i}}", "type": "number" }""")) + "]")
            .Replace("\"criteria\":", $"\"targets\": {targets},\n\"criteria\":", StringComparison.Ordinal);

        var errors = RuleSetLoader.TryLoadJson(json).Diagnostics.Where(d => d.IsError).ToList();

        Assert.AreEqual(code, errors.Single().Code, string.Join("; ", errors));
        Assert.IsGreaterThan(0, errors.Single().Location.Line);
    }
}
