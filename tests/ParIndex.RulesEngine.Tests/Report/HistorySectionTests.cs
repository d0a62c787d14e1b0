using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.History;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>The report section "Kết quả các năm trước" (earlier periods' percent and group rank).</summary>
[TestClass]
public sealed partial class HistorySectionTests
{
    private const string Example = "provincial-internal-index";

    private static string Section(string html)
    {
        var start = html.IndexOf("<section id=\"cac-nam-truoc\">", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, "no history section");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>The texts of the cells of an agency's row in the section, tags removed.</summary>
    private static string[] Cells(string section, string agencyId)
    {
        var start = section.IndexOf($"<tr data-agency=\"{agencyId}\">", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"no row for {agencyId}");
        var row = section[start..section.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return CellPattern().Matches(row).Select(m => Tags().Replace(m.Groups[1].Value, "")).ToArray();
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [TestMethod]
    public void Internal_index_2024_shows_each_earlier_year_and_the_change_against_2023()
    {
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(Example, "ruleset.json"));
        var history = ResultsHistoryReader.ReadFiles([RepositoryPaths.Example(Example, "results")]);
        var report = rules.Score(Data.CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example(Example, "units-2024.csv")), new ScoringOptions { History = history });
        var section = Section(HtmlReportWriter.Render(report, new HtmlReportOptions { History = history }));

        // Columns oldest first, this period ("Năm 2024", the rule file's metadata.period) last.
        StringAssert.Contains(section, "<th colspan=\"2\" class=\"period\">2021</th><th colspan=\"2\" class=\"period\">2022</th><th colspan=\"2\" class=\"period\">2023</th><th colspan=\"2\" class=\"period\">Năm 2024</th>");

        // Sở Nội vụ (SNV), group "so". results-2021.csv: percent 88, rank 6; results-2022.csv: 88, rank 8;
        // results-2023.csv: 76.64, rank 13. 2024: every input of units-2024.csv at its target, so every
        // area at its max: 100 / 100 = 100%, rank 1 (tied with Sở Tư pháp). Change: 13 − 1 = 12 places up.
        CollectionAssert.AreEqual(new[] { "Sở Nội vụ", "88,00", "6", "88,00", "8", "76,64", "13", "100,00", "1", "↑ 12" }, Cells(section, "SNV"));
        // Văn phòng UBND tỉnh (VPUB): 71.86 rank 17 (2021), 68.85 rank 18 (2022), 69.63 rank 17 (2023).
        // 2024 as scored (66.89%, rank 19 among the departments): 17 − 19 = 2 places down.
        var vpub = report.Find("VPUB")!;
        Assert.AreEqual(66.89, vpub.Percent, 1e-9);
        Assert.AreEqual(19, vpub.Rank);
        CollectionAssert.AreEqual(new[] { "Văn phòng UBND tỉnh", "71,86", "17", "68,85", "18", "69,63", "17", "66,89", "19", "↓ 2" }, Cells(section, "VPUB"));

        // Rows in this period's ranking order within each group: SNV (rank 1) above VPUB (rank 19), and one table per group.
        Assert.IsLessThan(section.IndexOf("data-agency=\"VPUB\"", StringComparison.Ordinal), section.IndexOf("data-agency=\"SNV\"", StringComparison.Ordinal));
        Assert.AreEqual(report.Groups.Count, Regex.Matches(section, "<table class=\"history\">").Count);
        Assert.AreEqual(report.Agencies.Count, Regex.Matches(section, "<tr data-agency=").Count);
    }

    [TestMethod]
    public void Section_is_absent_without_history()
    {
        using var rules = ReportFixture.Load();
        var html = HtmlReportWriter.Render(ReportFixture.Score(rules));
        Assert.DoesNotContain("cac-nam-truoc", html);
        Assert.DoesNotContain("Kết quả các năm trước", html);
        // An empty history is no history either.
        Assert.DoesNotContain("cac-nam-truoc", HtmlReportWriter.Render(ReportFixture.Score(rules), new HtmlReportOptions { History = new ResultsHistory([]) }));
    }

    [TestMethod]
    public void Agency_missing_from_a_period_shows_a_dash_and_the_change_against_the_latest_period()
    {
        using var rules = ReportFixture.Load();
        var report = ReportFixture.Score(rules);
        // A (so) is rank 1 now (ReportFixture), C rank 2, B rank 3; D (huyen) rank 1, E rank 2.
        // 2023: A rank 3, B rank 1, D rank 1; C and E absent.  2022: A rank 2, C rank 1 (65.5%); B, D, E absent.
        var history = new ResultsHistory(
        [
            ResultsHistoryReader.Read("agencyId,percent,rank\nA,40.25,3\nB,95,1\nD,80,1\n", "results-2023.csv", 2023),
            ResultsHistoryReader.Read("agencyId,percent,rank\nA,50,2\nC,65.5,1\n", "results-2022.csv", 2022),
        ]);
        var section = Section(HtmlReportWriter.Render(report, new HtmlReportOptions { History = history }));
        // A: 3 → 1 = 2 places up; C: not in 2023 → "–"; B: 1 → 3 = 2 down; D: 1 → 1 kept; E: in neither.
        CollectionAssert.AreEqual(new[] { "Sở Tư pháp", "50,00", "2", "40,25", "3", "100,00", "1", "↑ 2" }, Cells(section, "A"));
        CollectionAssert.AreEqual(new[] { "Sở Y tế", "65,50", "1", "–", "–", "88,00", "2", "–" }, Cells(section, "C"));
        CollectionAssert.AreEqual(new[] { "↓ 2" }, Cells(section, "B")[^1..]);
        CollectionAssert.AreEqual(new[] { "=" }, Cells(section, "D")[^1..]);
        CollectionAssert.AreEqual(new[] { "UBND huyện Kon Rẫy", "–", "–", "–", "–", "37,00", "2", "–" }, Cells(section, "E"));
        StringAssert.Contains(section, "“Thay đổi” so với kỳ 2023");
        StringAssert.Contains(section, "<th colspan=\"2\" class=\"period\">Kỳ này</th>", "the fixture's rule file has no metadata.period");
    }

    [TestMethod]
    [DataRow(PageOrientation.Portrait, 4)]
    [DataRow(PageOrientation.Landscape, 7)]
    public void Only_the_latest_periods_that_fit_the_page_are_shown(PageOrientation orientation, int shown)
    {
        using var rules = ReportFixture.Load();
        var years = Enumerable.Range(2010, 9).ToList();
        var history = new ResultsHistory(years.Select(y => ResultsHistoryReader.Read("agencyId,percent,rank\nA,50,1\n", $"results-{y}.csv", y)));
        var section = Section(HtmlReportWriter.Render(ReportFixture.Score(rules), new HtmlReportOptions { History = history, Orientation = orientation }));
        foreach (var year in years)
            Assert.AreEqual(year > 2018 - shown, section.Contains($"class=\"period\">{year}</th>", StringComparison.Ordinal), $"{year} shown");
        StringAssert.Contains(section, $"Chỉ hiển thị {shown} kỳ gần nhất trong 9 kỳ đã cho.");
    }
}
