using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Sinks;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>
/// `score` in streaming mode: one pass over the CSV text, a spill file next to --out (or in the
/// temporary folder), the results written by the same sinks as in memory. Chosen by --stream, or
/// by default for CSV data of <see cref="Threshold"/> bytes or more; --no-stream keeps it in memory.
/// </summary>
internal static class StreamCommand
{
    /// <summary>CSV data files at least this large (32 MiB) are streamed unless --no-stream is given.</summary>
    public const long Threshold = 32L * 1024 * 1024;

    /// <summary>Refuses contradicting options before anything is opened.</summary>
    public static void CheckOptions(CommandLine line, string data)
    {
        if (line.Has("stream") && line.Has("no-stream")) throw new UsageException(CliText.Get("StreamContradiction"));
        if (!line.Has("stream")) return;
        if (IsJson(data)) throw new UsageException(CliText.Get("StreamNotJson"));
        if (XlsxAgencyReader.IsWorkbookPath(data)) throw new UsageException(CliText.Get("StreamNotWorkbook"));
        if (line.Has("detail")) throw new UsageException(CliText.Get("DetailNotStreamed"));
    }

    /// <summary>True when this run streams: --stream, or large CSV data without --no-stream or --detail.</summary>
    public static bool Chosen(CommandLine line, string data)
    {
        if (line.Has("stream")) return true;
        if (line.Has("no-stream") || line.Has("detail") || IsJson(data) || XlsxAgencyReader.IsWorkbookPath(data)) return false;
        try { return new FileInfo(data).Length >= Threshold; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
    }

    public static int Run(CommandLine line, CompiledRuleSet rules, string format, PreviousRanks? previous, ResultsHistory? history, CsvResultOptions csv, CommandOutput target, TextWriter error)
    {
        var options = new StreamingOptions
        {
            Culture = Cli.Culture(line.Option("culture")),
            AllowThousands = line.Has("thousands"),
            Previous = previous,
            History = history,
            Csv = csv,
            Format = format switch { "csv" => ResultFormat.Csv, "json" => ResultFormat.Json, _ => ResultFormat.Table },
            SpillFolder = target.Folder,
            OnRowError = rejected => Cli.Say(error, rejected),
            OnDiagnostic = diagnostic => { if (diagnostic.Code != DiagnosticCodes.RowErrorsOmitted) Cli.Say(error, diagnostic); },
        };
        var data = line.Positional[1];
        StreamingSummary summary;
        try
        {
            summary = target.FileStream is { } file
                ? StreamingScorer.ScoreCsvFile(rules, data, file, options, line.Cancellation)
                : StreamingScorer.ScoreCsvFile(rules, data, target.Writer, options, line.Cancellation);
        }
        catch (DataFileErrorException)
        {
            // The file-level errors were printed through OnDiagnostic; nothing was written.
            return ExitCodes.InvalidData;
        }
        Cli.WriteRowErrors(summary.RowErrorLog, data, error, keptAlreadyWritten: true);
        error.WriteLine(CliText.Format("StreamSummary", summary.Rows, summary.Scored, summary.Rejected, summary.Groups));
        if (summary.Rows == 0) return ExitCodes.InvalidData;
        target.Commit();
        return summary.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    private static bool IsJson(string data) => data.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
