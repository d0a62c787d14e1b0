namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>What an improvement plan aims at.</summary>
public enum PlanTargetKind
{
    /// <summary>A rank (1 = best) among the agencies compared.</summary>
    Rank,
    /// <summary>A total of points.</summary>
    Total,
    /// <summary>A percent of the applicable maximum.</summary>
    Percent,
}

/// <summary>The target of an improvement plan: a rank, a total or a percent.</summary>
/// <param name="Kind">Which of the three.</param>
/// <param name="Value">The rank (a whole number from 1), the total or the percent.</param>
public sealed record PlanTarget(PlanTargetKind Kind, double Value)
{
    /// <summary>Reach rank <paramref name="rank"/> or better.</summary>
    /// <param name="rank">A whole number from 1.</param>
    public static PlanTarget Rank(int rank) => new(PlanTargetKind.Rank, rank);

    /// <summary>Reach a total of <paramref name="total"/> points.</summary>
    /// <param name="total">Points.</param>
    public static PlanTarget Total(double total) => new(PlanTargetKind.Total, total);

    /// <summary>Reach <paramref name="percent"/> percent of the applicable maximum.</summary>
    /// <param name="percent">A percent from 0 to 100.</param>
    public static PlanTarget Percent(double percent) => new(PlanTargetKind.Percent, percent);
}
