using ParIndex.RulesEngine.Testing;

namespace ParIndex.Cli;

/// <summary>
/// parindex test &lt;rules.json&gt;: runs the test cases kept in the rule file (<c>tests</c>) and
/// prints one line per case, every failed expectation under it (expected, actual, where), and a
/// "N passed, N failed" summary. Exit code <see cref="ExitCodes.TestsFailed"/> when any case fails.
/// </summary>
public static class TestCommand
{
    /// <summary>Runs the cases; returns the exit code.</summary>
    public static int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        Cli.Expect(line, 1, []);
        using var rules = Cli.LoadRules(line, error);
        var run = RuleSetTests.Run(rules);
        if (run.Cases.Count == 0) Cli.Say(output, CliText.Format("NoTestCases", line.Positional[0]));
        foreach (var result in run.Cases)
        {
            Cli.Say(output, CliText.Format(result.Passed ? "TestPassed" : "TestFailed", result.Name));
            foreach (var failure in result.Failures)
                Cli.Say(output, CliText.Format("TestExpectation", failure.What, failure.Expected, failure.Actual, failure.Location, failure.Code));
        }
        Cli.Say(output, CliText.Format("TestSummary", run.PassedCount, run.FailedCount));
        return run.AllPassed ? ExitCodes.Success : ExitCodes.TestsFailed;
    }
}
