using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Report;

namespace ParIndex.RulesEngine.Tests.Report;

[TestClass]
public sealed class HtmlReportWriterTests
{
    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;
    private static string _html = null!;

    [ClassInitialize]
    public static void Render(TestContext _)
    {
        _rules = ReportFixture.Load();
        _report = ReportFixture.Score(_rules);
        _html = HtmlReportWriter.Render(_report);
    }

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    /// <summary>The text of the element with the given marker attribute, up to its closing tag.</summary>
    private static string Element(string tag, string attribute, string value)
    {
        var start = _html.IndexOf($"<{tag} class=\"{attribute}\" data-agency=\"{value}\"", StringComparison.Ordinal);
        if (start < 0) start = _html.IndexOf($"<{tag} data-agency=\"{value}\"", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"no <{tag}> for {value}");
        var end = _html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return _html[start..end];
    }

    private static string RowIn(string html, string agencyId)
    {
        var start = html.IndexOf($"<tr data-agency=\"{agencyId}\"", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"no row for {agencyId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static List<string> Svgs(string cssClass) =>
        Regex.Matches(_html, $"<svg [^>]*class=\"chart [^\"]*{cssClass}[^\"]*\".*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();

    [TestMethod]
    public void Page_is_a_utf8_html_document_in_Vietnamese()
    {
        StringAssert.StartsWith(_html, "<!DOCTYPE html>");
        Assert.Contains("<html lang=\"vi\">", _html);
        Assert.Contains("<meta charset=\"utf-8\">", _html);
        Assert.Contains("<h2>Xếp hạng</h2>", _html);
        Assert.Contains("Điều kiện khen thưởng", _html);
        Assert.Contains("892/QĐ-BNV", _html);
    }

    [TestMethod]
    public void Page_is_self_contained()
    {
        foreach (var forbidden in new[] { "<link", " src=", "url(", "@import", "@font-face", "href=\"http", "<iframe", "<img" })
            Assert.DoesNotContain(forbidden, _html, $"the page must not load anything: found {forbidden}");
        // The only absolute URL is the SVG namespace name, which is an identifier, not a resource.
        var urls = Regex.Matches(_html, "https?://[^\"' <]+").Select(m => m.Value).Distinct().ToList();
        CollectionAssert.AreEqual(new[] { "http://www.w3.org/2000/svg" }, urls);
        Assert.AreEqual(1, Regex.Matches(_html, "<script>").Count, "one inline script");
    }

    [TestMethod]
    public void Text_from_rule_files_and_data_is_encoded()
    {
        Assert.DoesNotContain("<script>alert(1)", _html);
        Assert.DoesNotContain("<Xây dựng>", _html);
        Assert.Contains("Sở &lt;Xây dựng&gt; &amp; &quot;Giao thông&quot; &lt;script&gt;alert(1)&lt;/script&gt;", _html);
        Assert.Contains("<title>Chỉ số CCHC thử nghiệm &lt;2024&gt; &amp; &quot;báo cáo&quot;</title>", _html);
    }

    [TestMethod]
    public void Every_chart_is_well_formed_svg()
    {
        var svgs = Regex.Matches(_html, "<svg .*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        // One percent chart per group (2) and one area chart per scored agency (5).
        Assert.HasCount(7, svgs);
        foreach (var svg in svgs)
        {
            var root = XElement.Parse(svg);
            Assert.AreEqual("svg", root.Name.LocalName);
            Assert.IsFalse(string.IsNullOrWhiteSpace(root.Element(root.Name.Namespace + "title")?.Value), "every chart has a title");
        }
    }

    [TestMethod]
    public void Ranking_lists_each_group_with_classification_and_rank_change_arrows()
    {
        var so = _html.IndexOf("<h3>Sở, ban, ngành</h3>", StringComparison.Ordinal);
        var huyen = _html.IndexOf("<h3>UBND cấp huyện</h3>", StringComparison.Ordinal);
        Assert.IsTrue(so >= 0 && huyen > so, "both group titles, in order of appearance");

        var a = Element("tr", "", "A");
        Assert.Contains("<td class=\"num\">1</td>", a);
        Assert.Contains("▲ 1", a);
        Assert.Contains("100,00", a);
        Assert.Contains(">Tốt</span>", a);
        var b = Element("tr", "", "B");
        Assert.Contains("<td class=\"num\">3</td>", b);
        Assert.Contains("▼ 2", b);
        Assert.Contains("40,00", b);
        Assert.Contains(">Yếu</span>", b);
        StringAssert.Contains(Element("tr", "", "C"), ">mới</span>");
        StringAssert.Contains(Element("tr", "", "C"), "88,00");
        StringAssert.Contains(Element("tr", "", "D"), "class=\"change same\"");
    }

    [TestMethod]
    public void Percent_chart_has_one_bar_per_agency_of_the_group_scaled_to_100()
    {
        var charts = Svgs("percent-chart");
        Assert.HasCount(2, charts);
        var so = XElement.Parse(charts[0]);
        var bars = so.Descendants().Where(e => e.Name.LocalName == "rect" && (string?)e.Attribute("class") == "bar").ToList();
        Assert.HasCount(3, bars, "A, C and B");
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Ranked A (100%), C (88%), B (40%): the bars are in that proportion.
        Assert.AreEqual(0.88, widths[1] / widths[0], 0.01);
        Assert.AreEqual(0.40, widths[2] / widths[0], 0.01);
        // Classification thresholds are drawn as markers.
        var markers = so.Descendants().Where(e => (string?)e.Attribute("class") == "marker").Select(e => e.Value).ToList();
        CollectionAssert.AreEquivalent(new[] { "Tốt ≥ 90", "Khá ≥ 70", "Trung bình ≥ 50" }, markers);
    }

    [TestMethod]
    public void Area_chart_compares_the_agency_with_its_group_mean()
    {
        var panel = Element("article", "agency-panel", "B");
        Assert.Contains("class=\"chart grouped-bar-chart area-chart\"", panel);
        // Area 1 in group "so": A 100%, B 30%, C 88% → mean 72.7%. Area 2: A 100%, B 50%, C n/a → mean 75%.
        Assert.Contains("1. Công tác chỉ đạo, điều hành cải cách hành chính: Sở &lt;Xây dựng&gt;", panel);
        Assert.Contains("30,0%; Trung bình nhóm Sở, ban, ngành 72,7%", panel);
        Assert.Contains("2. Hiện đại hóa hành chính: ", panel);
        Assert.Contains("50,0%; Trung bình nhóm Sở, ban, ngành 75,0%", panel);
        // C: area 2 does not apply.
        StringAssert.Contains(Element("article", "agency-panel", "C"), "không áp dụng");
    }

    [TestMethod]
    public void Shortfalls_are_summed_by_responsible_unit()
    {
        // B loses 3 on 1.1 (Sở Nội vụ), 4 on 1.2 (Văn phòng UBND tỉnh and Sở Nội vụ), 5 on 2.1 (Sở TT&TT).
        var panel = Element("article", "agency-panel", "B");
        var rows = Regex.Matches(panel, "<tr><td>([^<]+)</td><td class=\"num\">([^<]+)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        CollectionAssert.AreEqual(new[] { ("Sở Nội vụ", "7"), ("Sở Thông tin và Truyền thông", "5"), ("Văn phòng UBND tỉnh", "4") }, rows);
        StringAssert.Contains(Element("article", "agency-panel", "A"), "Đơn vị đạt điểm tối đa ở mọi tiêu chí áp dụng.");

        // Over all agencies, Sở Nội vụ: B 7 + C 1.2 + E (0.6 + 4) = 12.8, in 3 agencies.
        var units = _html[_html.IndexOf("id=\"don-vi-chiu-trach-nhiem\"", StringComparison.Ordinal)..];
        StringAssert.Matches(units, new Regex("<tr><td>Sở Nội vụ</td><td class=\"num\">12,8</td><td class=\"num\">3</td>"));
    }

    [TestMethod]
    public void Eligibility_shows_who_qualifies_and_which_conditions_failed()
    {
        Assert.Contains("2 / 5 đơn vị đủ điều kiện", _html);
        var table = _html[_html.IndexOf("<table class=\"eligibility\">", StringComparison.Ordinal)..];
        Assert.Contains("✔ Đủ điều kiện", RowIn(table, "A"));
        Assert.Contains("✔ Đủ điều kiện", RowIn(table, "D"));
        var e = RowIn(table, "E");
        Assert.Contains("✘ Chưa đủ điều kiện", e);
        Assert.Contains("<li>Chỉ số CCHC ≥ 90%</li>", e);
        Assert.Contains("<li>Báo cáo đầy đủ, đúng hạn</li>", e);
    }

    [TestMethod]
    public void Rejected_rows_are_listed()
    {
        Assert.Contains("Dòng dữ liệu không được chấm", _html);
        var section = _html[_html.IndexOf("id=\"dong-bi-loai\"", StringComparison.Ordinal)..];
        Assert.Contains("F", section);
        Assert.Contains("plan", section);
    }

    [TestMethod]
    public void Agency_selector_lists_every_agency_and_selects_the_best_by_default()
    {
        var options = Regex.Matches(_html, "<option value=\"([^\"]+)\"( selected)?>").Select(m => (m.Groups[1].Value, m.Groups[2].Success)).ToList();
        // Overall ranking: A 100, D 90, C 88, B 40, E 37.
        CollectionAssert.AreEqual(new[] { "A", "D", "C", "B", "E" }, options.Select(o => o.Item1).ToArray());
        CollectionAssert.AreEqual(new[] { "A" }, options.Where(o => o.Item2).Select(o => o.Item1).ToArray());
        var chosen = HtmlReportWriter.Render(_report, new HtmlReportOptions { SelectedAgency = "E" });
        StringAssert.Contains(chosen, "<option value=\"E\" selected>");
    }

    [TestMethod]
    public void Output_depends_only_on_the_report_and_options()
    {
        Assert.AreEqual(_html, HtmlReportWriter.Render(_report));
        var titled = HtmlReportWriter.Render(_report, new HtmlReportOptions { Title = "Báo cáo <quý 1>", Subtitle = "Năm 2025", GeneratedOn = "Ngày 1/4/2025" });
        StringAssert.Contains(titled, "<h1>Báo cáo &lt;quý 1&gt;</h1>");
        StringAssert.Contains(titled, "<p class=\"subtitle\">Năm 2025</p>");
        StringAssert.Contains(titled, "Ngày 1/4/2025");
    }

    [TestMethod]
    public void Totals_only_report_keeps_ranking_and_eligibility_without_per_area_sections()
    {
        var totals = HtmlReportWriter.Render(ReportFixture.Score(_rules, ScoreDetail.TotalsOnly));
        StringAssert.Contains(totals, "<table class=\"ranking\">");
        StringAssert.Contains(totals, "2 / 5 đơn vị đủ điều kiện");
        Assert.DoesNotContain("<article class=\"agency-panel\"", totals);
        Assert.DoesNotContain("<select", totals);
    }
}
