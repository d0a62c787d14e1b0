using System.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// Headless Chromium for the report tests: Debian's /usr/bin/chromium (installed by .ci/run),
/// or the program named by $PARINDEX_CHROMIUM. Every run gets a new empty profile and no
/// network services (updates, sync, QUIC …).
/// </summary>
internal static class Chromium
{
    public static string? Find() => ExternalProgram.Find("PARINDEX_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");

    /// <summary>The program, or Assert.Inconclusive when Chromium is not installed here.</summary>
    public static string Require() => ExternalProgram.Require("Chromium", "chromium", "PARINDEX_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");

    /// <summary>Runs Chromium headless on a file; returns standard output and standard error.</summary>
    public static (int ExitCode, string Out, string Error) Run(string program, string htmlFile, params string[] extra)
    {
        var profile = Path.Combine(Path.GetTempPath(), "parindex-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = profile,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
            }.Concat(extra).Append(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri))
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new AssertFailedException("Chromium did not finish within 3 minutes");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Loads the page, runs its scripts and returns the DOM, with console messages logged to standard error.</summary>
    public static (string Dom, string Log) DumpDom(string program, string htmlFile)
    {
        var (exit, output, error) = Run(program, htmlFile, "--enable-logging=stderr", "--v=0", "--dump-dom");
        Assert.AreEqual(0, exit, "chromium --dump-dom failed:\n" + error);
        return (output, error);
    }

    /// <summary>Console messages and uncaught errors of the page, as Chromium logs them.</summary>
    public static List<string> ConsoleMessages(string log) => log.Split('\n')
        .Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal))
        .Select(l => l.Trim())
        .ToList();
}
