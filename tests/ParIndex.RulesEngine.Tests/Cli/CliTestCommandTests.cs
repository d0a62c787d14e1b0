using ParIndex.RulesEngine.Tests.RuleFileTests;
using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex test: one line per case, failures with expected, actual and place, "N passed, N failed", exit 1 on a failure.</summary>
[TestClass]
public sealed class CliTestCommandTests
{
    [TestMethod]
    public void Passing_cases_print_one_line_each_and_exit_0()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", With(Case("Sở A", """{ "total": 15.4, "percent": 77 }"""), Case("Sở A vs B", """{ "rank": 2 }""", others: Best)));
        var result = CliWorkspace.Run("test", rules, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "PASS  Sở A", "PASS  Sở A vs B", "2 passed, 0 failed" }, result.OutLines.ToArray(), result.ToString());
    }

    [TestMethod]
    public void A_failure_prints_expected_actual_and_where_and_exits_1()
    {
        using var workspace = new CliWorkspace();
        var json = With(Case("good", """{ "total": 15.4 }"""), Case("wrong total", """{ "total": 16 }"""));
        var rules = workspace.Write("rules.json", json);
        var result = CliWorkspace.Run("test", rules, "--no-cache");
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.AreEqual(global::ParIndex.Cli.ExitCodes.TestsFailed, result.ExitCode);
        var (line, column) = TestCaseRules.Position(json, "16 }");
        CollectionAssert.AreEqual(new[]
        {
            "PASS  good",
            "FAIL  wrong total",
            $"      total: expected 16.00, actual 15.40  [{rules}({line},{column}): PAR0730]",
            "1 passed, 1 failed",
        }, result.OutLines.ToArray(), result.ToString());
    }

    [TestMethod]
    public void Rule_file_with_a_load_error_exits_1_with_the_diagnostic()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", With(Case("c", """{ "criteria": { "9": 1 } }""")));
        var result = CliWorkspace.Run("test", rules, "--no-cache");
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        Assert.IsTrue(result.ErrorLines.Any(l => l.Contains("error PAR0312", StringComparison.Ordinal) && l.Contains("[at tests[0].expect.criteria.9]", StringComparison.Ordinal)), result.ToString());
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    public void Rule_file_without_tests_says_so_and_exits_0()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var result = CliWorkspace.Run("test", rules, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { $"{rules}: no test cases (add \"tests\" to the rule file).", "0 passed, 0 failed" }, result.OutLines.ToArray());
    }

    [TestMethod]
    public void Test_takes_exactly_one_rule_file()
    {
        var result = CliWorkspace.Run("test");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, "'test' takes 1 file argument(s), not 0.");
    }
}
