using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.History;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// The report as printed, in headless Chromium: print-to-PDF gives A4 pages (the PDF's MediaBox,
/// in points: 595 × 842 portrait, 842 × 595 landscape), and no element of the print layout is
/// wider than the printable width of the page.
/// </summary>
public sealed partial class BrowserReportTests
{
    /// <summary>The report of an example (rule file and data file), written to the test folder.</summary>
    private static string ExampleReport(string example, string data, PageOrientation orientation)
    {
        var path = Path.Combine(_folder, $"{example}-{orientation}.html".ToLowerInvariant());
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(example, "ruleset.json"));
        // An example with earlier results (results/) is printed with them: the section "Kết quả các năm trước" must fit too.
        var results = RepositoryPaths.Example(example, "results");
        var history = Directory.Exists(results) ? ResultsHistoryReader.ReadFiles([results]) : null;
        var report = rules.Score(Data.CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example(example, data)), new ScoringOptions { History = history });
        var html = HtmlReportWriter.Render(report, new HtmlReportOptions { Orientation = orientation, History = history });
        Assert.AreEqual(history is not null, html.Contains("<section id=\"cac-nam-truoc\">", StringComparison.Ordinal), "the history section is printed when the example has earlier results");
        File.WriteAllText(path, html);
        return path;
    }

    /// <summary>Width and height, in points, of every page of a PDF (its /MediaBox entries).</summary>
    private static List<(double Width, double Height)> PageSizes(string pdf)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(pdf));
        Assert.IsTrue(text.StartsWith("%PDF-", StringComparison.Ordinal), "not a PDF");
        return Regex.Matches(text, @"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static List<(double Width, double Height)> Print(string html)
    {
        var chromium = Chromium.Require();
        var pdf = Path.ChangeExtension(html, ".pdf");
        var (exit, _, error) = Chromium.Run(chromium, html, "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
        Assert.AreEqual(0, exit, error);
        return PageSizes(pdf);
    }

    [TestMethod]
    [DataRow("provincial-internal-index", "units-2024.csv", PageOrientation.Portrait, 595.3, 841.9, DisplayName = "internal index, A4 portrait: 210 × 297 mm = 595.3 × 841.9 pt")]
    [DataRow("par-index-province-2019", "provinces-2018.csv", PageOrientation.Landscape, 841.9, 595.3, DisplayName = "63 provinces, A4 landscape: 297 × 210 mm")]
    public void Report_prints_on_A4_pages(string example, string data, PageOrientation orientation, double width, double height)
    {
        var pages = Print(ExampleReport(example, data, orientation));
        // Each ranking group and each group's matrix starts a page: more than one page.
        Assert.IsGreaterThan(1, pages.Count, "pages");
        foreach (var page in pages)
        {
            Assert.AreEqual(width, page.Width, 1.0, "page width (pt)");
            Assert.AreEqual(height, page.Height, 1.0, "page height (pt)");
        }
    }

    /// <summary>
    /// Measures the print layout in the browser: a copy of the page whose print rules apply on
    /// screen (<c>@media print</c> becomes <c>@media all</c>; the @page margins are taken off the
    /// window instead), laid out in a window as wide as the printable area, with a script that
    /// lists every element whose box leaves the page or whose content overflows a box that would
    /// clip it, and writes the list into the DOM.
    /// </summary>
    private static (int LayoutWidth, string[] TooWide) Measure(string html, int printableWidth)
    {
        var chromium = Chromium.Require();
        var copy = Path.Combine(_folder, "measure-" + Path.GetFileName(html));
        var page = File.ReadAllText(html).Replace("@media print {", "@media all {", StringComparison.Ordinal);
        File.WriteAllText(copy, page.Replace("</body>", "<script>" + MeasureScript + "</script>\n</body>", StringComparison.Ordinal));
        var (exit, dom, error) = Chromium.Run(chromium, copy, "--hide-scrollbars", $"--window-size={printableWidth},1000", "--dump-dom");
        Assert.AreEqual(0, exit, error);
        var width = Regex.Match(dom, "data-layout-width=\"(\\d+)\"");
        Assert.IsTrue(width.Success, "the measuring script did not run");
        var list = System.Net.WebUtility.HtmlDecode(Regex.Match(dom, "<pre id=\"too-wide\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value);
        return (int.Parse(width.Groups[1].Value, CultureInfo.InvariantCulture), list.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private const string MeasureScript = """
        (function () {
          var limit = document.documentElement.clientWidth, wide = [];
          var all = document.querySelectorAll("body *");
          for (var i = 0; i < all.length; i++) {
            var e = all[i], r = e.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            var name = e.tagName.toLowerCase() + (typeof e.className === "string" && e.className ? "." + e.className : "");
            if (r.right > limit + 0.5 || r.left < -0.5) wide.push(name + " " + Math.round(r.left) + ".." + Math.round(r.right));
            else if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") wide.push("overflows: " + name + " " + e.scrollWidth + " > " + e.clientWidth);
          }
          document.documentElement.setAttribute("data-layout-width", String(limit));
          var pre = document.createElement("pre"); pre.id = "too-wide"; pre.textContent = wide.slice(0, 50).join("\n"); document.body.appendChild(pre);
        })();
        """;

    [TestMethod]
    [DataRow(PageOrientation.Portrait, 703, DisplayName = "A4 portrait: 210 mm − 2 × 12 mm = 186 mm = 703 px")]
    [DataRow(PageOrientation.Landscape, 1032, DisplayName = "A4 landscape: 297 mm − 2 × 12 mm = 273 mm = 1032 px")]
    public void No_element_of_the_internal_index_report_is_wider_than_the_page(PageOrientation orientation, int printableWidth)
    {
        var (width, tooWide) = Measure(ExampleReport("provincial-internal-index", "units-2024.csv", orientation), printableWidth);
        Assert.AreEqual(printableWidth, width, "the layout was measured at the printable width");
        Assert.IsEmpty(tooWide, "wider than the page:\n" + string.Join("\n", tooWide));
    }

    [TestMethod]
    public void Measurement_finds_a_table_wider_than_the_page()
    {
        // The check above must be able to fail: a 1200 px table and a clipped wide block are both reported.
        var html = Path.Combine(_folder, "wide.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body style=\"margin:0\"><table style=\"width:1200px\"><tr><td>x</td></tr></table>"
            + "<div style=\"overflow:hidden;width:300px\"><div style=\"width:900px\">y</div></div></body></html>");
        var (width, tooWide) = Measure(html, 703);
        Assert.AreEqual(703, width);
        Assert.IsTrue(tooWide.Any(l => l.StartsWith("table 0..1200", StringComparison.Ordinal)), string.Join("\n", tooWide));
        Assert.IsTrue(tooWide.Any(l => l.StartsWith("overflows: div 900 > 300", StringComparison.Ordinal)), string.Join("\n", tooWide));
    }

    [TestMethod]
    public void Printable_widths_match_the_page_margins_of_the_print_styles()
    {
        // 12 mm margins left and right (the @page rule): 186 mm and 273 mm at 96 px per 25.4 mm.
        Assert.AreEqual(703, (int)Math.Round(186 / 25.4 * 96));
        Assert.AreEqual(1032, (int)Math.Round(273 / 25.4 * 96));
        StringAssert.Contains(HtmlReportWriter.Render(ReportFixture.Score(ReportFixture.Load())), "margin: 14mm 12mm 16mm 12mm;");
    }
}
