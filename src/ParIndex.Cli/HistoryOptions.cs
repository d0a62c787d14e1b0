using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.History;

namespace ParIndex.Cli;

/// <summary>
/// --history &lt;results|folder&gt; (repeatable) and --id-map &lt;map.csv&gt;: the earlier periods
/// the history functions of eligibility conditions read.
/// </summary>
internal static class HistoryOptions
{
    /// <summary>The option names, for the commands that accept them.</summary>
    public static readonly string[] Names = ["history", "id-map"];

    /// <summary>Every file the options name (for the check that --out is none of them).</summary>
    public static IEnumerable<string?> Inputs(CommandLine line) => line.Values("history").Append(line.Option("id-map"));

    /// <summary>Reads the history, or null without --history; warns when the rules read more periods than given.</summary>
    public static ResultsHistory? Read(CommandLine line, CompiledRuleSet rules, TextWriter error)
    {
        var paths = line.Values("history");
        if (paths.Any(string.IsNullOrWhiteSpace)) throw new UsageException(CliText.Get("HistoryEmpty"));
        if (line.Has("id-map") && paths.Count == 0) throw new UsageException(CliText.Get("IdMapNeedsHistory"));
        if (line.Has("id-map") && string.IsNullOrWhiteSpace(line.Option("id-map"))) throw new UsageException(CliText.Get("IdMapEmpty"));
        var map = line.Option("id-map") is { } mapPath ? AgencyIdMapReader.ReadFile(mapPath) : null;
        var history = paths.Count == 0 ? null : ResultsHistoryReader.ReadFiles(paths, map);
        var given = history?.Periods.Count ?? 0;
        if (rules.EarlierPeriodsRead > given)
            Cli.Say(error, CliText.Format(given == 1 ? "HistoryTooShortOne" : "HistoryTooShort", DiagnosticCodes.HistoryTooShort, rules.EarlierPeriodsRead, given));
        return history;
    }
}
