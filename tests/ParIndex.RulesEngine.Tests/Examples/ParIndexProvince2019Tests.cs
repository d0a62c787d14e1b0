using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// The provincial PAR INDEX structure of the Kế hoạch cải thiện, nâng cao Chỉ số PAPI và Chỉ số
/// PAR INDEX năm 2019 của UBND tỉnh Kon Tum (Kon Tum's 2019 plan to improve its PAR INDEX) and
/// Kon Tum's 2018 points. Every expected number below is copied from that document (its section
/// given: "II.2.1.a" is section II, 2.1, point a), not from the engine.
/// </summary>
[TestClass]
public sealed class ParIndexProvince2019Tests
{
    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;
    private static AgencyScore _kontum = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        var batch = Data.CsvAgencyReader.ReadFile(_rules, RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv"));
        _report = _rules.Score(batch);
        _kontum = _report.Find("KTU") ?? throw new AssertFailedException("Kon Tum (KTU) was not scored: " + string.Join("; ", _report.RowErrors));
    }

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    [TestMethod]
    public void The_eight_areas_have_the_documented_maxima_summing_to_100()
    {
        // Point a of sections II.2.1–II.2.8 of the document: areas 1–8 are out of 9, 10, 13, 12, 13.5, 12.5, 13.5, 16.5.
        double[] expected = [9, 10, 13, 12, 13.5, 12.5, 13.5, 16.5];
        var areas = _rules.Criteria.Where(c => c.Depth == 0).ToList();
        CollectionAssert.AreEqual(expected, areas.Select(a => a.MaxPoints).ToArray());
        Assert.AreEqual(100, areas.Sum(a => a.MaxPoints), 1e-9);
        Assert.IsFalse(_rules.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.MaxSumMismatch),
            "every area's children must add up to its max");
    }

    [TestMethod]
    [DataRow("1", 7.97, DisplayName = "Area 1, II.2.1.a: 7,97/9")]
    [DataRow("2", 8.4, DisplayName = "Area 2, II.2.2.a: 8,4/10")]
    [DataRow("3", 9.4, DisplayName = "Area 3, II.2.3.a: 9,4/13")]
    [DataRow("4", 8.2, DisplayName = "Area 4, II.2.4.a: 8,2/12")]
    [DataRow("5", 9.8, DisplayName = "Area 5, II.2.5.a: 9,8/13,5")]
    [DataRow("6", 9.2, DisplayName = "Area 6, II.2.6.a: 9,2/12,5")]
    [DataRow("7", 5.9, DisplayName = "Area 7, II.2.7.a: 5,9/13,5")]
    [DataRow("8", 13.3, DisplayName = "Area 8, II.2.8.a: 13,3/16,5")]
    public void Area_totals_match_the_document(string code, double documented)
    {
        Assert.AreEqual(documented, _kontum[code].Points, 1e-9);
    }

    [TestMethod]
    public void Total_is_the_sum_of_the_documented_area_totals()
    {
        // 7.97 + 8.4 + 9.4 + 8.2 + 9.8 + 9.2 + 5.9 + 13.3 = 72.17 of 100.
        Assert.AreEqual(72.17, _kontum.Total, 1e-9);
        Assert.AreEqual(100, _kontum.MaxPoints, 1e-9);
        Assert.AreEqual(72.17, _kontum.Percent, 1e-9);
    }

    /// <summary>Every sub-criterion the document names, with its max and Kon Tum's 2018 points (achieved/max as written there).</summary>
    [TestMethod]
    [DataRow("1.1", 0.97, 1, DisplayName = "1.1 plan completion 0,97/01 (II.2.1.a)")]
    [DataRow("1.2", 0.5, 1.75, DisplayName = "1.2 periodic reporting 0,5/1,75 (II.2.1.a)")]
    [DataRow("1.3", 0, 1, DisplayName = "1.3 inspection follow-up 0/01 (II.2.1.a)")]
    [DataRow("1.4", 0, 1, DisplayName = "1.4 Government tasks 0/01 (II.2.1.a)")]
    [DataRow("3.1", 0, 0.25, DisplayName = "3.1 national database 0/0,25 (II.2.3.a)")]
    [DataRow("3.2", 0.25, 0.75, DisplayName = "3.2 procedures published 0,25/0,75 (II.2.3.a)")]
    [DataRow("3.3", 0, 0.75, DisplayName = "3.3 progress published 0/0,75 (II.2.3.a)")]
    [DataRow("3.4", 0, 1, DisplayName = "3.4 same-level inter-agency 0/1 (II.2.3.a)")]
    [DataRow("3.5", 0, 1, DisplayName = "3.5 cross-level inter-agency 0/1 (II.2.3.a)")]
    [DataRow("4.1", 0.5, 1.5, DisplayName = "4.1 leadership counts 0,5/1,5 (II.2.4.a)")]
    [DataRow("4.2", 0.17, 1, DisplayName = "4.2 fewer service units 0,17/01 (II.2.4.a)")]
    [DataRow("4.3", 0.97, 1.5, DisplayName = "4.3 fewer staff 0,97/1,5 (II.2.4.a)")]
    [DataRow("5.1", 0, 0.5, DisplayName = "5.1 recruitment 0/0,5 (II.2.5.a)")]
    [DataRow("5.2", 0.5, 0.75, DisplayName = "5.2 appointment 0,5/0,75 (II.2.5.a)")]
    [DataRow("5.3", 0.83, 1, DisplayName = "5.3 training plan 0,83/01 (II.2.5.a)")]
    [DataRow("6.1", 0.83, 1, DisplayName = "6.1 disbursement 0,83/01 (II.2.6.a)")]
    [DataRow("6.2", 0.5, 1, DisplayName = "6.2 audit follow-up 0,5/01 (II.2.6.a)")]
    [DataRow("6.3", 0, 0.5, DisplayName = "6.3 space norms 0/0,5 (II.2.6.a)")]
    [DataRow("6.4", 0, 1, DisplayName = "6.4 budget cut 0/01 (II.2.6.a)")]
    [DataRow("7.1", 0, 0.5, DisplayName = "7.1 e-government architecture 0/0,5 (II.2.7.a)")]
    [DataRow("7.2", 0.25, 1, DisplayName = "7.2 document interconnection 0,25/1 (II.2.7.a)")]
    [DataRow("7.3", 0, 1, DisplayName = "7.3 one-stop e-system 0/1 (II.2.7.a)")]
    [DataRow("7.4", 0.5, 1, DisplayName = "7.4 public-service portal 0,5/1 (II.2.7.a)")]
    [DataRow("7.5", 0, 0.25, DisplayName = "7.5 online procedures with files 0/0,25 (II.2.7.a)")]
    [DataRow("7.6", 0.53, 1, DisplayName = "7.6 level-3 online files 0,53/1 (II.2.7.a)")]
    [DataRow("7.7", 0, 1, DisplayName = "7.7 level-4 online files 0/1 (II.2.7.a)")]
    [DataRow("7.8", 0, 0.25, DisplayName = "7.8 postal procedures 0/0,25 (II.2.7.a)")]
    [DataRow("7.9", 0, 0.5, DisplayName = "7.9 files received by post 0/0,5 (II.2.7.a)")]
    [DataRow("7.10", 0.25, 0.5, DisplayName = "7.10 results returned by post 0,25/0,5 (II.2.7.a)")]
    [DataRow("7.11", 0, 0.5, DisplayName = "7.11 ISO provincial/district 0/0,5 (II.2.7.a)")]
    [DataRow("7.12", 0.25, 0.5, DisplayName = "7.12 ISO communes 0,25/0,5 (II.2.7.a)")]
    public void Sub_criteria_reproduce_the_documented_2018_points(string code, double points, double max)
    {
        var score = _kontum[code];
        Assert.AreEqual(max, score.MaxPoints, 1e-9, $"max of {code}");
        Assert.AreEqual(points, score.Points, 1e-9, $"points of {code}");
    }

    [TestMethod]
    public void Shortfall_report_names_the_appendix_units_for_the_criteria_that_lost_points()
    {
        var shortfalls = _report.Shortfalls("KTU").ToDictionary(s => s.Code);
        // Appendix (Phụ lục) rows, with points lost = max − achieved from the body.
        (string Code, double Lost, string Unit)[] appendix =
        [
            ("1.2", 1.25, "Sở Tư pháp"),                   // 1.75 − 0.5
            ("1.2", 1.25, "Sở Thông tin và Truyền thông"),
            ("1.3", 1, "Sở Nội vụ"),                        // 1 − 0
            ("3.1", 0.25, "Văn phòng UBND tỉnh"),            // 0.25 − 0
            ("3.3", 0.75, "Sở Thông tin và Truyền thông"),  // 0.75 − 0
            ("3.4", 1, "Sở Nội vụ"),
            ("3.5", 1, "Sở Nội vụ"),
            ("5.1", 0.5, "Sở Khoa học và Công nghệ"),
            ("6.2", 0.5, "Sở Tài chính"),                   // 1 − 0.5
            ("6.3", 0.5, "Sở Tài chính"),
            ("6.4", 1, "Sở Tài chính"),
            ("7.1", 0.5, "Sở Thông tin và Truyền thông"),
            ("7.11", 0.5, "UBND huyện Ia H'Drai"),
        ];
        foreach (var (code, lost, unit) in appendix)
        {
            Assert.IsTrue(shortfalls.TryGetValue(code, out var shortfall), $"{code} must be in the shortfall report");
            Assert.AreEqual(lost, shortfall.Lost, 1e-9, $"points lost on {code}");
            CollectionAssert.Contains(shortfall.Responsible.ToList(), unit, $"{code} is assigned to {unit} in the appendix");
        }
        // Full marks are not shortfalls.
        Assert.IsFalse(shortfalls.ContainsKey("1.x"), "1.x scored its max (4.25/4.25)");
        var ordered = _report.Shortfalls("KTU").Select(s => s.Lost).ToList();
        CollectionAssert.AreEqual(ordered.OrderByDescending(l => l).ToList(), ordered, "sorted by points lost");
    }
}
