namespace ParIndex.RulesEngine.Evaluation;

/// <summary>One agency's result in an earlier period.</summary>
/// <param name="Percent">Its percent of the applicable maximum.</param>
/// <param name="Rank">Its rank within its group.</param>
/// <param name="OverallRank">Its rank among all agencies, when known.</param>
public sealed record PeriodResult(double Percent, int Rank, int? OverallRank);

/// <summary>The results of one earlier period, by agency id as written in that period.</summary>
/// <param name="Year">The period (a year), which orders the periods.</param>
/// <param name="Source">Where it was read from, for messages.</param>
/// <param name="Agencies">Results by agency id.</param>
public sealed record HistoryPeriod(int Year, string Source, IReadOnlyDictionary<string, PeriodResult> Agencies);

/// <summary>
/// Several earlier periods for the history functions of eligibility conditions
/// (<c>PreviousPercent(k)</c>, <c>PreviousRank(k)</c>, <c>RankChange(k)</c>, <c>AveragePercent(n)</c>),
/// newest first: period k = 1 is the latest. Agency ids of every period are first carried to
/// today's ids through the <see cref="AgencyIdMap"/>; units merged into one (several old ids
/// mapped to one new id, or the new id present beside them) count in that period with the mean
/// of their percents and the best (smallest) of their ranks.
/// </summary>
public sealed class ResultsHistory
{
    private readonly List<Dictionary<string, PeriodResult>> _byCurrentId;

    /// <summary>Orders the periods newest first and carries their ids through the map.</summary>
    /// <param name="periods">The earlier periods, in any order.</param>
    /// <param name="idMap">Old id → new id; none when null.</param>
    /// <exception cref="ArgumentException">Two periods have the same year.</exception>
    public ResultsHistory(IEnumerable<HistoryPeriod> periods, AgencyIdMap? idMap = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        Periods = periods.OrderByDescending(p => p.Year).ToList();
        for (var i = 1; i < Periods.Count; i++)
            if (Periods[i].Year == Periods[i - 1].Year)
                throw new ArgumentException($"{Periods[i].Source} and {Periods[i - 1].Source} are both the period {Periods[i].Year}.", nameof(periods));
        IdMap = idMap ?? AgencyIdMap.Empty;
        _byCurrentId = Periods.Select(Carry).ToList();
    }

    /// <summary>The periods, newest first (index 0 is period k = 1).</summary>
    public IReadOnlyList<HistoryPeriod> Periods { get; }

    /// <summary>The id mapping applied to every period.</summary>
    public AgencyIdMap IdMap { get; }

    /// <summary>The result of the agency (today's id) <paramref name="periodsBack"/> periods back, or null when it was not ranked then or the history is shorter.</summary>
    /// <param name="periodsBack">1 for the latest earlier period.</param>
    /// <param name="agencyId">Today's agency id.</param>
    public PeriodResult? Find(int periodsBack, string agencyId) =>
        periodsBack >= 1 && periodsBack <= _byCurrentId.Count ? _byCurrentId[periodsBack - 1].GetValueOrDefault(agencyId) : null;

    /// <summary>The ranks of the latest earlier period (today's ids), used for previousRank and rankChange when no separate previous ranks are given.</summary>
    public PreviousRanks? LatestRanks() => _byCurrentId.Count == 0 ? null
        : new PreviousRanks(_byCurrentId[0].ToDictionary(p => p.Key, p => new PreviousRank(p.Value.Rank, p.Value.OverallRank), StringComparer.Ordinal));

    private Dictionary<string, PeriodResult> Carry(HistoryPeriod period) => period.Agencies
        .GroupBy(a => IdMap.Resolve(a.Key), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Merge(g.Select(a => a.Value).ToList()), StringComparer.Ordinal);

    private static PeriodResult Merge(List<PeriodResult> parts)
    {
        if (parts.Count == 1) return parts[0];
        var overall = parts.Where(p => p.OverallRank is not null).Select(p => p.OverallRank!.Value).ToList();
        return new PeriodResult(parts.Average(p => p.Percent), parts.Min(p => p.Rank), overall.Count == parts.Count ? overall.Min() : null);
    }
}
