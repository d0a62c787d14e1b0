namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>
/// Compares two results files: two periods scored with the same rule set, or the same data
/// scored with two versions of a rule set. Agencies are matched by id, criteria by code.
/// </summary>
public static class ResultsComparer
{
    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    /// <param name="before">The earlier period or the older rule set.</param>
    /// <param name="after">The later period or the newer rule set.</param>
    /// <param name="topCriteria">How many criteria to keep, those that changed most first (default 10).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topCriteria"/> is negative.</exception>
    public static ResultsComparison Compare(ResultsFile before, ResultsFile after, int topCriteria = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topCriteria);
        var beforeById = before.Agencies.ToDictionary(a => a.AgencyId, StringComparer.Ordinal);
        var afterById = after.Agencies.ToDictionary(a => a.AgencyId, StringComparer.Ordinal);
        var pairs = after.Agencies.Where(a => beforeById.ContainsKey(a.AgencyId)).Select(a => (Before: beforeById[a.AgencyId], After: a)).ToList();

        var agencies = pairs
            .Select(p => new AgencyChange(p.After.AgencyId, p.After.Name ?? p.Before.Name, p.After.Group,
                p.Before.Total, p.After.Total, p.Before.Percent, p.After.Percent,
                p.Before.Rank, p.After.Rank, p.Before.OverallRank, p.After.OverallRank,
                p.Before.Classification, p.After.Classification))
            .OrderBy(c => c.OverallRankAfter).ThenBy(c => c.AgencyId, StringComparer.Ordinal)
            .ToList();

        var codesBefore = before.Agencies.SelectMany(a => a.Criteria.Select(c => c.Code)).ToHashSet(StringComparer.Ordinal);
        var codesAfter = after.Agencies.SelectMany(a => a.Criteria.Select(c => c.Code)).ToHashSet(StringComparer.Ordinal);
        var order = after.Agencies.SelectMany(a => a.Criteria.Select(c => c.Code)).Distinct().Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        var titles = before.Agencies.Concat(after.Agencies).SelectMany(a => a.Criteria).Where(c => c.Title is not null)
            .GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.Last().Title, StringComparer.Ordinal);

        var criteria = new List<CriterionChange>();
        foreach (var code in codesAfter.Where(codesBefore.Contains))
        {
            var changes = new List<(string AgencyId, double Before, double After)>();
            foreach (var (b, a) in pairs)
            {
                var cb = b.Criteria.FirstOrDefault(c => c.Code == code);
                var ca = a.Criteria.FirstOrDefault(c => c.Code == code);
                if (cb is null || ca is null) continue;
                changes.Add((a.AgencyId, cb.Points, ca.Points));
            }
            if (changes.Count == 0) continue;
            var largest = changes.MaxBy(c => Math.Abs(c.After - c.Before));
            criteria.Add(new CriterionChange(code, titles.GetValueOrDefault(code),
                Round(changes.Average(c => Math.Abs(c.After - c.Before))),
                Round(changes.Average(c => c.After - c.Before)),
                Round(largest.After - largest.Before),
                Math.Abs(largest.After - largest.Before) > 0 ? largest.AgencyId : null,
                changes.Count,
                changes.Count(c => Round(c.After - c.Before) != 0)));
        }

        var top = criteria
            .OrderByDescending(c => c.MeanAbsoluteChange)
            .ThenBy(c => order.GetValueOrDefault(c.Code, int.MaxValue))
            .Take(topCriteria)
            .ToList();

        return new ResultsComparison
        {
            Before = before,
            After = after,
            Agencies = agencies,
            OnlyBefore = before.Agencies.Where(a => !afterById.ContainsKey(a.AgencyId)).Select(a => a.AgencyId).ToList(),
            OnlyAfter = after.Agencies.Where(a => !beforeById.ContainsKey(a.AgencyId)).Select(a => a.AgencyId).ToList(),
            Criteria = top,
            CriteriaCompared = criteria.Count,
            CriteriaOnlyBefore = codesBefore.Where(c => !codesAfter.Contains(c)).Order(StringComparer.Ordinal).ToList(),
            CriteriaOnlyAfter = codesAfter.Where(c => !codesBefore.Contains(c)).OrderBy(c => order[c]).ToList(),
        };
    }

    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>What changed between two results files.</summary>
