using System.Diagnostics;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// The language of the command: <c>--lang vi|en</c>, else PARINDEX_LANG, else Vietnamese, the same
/// whether output is a terminal or redirected. The default and the variable are checked in a fresh
/// process (the variable is the whole process's), the option in-process.
/// </summary>
[TestClass]
public sealed class CliLanguageTests
{
    // An unknown name on line 5 and a repeated criterion code on line 6.
    private const string Broken = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number" } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 1, "formula": "y" },
            { "code": "1", "title": "B", "max": 1, "formula": "x" }
          ]
        }
        """;

    private const string VietnameseUnknownName = "Tên 'y' trong công thức của tiêu chí 1 chưa được khai báo. Có phải là 'x'?";
    private const string EnglishUnknownName = "Unknown name 'y' in the formula of criterion 1. Did you mean 'x'?";

    [TestMethod]
    public void Lang_vi_and_lang_en_give_the_same_diagnostics_in_each_language()
    {
        using var files = new CliWorkspace();
        var rules = files.Write("broken.json", Broken);
        var vi = CliWorkspace.Run("validate", rules, "--lang", "vi");
        var en = CliWorkspace.Run("validate", "--lang=en", rules);
        Assert.AreEqual(1, vi.ExitCode, vi.ToString());
        Assert.AreEqual(1, en.ExitCode, en.ToString());
        Assert.Contains($"{rules}(5,56): error PAR0301: {VietnameseUnknownName} [at criteria[0].formula]", vi.ErrorLines);
        Assert.Contains($"{rules}(5,56): error PAR0301: {EnglishUnknownName} [at criteria[0].formula]", en.ErrorLines);
        Assert.Contains("Mã tiêu chí '1' được dùng nhiều lần.", vi.Error);
        Assert.Contains("The criterion code '1' is used more than once.", en.Error);
        Assert.AreEqual($"{rules}: 2 lỗi, 0 cảnh báo.", vi.OutLines.Single());
        Assert.AreEqual($"{rules}: 2 error(s), 0 warning(s).", en.OutLines.Single());
    }

    [TestMethod]
    public void An_unknown_language_is_a_usage_error()
    {
        var result = CliWorkspace.Run("validate", "x.json", "--lang", "fr");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual("error: Unknown language 'fr'; use vi or en.", result.ErrorLines[0]);
    }

    [TestMethod]
    public void The_plain_table_reads_in_the_language_of_the_run_as_the_terminal_table_does()
    {
        using var files = new CliWorkspace();
        var rules = files.Write("rules.json", CliWorkspace.Rules);
        var data = files.Write("data.csv", CliWorkspace.Data);
        var vi = CliWorkspace.Run("score", rules, data, "--no-cache", "--lang", "vi");
        var en = CliWorkspace.Run("score", rules, data, "--no-cache", "--lang", "en");
        Assert.AreEqual(0, vi.ExitCode, vi.ToString());
        Assert.AreEqual(0, en.ExitCode, en.ToString());
        CollectionAssert.AreEqual(new[] { "Hạng", "Thay đổi", "Mã", "Đơn vị", "Điểm", "Tối đa", "%", "Xếp loại" }, Cells(vi.OutLines[1]));
        CollectionAssert.AreEqual(new[] { "Rank", "Change", "Id", "Name", "Points", "Max", "%", "Class" }, Cells(en.OutLines[1]));
    }

    private static string[] Cells(string line) => System.Text.RegularExpressions.Regex.Split(line.Trim(), @"\s{2,}");

    [TestMethod]
    public void Lang_is_accepted_by_every_command_that_checks_its_options()
    {
        var diff = CliWorkspace.Run("diff", "a.json", "b.json", "--lang", "en");
        Assert.AreEqual(3, diff.ExitCode, diff.ToString());
    }

    [TestMethod]
    public void Without_lang_the_variable_chooses_and_without_both_the_command_speaks_Vietnamese()
    {
        using var files = new CliWorkspace();
        var rules = files.Write("broken.json", Broken);
        var byDefault = Parindex(null, "validate", rules);
        var byVariable = Parindex("en", "validate", rules);
        var optionWins = Parindex("en", "validate", rules, "--lang", "vi");
        var unusableVariable = Parindex("klingon", "validate", rules);
        // Standard output and error are pipes here: redirected output is Vietnamese too.
        Assert.Contains(VietnameseUnknownName, byDefault);
        Assert.Contains($"{rules}: 2 lỗi, 0 cảnh báo.", byDefault);
        Assert.Contains(EnglishUnknownName, byVariable);
        Assert.Contains(VietnameseUnknownName, optionWins);
        Assert.Contains(VietnameseUnknownName, unusableVariable);
    }

    /// <summary>Runs the built command in a new process with PARINDEX_LANG set to <paramref name="language"/> (removed when null); returns stdout and stderr.</summary>
    private static string Parindex(string? language, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parindex.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("PARINDEX_LANG");
        if (language is not null) start.Environment["PARINDEX_LANG"] = language;
        start.Environment["PARINDEX_CACHE_DIR"] = Path.Combine(Path.GetTempPath(), "parindex-language-test-cache");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromMinutes(2)), "parindex did not finish");
        return output + error.Result;
    }
}
