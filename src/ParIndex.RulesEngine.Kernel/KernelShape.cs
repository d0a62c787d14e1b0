namespace ParIndex.RulesEngine.Kernel;

/// <summary>How many columns of each kind a rule set's kernel uses.</summary>
/// <param name="NumberVariables">Number variables.</param>
/// <param name="BoolVariables">Bool variables.</param>
/// <param name="Aggregates">Group aggregates.</param>
/// <param name="Nodes">Criteria (all levels).</param>
/// <param name="Leaves">Leaf criteria.</param>
/// <param name="BandLeaves">Leaf criteria scored by bands.</param>
/// <param name="Conditions">Eligibility conditions.</param>
/// <param name="ComparedColumns">Compared-value columns of the detail stage (bands with <c>of</c>: one; proportional: two).</param>
/// <param name="StoreDetail">True when every criterion's points are kept.</param>
/// <param name="LookedUpNodes">Criteria whose points are kept as doubles even without detail: those eligibility rules read.</param>
/// <param name="Areas">Top-level criteria: their fixed-point counts are kept for the total in every stage.</param>
internal sealed record KernelShape(
    int NumberVariables, int BoolVariables, int Aggregates, int Nodes, int Leaves, int BandLeaves, int Conditions, int ComparedColumns,
    bool StoreDetail, IReadOnlySet<int> LookedUpNodes, IReadOnlySet<int> Areas)
{
    /// <summary>Earlier periods the eligibility stage reads (history columns per row).</summary>
    public int HistoryPeriods { get; init; }

    /// <summary>The largest n of AveragePercent(n) (average columns per row).</summary>
    public int AveragedPeriods { get; init; }

    /// <summary>
    /// The slots of the number variables that get a column; null: all of them (always so with
    /// detail). Without detail the others are computed where they are read.
    /// </summary>
    public IReadOnlySet<int>? NumberVariablesKept { get; init; }

    /// <summary>Like <see cref="NumberVariablesKept"/>, for bool variables.</summary>
    public IReadOnlySet<int>? BoolVariablesKept { get; init; }
}