public sealed record ResultsComparison
{
    /// <summary>The earlier file.</summary>
    public required ResultsFile Before { get; init; }
    /// <summary>The later file.</summary>
    public required ResultsFile After { get; init; }
    /// <summary>Agencies in both files, by rank in the later file.</summary>
    public required IReadOnlyList<AgencyChange> Agencies { get; init; }
    /// <summary>Ids of agencies only in the earlier file.</summary>
    public required IReadOnlyList<string> OnlyBefore { get; init; }
    /// <summary>Ids of agencies only in the later file.</summary>
    public required IReadOnlyList<string> OnlyAfter { get; init; }
    /// <summary>The criteria that changed most: mean absolute change of points across the agencies in both files, largest first.</summary>
    public required IReadOnlyList<CriterionChange> Criteria { get; init; }
    /// <summary>How many criteria both files have (before keeping the top ones).</summary>
    public required int CriteriaCompared { get; init; }
    /// <summary>Codes of criteria only in the earlier file (e.g. removed by a new rule-set version).</summary>
    public required IReadOnlyList<string> CriteriaOnlyBefore { get; init; }
    /// <summary>Codes of criteria only in the later file.</summary>
    public required IReadOnlyList<string> CriteriaOnlyAfter { get; init; }
}

/// <summary>One agency's result in both files.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Agency name.</param>
/// <param name="Group">Ranking group in the later file.</param>
/// <param name="TotalBefore">Total points before.</param>
/// <param name="TotalAfter">Total points after.</param>
/// <param name="PercentBefore">Percent before.</param>
/// <param name="PercentAfter">Percent after.</param>
/// <param name="RankBefore">Rank in group before.</param>
/// <param name="RankAfter">Rank in group after.</param>
/// <param name="OverallRankBefore">Overall rank before.</param>
/// <param name="OverallRankAfter">Overall rank after.</param>
/// <param name="ClassificationBefore">Classification before.</param>
/// <param name="ClassificationAfter">Classification after.</param>
public sealed record AgencyChange(string AgencyId, string? Name, string Group,
    double TotalBefore, double TotalAfter, double PercentBefore, double PercentAfter,
    int RankBefore, int RankAfter, int OverallRankBefore, int OverallRankAfter,
    string? ClassificationBefore, string? ClassificationAfter)
{
    /// <summary>Total after − total before.</summary>
    public double TotalChange => Math.Round(TotalAfter - TotalBefore, 6);
    /// <summary>Percent after − percent before (percentage points).</summary>
    public double PercentChange => Math.Round(PercentAfter - PercentBefore, 6);
    /// <summary>Rank before − rank after: positive means the agency rose in its group.</summary>
    public int RankChange => RankBefore - RankAfter;
    /// <summary>Overall rank before − overall rank after: positive means the agency rose.</summary>
    public int OverallRankChange => OverallRankBefore - OverallRankAfter;
}

/// <summary>How much one criterion's points changed across the agencies in both files.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title, when a file has it.</param>
/// <param name="MeanAbsoluteChange">Mean of |points after − points before|.</param>
/// <param name="MeanChange">Mean of points after − points before (negative: points fell on average).</param>
/// <param name="LargestChange">The change with the largest magnitude (signed).</param>
/// <param name="LargestChangeAgencyId">The agency with that change, or null when nothing changed.</param>
/// <param name="Agencies">Agencies compared (in both files, with the criterion in both).</param>
/// <param name="AgenciesChanged">Agencies whose points changed.</param>
public sealed record CriterionChange(string Code, string? Title, double MeanAbsoluteChange, double MeanChange,
    double LargestChange, string? LargestChangeAgencyId, int Agencies, int AgenciesChanged);
