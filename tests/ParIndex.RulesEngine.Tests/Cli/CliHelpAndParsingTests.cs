using System.Reflection;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// The command line as System.CommandLine parses it: per-command help in both languages,
/// --version, suggestions for mistyped commands and options, -o, the short error with a pointer
/// to the help, and shell completion.
/// </summary>
[TestClass]
public sealed class CliHelpAndParsingTests
{
    [TestMethod]
    [DataRow("validate"), DataRow("score"), DataRow("explain"), DataRow("shortfall"), DataRow("report")]
    [DataRow("test"), DataRow("template"), DataRow("diff"), DataRow("plan")]
    public void Every_command_has_its_own_help_with_every_spelling(string command)
    {
        foreach (var help in new[] { "-h", "--help", "-?" })
        {
            var result = CliWorkspace.Run(command, help);
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            Assert.AreEqual("", result.Error);
            Assert.Contains("Usage:", result.OutLines);
            Assert.IsTrue(result.OutLines.Any(l => l.StartsWith($"  parindex {command} <", StringComparison.Ordinal)), result.ToString());
            Assert.IsTrue(result.OutLines.Any(l => l.TrimStart().StartsWith("--lang <vi|en>", StringComparison.Ordinal)), "--lang is listed for every command");
        }
    }

    [TestMethod]
    public void Score_help_lists_its_files_and_options_with_their_descriptions_in_each_language()
    {
        var en = CliWorkspace.Run("score", "-h");
        Assert.Contains("  parindex score <rules.json> <data> [options]", en.OutLines);
        Assert.IsTrue(en.OutLines.Any(l => l.StartsWith("  -o, --out <file>", StringComparison.Ordinal) && l.EndsWith("replaced only when the command succeeds", StringComparison.Ordinal)), en.ToString());
        Assert.IsTrue(en.OutLines.Any(l => l.StartsWith("  --format <table|csv|json|xlsx>", StringComparison.Ordinal)), en.ToString());

        var vi = CliWorkspace.Run("score", "-h", "--lang", "vi");
        Assert.AreEqual(0, vi.ExitCode, vi.ToString());
        Assert.Contains("Cách dùng:", vi.OutLines);
        Assert.Contains("Tùy chọn:", vi.OutLines);
        Assert.Contains("  parindex score <rules.json> <data> [tùy chọn]", vi.OutLines);
        Assert.IsTrue(vi.OutLines.Any(l => l.StartsWith("  -o, --out <file>", StringComparison.Ordinal) && l.EndsWith("chỉ thay thế khi lệnh thành công", StringComparison.Ordinal)), vi.ToString());
        Assert.DoesNotContain("Options:", vi.OutLines);
    }

    [TestMethod]
    public void Help_with_a_command_name_is_that_commands_help_and_without_one_the_usage()
    {
        Assert.AreEqual(CliWorkspace.Run("diff", "-h").Out, CliWorkspace.Run("help", "diff").Out);
        var usage = CliWorkspace.Run("help");
        Assert.AreEqual(0, usage.ExitCode);
        Assert.Contains("parindex plan <rules.json> <data>", usage.Out);
        Assert.AreEqual(usage.Out, CliWorkspace.Run("-h").Out, "parindex -h is the usage");
    }

    [TestMethod]
    public void Version_prints_the_informational_version_of_parindex()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Run(["--version"], output, error);
        var expected = typeof(global::ParIndex.Cli.Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.AreEqual(0, exit, error.ToString());
        Assert.AreEqual(expected + Environment.NewLine, output.ToString());
        StringAssert.Matches(expected, new System.Text.RegularExpressions.Regex(@"^\d+\.\d+\.\d+"));
    }

