using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

/// <summary>One agency's result.</summary>
public sealed record AgencyScore
{
    /// <summary>Agency id.</summary>
    public required string AgencyId { get; init; }
    /// <summary>Agency name, when the data had one.</summary>
    public string? Name { get; init; }
    /// <summary>Ranking group value ("" when the rule set has no groups).</summary>
    public required string Group { get; init; }
    /// <summary>Total points, rounded to the scheme precision.</summary>
    public required double Total { get; init; }
    /// <summary>The applicable maximum (criteria that do not apply are left out).</summary>
    public required double MaxPoints { get; init; }
    /// <summary>Total as a percent of <see cref="MaxPoints"/>, rounded.</summary>
    public required double Percent { get; init; }
    /// <summary>Classification label, or null when no band covers the percent.</summary>
    public string? Classification { get; init; }
    /// <summary>Rank within the group (ties share a rank).</summary>
    public required int Rank { get; init; }
    /// <summary>Rank among all agencies.</summary>
    public required int OverallRank { get; init; }
    /// <summary>Rank within the group in the previous period, when known.</summary>
    public int? PreviousRank { get; init; }
    /// <summary>Previous rank − current rank: positive means the agency rose.</summary>
    public int? RankChange { get; init; }
    /// <summary>Points for every criterion, in tree pre-order.</summary>
    public required IReadOnlyList<CriterionScore> Criteria { get; init; }
    /// <summary>Award eligibility outcomes.</summary>
    public required IReadOnlyList<EligibilityOutcome> Eligibility { get; init; }

    /// <summary>The score of the criterion with the given code.</summary>
    public CriterionScore this[string code] => Criteria.FirstOrDefault(c => c.Code == code)
        ?? throw new KeyNotFoundException(EngineText.Format("NoCriterionCode", code, ""));
}

/// <summary>Points of one criterion for one agency.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Depth">0 for an area.</param>
/// <param name="Points">Points achieved (0 when not applicable).</param>
/// <param name="MaxPoints">Applicable maximum (0 when not applicable).</param>
/// <param name="IsApplicable">False when the criterion does not apply to the agency.</param>
public sealed record CriterionScore(string Code, string Title, int Depth, double Points, double MaxPoints, bool IsApplicable);

/// <summary>The outcome of one eligibility rule for one agency.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Title">Rule title.</param>
/// <param name="IsEligible">True when every condition holds.</param>
/// <param name="FailedConditions">Titles of the conditions that did not hold.</param>
public sealed record EligibilityOutcome(string Id, string Title, bool IsEligible, IReadOnlyList<string> FailedConditions);

/// <summary>A criterion where an agency fell short of the maximum.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Points">Points achieved.</param>
/// <param name="MaxPoints">Applicable maximum.</param>
/// <param name="Responsible">Units responsible for the criterion.</param>
public sealed record Shortfall(string Code, string Title, double Points, double MaxPoints, IReadOnlyList<string> Responsible)
{
    /// <summary>Points lost: max − points.</summary>
    public double Lost => Math.Round(MaxPoints - Points, 6);
}

/// <summary>
/// The points an agency lost for which one responsible unit answers. A named record (not a tuple) so
/// that serializers such as System.Text.Json write its members; it deconstructs as
/// <c>var (unit, lost, criteria)</c>.
/// </summary>
/// <param name="Unit">The responsible unit, or "(not assigned)" for criteria without one.</param>
/// <param name="Lost">Points lost over the unit's criteria, rounded to 6 decimals.</param>
/// <param name="Criteria">The unit's criteria where points were lost, most points lost first.</param>
public sealed record UnitShortfall(string Unit, double Lost, IReadOnlyList<Shortfall> Criteria);
