namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// The functions a formula may call, with their allowed argument counts. The numeric ones are
/// implemented in <c>Compilation.FormulaFunctions</c>; the special ones are rewritten by the
/// code generator (group aggregates, criterion points in eligibility rules).
/// </summary>
internal static class FormulaFunctionCatalog
{
    public static readonly IReadOnlyDictionary<string, int[]> Plain = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["Ratio"] = [2, 3],
        ["PercentOf"] = [2],
        ["Clamp"] = [3],
        ["Min"] = [2, 3, 4],
        ["Max"] = [2, 3, 4],
        ["Round"] = [1, 2],
        ["Floor"] = [1],
        ["Ceiling"] = [1],
        ["Abs"] = [1],
        ["Between"] = [3],
        ["IfMissing"] = [2],
        ["IsMissing"] = [1],
    };

    /// <summary>Aggregates over the agency's ranking group; the argument is a bare input or variable name.</summary>
    public static readonly IReadOnlyDictionary<string, AggregateKind> Aggregates = new Dictionary<string, AggregateKind>(StringComparer.Ordinal)
    {
        ["GroupMax"] = AggregateKind.Max,
        ["GroupMin"] = AggregateKind.Min,
        ["GroupMean"] = AggregateKind.Mean,
    };

    /// <summary>Criterion look-ups allowed only in eligibility conditions; the argument is a code in quotes.</summary>
    public static readonly IReadOnlySet<string> CriterionLookups = new HashSet<string>(StringComparer.Ordinal) { "Points", "MaxPoints" };

    /// <summary>
    /// Results of earlier periods, allowed only in formulas evaluated after ranking; the argument
    /// is a whole-number literal: k periods back (1 = the latest earlier period), or n periods
    /// averaged (the current one and the n − 1 before it). See <c>Evaluation.ResultsHistory</c>.
    /// </summary>
    public static readonly IReadOnlySet<string> HistoryLookups = new HashSet<string>(StringComparer.Ordinal)
        { "PreviousPercent", "PreviousRank", "RankChange", "AveragePercent" };

    /// <summary>The largest k or n a history function takes (a rule about more periods is surely a typo).</summary>
    public const int MaxHistoryPeriods = 50;

    public static IEnumerable<string> AllNames => Plain.Keys.Concat(Aggregates.Keys).Concat(CriterionLookups).Concat(HistoryLookups);
}

/// <summary>A statistic computed over the agencies of one ranking group.</summary>
internal enum AggregateKind
{
    /// <summary>Largest value in the group.</summary>
    Max,
    /// <summary>Smallest value in the group.</summary>
    Min,
    /// <summary>Arithmetic mean over the group.</summary>
    Mean,
}
