namespace ParIndex.RulesEngine.Evaluation;

/// <summary>Settings for one scoring run.</summary>
public sealed record ScoringOptions
{
    /// <summary>Ranks of the previous period, for rank change; none by default.</summary>
    public PreviousRanks? Previous { get; init; }

    /// <summary>
    /// Earlier periods' results for PreviousPercent, PreviousRank, RankChange and AveragePercent;
    /// none by default. When <see cref="Previous"/> is not set, the latest period's ranks also give
    /// previousRank and rankChange.
    /// </summary>
    public ResultsHistory? History { get; init; }

    /// <summary>Most threads used; 1 scores on the calling thread. Defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Rows per chunk handed to a thread (default 4,096). Results do not depend on it.</summary>
    public int ChunkSize { get; init; } = 4096;

    /// <summary>Whether every criterion's points are kept (default) or only totals, ranks and eligibility.</summary>
    public ScoreDetail Detail { get; init; } = ScoreDetail.Full;

    /// <summary>
    /// Score a batch even when its file has file-level errors (<see cref="Data.AgencyBatch.HasFileErrors"/>:
    /// truncated, a repeated header column, malformed JSON…). Off by default: scoring such a
    /// batch throws <see cref="Data.DataFileErrorException"/>, because ranks over a partial or
    /// misread file look like ranks over the whole one.
    /// </summary>
    public bool AllowFileErrors { get; init; }
}

/// <summary>How much of each agency's result a scoring run keeps.</summary>
public enum ScoreDetail
{
    /// <summary>Points of every criterion: explanations, shortfalls and criterion columns are available.</summary>
    Full,
    /// <summary>Totals, percent, classification, ranks and eligibility only: far less memory for very large batches.</summary>
    TotalsOnly,
}

/// <summary>An agency's ranks in an earlier period.</summary>
/// <param name="GroupRank">Rank within its group.</param>
/// <param name="OverallRank">Rank among all agencies, when known.</param>
public sealed record PreviousRank(int GroupRank, int? OverallRank);

/// <summary>Previous-period ranks by agency id, e.g. read from last year's results file.</summary>
public sealed class PreviousRanks
{
    private readonly Dictionary<string, PreviousRank> _ranks;

    /// <summary>Creates the lookup from agency ids and ranks.</summary>
    public PreviousRanks(IReadOnlyDictionary<string, PreviousRank> ranks)
    {
        _ranks = new Dictionary<string, PreviousRank>(ranks, StringComparer.Ordinal);
    }

    /// <summary>Number of agencies with a previous rank.</summary>
    public int Count => _ranks.Count;

    /// <summary>The previous rank of an agency, or null when it was not ranked.</summary>
    public PreviousRank? Find(string agencyId) => _ranks.GetValueOrDefault(agencyId);
}
