using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>
/// The two rounds on the command line: <c>score &lt;rules&gt; &lt;appraised&gt; --self &lt;self&gt;</c>
/// prints the appraisal's cuts (<see cref="AppraisalRounds"/>); <c>report --self</c> and
/// <c>shortfall --round</c> read the rounds through here. When --self names the data file
/// itself, its <c>&lt;input&gt;#self</c> columns hold the self-assessed values (<see cref="SelfColumnsReader"/>).
/// </summary>
public static class AppraisalCommand
{
    /// <summary>Options of score --self (besides the compile-cache options).</summary>
    public static readonly string[] Options = ["self", "previous", "format", "out", "culture", "thousands", "no-csv-escape"];

    /// <summary>Scores both rounds and writes the comparison; returns the exit code.</summary>
    public static int Score(CommandLine line, TextWriter output, TextWriter error)
    {
        foreach (var other in new[] { "set", "stream", "detail" })
            if (line.Has(other)) throw new UsageException(CliText.Format("SelfCannotCombine", other));
        Cli.Expect(line, 2, Options);
        var format = line.Option("format") ?? "table";
        if (format is not ("table" or "csv" or "json")) throw new UsageException(CliText.Format("UnknownFormatTableCsvJson", format));
        if (line.Has("no-csv-escape") && format != "csv") throw new UsageException(CliText.Get("NoCsvEscapeCsvOnly"));
        using var target = CommandOutput.Open(line, output, machineFormat: format != "table", line.Positional[0], line.Positional[1], line.Option("self"), line.Option("previous"));
        var previous = Cli.Previous(line);
        using var rules = Cli.LoadRules(line, error);
        if (Read(rules, line, error, previous) is not { } rounds) return ExitCodes.InvalidData;

        switch (format)
        {
            case "csv": AppraisalCsvWriter.Write(rounds, target.Writer, new CsvResultOptions { EscapeFormulas = !line.Has("no-csv-escape") }); break;
            case "json": AppraisalJsonWriter.Write(rounds, target.Writer); break;
            default: AppraisalTableWriter.Write(rounds, target.Writer); break;
        }
        target.Commit();
        return Finish(rounds, line, error);
    }

    /// <summary>Prints the one-round warnings and both files' rejected rows; the exit code of a run that wrote its output.</summary>
    internal static int Finish(AppraisalRounds rounds, CommandLine line, TextWriter error)
    {
        foreach (var warning in rounds.Warnings) Cli.Say(error, warning);
        Cli.WriteRowErrors(rounds.Appraised.RowErrorLog, line.Positional[1], error);
        if (!IsPaired(line)) Cli.WriteRowErrors(rounds.Self.RowErrorLog, line.Option("self")!, error);
        else Cli.WriteRowErrors(rounds.Self.RowErrorLog, line.Positional[1] + CliText.Get("SelfColumnsSuffix"), error);
        return rounds.Appraised.RowErrorLog.ErrorCount + rounds.Self.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    /// <summary>Scores the appraised data and the self-assessment and compares them; null (after printing why) when a file has file-level errors.</summary>
    internal static AppraisalRounds? Read(CompiledRuleSet rules, CommandLine line, TextWriter error, PreviousRanks? previous)
    {
        var (appraised, ok) = Cli.ScoreData(rules, line, error, previous);
        if (!ok) return null;
        var (self, selfOk) = ScoreSelf(rules, line, error, previous);
        if (!selfOk) return null;
        return AppraisalRounds.Compare(self, appraised, AppraisalNotesReader.ReadFile(rules, line.Positional[1]));
    }

    /// <summary>Scores the self-assessed round: the --self file, or the data file's #self columns when --self names the data file.</summary>
    internal static (ScoreReport Report, bool Ok) ScoreSelf(CompiledRuleSet rules, CommandLine line, TextWriter error, PreviousRanks? previous)
    {
        var path = line.Option("self") ?? throw new UsageException(CliText.Get("SelfRoundNeedsSelf"));
        if (IsPaired(line) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new UsageException(CliText.Get("SelfColumnsCsvOnly"));
        var batch = IsPaired(line)
            ? Cli.ReadData(rules, line, error, path, SelfColumnsReader.ReadFile)
            : Cli.ReadData(rules, line, error, path);
        return batch is null ? (null!, false) : (Terminal.Score(rules, batch, new ScoringOptions { Previous = previous }), true);
    }

    /// <summary>True for shortfall --round self; false for --round appraised or no --round.</summary>
    internal static bool IsSelfRound(CommandLine line) => line.Option("round") switch
    {
        null or "appraised" => false,
        "self" => true,
        var other => throw new UsageException(CliText.Format("UnknownRound", other)),
    };

    /// <summary>--self names the data file itself: one file with paired columns.</summary>
    private static bool IsPaired(CommandLine line) =>
        line.Option("self") is { } self && Path.GetFullPath(self) == Path.GetFullPath(line.Positional[1]);
}
