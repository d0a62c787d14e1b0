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
        if (run.Cases.Count == 0) Cli.Say(output, $"{line.Positional[0]}: no test cases (add \"tests\" to the rule file).");
        foreach (var result in run.Cases)
        {
            Cli.Say(output, $"{(result.Passed ? "PASS" : "FAIL")}  {result.Name}");
            foreach (var failure in result.Failures)
                Cli.Say(output, $"      {failure.What}: expected {failure.Expected}, actual {failure.Actual}  [{failure.Location}: {failure.Code}]");
        }
        Cli.Say(output, $"{run.PassedCount} passed, {run.FailedCount} failed");
        return run.AllPassed ? ExitCodes.Success : ExitCodes.TestsFailed;
    }
}
