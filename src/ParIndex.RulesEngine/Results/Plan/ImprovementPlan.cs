namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>
/// An improvement plan for one agency (kế hoạch cải thiện chỉ số): where it stands, the score
/// that reaches the target with every other agency's score held fixed, what it lost per
/// criterion and who is responsible, the fewest criteria whose full recovery closes the gap,
/// and the rule file's per-criterion targets compared with its points.
/// </summary>
public sealed record ImprovementPlan
{
    /// <summary>The agency.</summary>
    public required string AgencyId { get; init; }
    /// <summary>Its name, when the data had one.</summary>
    public string? Name { get; init; }
    /// <summary>Its ranking group ("" without groups).</summary>
    public required string Group { get; init; }
    /// <summary>True when ranks are within the agency's group; false when among all agencies.</summary>
    public required bool WithinGroup { get; init; }
    /// <summary>How many agencies it is ranked among (itself included).</summary>
    public required int Compared { get; init; }
    /// <summary>Its total now.</summary>
    public required double Total { get; init; }
    /// <summary>Its applicable maximum.</summary>
    public required double MaxPoints { get; init; }
    /// <summary>Its percent now.</summary>
    public required double Percent { get; init; }
    /// <summary>Its rank now (in its group with <see cref="WithinGroup"/>, else overall).</summary>
    public required int Rank { get; init; }
    /// <summary>What the plan aims at.</summary>
    public required PlanTarget Target { get; init; }
    /// <summary>The percent the target needs (for a rank: that of the agency it must equal or pass).</summary>
    public required double RequiredPercent { get; init; }
    /// <summary>The smallest total on the scheme's precision that reaches the target; NaN when no total up to the maximum does.</summary>
    public required double RequiredTotal { get; init; }
    /// <summary>Points to gain: RequiredTotal − Total, 0 when the target is already reached; NaN when unreachable.</summary>
    public required double PointsNeeded { get; init; }
    /// <summary>The rank the agency would have at <see cref="RequiredTotal"/> (others unchanged); null when unreachable.</summary>
    public required int? TargetRank { get; init; }
    /// <summary>Leaf criteria below their maximum, most recoverable points first (tree order on ties).</summary>
    public required IReadOnlyList<PlanCriterion> Criteria { get; init; }
    /// <summary>The fewest criteria whose full recovery reaches <see cref="RequiredTotal"/>; null when even all of them do not, or nothing is needed.</summary>
    public required PlanRecovery? Recovery { get; init; }
    /// <summary>The rule file's targets, compared with the agency's points, in file order.</summary>
    public required IReadOnlyList<TargetComparison> Targets { get; init; }

    /// <summary>True when the target is already reached.</summary>
    public bool IsReached => PointsNeeded == 0;

    /// <summary>True when some total up to the maximum reaches the target.</summary>
    public bool IsReachable => !double.IsNaN(RequiredTotal);
}

/// <summary>One criterion below its maximum.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Points">Points now.</param>
/// <param name="MaxPoints">Applicable maximum.</param>
/// <param name="Recoverable">Max − points: what the criterion itself would gain at full marks.</param>
/// <param name="TotalGain">What the total would gain from this criterion alone at full marks (less than <paramref name="Recoverable"/> when a parent is capped).</param>
/// <param name="Responsible">The units responsible (đơn vị chịu trách nhiệm).</param>
public sealed record PlanCriterion(string Code, string Title, double Points, double MaxPoints, double Recoverable, double TotalGain, IReadOnlyList<string> Responsible);

/// <summary>The fewest criteria whose full recovery closes the gap.</summary>
/// <param name="Codes">Their codes, in tree order.</param>
/// <param name="Total">The total with them at full marks.</param>
/// <param name="Percent">The percent with them at full marks.</param>
/// <param name="Rank">The rank with them at full marks (others unchanged).</param>
/// <param name="IsProvenMinimal">True when the search was exhaustive: no smaller set reaches the target.</param>
public sealed record PlanRecovery(IReadOnlyList<string> Codes, double Total, double Percent, int Rank, bool IsProvenMinimal)
{
    /// <summary>True when only criteria with responsible units were candidates.</summary>
    public bool OnlyAssigned { get; init; }
}

/// <summary>A rule-file target compared with the agency's points.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">The target's wording, else the criterion's title.</param>
/// <param name="TargetPoints">Points aimed at.</param>
/// <param name="Points">Points now (0 when the criterion does not apply).</param>
/// <param name="MaxPoints">The criterion's applicable maximum.</param>
/// <param name="IsMet">True when points ≥ target.</param>
/// <param name="Missing">Target − points, 0 when met.</param>
public sealed record TargetComparison(string Code, string Title, double TargetPoints, double Points, double MaxPoints, bool IsMet, double Missing);
