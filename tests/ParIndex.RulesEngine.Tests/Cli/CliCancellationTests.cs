namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// An interrupted run (Ctrl-C in the process, the caller's token in process) stops at its next
/// step with exit 130 and leaves no output file: an existing --out file keeps its old content and
/// no temporary file is left. The token is cancelled from inside the run, when the command writes
/// a line to standard error after the temporary output file exists.
/// </summary>
[TestClass]
public sealed class CliCancellationTests
{
    private const string Old = "old results\n";

    [TestMethod]
    public void Cancelled_while_streaming_exits_130_and_leaves_the_old_output_file()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        // A rejected row (score 500 is above the maximum 100) is reported while the rows are read.
        var data = workspace.Write("data.csv", CliWorkspace.Data + "\nX,Sở X,500,true\n");
        var target = workspace.Write("out.csv", Old);
        var result = RunCancelledOn("PAR06", "score", rules, data, "--stream", "--format", "csv", "-o", target);
        AssertInterrupted(result, workspace, target);
    }

    [TestMethod]
    public void Cancelled_after_reading_in_memory_exits_130_and_leaves_the_old_output_file()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        // An unknown column is a warning printed once the data is read, before scoring.
        var data = workspace.Write("data.csv", CliWorkspace.Data.Replace("reported\n", "reported,extra\n", StringComparison.Ordinal));
        var target = workspace.Write("out.json", Old);
        var result = RunCancelledOn("extra", "score", rules, data, "--format", "json", "--out", target);
        AssertInterrupted(result, workspace, target);
    }

    [TestMethod]
    public void A_token_cancelled_before_the_run_writes_nothing()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var target = workspace.Write("report.html", Old);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Run(["report", rules, data, "--out", target, "--no-cache", "--lang", "en"], output, error, new CancellationToken(canceled: true));
        AssertInterrupted(new CliResult(exit, output.ToString(), error.ToString()), workspace, target);
    }

    private static CliResult RunCancelledOn(string marker, params string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new CancellingWriter(marker, cancellation);
        var exit = global::ParIndex.Cli.Cli.Run([.. args, "--no-cache", "--lang", "en"], output, error, cancellation.Token);
        Assert.IsTrue(cancellation.IsCancellationRequested, $"the run never wrote '{marker}' to standard error: {error}");
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private static void AssertInterrupted(CliResult result, CliWorkspace workspace, string target)
    {
        Assert.AreEqual(130, result.ExitCode, result.ToString());
        Assert.AreEqual("error: interrupted; no output file was written or changed.", result.ErrorLines[^1]);
        Assert.AreEqual(Old, File.ReadAllText(target));
        var left = Directory.GetFiles(workspace.Folder, "*.tmp");
        Assert.IsEmpty(left, string.Join(", ", left));
    }

    /// <summary>Standard error that cancels the run as soon as a text containing the marker is written.</summary>
    private sealed class CancellingWriter(string marker, CancellationTokenSource cancellation) : StringWriter
    {
        public override void Write(char value) { base.Write(value); Check(); }
        public override void Write(string? value) { base.Write(value); Check(); }
        public override void Write(char[] buffer, int index, int count) { base.Write(buffer, index, count); Check(); }

        private void Check()
        {
            if (!cancellation.IsCancellationRequested && ToString().Contains(marker, StringComparison.Ordinal)) cancellation.Cancel();
        }
    }
}
