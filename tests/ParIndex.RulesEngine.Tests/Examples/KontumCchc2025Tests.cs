using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// Kon Tum's 2025 CCHC plan targets (Kế hoạch cải cách hành chính nhà nước tỉnh Kon Tum năm 2025,
/// cited as "plan" with its section number) scored on the province's Q1 2025 report
/// (Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2025 của UBND tỉnh Kon Tum,
/// cited as "Q1 report" with its section number).
/// Every expected number is copied from those documents or worked out by hand in the comments,
/// never taken from the engine. Verdict rule (README): ≥ target "Đạt" 1 point; ≥ 80% of the
/// target "Đạt một phần" 0.5; else "Không đạt" 0.
/// </summary>
[TestClass]
public sealed class KontumCchc2025Tests
{
    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;

    [ClassInitialize]
    public static void Load(TestContext _) => (_rules, _report) = KontumQ1Data.Score("kontum-cchc-2025");

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    [TestMethod]
    public void Rule_file_and_data_load_without_warnings()
    {
        Assert.AreEqual(0, _rules.Diagnostics.Count, string.Join("; ", _rules.Diagnostics));
        Assert.AreEqual(0, _report.DataDiagnostics.Count, string.Join("; ", _report.DataDiagnostics));
        Assert.AreEqual(0, _report.RowErrors.Count, string.Join("; ", _report.RowErrors));
    }

    [TestMethod]
    public void Online_share_is_computed_from_the_raw_counts_and_misses_the_70_percent_target()
    {
        // Q1 report II.2.c: 50.533 files received, 15.686 online; 15686 / 50533 = 0.310411… → 31.04%,
        // the figure the report itself states (Q1 report II.2.d). Target: plan II.3.m, "tối thiểu 70%".
        // 31.04 < 0.8 × 70 = 56, so "Không đạt".
        var online = _report.Compare(KontumQ1Data.AgencyId, "3.7");
        Assert.AreEqual(31.04, Math.Round(online.Value!.Value, 2), 1e-9);
        Assert.AreEqual("≥ 70", online.Target);
        Assert.AreEqual("Không đạt", online.Verdict);
        Assert.AreEqual(0, online.Points, 1e-9);
    }

    /// <summary>Every target the Q1 report gives an actual for, with the hand-computed actual and verdict.</summary>
    [TestMethod]
    [DataRow("2.2", 100, "Đạt", 1, DisplayName = "2.2 documents handled: 7 / 7 (Q1 report II.1.d) vs 100% (plan II.2.a)")]
    [DataRow("3.1", 80.71, "Đạt một phần", 0.5, DisplayName = "3.1 portal: 1439 / 1783 = 80.71% (Q1 report II.2.d) vs 100% (plan II.3.c); ≥ 80")]
    [DataRow("3.2", 66.67, "Không đạt", 0, DisplayName = "3.2 feedback: 2 / 3 = 66.67% (Q1 report II.2.c) vs 100% (plan II.3.g)")]
    [DataRow("3.4", 25.36, "Không đạt", 0, DisplayName = "3.4 data reuse 25.36% (Q1 report II.2.c) vs 80% (plan II.3.k); < 64")]
    [DataRow("3.5", 78.93, "Không đạt", 0, DisplayName = "3.5 digitisation 78.93% (Q1 report II.2.c) vs 100% (plan II.3.l); just under 80")]
    [DataRow("3.6", 61.64, "Không đạt", 0, DisplayName = "3.6 fully-online services: 1099 / 1783 = 61.64% (Q1 report II.2.b, II.2.d) vs 100% (plan II.3.m)")]
    [DataRow("3.7", 31.04, "Không đạt", 0, DisplayName = "3.7 online files: 15686 / 50533 = 31.04% (Q1 report II.2.d) vs 70% (plan II.3.m)")]
    [DataRow("5.2", 100, "Đạt", 1, DisplayName = "5.2 appointments: 4 / 4 by the rules (Q1 report II.4.c) vs 100% (plan II.5.a)")]
    [DataRow("7.3", 75, "Đạt một phần", 0.5, DisplayName = "7.3 LGSP: 18 / 24 = 75% (Q1 report II.6.b) vs 80% (plan II.7.a); ≥ 64")]
    [DataRow("7.4", 100, "Đạt", 1, DisplayName = "7.4 reporting system connected (Q1 report II.6.b) vs done (plan II.7.a)")]
    public void Measured_targets_get_the_hand_computed_actual_and_verdict(string code, double measured, string verdict, double points)
    {
        var result = _report.Compare(KontumQ1Data.AgencyId, code);
        Assert.IsTrue(result.IsApplicable, $"{code} has a Q1 actual, so it applies");
        Assert.AreEqual(measured, Math.Round(result.Value!.Value, 2), 1e-9, $"actual of {code}");
        Assert.AreEqual(verdict, result.Verdict, $"verdict of {code}");
        Assert.AreEqual(points, result.Points, 1e-9, $"points of {code}");
    }

