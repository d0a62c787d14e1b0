namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex explain and shortfall, and wrong command lines (exit 2).</summary>
[TestClass]
public sealed class CliExplainAndUsageTests
{
    private static CliResult RunWithFiles(CliWorkspace workspace, string command, params string[] options)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        return CliWorkspace.Run([command, rules, data, "--no-cache", .. options]);
    }

    [TestMethod]
    public void Explain_one_criterion_shows_the_values_read_and_the_points()
    {
        using var workspace = new CliWorkspace();
        var result = RunWithFiles(workspace, "explain", "--agency", "A", "--criterion", "1");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = result.OutLines;
        Assert.AreEqual("1 Điểm — agency A", lines[0]);
        Assert.AreEqual("  scoring: formula: score / 10", lines[1]);
        Assert.AreEqual("  score = 50", lines[2]);
        StringAssert.StartsWith(lines[3], "  points: 5 before cap → 5 of 10");
    }

    [TestMethod]
    public void Explain_without_criterion_explains_every_criterion()
    {
        using var workspace = new CliWorkspace();
        var result = RunWithFiles(workspace, "explain", "--agency", "B");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(result.OutLines.Any(l => l == "1 Điểm — agency B"), result.ToString());
        Assert.IsTrue(result.OutLines.Any(l => l == "2 Báo cáo — agency B"), result.ToString());
        Assert.IsTrue(result.OutLines.Any(l => l == "  reported = false"), result.ToString());
    }

    [TestMethod]
    [DataRow("--agency", "Z", "--criterion", "1", DisplayName = "unknown agency")]
    [DataRow("--agency", "A", "--criterion", "9", DisplayName = "unknown criterion")]
    public void Explain_of_something_unknown_exits_2(string o1, string v1, string o2, string v2)
    {
        using var workspace = new CliWorkspace();
        var result = RunWithFiles(workspace, "explain", o1, v1, o2, v2);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.Error, "error: ");
    }

    [TestMethod]
    public void Shortfall_lists_lost_points_with_responsible_units()
    {
        // B: criterion 1 gives 9 of 10 (Sở Nội vụ loses 1), criterion 2 gives 0 of 5 (Sở Tư pháp loses 5).
        using var workspace = new CliWorkspace();
        var result = RunWithFiles(workspace, "shortfall", "--agency", "B");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = result.OutLines;
        Assert.AreEqual("Shortfalls of B: 2 criteria below their maximum, 6 points lost.", lines[0]);
        var criteria = lines.Where(l => l.StartsWith("1 ", StringComparison.Ordinal) || l.StartsWith("2 ", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(2, criteria.Count, result.ToString());
        StringAssert.StartsWith(criteria[0], "2 ", "the largest loss comes first");
        Assert.Contains("Sở Tư pháp", criteria[0]);
        Assert.IsTrue(lines.Any(l => l.StartsWith("Sở Nội vụ", StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("1")), result.ToString());
    }

    [TestMethod]
    public void No_arguments_prints_the_usage_and_exits_2()
    {
        var result = CliWorkspace.Run();
        Assert.AreEqual(2, result.ExitCode);
        // With no arguments there is no --lang: the usage is in the default language (CliLanguageTests).
        Assert.Contains("parindex validate <rules.json>", result.Out);
    }

    [TestMethod]
    public void Unknown_command_exits_2_with_a_pointer_to_the_help()
    {
        var result = CliWorkspace.Run("frobnicate", "x.json");
        Assert.AreEqual(2, result.ExitCode);
        // No name is near "frobnicate": no suggestion; one line to the help instead of the whole usage.
        CollectionAssert.AreEqual(new[] { "error: Unknown command 'frobnicate'.", "see: parindex -h" }, result.ErrorLines.ToArray());
    }

    [TestMethod]
    [DataRow(new[] { "validate" }, "takes 1 file argument(s), not 0", DisplayName = "validate without a file")]
    [DataRow(new[] { "score", "rules.json" }, "takes 2 file argument(s), not 1", DisplayName = "score without data")]
    [DataRow(new[] { "explain", "rules.json", "data.csv" }, "needs --agency", DisplayName = "explain without --agency")]
    [DataRow(new[] { "shortfall", "rules.json", "data.csv" }, "needs --agency", DisplayName = "shortfall without --agency")]
    [DataRow(new[] { "score", "rules.json", "data.csv", "--format", "xml" }, "Unknown format 'xml'", DisplayName = "unknown format")]
    [DataRow(new[] { "score", "rules.json", "data.csv", "--colour", "red" }, "Unknown option(s) for 'score': --colour", DisplayName = "unknown option")]
    [DataRow(new[] { "score", "rules.json", "data.csv", "--out" }, "--out needs a value", DisplayName = "option without its value")]
    [DataRow(new[] { "score", "rules.json", "data.csv", "--culture", "not a culture" }, "Unknown culture", DisplayName = "unknown culture")]
    public void Wrong_command_line_exits_2(string[] args, string message)
    {
        // Files named on these command lines exist, so only the command line itself is wrong.
        using var workspace = new CliWorkspace();
        workspace.Write("rules.json", CliWorkspace.Rules);
        workspace.Write("data.csv", CliWorkspace.Data);
        var resolved = args.Select(a => a.EndsWith(".json", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal) ? workspace.PathOf(a) : a).ToArray();
        var result = CliWorkspace.Run(resolved);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [TestMethod]
    public void Bundled_example_shortfall_names_the_responsible_units()
    {
        var folder = Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "par-index-province-2019");
        var result = CliWorkspace.Run("shortfall", Path.Combine(folder, "ruleset.json"), Path.Combine(folder, "kontum-2018.csv"), "--agency", "KTU", "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.OutLines[0], "Shortfalls of KTU: ");
        Assert.Contains("Sở Nội vụ", result.Out);
    }
}
