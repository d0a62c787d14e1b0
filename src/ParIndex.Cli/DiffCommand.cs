using System.Globalization;
using ParIndex.RulesEngine.Results.Diff;

namespace ParIndex.Cli;

/// <summary>
/// parindex diff &lt;results-a.json&gt; &lt;results-b.json&gt;: what changed between two results files
/// written by <c>score --format json</c> (two periods, or two rule-set versions).
/// </summary>
public static class DiffCommand
{
    /// <summary>Options of the diff command.</summary>
    public static readonly string[] Options = ["top", "format", "out"];

    /// <summary>Compares the two files and writes the comparison; returns the exit code.</summary>
    public static int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        if (line.Positional.Count != 2)
            throw new UsageException(CliText.Format("DiffArgumentCount", line.Positional.Count));
        var unknown = line.UnknownOptions(Options.Concat(Cli.CommonOptions)).ToList();
        if (unknown.Count > 0) throw new UsageException(CliText.Format("UnknownOptions", "diff", string.Join(", ", unknown.Select(u => "--" + u))));
        Cli.ExpectFileNames(line);
        var format = line.Option("format") ?? "table";
        if (format is not ("table" or "json")) throw new UsageException(CliText.Format("UnknownFormatDiff", format));
        var top = 10;
        if (line.Option("top") is { } topText && (!int.TryParse(topText, NumberStyles.Integer, CultureInfo.InvariantCulture, out top) || top < 0))
            throw new UsageException(CliText.Format("TopNotWholeNumber", topText));

        using var target = CommandOutput.Open(line, output, machineFormat: format == "json", line.Positional[0], line.Positional[1]);
        var before = ResultsFile.ReadFile(line.Positional[0]);
        var after = ResultsFile.ReadFile(line.Positional[1]);
        var comparison = ResultsComparer.Compare(before, after, top);
        if (format == "json") ResultsDiffWriter.WriteJson(comparison, target.Writer);
        else ResultsDiffWriter.Write(comparison, target.Writer);
        target.Commit();
        return ExitCodes.Success;
    }
}