    /// <summary>Targets the Q1 report gives no figure for: they drop out of points and max instead of scoring 0.</summary>
    [TestMethod]
    [DataRow("1.1", DisplayName = "1.1 satisfaction 90% (plan II.1.d)")]
    [DataRow("1.2", DisplayName = "1.2 health/education satisfaction 85% (plan II.1.d)")]
    [DataRow("2.1", DisplayName = "2.1 central documents on time (plan II.2.a)")]
    [DataRow("2.3", DisplayName = "2.3 two law-monitoring activities (plan II.2.a)")]
    [DataRow("3.3", DisplayName = "3.3 feedback satisfaction > 95% (plan II.3.g)")]
    [DataRow("5.1", DisplayName = "5.1 recruitment (plan II.5.a)")]
    [DataRow("5.3", DisplayName = "5.3 training plan (plan II.5.a)")]
    [DataRow("6.1", DisplayName = "6.1 budget support cut 2.5% (plan II.6.a)")]
    [DataRow("6.2", DisplayName = "6.2 economic-technical norms (plan II.6.a)")]
    [DataRow("7.1", DisplayName = "7.1 portal interconnection (plan II.7.a)")]
    [DataRow("7.2", DisplayName = "7.2 e-identification 100% (plan II.7.a)")]
    [DataRow("7.5", DisplayName = "7.5 work files online 100% (plan II.7.a)")]
    [DataRow("7.6", DisplayName = "7.6 digital inspections 50% (plan II.7.a)")]
    [DataRow("7.7", DisplayName = "7.7 district meetings > 50% (plan II.7.a)")]
    public void Targets_without_a_Q1_actual_do_not_apply(string code)
    {
        var result = _report.Compare(KontumQ1Data.AgencyId, code);
        Assert.IsFalse(result.IsApplicable, $"{code} has no Q1 actual");
        Assert.IsNull(result.Value);
        Assert.AreEqual(0, result.MaxPoints, 1e-9);
    }

    [TestMethod]
    public void Total_counts_only_the_ten_measured_targets()
    {
        // 24 targets of 1 point; 10 have a Q1 actual (the rows above). Points: 2.2 1 + 3.1 0.5 +
        // 5.2 1 + 7.3 0.5 + 7.4 1 = 4 (the other five score 0), so 4 of 10 = 40%.
        var kontum = _report.Find(KontumQ1Data.AgencyId)!;
        Assert.AreEqual(24, _rules.Criteria.Where(c => c.IsLeaf).Sum(c => c.MaxPoints), 1e-9);
        Assert.AreEqual(4, kontum.Total, 1e-9);
        Assert.AreEqual(10, kontum.MaxPoints, 1e-9);
        Assert.AreEqual(40, kontum.Percent, 1e-9);
        // Areas 1 (satisfaction) and 6 (public finance) have no Q1 figure at all.
        Assert.IsFalse(kontum["1"].IsApplicable);
        Assert.IsFalse(kontum["6"].IsApplicable);
    }

    [TestMethod]
    public void Detail_writer_prints_target_actual_and_verdict_on_the_online_files_line()
    {
        var text = new StringWriter();
        CriteriaDetailWriter.Write(_report, text);
        var line = KontumQ1Data.LineOf(text.ToString(), "3.7");
        // plan II.3.m: target 70%; Q1 report II.2.d: 31.04%; 31.04 < 56, not met.
        StringAssert.Contains(line, "Hồ sơ TTHC xử lý hoàn toàn trực tuyến");
        StringAssert.Contains(line, "≥ 70");
        StringAssert.Contains(line, "31.04");
        StringAssert.Contains(line, "Không đạt");
        StringAssert.Contains(KontumQ1Data.LineOf(text.ToString(), "1.1"), "n/a");
    }

#if PARINDEX_CLI // the parindex command targets .NET 10 only
    [TestMethod]
    public void Score_command_with_detail_appends_the_criteria_table()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Run(["score", RepositoryPaths.Example("kontum-cchc-2025", "ruleset.json"), KontumQ1Data.DataPath, "--detail"], output, error);
        Assert.AreEqual(0, exit, error.ToString());
        Assert.AreEqual("", error.ToString(), "no warning on the rule file or the data");
        // The ranking row (4 of 10 = 40%, see above), then the detail row of 3.7.
        StringAssert.Contains(output.ToString(), "40.00");
        StringAssert.Contains(KontumQ1Data.LineOf(output.ToString(), "3.7"), "31.04");
    }
#endif

#if PARINDEX_CLI // the parindex command targets .NET 10 only
    [TestMethod]
    public void Detail_flag_is_refused_outside_the_table_format()
    {
        // CSV and JSON already carry every criterion's points; --detail would corrupt them.
        var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Run(["score", RepositoryPaths.Example("kontum-cchc-2025", "ruleset.json"), KontumQ1Data.DataPath, "--detail", "--format", "csv"], new StringWriter(), error);
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error.ToString(), "--detail");
    }
#endif
}

/// <summary>The shared dataset: Kon Tum's Q1 2025 actuals, scored under either 2025 scheme.</summary>
internal static class KontumQ1Data
{
    public const string AgencyId = "KTU";

    public static string DataPath => RepositoryPaths.Example("kontum-cchc-2025", "kontum-q1-2025.csv");

    /// <summary>Loads an example's rule file and scores the Q1 data with it.</summary>
    public static (CompiledRuleSet Rules, ScoreReport Report) Score(string example)
    {
        var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(example, "ruleset.json"));
        var report = rules.Score(Data.CsvAgencyReader.ReadFile(rules, DataPath));
        if (report.Find(AgencyId) is null) throw new AssertFailedException("Kon Tum was not scored: " + string.Join("; ", report.RowErrors));
        return (rules, report);
    }

    /// <summary>The detail-table line of one criterion code.</summary>
    public static string LineOf(string text, string code) =>
        text.Split('\n').SingleOrDefault(l => l.StartsWith(code + " ", StringComparison.Ordinal))
        ?? throw new AssertFailedException($"no line for {code} in:\n{text}");
}
