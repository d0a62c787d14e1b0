using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// Đắk Lắk's 2025 plan targets (Kế hoạch cải cách hành chính nhà nước tỉnh Đắk Lắk năm 2025,
/// section II "các chỉ tiêu chủ yếu", cited as "ĐL chỉ tiêu N") applied to the same Kon Tum Q1
/// 2025 dataset as <see cref="KontumCchc2025Tests"/> (Báo cáo kết quả thực hiện công tác cải
/// cách hành chính quý I năm 2025 của UBND tỉnh Kon Tum, cited as "Q1 report" with its section
/// number). Expected numbers come from the documents or the hand calculations in the comments,
/// never from the engine.
/// </summary>
[TestClass]
public sealed class DakLakCchc2025Tests
{
    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;
    private static CompiledRuleSet _kontumRules = null!;
    private static ScoreReport _kontumReport = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        (_rules, _report) = KontumQ1Data.Score("daklak-cchc-2025");
        (_kontumRules, _kontumReport) = KontumQ1Data.Score("kontum-cchc-2025");
    }

    [ClassCleanup]
    public static void Unload()
    {
        _rules.Dispose();
        _kontumRules.Dispose();
    }

    [TestMethod]
    public void Both_schemes_read_the_same_columns_so_one_dataset_scores_under_both()
    {
        Assert.AreEqual(0, _rules.Diagnostics.Count, string.Join("; ", _rules.Diagnostics));
        Assert.AreEqual(0, _report.DataDiagnostics.Count, "no unknown or missing column: " + string.Join("; ", _report.DataDiagnostics));
        CollectionAssert.AreEquivalent(
            _kontumRules.Definition.Inputs.Select(i => i.Name).ToList(),
            _rules.Definition.Inputs.Select(i => i.Name).ToList());
    }

    [TestMethod]
    public void Same_portal_figure_is_partly_met_in_Kon_Tum_and_met_in_Dak_Lak()
    {
        // Q1 report II.2.d: 1.439 of 1.783 procedures integrated with the national portal:
        // 1439 / 1783 = 0.807066… → 80.71%.
        // The Kon Tum plan, section II.3.c, asks for 100%: 80.71 ≥ 0.8 × 100 = 80 → "Đạt một phần".
        // ĐL chỉ tiêu 9 asks for at least 80%: 80.71 ≥ 80 → "Đạt".
        var kontum = _kontumReport.Compare(KontumQ1Data.AgencyId, "3.1");
        var daklak = _report.Compare(KontumQ1Data.AgencyId, "2.5");
        Assert.AreEqual(80.71, Math.Round(kontum.Value!.Value, 2), 1e-9);
        Assert.AreEqual(kontum.Value, daklak.Value, "the same actual under both schemes");
        Assert.AreEqual("Đạt một phần", kontum.Verdict);
        Assert.AreEqual("Đạt", daklak.Verdict);
    }

    [TestMethod]
    [DataRow("2.6", "≥ 50", DisplayName = "2.6 online files ≥ 50% (ĐL chỉ tiêu 9): 31.04 < 40")]
    [DataRow("2.7", "≥ 80", DisplayName = "2.7 fully online ≥ 80% (ĐL chỉ tiêu 9): 31.04 < 64")]
    public void Online_files_miss_both_Dak_Lak_targets(string code, string target)
    {
        // 15686 / 50533 = 31.04% (Q1 report II.2.c, II.2.d). Kon Tum's target for the same figure is
        // 70% (Kon Tum plan II.3.m, KontumCchc2025Tests); Đắk Lắk sets 50% online and 80% fully online.
        var result = _report.Compare(KontumQ1Data.AgencyId, code);
        Assert.AreEqual(target, result.Target);
        Assert.AreEqual(31.04, Math.Round(result.Value!.Value, 2), 1e-9);
        Assert.AreEqual("Không đạt", result.Verdict);
        Assert.AreEqual("≥ 70", _kontumReport.Compare(KontumQ1Data.AgencyId, "3.7").Target);
    }

    [TestMethod]
    public void On_time_rate_is_computed_but_the_rise_over_2024_cannot_be_judged()
    {
        // Q1 report II.2.c: 43.682 of 44.634 resolved files on time; 43682 / 44634 = 0.978671… → 97.87%,
        // as the report states. ĐL chỉ tiêu 5 asks for a rise over 2024, and no 2024 rate
        // is in the source documents, so the criterion does not apply, but its actual is still shown.
        var result = _report.Compare(KontumQ1Data.AgencyId, "2.2");
        Assert.AreEqual(97.87, Math.Round(result.Value!.Value, 2), 1e-9);
        Assert.IsFalse(result.IsApplicable);
        Assert.AreEqual("> onTimePct2024", result.Target);
    }

    [TestMethod]
    [DataRow("1.1", 100, "Đạt", DisplayName = "1.1 no document found unlawful: (37 − 0) / 37 (Q1 report II.1.d) vs 100% (ĐL chỉ tiêu 2)")]
    [DataRow("1.2", 100, "Đạt", DisplayName = "1.2 documents handled 7 / 7 (Q1 report II.1.d) vs 100% (ĐL chỉ tiêu 3)")]
    [DataRow("2.4", 80.71, "Đạt một phần", DisplayName = "2.4 files synced with the portal, proxy 1439 / 1783 vs 100% (ĐL chỉ tiêu 7)")]
    [DataRow("2.11", 25.36, "Không đạt", DisplayName = "2.11 data reuse 25.36% (Q1 report II.2.c) vs 80% (ĐL chỉ tiêu 11)")]
    [DataRow("6.1", 99.48, "Đạt một phần", DisplayName = "6.1 electronic documents 99.48% (Q1 report II.6.d) vs 100% (ĐL chỉ tiêu 15)")]
    public void Other_measured_targets_get_the_hand_computed_verdict(string code, double measured, string verdict)
    {
        var result = _report.Compare(KontumQ1Data.AgencyId, code);
        Assert.AreEqual(measured, Math.Round(result.Value!.Value, 2), 1e-9, $"actual of {code}");
        Assert.AreEqual(verdict, result.Verdict, $"verdict of {code}");
    }

    [TestMethod]
    public void Total_counts_the_eight_measured_targets()
    {
        // 19 targets of 1 point; measured: 1.1 1 + 1.2 1 + 2.4 0.5 + 2.5 1 + 6.1 0.5 = 4, and
        // 2.6, 2.7, 2.11 score 0, so 4 of 8 = 50%. Kon Tum's own scheme gives 4 of 10 = 40%.
        var result = _report.Find(KontumQ1Data.AgencyId)!;
        Assert.AreEqual(19, _rules.Criteria.Where(c => c.IsLeaf).Sum(c => c.MaxPoints), 1e-9);
        Assert.AreEqual(4, result.Total, 1e-9);
        Assert.AreEqual(8, result.MaxPoints, 1e-9);
        Assert.AreEqual(50, result.Percent, 1e-9);
    }
}
