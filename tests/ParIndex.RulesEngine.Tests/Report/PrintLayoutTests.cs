using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Report;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// The report for a provincial office: A4 print styles, the official header from the rule
/// file's metadata, the per-group criterion matrix, no unit tables when the rules assign no
/// units, and the overall rank only for comparable groups. Points from ReportFixture's hand calculations.
/// </summary>
[TestClass]
public sealed class PrintLayoutTests
{
    private static string Render(string rulesJson, string csv, HtmlReportOptions? options = null)
    {
        using var rules = RuleSetLoader.LoadJson(rulesJson, "rules.json");
        return HtmlReportWriter.Render(Score(rules, csv), options);
    }

    private static ScoreReport Score(CompiledRuleSet rules, string csv) =>
        rules.Score(Data.CsvAgencyReader.Read(rules, new StringReader(csv), CultureInfo.InvariantCulture, "data.csv"));

    private static string Fixture(HtmlReportOptions? options = null) => Render(ReportFixture.RulesJson, ReportFixture.DataCsv, options);

    private static string WithMetadata(string metadata) =>
        ReportFixture.RulesJson.Replace("\"legalBasis\": \"892/QĐ-BNV\",", "\"legalBasis\": \"892/QĐ-BNV\",\n  \"metadata\": " + metadata + ",", StringComparison.Ordinal);

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"no section {id}");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + 10)];
    }

    [TestMethod]
    public void Print_styles_set_A4_pages_with_numbers_repeated_headers_and_a_page_per_group()
    {
        var portrait = Fixture();
        StringAssert.Contains(portrait, "@page { size: A4 portrait;");
        Assert.DoesNotContain("A4 landscape", portrait);
        StringAssert.Contains(portrait, "content: \"Trang \" counter(page) \" / \" counter(pages)");
        StringAssert.Contains(portrait, "thead { display: table-header-group; }");
        StringAssert.Contains(portrait, "tr, td, th, .card, figure, .official, .matrix-legend { break-inside: avoid; }");
        StringAssert.Contains(portrait, ".group + .group, .matrix-group + .matrix-group, #ma-tran { break-before: page; }");
        var landscape = Fixture(new HtmlReportOptions { Orientation = PageOrientation.Landscape });
        StringAssert.Contains(landscape, "@page { size: A4 landscape;");
    }

    [TestMethod]
    public void Official_header_shows_issuer_province_document_number_date_and_period()
    {
        var html = Render(WithMetadata("""{ "province": "Tỉnh Kon Tum", "issuer": "Ủy ban nhân dân tỉnh Kon Tum", "document": "Kế hoạch cải cách hành chính năm 2025", "number": "757/QĐ-UBND", "date": "2024-12-24", "period": "Quý I năm 2025" }"""), ReportFixture.DataCsv);
        StringAssert.Contains(html, "<div class=\"official\"><p class=\"issuer\">ỦY BAN NHÂN DÂN TỈNH KON TUM</p><p class=\"province\">Tỉnh Kon Tum</p></div>");
        StringAssert.Contains(html, "<p class=\"basis\">Căn cứ: Kế hoạch cải cách hành chính năm 2025 số 757/QĐ-UBND ngày 24 tháng 12 năm 2024</p>");
        StringAssert.Contains(html, "<dt>Kỳ đánh giá</dt><dd>Quý I năm 2025</dd>");
        // The header comes before the title.
        Assert.IsLessThan(html.IndexOf("<h1>", StringComparison.Ordinal), html.IndexOf("class=\"official\"", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow("2023", "năm 2023")]
    [DataRow("2024-12", "tháng 12 năm 2024")]
    [DataRow("2024-03-05", "ngày 05 tháng 03 năm 2024")]
    public void Partial_dates_print_as_much_as_they_say(string date, string text)
    {
        var html = Render(WithMetadata($$"""{ "number": "42/KH-UBND", "date": "{{date}}" }"""), ReportFixture.DataCsv);
        StringAssert.Contains(html, $"<p class=\"basis\">Căn cứ: số 42/KH-UBND {text}</p>");
    }

    [TestMethod]
    public void Rule_file_without_metadata_has_no_official_header()
    {
        var html = Fixture();
        Assert.DoesNotContain("class=\"official\"", html);
        Assert.DoesNotContain("class=\"basis\"", html);
    }

    [TestMethod]
    public void Matrix_has_one_block_per_group_with_agencies_in_rank_order_and_shaded_points()
    {
        var matrix = Section(Fixture(), "ma-tran");
        var groups = Regex.Matches(matrix, "<div class=\"matrix-group\" data-group=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToArray();
        CollectionAssert.AreEqual(new[] { "so", "huyen" }, groups);
        var so = matrix[..matrix.IndexOf("data-group=\"huyen\"", StringComparison.Ordinal)];
        // Two tables: areas 1, 2, then criteria 1.1, 1.2, 2.1. Rows in rank order: A (100%), C (88%), B (40%).
        var tables = Regex.Matches(so, "<table class=\"matrix\">.*?</table>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.HasCount(2, tables);
        CollectionAssert.AreEqual(new[] { "A", "C", "B" }, Regex.Matches(tables[0], "<tr data-agency=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray());
        string Cells(string table, string agency) => string.Join(" | ", Regex.Matches(
            table[table.IndexOf($"<tr data-agency=\"{agency}\"", StringComparison.Ordinal)..].Split("</tr>")[0], "<td [^>]*>([^<]*)</td>").Select(m => m.Groups[1].Value));
        // A: 6 + 4 = 10 and 10; C: 4.8 + 4 = 8.8, area 2 not applicable; B: 3 + 0 = 3 and 5.
        Assert.AreEqual("10,00 | 10,00", Cells(tables[0], "A"));
        Assert.AreEqual("8,80 | –", Cells(tables[0], "C"));
        Assert.AreEqual("3,00 | 5,00", Cells(tables[0], "B"));
        Assert.AreEqual("3,00 | 0,00 | 5,00", Cells(tables[1], "B"));
        // B's area 1 is 3 of 10: share 0.3, shade 97 − 42 × 0.3 = 84.4% lightness.
        StringAssert.Contains(tables[0], "data-share=\"0.3\" style=\"background:hsl(130 45% 84.4%)\">3,00</td>");
        StringAssert.Contains(tables[0], "<td class=\"num cell na\">–</td>");
        StringAssert.Contains(so, "<p class=\"matrix-legend\">Tiêu chí: 1.1 Kế hoạch CCHC · 1.2 Báo cáo đúng hạn · 2.1 Hồ sơ trực tuyến</p>");
    }

    [TestMethod]
    public void Matrix_splits_columns_so_that_a_table_fits_the_page()
    {
        // 12 criteria under one area: portrait pages take 10 per table (10 + 2), landscape 16 (one table).
        var children = string.Join(",\n", Enumerable.Range(1, 12).Select(i => $$"""{ "code": "1.{{i}}", "title": "C{{i}}", "max": 1, "formula": "v" }"""));
        var rules = $$"""
            { "id": "m", "title": "M", "version": "1", "inputs": [ { "name": "v", "type": "number" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 12, "children": [ {{children}} ] } ] }
            """;
        int Tables(PageOrientation orientation) => Regex.Matches(Render(rules, "agencyId,v\nX,1\n", new HtmlReportOptions { Orientation = orientation }), "<table class=\"matrix\">").Count;
        Assert.AreEqual(1 + 2, Tables(PageOrientation.Portrait), "area table + 2 criteria tables");
        Assert.AreEqual(1 + 1, Tables(PageOrientation.Landscape));
    }

    [TestMethod]
    public void Rules_that_assign_no_units_get_no_table_by_unit()
    {
        var withoutUnits = Regex.Replace(ReportFixture.RulesJson, ", \"responsible\": \\[[^\\]]*\\]", "");
        Assert.DoesNotContain("responsible", withoutUnits);
        var html = Render(withoutUnits, ReportFixture.DataCsv);
        Assert.DoesNotContain("chưa phân công", html);
        Assert.DoesNotContain("id=\"don-vi-chiu-trach-nhiem\"", html);
        Assert.DoesNotContain("<table class=\"shortfall\">", html);
        // The lost points are still listed per criterion: B loses 3 on 1.1, 4 on 1.2, 5 on 2.1.
        StringAssert.Contains(html, "<h4>Tiêu chí bị mất điểm</h4>");
        StringAssert.Contains(html, "<tr><td>1.1</td><td>Kế hoạch CCHC</td><td class=\"num\">3</td><td class=\"num\">6</td><td class=\"num\">3</td></tr>");
        // With units (the fixture as it is) the table by unit is there.
        StringAssert.Contains(Fixture(), "id=\"don-vi-chiu-trach-nhiem\"");
    }

    [TestMethod]
    public void Overall_rank_is_shown_only_for_comparable_groups_unless_the_metadata_says()
    {
        // C's area 2 does not apply (max 10, the others 20): the groups are not comparable.
        Assert.DoesNotContain("Hạng chung", Fixture());
        StringAssert.Contains(Render(WithMetadata("""{ "overallRank": "always" }"""), ReportFixture.DataCsv), "<th class=\"num\">Hạng chung</th>");
        // Without C every agency is scored on both areas out of 20: comparable, shown; "never" hides it.
        var comparable = string.Join("\n", ReportFixture.DataCsv.Split('\n').Where(l => !l.StartsWith("C,", StringComparison.Ordinal)));
        StringAssert.Contains(Render(ReportFixture.RulesJson, comparable), "<th class=\"num\">Hạng chung</th>");
        Assert.DoesNotContain("Hạng chung", Render(WithMetadata("""{ "overallRank": "never" }"""), comparable));
    }

    [TestMethod]
    public void Groups_are_comparable_when_every_agency_has_the_same_maximum_per_area()
    {
        using var rules = ReportFixture.Load();
        Assert.IsFalse(ReportLayout.GroupsAreComparable(ReportFixture.Score(rules)), "C is scored out of 10");
        var comparable = string.Join("\n", ReportFixture.DataCsv.Split('\n').Where(l => !l.StartsWith("C,", StringComparison.Ordinal)));
        var report = Score(rules, comparable);
        Assert.IsTrue(ReportLayout.GroupsAreComparable(report));
        Assert.IsTrue(ReportLayout.ShowsOverallRank(report));
        Assert.IsTrue(ReportLayout.AssignsUnits(report));
    }
}