    [TestMethod]
    public void A_mistyped_command_gets_the_nearest_command_and_one_line_to_the_help()
    {
        var result = CliWorkspace.Run("scre", "rules.json", "data.csv");
        Assert.AreEqual(2, result.ExitCode);
        CollectionAssert.AreEqual(new[] { "error: Unknown command 'scre'. Did you mean 'score'?", "see: parindex -h" }, result.ErrorLines.ToArray());
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    [DataRow("--ot", DisplayName = "after the files")]
    [DataRow("first", DisplayName = "before the files, where a file argument is free")]
    public void A_mistyped_option_is_an_error_with_the_nearest_option_never_a_file(string where)
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var result = where == "first"
            ? CliWorkspace.Run("score", "--ot", rules, data, "--no-cache")
            : CliWorkspace.Run("score", rules, data, "--ot", "x.csv", "--no-cache");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "error: Unknown option(s) for 'score': --ot. Did you mean --out?", "see: parindex score -h" }, result.ErrorLines.ToArray());
        Assert.IsFalse(File.Exists(workspace.PathOf("x.csv")));
    }

    [TestMethod]
    [DataRow("-0", "-0. Did you mean -o?", DisplayName = "a zero for the letter o, before the files")]
    [DataRow("-O", "-O. Did you mean -o?", DisplayName = "the wrong case")]
    [DataRow("-q", "-q.", DisplayName = "a letter no option has: no guess among one-letter names")]
    public void A_mistyped_short_option_is_an_error_never_a_file_or_a_negative_number(string option, string expected)
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var result = CliWorkspace.Run("score", option, "x.csv", rules, data, "--no-cache");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { $"error: Unknown option(s) for 'score': {expected}", "see: parindex score -h" }, result.ErrorLines.ToArray());
        Assert.IsFalse(File.Exists(workspace.PathOf("x.csv")));
    }

    [TestMethod]
    public void Vietnamese_errors_point_to_the_help_in_Vietnamese()
    {
        var result = CliWorkspace.Run("score", "a.json", "b.csv", "--ot", "x", "--lang", "vi");
        Assert.AreEqual(2, result.ExitCode);
        CollectionAssert.AreEqual(new[] { "lỗi: Lệnh 'score' không có (các) tùy chọn: --ot. Có phải là --out?", "xem: parindex score -h" }, result.ErrorLines.ToArray());
    }

    [TestMethod]
    public void A_file_that_looks_like_an_option_is_given_after_the_double_dash()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("-data.csv", CliWorkspace.Data);
        var result = CliWorkspace.Run("score", "--no-cache", "--format", "csv", "--", workspace.PathOf("rules.json"), data);
        // The path of the data starts with the workspace folder, so also check a bare name the way a shell passes it.
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var bare = CliWorkspace.Run("score", workspace.PathOf("rules.json"), "-data.csv", "--no-cache");
        Assert.AreEqual(2, bare.ExitCode, "without --, a word starting with - is an option");
        Assert.Contains("Unknown option(s) for 'score': -data.csv", bare.Error);
    }

    [TestMethod]
    public void Dash_o_is_out()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var target = workspace.PathOf("ranking.csv");
        var result = CliWorkspace.Run("score", rules, data, "--format", "csv", "-o", target, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Out);
        // Rows in data order; C: 7 + 5 = 12 of 15 points, 80%, rank 1 (CliWorkspace.Data).
        Assert.AreEqual("C,Sở C,,12,15,80,Tốt,1,1,,,7,5", File.ReadAllLines(target)[3]);
    }

    [TestMethod]
    public void Completion_of_sc_offers_score_and_of_an_option_prefix_the_options()
    {
        var root = global::ParIndex.Cli.CommandTree.Build((_, _) => 0);
        CollectionAssert.AreEqual(new[] { "score" }, root.Parse("sc").GetCompletions().Select(c => c.Label).ToArray());
        var options = root.Parse("score r.json d.csv --ou").GetCompletions().Select(c => c.Label).ToArray();
        CollectionAssert.AreEqual(new[] { "--out" }, options);
    }

    [TestMethod]
    public void The_suggest_directive_answers_as_dotnet_suggest_asks()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // dotnet-suggest calls: parindex [suggest:<cursor position>] "<the command line typed so far>"
        var exit = global::ParIndex.Cli.Cli.Run(["[suggest:11]", "parindex sc"], output, error);
        Assert.AreEqual(0, exit, error.ToString());
        Assert.AreEqual("score" + Environment.NewLine, output.ToString());
    }
}
