using System.Buffers.Binary;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// The HTML report in a real browser: headless Chromium loads it, runs its script and renders
/// it. Skipped (inconclusive) where Chromium is not installed; .ci/run installs it, so CI runs these.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class BrowserReportTests
{
    private static string _folder = null!;

    [ClassInitialize]
    public static void Folder(TestContext _)
    {
        _folder = Path.Combine(Path.GetTempPath(), "parindex-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [ClassCleanup]
    public static void Remove()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string ExampleReport()
    {
        var path = Path.Combine(_folder, "example.html");
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        var report = rules.Score(Data.CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv")));
        File.WriteAllText(path, HtmlReportWriter.Render(report));
        return path;
    }

    private static string FixtureReport()
    {
        var path = Path.Combine(_folder, "fixture.html");
        using var rules = ReportFixture.Load();
        File.WriteAllText(path, HtmlReportWriter.Render(ReportFixture.Score(rules), new HtmlReportOptions { SelectedAgency = "B" }));
        return path;
    }

    [TestMethod]
    public void Bundled_example_loads_without_console_errors_and_draws_its_charts()
    {
        var chromium = Chromium.Require();
        var (dom, log) = Chromium.DumpDom(chromium, ExampleReport());
        Assert.IsEmpty(Chromium.ConsoleMessages(log), "console messages or errors:\n" + log);
        StringAssert.Matches(dom, new Regex("<html [^>]*data-report-ready=\"true\""), "the inline script ran");
        StringAssert.Matches(dom, new Regex("<html [^>]*data-selected-agency=\"KTU\""));
        // The percent chart (one bar: Kon Tum) and the per-area chart (8 areas × Kon Tum and the mean).
        Assert.AreEqual(1, Regex.Matches(dom, "<svg [^>]*class=\"chart bar-chart percent-chart\"").Count);
        Assert.AreEqual(1, Regex.Matches(dom, "<svg [^>]*class=\"chart grouped-bar-chart area-chart\"").Count);
        Assert.AreEqual(1 + 16, Regex.Matches(dom, "<rect class=\"bar\"").Count);
        StringAssert.Contains(dom, "Tỉnh Kon Tum");
    }

    [TestMethod]
    public void Script_shows_only_the_selected_agency()
    {
        var chromium = Chromium.Require();
        var (dom, log) = Chromium.DumpDom(chromium, FixtureReport());
        Assert.IsEmpty(Chromium.ConsoleMessages(log), "console messages or errors:\n" + log);
        StringAssert.Matches(dom, new Regex("<html [^>]*data-report-ready=\"true\""));
        StringAssert.Matches(dom, new Regex("<html [^>]*data-selected-agency=\"B\""));
        var panels = Regex.Matches(dom, "<article class=\"agency-panel\" data-agency=\"([^\"]+)\"( hidden=\"\")?>")
            .Select(m => (Id: m.Groups[1].Value, Hidden: m.Groups[2].Success)).ToList();
        Assert.HasCount(5, panels);
        CollectionAssert.AreEqual(new[] { "B" }, panels.Where(p => !p.Hidden).Select(p => p.Id).ToArray());
        // Two groups' percent charts and five area charts; the encoded name is text, not markup.
        Assert.AreEqual(7, Regex.Matches(dom, "<svg ").Count);
        Assert.DoesNotContain("<script>alert(1)", dom);
    }

    [TestMethod]
    public void Console_check_sees_errors_when_a_page_has_them()
    {
        // The check above must be able to fail: a page that logs and throws is caught.
        var chromium = Chromium.Require();
        var page = Path.Combine(_folder, "broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>console.error('boom'); throw new Error('broken page');</script></body></html>");
        var (_, log) = Chromium.DumpDom(chromium, page);
        var messages = Chromium.ConsoleMessages(log);
        Assert.IsTrue(messages.Any(m => m.Contains("boom", StringComparison.Ordinal)), log);
        Assert.IsTrue(messages.Any(m => m.Contains("Uncaught Error: broken page", StringComparison.Ordinal)), log);
    }

    [TestMethod]
    public void Screenshot_is_a_1280_by_2000_png_with_content()
    {
        var chromium = Chromium.Require();
        var png = Path.Combine(_folder, "report.png");
        var (exit, _, error) = Chromium.Run(chromium, ExampleReport(), "--screenshot=" + png, "--window-size=1280,2000", "--hide-scrollbars");
        Assert.AreEqual(0, exit, error);
        var bytes = File.ReadAllBytes(png);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8).ToArray());
        Assert.AreEqual(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.AreEqual(2000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        // A blank 1280×2000 page compresses to a few kilobytes; text, tables and charts do not.
        Assert.IsGreaterThan(40_000, bytes.Length, $"the screenshot is only {bytes.Length} bytes: is the page blank?");
    }
}
