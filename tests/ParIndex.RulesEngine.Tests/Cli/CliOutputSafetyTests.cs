using System.Diagnostics;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// --out never destroys an input and never leaves a half-written file: it is refused when it names
/// an input (by any path) or a folder, and results reach it through a temporary file renamed only
/// when the command succeeds.
/// </summary>
[TestClass]
public sealed class CliOutputSafetyTests
{
    private const string Old = "old results, kept\n";

    /// <summary>The files of one workspace: rules, data, a previous results JSON, and a second results JSON for diff.</summary>
    private static (string Rules, string Data, string Results) Inputs(CliWorkspace workspace)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var results = workspace.PathOf("results.json");
        Assert.AreEqual(0, CliWorkspace.Run("score", rules, data, "--no-cache", "--format", "json", "--out", results).ExitCode);
        return (rules, data, results);
    }

    /// <summary>Every command with --out, writing to <paramref name="output"/>.</summary>
    private static string[] Command(string command, (string Rules, string Data, string Results) files, string output) => command switch
    {
        "score" => ["score", files.Rules, files.Data, "--no-cache", "--format", "csv", "--out", output],
        "score-stream" => ["score", files.Rules, files.Data, "--no-cache", "--stream", "--out", output],
        "score-previous" => ["score", files.Rules, files.Data, "--no-cache", "--previous", files.Results, "--out", output],
        "explain" => ["explain", files.Rules, files.Data, "--no-cache", "--agency", "A", "--out", output],
        "shortfall" => ["shortfall", files.Rules, files.Data, "--no-cache", "--agency", "A", "--out", output],
        "report" => ["report", files.Rules, files.Data, "--no-cache", "--out", output],
        "diff" => ["diff", files.Results, files.Results, "--out", output],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static string FileOf(string which, (string Rules, string Data, string Results) files) => which switch
    {
        "rules" => files.Rules,
        "data" => files.Data,
        _ => files.Results,
    };

    [TestMethod]
    [DataRow("score", "data")]
    [DataRow("score", "rules")]
    [DataRow("score-stream", "data")]
    [DataRow("score-previous", "results")]
    [DataRow("explain", "data")]
    [DataRow("shortfall", "rules")]
    [DataRow("report", "rules")]
    [DataRow("report", "data")]
    [DataRow("diff", "results")]
    public void Out_equal_to_an_input_by_the_same_path_is_refused_and_the_input_kept(string command, string input)
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var victim = FileOf(input, files);
        var before = File.ReadAllText(victim);
        var result = CliWorkspace.Run(Command(command, files, victim));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual($"error: --out {victim} is the input file {victim}: writing the results there would destroy it. Choose another output file.", result.ErrorLines.Single(), result.ToString());
        Assert.AreEqual(before, File.ReadAllText(victim));
        Assert.AreEqual("", result.Out);
        AssertNoTemporaryFiles(workspace);
    }

    [TestMethod]
    public void Out_equal_to_the_data_by_another_path_spelling_is_refused()
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        Directory.CreateDirectory(workspace.PathOf("sub"));
        var other = Path.Combine(workspace.Folder, "sub", "..", ".", "data.csv");
        var result = CliWorkspace.Run(Command("score-stream", files, other));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, $"--out {other} is the input file {files.Data} (the same file on disk)");
        Assert.AreEqual(CliWorkspace.Data, File.ReadAllText(files.Data), "--stream must not truncate the data before reading it");
    }

    [TestMethod]
    public void Out_that_is_a_symbolic_link_to_the_data_is_refused()
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var link = workspace.PathOf("link.csv");
        File.CreateSymbolicLink(link, files.Data);
        var result = CliWorkspace.Run(Command("score-stream", files, link));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, $"--out {link} is the input file {files.Data} (the same file on disk)");
        Assert.AreEqual(CliWorkspace.Data, File.ReadAllText(files.Data));
    }

    [TestMethod]
    public void Out_that_is_a_hard_link_to_the_rules_is_refused()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("hard links are made with ln here");
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var link = workspace.PathOf("hard.json");
        using (var ln = Process.Start(new ProcessStartInfo("ln", [files.Rules, link]) { UseShellExecute = false })!) ln.WaitForExit();
        Assert.IsTrue(File.Exists(link));
        var result = CliWorkspace.Run(Command("report", files, link));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, $"--out {link} is the input file {files.Rules} (the same file on disk)");
        Assert.AreEqual(CliWorkspace.Rules, File.ReadAllText(files.Rules));
    }

    [TestMethod]
    public void Out_through_a_linked_folder_is_the_same_file_by_device_and_inode()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("file identity by inode is a Unix check");
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        // Neither path is a link itself: only stat(2) can tell that they name one file.
        var linkedFolder = workspace.PathOf("same-folder");
        Directory.CreateSymbolicLink(linkedFolder, workspace.Folder);
        var other = Path.Combine(linkedFolder, "data.csv");
        var result = CliWorkspace.Run(Command("score", files, other));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, $"--out {other} is the input file {files.Data} (the same file on disk)");
        Assert.AreEqual(CliWorkspace.Data, File.ReadAllText(files.Data));
    }

    [TestMethod]
    [DataRow("score")]
    [DataRow("diff")]
    public void Out_that_is_a_folder_says_it_is_a_directory(string command)
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var result = CliWorkspace.Run(Command(command, files, workspace.Folder));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual($"error: --out {workspace.Folder}: is a directory; give the name of a file to write.", result.ErrorLines.Single());
    }

    [TestMethod]
    [DataRow("--out=", null)]
    [DataRow("--out", "")]
    public void Empty_out_is_a_command_line_error_not_a_crash(string option, string? value)
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        string[] outOption = value is null ? [option] : [option, value];
        var result = CliWorkspace.Run(["score", files.Rules, files.Data, "--no-cache", .. outOption]);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual("error: --out needs a file name; the value given is empty.", result.ErrorLines.Single());
    }

    [TestMethod]
    public void Out_in_a_missing_folder_is_refused_before_scoring()
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var target = Path.Combine(workspace.Folder, "nowhere", "out.csv");
        var result = CliWorkspace.Run(Command("score", files, target));
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual($"error: --out {target}: the folder {Path.Combine(workspace.Folder, "nowhere")} does not exist.", result.ErrorLines.Single());
    }

    [TestMethod]
    public void A_stream_run_that_fails_leaves_the_previous_out_content_and_no_temporary_file()
    {
        // A header without rows: the run reads the file, finds nothing to score and exits 3.
        // Before, --out was opened (and emptied) first.
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", "agencyId,agencyName,score,reported\n");
        var output = workspace.Write("out.csv", Old);
        var result = CliWorkspace.Run("score", rules, data, "--no-cache", "--stream", "--out", output);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.AreEqual(Old, File.ReadAllText(output));
        AssertNoTemporaryFiles(workspace);
    }

    [TestMethod]
    public void A_command_that_fails_after_opening_its_output_leaves_the_old_file()
    {
        // explain opens --out, scores, then finds no agency "Z" (exit 2).
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var output = workspace.Write("explain.txt", Old);
        var result = CliWorkspace.Run("explain", files.Rules, files.Data, "--no-cache", "--agency", "Z", "--out", output);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.AreEqual(Old, File.ReadAllText(output));
        AssertNoTemporaryFiles(workspace);
    }

    [TestMethod]
    public void A_successful_run_replaces_the_old_file_whole_and_keeps_its_permissions()
    {
        using var workspace = new CliWorkspace();
        var files = Inputs(workspace);
        var output = workspace.Write("out.csv", Old);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(output, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var result = CliWorkspace.Run(Command("score", files, output));
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        // The CSV of CliScoreTests: header and three agencies, nothing of the old content.
        var lines = File.ReadAllLines(output);
        Assert.HasCount(4, lines);
        Assert.AreEqual("C,Sở C,,12,15,80,Tốt,1,1,,,7,5", lines[3]);
        if (!OperatingSystem.IsWindows()) Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        AssertNoTemporaryFiles(workspace);
    }

    [TestMethod]
    public void Pending_output_discarded_part_way_leaves_the_old_content_and_no_temporary_file()
    {
        using var workspace = new CliWorkspace();
        var target = workspace.Write("big.csv", Old);
        string temporary;
        using (var pending = global::ParIndex.Cli.PendingOutput.Create(target))
        {
            temporary = pending.TemporaryPath;
            for (var i = 0; i < 100_000; i++) pending.Writer.WriteLine($"row {i}");
            pending.Writer.Flush();
            Assert.IsTrue(File.Exists(temporary));
            Assert.AreEqual(Old, File.ReadAllText(target), "nothing reaches the target before commit");
            // An exception here (disposal without Commit) is what a failing command does.
        }
        Assert.AreEqual(Old, File.ReadAllText(target));
        Assert.IsFalse(File.Exists(temporary));
        AssertNoTemporaryFiles(workspace);
    }

    [TestMethod]
    [DoNotParallelize]
    public void Interruption_deletes_the_temporary_file_and_refuses_the_commit()
    {
        using var workspace = new CliWorkspace();
        var target = workspace.Write("out.csv", Old);
        var pending = global::ParIndex.Cli.PendingOutput.Create(target);
        try
        {
            pending.Writer.WriteLine("half of the results");
            // What the SIGINT / SIGTERM / Ctrl-C handler calls.
            global::ParIndex.Cli.PendingOutput.AbandonAll();
            Assert.IsFalse(File.Exists(pending.TemporaryPath));
            Assert.Throws<OperationCanceledException>(pending.Commit);
            Assert.AreEqual(Old, File.ReadAllText(target));
            AssertNoTemporaryFiles(workspace);
        }
        finally
        {
            pending.Dispose();
            global::ParIndex.Cli.PendingOutput.ResetInterruption();
        }
    }

    [TestMethod]
    [DoNotParallelize]
    public void A_write_that_fails_because_an_interruption_closed_the_output_is_reported_as_the_interruption()
    {
        // Ctrl-C during a streamed writing pass: the handler closes and deletes the output while
        // the sink is writing to it, and the write fails with ObjectDisposedException.
        var error = new StringWriter();
        try
        {
            var code = global::ParIndex.Cli.Cli.Guarded(() =>
            {
                global::ParIndex.Cli.PendingOutput.AbandonAll();
                throw new ObjectDisposedException("FileStream", "Cannot access a closed file.");
            }, error);
            Assert.AreEqual(130, code, error.ToString());
            Assert.DoesNotContain("ObjectDisposedException", error.ToString());
        }
        finally
        {
            global::ParIndex.Cli.PendingOutput.ResetInterruption();
        }
        // Without an interruption the same exception is still an internal error.
        var other = new StringWriter();
        Assert.AreNotEqual(130, global::ParIndex.Cli.Cli.Guarded(() => throw new ObjectDisposedException("FileStream"), other));
        Assert.Contains("ObjectDisposedException", other.ToString());
    }

    private static void AssertNoTemporaryFiles(CliWorkspace workspace)
    {
        var left = Directory.GetFiles(workspace.Folder, "*.tmp");
        Assert.IsEmpty(left, string.Join(", ", left));
    }
}
