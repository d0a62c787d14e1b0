using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>Settings for <see cref="StreamingScorer"/>.</summary>
public sealed record StreamingOptions
{
    /// <summary>Culture for numbers in the CSV; invariant by default.</summary>
    public CultureInfo? Culture { get; init; }
    /// <summary>Allow group (thousands) separators in numbers, as <see cref="DataReadOptions.AllowThousands"/>.</summary>
    public bool AllowThousands { get; init; }
    /// <summary>Row errors kept in full for the whole run (default 1,000); the rest are counted, see <see cref="DataReadOptions.MaxRowErrors"/>.</summary>
    public int MaxRowErrors { get; init; } = 1000;
    /// <summary>Score and write even when the file has file-level errors (see <see cref="ScoringOptions.AllowFileErrors"/>); off by default.</summary>
    public bool AllowFileErrors { get; init; }
    /// <summary>Rows held in memory at once (default 16,384).</summary>
    public int ChunkSize { get; init; } = 16384;
    /// <summary>Previous-period ranks, for rank change.</summary>
    public PreviousRanks? Previous { get; init; }
    /// <summary>Threads per chunk; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Called for each row error kept in full (the first <see cref="MaxRowErrors"/>), after the
    /// scoring pass and before results are written; <see cref="StreamingSummary.RowErrorLog"/> has all rejected rows.
    /// </summary>
    public Action<RowError>? OnRowError { get; init; }
    /// <summary>Called for every file-level finding (unknown or missing columns…), and for the PAR0614 count of row errors not kept in full.</summary>
    public Action<Diagnostic>? OnDiagnostic { get; init; }
    /// <summary>How the result CSV is written (formula escaping; on by default).</summary>
    public CsvResultOptions Csv { get; init; } = CsvResultOptions.Default;

    internal DataReadOptions ReadOptions => new() { Culture = Culture, AllowThousands = AllowThousands, MaxRowErrors = MaxRowErrors };
}

/// <summary>What a streaming run did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Scored">Agencies scored and written.</param>
/// <param name="Rejected">Rows rejected (reported through <see cref="StreamingOptions.OnRowError"/>).</param>
/// <param name="Groups">Ranking groups found.</param>
public sealed record StreamingSummary(int Rows, int Scored, int Rejected, int Groups)
{
    /// <summary>Every rejected row of the run (compactly), the first errors in full and the count of all errors.</summary>
    public RowErrorLog RowErrorLog { get; init; } = new();
}

/// <summary>
/// Scores a CSV file of any size with bounded memory and writes one result line per agency
/// (totals, percent, classification, ranks, eligibility; the columns of <see cref="CsvResultWriter"/>
/// without per-criterion points). Ranks need every agency's percent, so the file is read twice:
/// once to score and rank (keeping only a few numbers per agency), once to write, re-scoring each
/// chunk (three times when group aggregates must be known first). Ranks, classification and
/// eligibility equal those of <see cref="CompiledRuleSet.Score"/> on the whole file.
/// </summary>
public static class StreamingScorer
{
    /// <summary>Scores <paramref name="path"/> and writes results to <paramref name="output"/>.</summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="path">The CSV data file.</param>
    /// <param name="output">Where the result CSV goes.</param>
    /// <param name="options">Chunk size, culture, previous ranks and callbacks.</param>
    public static StreamingSummary ScoreCsvFile(CompiledRuleSet ruleSet, string path, TextWriter output, StreamingOptions? options = null)
    {
        options ??= new StreamingOptions();
        var run = new StreamingRun(ruleSet, path, options);
        run.ComputeAggregates();
        var totals = run.ScoreAndCollect();
        if (run.UsesAggregates && totals.AnyFault)
        {
            // As in a batch: rejected rows must not move the group aggregates of the others.
            run.ComputeAggregates(totals.Scored.Select(scored => !scored).ToList());
            totals = run.ScoreAndCollect();
        }
        foreach (var diagnostic in totals.Diagnostics) options.OnDiagnostic?.Invoke(diagnostic);
        // A truncated file or a repeated column: nothing is written (see DataFileErrorException).
        if (totals.Diagnostics.Any(d => d.IsError) && !options.AllowFileErrors)
            throw new DataFileErrorException(totals.Diagnostics.Where(d => d.IsError).ToList());
        foreach (var error in totals.Errors.Errors) options.OnRowError?.Invoke(error);
        if (totals.Errors.OmittedSummary(path) is { } omitted) options.OnDiagnostic?.Invoke(omitted);
        var ranks = totals.Rank();
        run.Write(output, totals, ranks);
        return new StreamingSummary(totals.RowsRead, totals.ScoredCount, totals.RejectedCount, run.GroupCount) { RowErrorLog = totals.Errors };
    }
}
