namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex validate: exit 0 or 1, diagnostics on standard error as file(line,col): severity CODE: message.</summary>
[TestClass]
public sealed class CliValidateTests
{
    [TestMethod]
    public void Valid_file_exits_0()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var result = CliWorkspace.Run("validate", rules);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual($"{rules}: valid (0 warning(s)).", result.OutLines.Single(), result.ToString());
        Assert.AreEqual("", result.Error, result.ToString());
    }

    [TestMethod]
    public void Invalid_file_exits_1_and_prints_each_diagnostic_with_file_line_and_column()
    {
        // "scor" is at offset 0 of the formula on line 9, whose opening quote is in column 18.
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("bad.json", CliWorkspace.Rules.Replace("\"score / 10\"", "\"scor / 10\"", StringComparison.Ordinal));
        var result = CliWorkspace.Run("validate", rules);
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        var line = result.ErrorLines.Single();
        Assert.IsTrue(line.StartsWith($"{rules}(9,19): error PAR0301: Unknown name 'scor'", StringComparison.Ordinal), line);
        Assert.Contains("Did you mean 'score'?", line);
        Assert.IsTrue(line.EndsWith("[at criteria[0].formula]", StringComparison.Ordinal), line);
        Assert.AreEqual($"{rules}: 1 error(s), 0 warning(s).", result.OutLines.Single());
    }

    /// <summary>Criterion 1 declares max 10 but its only child has max 4 (the parent opens on line 3): one PAR0305 warning.</summary>
    private const string WarningRules = """
        {
          "id": "w", "title": "W", "version": "1", "inputs": [],
          "criteria": [ { "code": "1", "title": "A", "max": 10,
            "children": [ { "code": "1.1", "title": "B", "max": 4, "formula": "1" } ] } ]
        }
        """;

    [TestMethod]
    public void Warnings_are_printed_but_the_file_is_valid()
    {
        using var workspace = new CliWorkspace();
        var path = workspace.Write("warn.json", WarningRules);
        var result = CliWorkspace.Run("validate", path);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(result.ErrorLines.Single().StartsWith($"{path}(3,17): warning PAR0305: ", StringComparison.Ordinal), result.ToString());
        Assert.AreEqual($"{path}: valid (1 warning(s)).", result.OutLines.Single());
    }

    [TestMethod]
    public void Validate_uses_the_compile_cache_and_a_cached_file_gives_the_same_diagnostics()
    {
        // The first run compiles and stores the entry; the second is a hit and must print the same lines; score then finds the
        // entry too (no second entry), and --no-cache still prints the same.
        using var workspace = new CliWorkspace();
        var path = workspace.Write("warn.json", WarningRules);
        var data = workspace.Write("data.csv", "agencyId\nA\n");
        var cache = workspace.PathOf("cache");

        var first = CliWorkspace.Run("validate", path, "--cache-dir", cache);
        var entries = Directory.GetFiles(cache, "*.kernel");
        var second = CliWorkspace.Run("validate", path, "--cache-dir", cache);
        var score = CliWorkspace.Run("score", path, data, "--cache-dir", cache);
        var uncached = CliWorkspace.Run("validate", path, "--no-cache");

        Assert.AreEqual(1, entries.Length, "validate stores the compiled entry: " + first);
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.IsTrue(first.ErrorLines.Single().StartsWith($"{path}(3,17): warning PAR0305: ", StringComparison.Ordinal), first.ToString());
        Assert.AreEqual((first.ExitCode, first.Out, first.Error), (second.ExitCode, second.Out, second.Error));
        Assert.AreEqual((first.ExitCode, first.Out, first.Error), (uncached.ExitCode, uncached.Out, uncached.Error));
        Assert.AreEqual(0, score.ExitCode, score.ToString());
        CollectionAssert.AreEquivalent(entries, Directory.GetFiles(cache, "*.kernel"), "score read the entry validate wrote");
    }

    [TestMethod]
    public void Missing_rule_file_exits_1_with_PAR0101()
    {
        using var workspace = new CliWorkspace();
        var path = workspace.PathOf("nowhere.json");
        var result = CliWorkspace.Run("validate", path);
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.IsTrue(result.ErrorLines.Single().StartsWith($"{path}: error PAR0101: ", StringComparison.Ordinal), result.ToString());
    }

    [TestMethod]
    public void Bundled_example_is_valid()
    {
        var rules = Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "par-index-province-2019", "ruleset.json");
        var result = CliWorkspace.Run("validate", rules);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(result.Error.Contains(": error ", StringComparison.Ordinal), result.ToString());
    }
}
