using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// The province-internal scheme of examples/provincial-internal-index (ruleset.json) on its 2024
/// data, scored with the results of 2021–2023 (results/), whose latest year gives the 2023 ranks. The six units checked here are written by hand in
/// examples/tools/generate-data.cs as "full marks" (every criterion at its max: 100 points, or 98
/// for a commune, for which 6.2 does not apply) with a few changes; every expected number below
/// is worked out from those changes and the rules.
/// </summary>
[TestClass]
public sealed class ProvincialInternalIndexTests
{
    private const string Example = "provincial-internal-index";
    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(Example, "ruleset.json"));
        _report = ExampleData.ScoreWithHistory(_rules, Example, "units-2024.csv", "results");
    }

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    private static AgencyScore Unit(string id) => _report.Find(id) ?? throw new AssertFailedException($"{id} was not scored");

    [TestMethod]
    public void Scheme_has_8_areas_of_100_points_and_over_30_criteria_without_warnings()
    {
        var areas = _rules.Criteria.Where(c => c.Depth == 0).ToList();
        Assert.HasCount(8, areas);
        Assert.AreEqual(100, areas.Sum(a => a.MaxPoints), 1e-9);  // 12 + 10 + 15 + 10 + 12 + 8 + 15 + 18
        var criteria = _rules.Criteria.Count(c => c.Depth == 1);
        Assert.IsTrue(criteria >= 30, $"{criteria} criteria");  // 43: 40 regular, 1 bonus (1.B), 2 penalties (3.P, 5.P)
        Assert.IsEmpty(_rules.Diagnostics, string.Join("; ", _rules.Diagnostics));
    }

    [TestMethod]
    public void Units_are_ranked_in_three_titled_groups()
    {
        // 20 departments (Q1 2025 report, footnote 55), 10 districts, 102 communes (same report,
        // section II.6.d).
        Assert.HasCount(20, _report.Ranking("so"));
        Assert.HasCount(10, _report.Ranking("huyen"));
        Assert.HasCount(102, _report.Ranking("xa"));
        Assert.AreEqual("UBND xã, phường, thị trấn", _report.GroupTitle("xa"));
    }

    /// <summary>
    /// Ban Dân tộc has no administrative procedures, so area 3 (15 points) does not apply: its max
    /// is 100 − 15 = 85. Its losses: 2.5 one law event instead of 3 (1.5 → 0.5, −1); 5.3 training
    /// 0.9 × 3 = 2.7 (−0.3); 8.1 survey 120/60/20/0 → (120 + 0.6 × 60 + 0.2 × 20) / 200 = 0.8,
    /// 10 × 0.8 / 0.9 = 8.89 (−1.11); 8.2 6 of 8 targets → 3 (−1). Total 85 − 3.41 = 81.59,
    /// percent 100 × 81.59 / 85 = 95.99.
    /// </summary>
    [TestMethod]
    public void Unit_without_procedures_is_scored_out_of_85()
    {
        var unit = Unit("BDT");
        Assert.IsFalse(unit["3"].IsApplicable);
        Assert.AreEqual(85, unit.MaxPoints, 1e-9);
        Assert.AreEqual(81.59, unit.Total, 1e-9);
        Assert.AreEqual(95.99, unit.Percent, 1e-9);
        Assert.AreEqual("Tốt", unit.Classification);
    }

    /// <summary>
    /// Phường Quyết Thắng's survey: 120 A, 50 B, 20 C, 10 D. Weighted index
    /// (120 × 1 + 50 × 0.6 + 20 × 0.2 + 10 × 0) / 200 = 154 / 200 = 0.77; full marks at 0.9, so
    /// 8.1 = 10 × 0.77 / 0.9 = 8.555… → 8.56.
    /// </summary>
    [TestMethod]
    public void Survey_answers_are_weighted_100_60_20_0()
    {
        Assert.AreEqual(8.56, Unit("XKT01")["8.1"].Points, 1e-9);
    }

    [TestMethod]
    public void Designated_best_online_shares_lead_their_groups_in_the_data()
    {
        // Read without the engine: the share filesOnline / filesReceived per group.
        var rows = ExampleData.ReadCsv(Example, "units-2024.csv").Where(r => r.Number("filesReceived") > 0).ToList();
        decimal Best(string type) => rows.Where(r => r["agencyType"] == type).Max(r => r.Number("filesOnline") / r.Number("filesReceived"));
        Assert.AreEqual(0.9m, Best("so"));  // STP 1800/2000 and SNV 1350/1500
        Assert.AreEqual(0.8m, Best("xa"));  // XNH01 thị trấn Plei Kần
    }

    /// <summary>
    /// 3.4 = 3 × own share ÷ the group's best share. Departments' best is 0.9: Sở Tư pháp (0.9)
    /// gets 3 × 0.9 / 0.9 = 3 and Sở Y tế (1350/3000 = 0.45) 3 × 0.45 / 0.9 = 1.5. Communes' best
    /// is 0.8: phường Quyết Thắng (400/1000 = 0.4) gets 3 × 0.4 / 0.8 = 1.5, xã Đăk Xú
    /// (120/600 = 0.2) 3 × 0.2 / 0.8 = 0.75.
    /// </summary>
    [TestMethod]
    [DataRow("STP", 3)]
    [DataRow("SYT", 1.5)]
    [DataRow("XKT01", 1.5)]
    [DataRow("XNH07", 0.75)]
    public void Online_share_is_normalised_to_the_best_of_the_group(string id, double points)
    {
        Assert.AreEqual(points, Unit(id)["3.4"].Points, 1e-9);
    }

    [TestMethod]
    public void Bonus_is_capped_by_its_own_max_and_by_the_area_max()
    {
        // Sở Tư pháp: 3 initiatives × 0.5 = 1.5, capped at 1.B's max 1; area 1 = 12 + 1 = 13, capped at 12.
        Assert.AreEqual(1, Unit("STP")["1.B"].Points, 1e-9);
        Assert.AreEqual(12, Unit("STP")["1"].Points, 1e-9);
        // Sở Nội vụ: 1 late report of 6 → 1.2 = 2 × 5/6 = 1.67; 1 initiative → 0.5;
        // area 1 = 4 + 1.67 + 2 + 2 + 2 + 0.5 = 12.17, capped at 12: the bonus made up the loss.
        Assert.AreEqual(1.67, Unit("SNV")["1.2"].Points, 1e-9);
        Assert.AreEqual(12, Unit("SNV")["1"].Points, 1e-9);
        Assert.AreEqual(100, Unit("SNV").Total, 1e-9);
    }

    /// <summary>
    /// Xã Đăk Xú: 3 staff disciplined × 1 = 3, capped at 5.P's max 2; 6 backlog files × 0.25 = 1.5,
    /// capped at 3.P's max 1. Area 5 = 2 + 2 + 1.8 (training 0.6) + 2 + 2.1 (qualified 0.7) − 2 = 7.9.
    /// Area 3 = 2 + 0 (530/580 = 91.4% on time, below 95%) + 0 (no apology for 50 late files)
    /// + 0.75 + 1 (290/580 digitised) + 0.4 (0.1 of 0.5 online payments × 2) + 1 (2 of 4 answered) − 1 = 4.15.
    /// </summary>
    [TestMethod]
    public void Penalties_are_capped_by_their_own_max()
    {
        var unit = Unit("XNH07");
        Assert.AreEqual(2, unit["5.P"].Points, 1e-9);
        Assert.AreEqual(1, unit["3.P"].Points, 1e-9);
        Assert.AreEqual(7.9, unit["5"].Points, 1e-9);
        Assert.AreEqual(4.15, unit["3"].Points, 1e-9);
    }

    /// <summary>
    /// Communes have no public service units: 6.2 (2 points) does not apply to them, so area 6 is
    /// out of 8 − 2 = 6 and the total out of 100 − 2 = 98.
    /// </summary>
    [TestMethod]
    public void Communes_are_scored_out_of_98()
    {
        var commune = Unit("XKT01");
        Assert.IsFalse(commune["6.2"].IsApplicable);
        Assert.AreEqual(6, commune["6"].MaxPoints, 1e-9);
        Assert.AreEqual(98, commune.MaxPoints, 1e-9);
        Assert.AreEqual(100, Unit("HKT").MaxPoints, 1e-9);  // a district, with its service units
    }

    /// <summary>
    /// One unit per band, totals by hand:
    /// Sở Tư pháp: full marks, 100 → Tốt.
    /// Sở Y tế: losses 3.4 −1.5 (above); 3.2 2921/2950 = 99.02% → 2 (−1); 8.1 survey 80/70/30/20 →
    ///   (80 + 42 + 6) / 200 = 0.64, 10 × 0.64 / 0.9 = 7.11 (−2.89); 5.3 0.8 × 3 = 2.4 (−0.6);
    ///   7.2 0.7 × 3 = 2.1 (−0.9); 8.2 6/8 × 4 = 3 (−1); 6.1 3 × 0.76 / 0.95 = 2.4 (−0.6);
    ///   7.5 2 × 0.63 / 0.9 = 1.4 (−0.6); 7.4 no ISO (−2). 100 − 11.09 = 88.91 → Khá.
    /// Phường Quyết Thắng: 1.1 18/24 × 4 = 3 (−1); 1.2 4/6 × 2 = 1.33 (−0.67); 1.4 2 × 0.5 = 1 (−1);
    ///   2.1 3/4 × 3 = 2.25 (−0.75); 3.2 960/980 = 97.96% → 1 (−2); 3.3 10 of 20 apologies → 0.5 (−0.5);
    ///   3.4 1.5 (−1.5); 3.5 490/980 → 1 (−1); 3.6 0.3 / 0.5 × 2 = 1.2 (−0.8); 5.3 2.1 (−0.9);
    ///   5.5 0.85 × 3 = 2.55 (−0.45); 6.1 2.4 (−0.6); 7.1 0.6 × 3 = 1.8 (−1.2); 7.2 0.5 × 3 = 1.5 (−1.5);
    ///   7.4 no ISO (−2); 7.5 2 × 0.45 / 0.9 = 1 (−1); 8.1 8.56 (−1.44); 8.2 5/8 × 4 = 2.5 (−1.5);
    ///   8.3 1 complaint → 2 (−2). 98 − 21.81 = 76.19 of 98 = 77.74% → Trung bình.
    /// Xã Đăk Xú: areas 4.5 + 8 + 4.15 + 10 + 7.9 + 4.8 + 8.5 + 6.89 = 54.74 of 98 = 55.86% → Yếu
    ///   (area 1: 2 + 1 + 1 + 0.5 + 0; area 6: 1.8 + 2 + 1; area 7: 1.5 + 1.2 + 2 + 0 + 0.8 + 1 + 2;
    ///   area 8: survey 40/60/60/40 → 0.44 → 4.89, + 2 + 0).
    /// </summary>
    [TestMethod]
    [DataRow("STP", 100, 100, 100, "Tốt")]
    [DataRow("SYT", 88.91, 100, 88.91, "Khá")]
    [DataRow("XKT01", 76.19, 98, 77.74, "Trung bình")]
    [DataRow("XNH07", 54.74, 98, 55.86, "Yếu")]
    public void One_unit_in_each_classification_band(string id, double total, double max, double percent, string classification)
    {
        var unit = Unit(id);
        Assert.AreEqual(total, unit.Total, 1e-9);
        Assert.AreEqual(max, unit.MaxPoints, 1e-9);
        Assert.AreEqual(percent, unit.Percent, 1e-9);
        Assert.AreEqual(classification, unit.Classification);
    }

    /// <summary>
    /// Sở Tư pháp meets every condition of the collective award (Kế hoạch 42/KH-UBND, section II.5.a, collectives): 24 of 24
    /// tasks, rank 1 (100% cannot be beaten, ties share rank 1), 0 late of 2000 files and no
    /// backlog, no late report, nobody disciplined. (Its individual-award precondition, the average
    /// yearly index, is checked in ProvincialInternalIndexHistoryTests.)
    /// </summary>
    [TestMethod]
    public void Full_marks_unit_earns_the_collective_award()
    {
        var unit = Unit("STP");
        Assert.AreEqual(1, unit.Rank);
        Assert.IsTrue(Outcome(unit, "bang-khen-tap-the").IsEligible);
    }

    /// <summary>
    /// Sở Nội vụ also scores 100 (rank 1) through its bonus, but sent one report late: it fails
    /// exactly the reporting condition (section II.5.a, 4th criterion).
    /// </summary>
    [TestMethod]
    public void Late_report_fails_exactly_one_award_condition()
    {
        var unit = Unit("SNV");
        Assert.AreEqual(1, unit.Rank);
        var award = Outcome(unit, "bang-khen-tap-the");
        Assert.IsFalse(award.IsEligible);
        CollectionAssert.AreEqual(new[] { "Báo cáo đầy đủ, kịp thời, đúng thời gian quy định (mục II.5.a, ý 4)" }, award.FailedConditions.ToArray());
    }

    private static EligibilityOutcome Outcome(AgencyScore unit, string id) => unit.Eligibility.Single(e => e.Id == id);
}
