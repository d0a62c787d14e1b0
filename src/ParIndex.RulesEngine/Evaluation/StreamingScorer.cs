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
    /// <summary>Rows held in memory at once (default 16,384).</summary>
    public int ChunkSize { get; init; } = 16384;
    /// <summary>Previous-period ranks, for rank change.</summary>
    public PreviousRanks? Previous { get; init; }
    /// <summary>Threads per chunk; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Called for every rejected row, as it is found.</summary>
    public Action<RowError>? OnRowError { get; init; }
    /// <summary>Called for every file-level finding (unknown or missing columns…).</summary>
    public Action<Diagnostic>? OnDiagnostic { get; init; }
    /// <summary>How the result CSV is written (formula escaping; on by default).</summary>
    public CsvResultOptions Csv { get; init; } = CsvResultOptions.Default;
}

/// <summary>What a streaming run did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Scored">Agencies scored and written.</param>
/// <param name="Rejected">Rows rejected (reported through <see cref="StreamingOptions.OnRowError"/>).</param>
/// <param name="Groups">Ranking groups found.</param>
public sealed record StreamingSummary(int Rows, int Scored, int Rejected, int Groups);

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
        foreach (var error in totals.Errors) options.OnRowError?.Invoke(error);
        var ranks = totals.Rank();
        run.Write(output, totals, ranks);
        return new StreamingSummary(totals.RowsRead, totals.ScoredCount, totals.RejectedCount, run.GroupCount);
    }
}
