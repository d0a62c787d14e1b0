using System.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>
/// LibreOffice Calc as the real spreadsheet client of the workbook tests: Debian's soffice
/// (package libreoffice-calc-nogui, installed by .ci/run), or the program named by
/// $PARINDEX_SOFFICE. Every conversion gets its own user profile, so parallel runs do not share
/// (or lock) one, and a time limit.
/// </summary>
internal static class LibreOffice
{
    /// <summary>CSV export: comma, double quote, UTF-8, raw values rather than values as shown (full precision), the first sheet.</summary>
    public const string CsvExport = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false";

    /// <summary>CSV import: comma, double quote, UTF-8, from line 1.</summary>
    public const string CsvImport = "--infilter=Text - txt - csv (StarCalc):44,34,76,1";

    public static string? Find() => ExternalProgram.Find("PARINDEX_SOFFICE", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice");

    /// <summary>The program, or Assert.Inconclusive when LibreOffice is not installed here.</summary>
    public static string Require() => ExternalProgram.Require("LibreOffice", "libreoffice-calc-nogui", "PARINDEX_SOFFICE", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/bin/libreoffice");

    /// <summary>
    /// Converts <paramref name="input"/> with <c>soffice --headless --convert-to</c> into
    /// <paramref name="outputFolder"/> and returns the new file's path (the input's name with the
    /// target's extension).
    /// </summary>
    public static string Convert(string input, string convertTo, string outputFolder, string? inFilter = null)
    {
        var program = Require();
        var profile = Path.Combine(Path.GetTempPath(), "parindex-soffice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        Directory.CreateDirectory(outputFolder);
        try
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = profile,
            };
            start.Environment["HOME"] = profile;
            var arguments = new List<string> { "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri, "--headless", "--norestore", "--nolockcheck" };
            if (inFilter is not null) arguments.Add(inFilter);
            arguments.AddRange(["--convert-to", convertTo, "--outdir", outputFolder, input]);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new AssertFailedException("soffice did not finish within 3 minutes");
            }
            var extension = convertTo.Split(':')[0];
            var result = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(input) + "." + extension);
            Assert.IsTrue(process.ExitCode == 0 && File.Exists(result),
                $"soffice --convert-to {convertTo} {input} failed (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
            return result;
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
