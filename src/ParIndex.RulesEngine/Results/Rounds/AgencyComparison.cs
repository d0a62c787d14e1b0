namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// One agency scored twice (two rounds, or before and after a what-if): both results and what
/// changed. Differences are second − first, so a negative difference is a loss in the second.
/// </summary>
/// <param name="AgencyId">The agency id.</param>
/// <param name="Name">The agency name (from the second result, else the first).</param>
/// <param name="First">The first result (self-assessed; before).</param>
/// <param name="Second">The second result (appraised; after).</param>
/// <param name="Criteria">Every criterion in tree pre-order with its points in both results.</param>
/// <param name="TotalDifference">Second total − first total, rounded to the rule set's precision.</param>
/// <param name="PercentDifference">Second percent − first percent, in percentage points, rounded to the rule set's precision.</param>
public sealed record AgencyComparison(
    string AgencyId, string? Name, AgencyScore First, AgencyScore Second, IReadOnlyList<CriterionChange> Criteria,
    double TotalDifference, double PercentDifference)
{
    /// <summary>First rank in the group − second rank in the group: positive means the agency ranks higher in the second result.</summary>
    public int RankChange => First.Rank - Second.Rank;

    /// <summary>First overall rank − second overall rank: positive means higher in the second result.</summary>
    public int OverallRankChange => First.OverallRank - Second.OverallRank;

    /// <summary>True when the two results differ in any criterion, the total, the percent or a rank.</summary>
    public bool HasChanges => TotalDifference != 0 || PercentDifference != 0 || RankChange != 0 || OverallRankChange != 0
        || First.Group != Second.Group || Criteria.Any(c => c.HasChanged);

    /// <summary>Leaf criteria whose points or applicability differ, in tree order.</summary>
    public IReadOnlyList<CriterionChange> ChangedLeaves => Criteria.Where(c => c.IsLeaf && c.HasChanged).ToList();
}

/// <summary>One criterion's points for one agency in two results.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Depth">0 for an area.</param>
/// <param name="IsLeaf">True when the criterion scores data directly.</param>
/// <param name="FirstPoints">Points in the first result (0 when not applicable).</param>
/// <param name="SecondPoints">Points in the second result (0 when not applicable).</param>
/// <param name="Difference">Second − first, rounded to the rule set's precision: negative is a cut.</param>
/// <param name="FirstApplicable">Whether the criterion applies in the first result.</param>
/// <param name="SecondApplicable">Whether it applies in the second.</param>
public sealed record CriterionChange(
    string Code, string Title, int Depth, bool IsLeaf, double FirstPoints, double SecondPoints, double Difference, bool FirstApplicable, bool SecondApplicable)
{
    /// <summary>True when the points or the applicability differ.</summary>
    public bool HasChanged => Difference != 0 || FirstApplicable != SecondApplicable;
}

/// <summary>An agency scored in one of the two results only, and why it is missing from the other.</summary>
/// <param name="AgencyId">The agency id.</param>
/// <param name="Name">The agency name, when the data had one.</param>
/// <param name="Score">Its result where it was scored.</param>
/// <param name="Rejection">Why the other result has no score for it: the rejected row's code and message; null when the other data has no row with this id.</param>
public sealed record UnmatchedAgency(string AgencyId, string? Name, AgencyScore Score, string? Rejection);
