using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Results.WhatIf;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>
/// <c>score &lt;rules&gt; &lt;data&gt; --set &lt;input&gt;=&lt;value&gt; [--set …] [--agency &lt;id&gt;]</c>:
/// re-scores with the changed inputs (for the agency given, or for every agency) and prints the
/// change in points and rank of every agency concerned (<see cref="WhatIfAnalysis"/>).
/// </summary>
public static class WhatIfCommand
{
    /// <summary>Options of score --set (besides the compile-cache options).</summary>
    public static readonly string[] Options = ["set", "agency", "previous", "format", "out", "culture", "thousands", "no-csv-escape"];

    /// <summary>Runs the what-if and writes the changes; returns the exit code.</summary>
    public static int Score(CommandLine line, TextWriter output, TextWriter error)
    {
        foreach (var other in new[] { "stream", "detail" })
            if (line.Has(other)) throw new UsageException(CliText.Format("SetCannotCombine", other));
        Cli.Expect(line, 2, Options);
        var format = line.Option("format") ?? "table";
        if (format is not ("table" or "csv" or "json")) throw new UsageException(CliText.Format("UnknownFormatTableCsvJson", format));
        if (line.Has("no-csv-escape") && format != "csv") throw new UsageException(CliText.Get("NoCsvEscapeCsvOnly"));
        using var target = CommandOutput.Open(line, output, machineFormat: format != "table", line.Positional[0], line.Positional[1], line.Option("previous"));
        var previous = Cli.Previous(line);
        using var rules = Cli.LoadRules(line, error);
        if (Cli.ReadData(rules, line, error, line.Positional[1]) is not { } batch) return ExitCodes.InvalidData;

        WhatIfResult result;
        try
        {
            var overrides = line.Values("set").Select(text => InputOverride.Parse(text, line.Option("agency"))).ToList();
            result = WhatIfAnalysis.Run(rules, batch, overrides, new ScoringOptions { Previous = previous }, Cli.ReadOptions(line));
        }
        catch (InputOverrideException ex)
        {
            // A wrong --set is a wrong command line, but one line says what is wrong better than the whole usage text.
            Cli.Say(error, $"error {ex.Diagnostic.Code}: --set: {ex.Message}");
            Cli.WriteRowErrors(batch.RowErrorLog, line.Positional[1], error);
            return ExitCodes.Usage;
        }
        switch (format)
        {
            case "csv": WhatIfCsvWriter.Write(result, target.Writer, new CsvResultOptions { EscapeFormulas = !line.Has("no-csv-escape") }); break;
            case "json": WhatIfJsonWriter.Write(result, target.Writer); break;
            default: WhatIfTableWriter.Write(result, target.Writer); break;
        }
        target.Commit();
        Cli.WriteRowErrors(result.Before.RowErrorLog, line.Positional[1], error);
        return result.Before.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }
}
