using System.Globalization;
using System.Text;
using ParIndex.Cli;
using ParIndex.RulesEngine.Tests.TestSupport;
using Spectre.Console;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>parindex report, parindex diff, and the ranking table drawn for a terminal.</summary>
[TestClass]
public sealed class ReportCommandTests
{
    private static string _folder = null!;
    private static string _rules = null!;
    private static string _data = null!;

    [ClassInitialize]
    public static void Files(TestContext _)
    {
        _folder = Path.Combine(Path.GetTempPath(), "parindex-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _rules = Path.Combine(_folder, "rules.json");
        _data = Path.Combine(_folder, "data.csv");
        File.WriteAllText(_rules, ReportFixture.RulesJson);
        File.WriteAllText(_data, ReportFixture.DataCsv);
    }

    [ClassCleanup]
    public static void Remove() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // Messages pinned to English, as in CliWorkspace.Run.
        var exit = ParIndex.Cli.Cli.Run(args.Length > 0 ? [args[0], "--lang", "en", .. args[1..]] : args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    // Each file in a folder of its own, under the name given: a history file's period is read from
    // its name, and a random prefix could hold digits that read as a year.
    private static string Temp(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;
        return Path.Combine(folder, name);
    }

    [TestMethod]
    public void Report_writes_one_html_file_with_rank_change_from_previous_results()
    {
        // Previous period: the same data, so every agency keeps its rank.
        var previous = Temp("previous.json");
        Assert.AreEqual(4, Run("score", _rules, _data, "--format", "json", "--out", previous, "--no-cache").Exit, "row F is rejected");
        var html = Temp("report.html");
        var (exit, output, error) = Run("report", _rules, _data, "--previous", previous, "--out", html, "--no-cache", "--subtitle", "Năm 2024", "--agency", "C");
        Assert.AreEqual(4, exit, error);
        Assert.AreEqual("", output, "the report goes to the file");
        StringAssert.Contains(error, "report of 5 agencies (1 row(s) not scored)");
        StringAssert.Contains(error, "PAR0605", "rejected rows are printed");
        var page = File.ReadAllText(html, Encoding.UTF8);
        StringAssert.StartsWith(page, "<!DOCTYPE html>");
        StringAssert.Contains(page, "<p class=\"subtitle\">Năm 2024</p>");
        StringAssert.Contains(page, "<option value=\"C\" selected>");
        StringAssert.Contains(page, "<span class=\"change same\" title=\"Giữ nguyên hạng 1\">=</span>");
        Assert.DoesNotContain("mới", page[..page.IndexOf("</table>", StringComparison.Ordinal)], "every agency has a previous rank");
    }

    [TestMethod]
    public void Report_history_option_adds_the_earlier_years_section()
    {
        var example = (string file) => RepositoryPaths.Example("provincial-internal-index", file);
        var html = Temp("history.html");
        // Repeatable, as for score: two files and a folder's third file give 2021, 2022 and 2023.
        var (exit, _, error) = Run("report", example("ruleset.json"), example("units-2024.csv"), "--history", example("results/results-2021.csv"),
            "--history", example("results/results-2022.csv"), "--history", example("results/results-2023.csv"), "--out", html, "--no-cache");
        Assert.AreEqual(0, exit, error);
        var page = File.ReadAllText(html, Encoding.UTF8);
        StringAssert.Contains(page, "<h2>Kết quả các năm trước</h2>");
        // Sở Nội vụ: 76,64% rank 13 in results-2023.csv, rank 1 in 2024 (100%): 12 places up.
        StringAssert.Contains(page, "<td class=\"num\">76,64</td><td class=\"num\">13</td><td class=\"num\">100,00</td><td class=\"num\">1</td><td class=\"num\"><span class=\"change up\" title=\"Tăng 12 bậc (kỳ trước hạng 13)\">↑ 12</span>");
        // The history also reaches the scoring: rank change in the ranking table is against 2023 (SNV was 13th).
        StringAssert.Contains(page, "title=\"Tăng 12 bậc (kỳ trước hạng 13)\">▲ 12</span>");

        var plainHtml = Temp("plain.html");
        var (plain, _, plainError) = Run("report", example("ruleset.json"), example("units-2024.csv"), "--out", plainHtml, "--no-cache");
        Assert.AreEqual(0, plain, plainError);
        Assert.DoesNotContain("cac-nam-truoc", File.ReadAllText(plainHtml, Encoding.UTF8));
    }

    [TestMethod]
    public void Report_history_options_are_checked_as_for_score()
    {
        var (exit, _, error) = Run("report", _rules, _data, "--id-map", Temp("map.csv"), "--out", Temp("x.html"), "--no-cache");
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "--id-map maps the ids of earlier periods; give them with --history.");
        var missingYear = Temp("earlier.csv");
        File.WriteAllText(missingYear, "agencyId,percent,rank\nA,50,1\n");
        var (bad, _, badError) = Run("report", _rules, _data, "--history", missingYear, "--out", Temp("y.html"), "--no-cache");
        Assert.AreNotEqual(0, bad);
        StringAssert.Contains(badError, "the period cannot be told from the file name");
        var (self, _, selfError) = Run("report", _rules, _data, "--self", _data, "--history", missingYear, "--out", Temp("z.html"), "--no-cache");
        Assert.AreEqual(2, self);
        StringAssert.Contains(selfError, "--history is not available with --self");
    }

    [TestMethod]
    public void Report_without_out_writes_html_to_standard_output()
    {
        var (exit, output, _) = Run("report", RepositoryPaths.Example("par-index-province-2019", "ruleset.json"), RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv"), "--no-cache");
        Assert.AreEqual(0, exit);
        StringAssert.StartsWith(output, "<!DOCTYPE html>");
        StringAssert.Contains(output, "Tỉnh Kon Tum");
        StringAssert.Contains(output, "72,17");
    }

    [TestMethod]
    public void Report_of_an_unknown_agency_is_a_usage_error()
    {
        var (exit, _, error) = Run("report", _rules, _data, "--agency", "ZZ", "--out", Temp("x.html"), "--no-cache");
        Assert.AreEqual(2, exit);
        StringAssert.Contains(error, "--agency ZZ");
    }

    [TestMethod]
    public void Report_page_option_chooses_A4_landscape_and_refuses_other_values()
    {
        var html = Temp("landscape.html");
        var (exit, _, error) = Run("report", RepositoryPaths.Example("par-index-province-2019", "ruleset.json"), RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv"), "--page", "landscape", "--out", html, "--no-cache");
        Assert.AreEqual(0, exit, error);
        var page = File.ReadAllText(html, Encoding.UTF8);
        StringAssert.Contains(page, "@page { size: A4 landscape;");
        // The official header from the example's metadata.
        StringAssert.Contains(page, "<p class=\"issuer\">ỦY BAN NHÂN DÂN TỈNH KON TUM</p>");
        var (badExit, _, badError) = Run("report", _rules, _data, "--page", "a3", "--out", Temp("a3.html"), "--no-cache");
        Assert.AreEqual(2, badExit);
        StringAssert.Contains(badError, "--page takes portrait or landscape, not 'a3'.");
        Assert.IsFalse(File.Exists(Temp("a3.html")), "no output on a usage error");
    }

    [TestMethod]
    public void Diff_compares_two_results_files()
    {
        var before = Temp("before.json");
        var after = Temp("after.json");
        var changed = Temp("changed.csv");
        // B does everything right in the second period: 20/20, so it ties A for first.
        File.WriteAllText(changed, ReportFixture.DataCsv.Replace("so,0.5,false,0.25", "so,1,true,0.5", StringComparison.Ordinal));
        Run("score", _rules, _data, "--format", "json", "--out", before, "--no-cache");
        Run("score", _rules, changed, "--format", "json", "--out", after, "--no-cache");
        var (exit, output, error) = Run("diff", before, after, "--top", "3");
        Assert.AreEqual(0, exit, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var b = lines.Single(l => l.StartsWith("B ", StringComparison.Ordinal));
        StringAssert.Contains(b, "+12");
        StringAssert.Contains(b, "↑2");
        StringAssert.Contains(b, "Yếu → Tốt");
        StringAssert.Contains(output, "top 3 of 5");
        // Mean |Δ| over A–E: criterion 1 (B +7) 1.4, 2 and 2.1 (B +5) 1, 1.2 (B +4) 0.8, 1.1 (B +3) 0.6.
        var criteria = lines.SkipWhile(l => !l.StartsWith("== Criteria", StringComparison.Ordinal)).Skip(3).Take(3).Select(l => l.Split(' ')[0]).ToList();
        CollectionAssert.AreEqual(new[] { "1", "2", "2.1" }, criteria);
    }

    [TestMethod]
    public void Diff_of_a_missing_or_broken_file_exits_3_and_a_bad_command_line_exits_2()
    {
        var broken = Temp("broken.json");
        File.WriteAllText(broken, "{ \"agencies\": 5 }");
        var missing = Run("diff", Temp("nope.json"), broken);
        Assert.AreEqual(3, missing.Exit);
        StringAssert.StartsWith(missing.Error, "error: ");
        var bad = Run("diff", broken, broken);
        Assert.AreEqual(3, bad.Exit);
        StringAssert.Contains(bad.Error, "\"agencies\" array");
        Assert.AreEqual(2, Run("diff", broken).Exit);
        Assert.AreEqual(2, Run("diff", broken, broken, "--top", "many").Exit);
        Assert.AreEqual(2, Run("diff", broken, broken, "--format", "csv").Exit);
        Assert.AreEqual(2, Run("diff", broken, broken, "--agency", "A").Exit);
    }

    [TestMethod]
    public void Usage_lists_report_and_diff()
    {
        StringAssert.Contains(ParIndex.Cli.Cli.Usage, "parindex report <rules.json> <data>");
        StringAssert.Contains(ParIndex.Cli.Cli.Usage, "parindex diff <results-a.json> <results-b.json>");
    }

    [TestMethod]
    public void On_a_terminal_the_ranking_is_a_table_whose_rows_line_up_with_Vietnamese_names()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 140;
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = ParIndex.Cli.Cli.Run(["score", _rules, _data, "--no-cache", "--previous", WritePrevious()], output, error, console);
        Assert.AreEqual(4, exit, error.ToString());
        Assert.AreEqual("", output.ToString(), "the table goes to the terminal");
        var lines = screen.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var tableLines = lines.Where(l => l.TrimStart().Length > 0 && "╭│├╰+|".Contains(l.TrimStart()[0])).ToList();
        Assert.IsGreaterThan(8, tableLines.Count, screen.ToString());
        // Two tables (one per group); inside each, every line has the same display width.
        foreach (var table in Split(tableLines))
        {
            var widths = table.Select(Width).Distinct().ToList();
            Assert.HasCount(1, widths, "rows of one table must line up:\n" + string.Join("\n", table));
        }
        var kora = lines.Single(l => l.Contains("UBND huyện Kon Rẫy", StringComparison.Ordinal));
        StringAssert.Contains(kora, "37.00");
        StringAssert.Contains(kora, "Yếu");
        Assert.IsTrue(lines.Any(l => l.Contains("▲1", StringComparison.Ordinal)), "A rose one place");
        Assert.IsTrue(lines.Any(l => l.Contains("Sở, ban, ngành", StringComparison.Ordinal)), "group titles");
    }

    private static string WritePrevious()
    {
        var path = Temp("previous.csv");
        File.WriteAllText(path, "agencyId,rank\nA,2\nB,1\nD,1\nE,2\n");
        return path;
    }

    private static IEnumerable<List<string>> Split(List<string> lines)
    {
        var current = new List<string>();
        foreach (var line in lines)
        {
            current.Add(line);
            if (line.TrimStart().StartsWith('╰') || line.TrimStart().StartsWith('+') && current.Count > 2 && !line.Contains('|'))
            {
                yield return current;
                current = [];
            }
        }
        if (current.Count > 0) yield return current;
    }

    private static int Width(string line) => new StringInfo(line.TrimEnd().Normalize(NormalizationForm.FormC)).LengthInTextElements;
}
