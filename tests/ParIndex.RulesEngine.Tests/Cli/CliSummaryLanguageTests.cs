using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// The command's own summary and status lines are in the language of the run, as its diagnostics
/// are: Vietnamese by default, English with --lang en; numbers and codes unchanged.
/// </summary>
[TestClass]
public sealed class CliSummaryLanguageTests
{
    [TestMethod]
    public void The_streaming_summary_and_a_rejected_row_read_in_each_language()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        // Four rows, one rejected (score 500 above the maximum 100): 4 read, 3 scored, 1 rejected, one group.
        var data = workspace.Write("data.csv", CliWorkspace.Data + "\nX,Sở X,500,true\n");
        var vi = CliWorkspace.Run("score", rules, data, "--stream", "--format", "csv", "--no-cache", "--lang", "vi");
        var en = CliWorkspace.Run("score", rules, data, "--stream", "--format", "csv", "--no-cache", "--lang", "en");
        Assert.AreEqual(4, vi.ExitCode, vi.ToString());
        Assert.AreEqual(4, en.ExitCode, en.ToString());
        Assert.AreEqual("4 dòng đã đọc, 3 được chấm, 1 bị loại, 1 nhóm.", vi.ErrorLines[^1]);
        Assert.AreEqual("4 rows read, 3 scored, 1 rejected, 1 group(s).", en.ErrorLines[^1]);
        Assert.AreEqual(en.Out, vi.Out, "the CSV itself does not change with the language");
    }

    [TestMethod]
    public void The_test_command_reports_its_cases_in_each_language()
    {
        using var workspace = new CliWorkspace();
        // The case of CliTestCommandTests that passes: Sở A, 15.4 points, 77%.
        var rules = workspace.Write("rules.json", With(Case("Sở A", """{ "total": 15.4, "percent": 77 }""")));
        var vi = CliWorkspace.Run("test", rules, "--no-cache", "--lang", "vi");
        var en = CliWorkspace.Run("test", rules, "--no-cache", "--lang", "en");
        Assert.AreEqual(0, en.ExitCode, en.ToString());
        CollectionAssert.AreEqual(new[] { "PASS  Sở A", "1 passed, 0 failed" }, en.OutLines.ToArray());
        CollectionAssert.AreEqual(new[] { "ĐẠT        Sở A", "1 đạt, 0 không đạt" }, vi.OutLines.ToArray());
    }

    [TestMethod]
    public void Command_errors_read_in_Vietnamese_by_default()
    {
        var vi = CliWorkspace.Run("score", "a.json", "b.csv", "--format", "xml", "--lang", "vi");
        Assert.AreEqual(2, vi.ExitCode);
        CollectionAssert.AreEqual(new[] { "lỗi: Định dạng 'xml' không có; hãy dùng table, csv, json hoặc xlsx.", "xem: parindex score -h" }, vi.ErrorLines.ToArray());
    }

    [TestMethod]
    public void Every_command_text_has_both_languages_with_the_same_placeholders()
    {
        var folder = Path.Combine(CliWorkspace.RepositoryRoot(), "src", "ParIndex.Cli", "Resources");
        var english = Texts(Path.Combine(folder, "CliText.resx"));
        var vietnamese = Texts(Path.Combine(folder, "CliText.vi.resx"));
        CollectionAssert.AreEquivalent(english.Keys.ToList(), vietnamese.Keys.ToList());
        foreach (var (key, text) in english)
            CollectionAssert.AreEquivalent(Placeholders(text), Placeholders(vietnamese[key]), key);
    }

    private static Dictionary<string, string> Texts(string path) =>
        System.Xml.Linq.XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().ToList();
}
