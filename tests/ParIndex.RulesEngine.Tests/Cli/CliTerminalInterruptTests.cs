using System.Diagnostics;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// Ctrl-C as a user presses it: <c>parindex score … --out</c> runs in a pseudo-terminal (the
/// system's <c>script</c>, so standard output is a terminal as in a shell), and the Ctrl-C byte is
/// typed into it while the command compiles, with its temporary output file open. The terminal
/// line discipline turns it into SIGINT for the command. The command must restore the terminal
/// (colours reset, cursor shown), keep the old output file, leave no temporary file and exit 130.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CliTerminalInterruptTests
{
    private const string ShowCursor = "\u001b[?25h";
    private const string ResetColours = "\u001b[0m";

    [TestMethod]
    public void Ctrl_C_in_a_terminal_restores_it_keeps_the_old_output_and_exits_130()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("needs a Linux pseudo-terminal (script)");
        // A process started as a background job by a shell without job control has SIGINT ignored,
        // and so has every process it starts: Ctrl-C cannot reach the command then, by design of
        // Unix (and .NET honours it). A user's terminal never runs it that way.
        if (SignalIgnored(2)) Assert.Inconclusive("SIGINT is ignored by this test process (started as a background job without job control), so Ctrl-C cannot reach the command");
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var output = workspace.Write("out.csv", "old results\n");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        // --no-cache: the rules compile (seconds), the window in which Ctrl-C is typed.
        var command = string.Join(' ', new[] { dotnet, Path.Combine(AppContext.BaseDirectory, "parindex.dll"), "score", rules, data, "--out", output, "--no-cache" }.Select(Quote));
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TERM"] = "xterm";
        start.Environment["PARINDEX_LANG"] = "en";
        using var process = Process.Start(start)!;
        var transcript = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();

        // The temporary file next to out.csv appears once the command has opened its output.
        var opened = Stopwatch.StartNew();
        while (!Directory.GetFiles(workspace.Folder, ".out.csv.*.tmp").Any() && !process.HasExited && opened.Elapsed < TimeSpan.FromMinutes(1))
            Thread.Sleep(20);
        Assert.IsFalse(process.HasExited, $"the command ended before Ctrl-C: {transcript.Result}{errors.Result}");
        process.StandardInput.Write('\u0003');
        process.StandardInput.Flush();

        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("parindex did not stop after Ctrl-C");
        }
        var text = transcript.Result + errors.Result;
        Assert.AreEqual(130, process.ExitCode, text);
        StringAssert.Contains(text, ResetColours + ShowCursor, "the terminal is restored");
        StringAssert.Contains(text, "interrupted; no output file was written or changed", text);
        Assert.AreEqual("old results\n", File.ReadAllText(output), "the old output is kept");
        Assert.IsEmpty(Directory.GetFiles(workspace.Folder, ".out.csv.*.tmp"), "no temporary file is left");
    }

    /// <summary>True when this process ignores <paramref name="signal"/> (the SigIgn mask of /proc/self/status).</summary>
    private static bool SignalIgnored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>A word for the shell that script runs the command with.</summary>
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
