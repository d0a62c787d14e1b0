using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Compilation;

internal sealed partial class KernelGenerator
{
    /// <summary>Stage 2, after ranking: each eligibility condition into its own result column.</summary>
    private void EmitEligibilityStage()
    {
        OpenStage("ComputeEligibility");
        var conditions = _rules.Eligibility.SelectMany(e => e.Conditions).ToList();
        var reads = NamesRead(conditions);
        var results = reads.Where(ReservedNames.ResultNames.ContainsKey).ToList();
        HoistReads(reads, new HashSet<string>(), aggregates: true);
        foreach (var name in results) _w.Line($"var __in_{name} = __f.{ResultColumn(name)};");
        for (var c = 0; c < conditions.Count; c++) _w.Line($"var __C{c} = __f.Conditions[{c}];");
        foreach (var n in _rules.LookedUpNodes.Order()) _w.Line($"var __P{n} = __f.Points[{n}]; var __X{n} = __f.MaxPoints[{n}];");
        if (_rules.HistoryPeriods > 0 || _rules.AveragedPeriods > 0)
            _w.Line("var __HP = __f.HistoryPercent; var __HR = __f.HistoryRank; var __HA = __f.AveragePercent; var __R = __f.Rank;");
        OpenLoop();
        LoadReads(reads, new HashSet<string>(), aggregates: true);
        foreach (var name in results)
            _w.Line($"{(ReservedNames.ResultNames[name] == ValueKind.Text ? "string" : "double")} {name} = __in_{name}[__i];");
        for (var c = 0; c < conditions.Count; c++)
            _w.FormulaLine($"__C{c}[__i] = ", conditions[c], Rewrite(conditions[c]), ";");
        _w.Close();
        _w.Close();
    }

    /// <summary>
    /// A history call as a read of the columns the scorer filled from the earlier periods before
    /// this stage (hoisted above): k − 1 indexes period k; RankChange(k) is PreviousRank(k) − rank,
    /// NaN when the agency has no rank in period k.
    /// </summary>
    private static string HistoryRead(HistoryUse use) => use.Function switch
    {
        "PreviousPercent" => $"__HP[{use.Periods - 1}][__i]",
        "PreviousRank" => $"__HR[{use.Periods - 1}][__i]",
        "RankChange" => $"(__HR[{use.Periods - 1}][__i] - __R[__i])",
        "AveragePercent" => $"__HA[{use.Periods - 1}][__i]",
        _ => throw new ArgumentOutOfRangeException(nameof(use), use.Function, "Not a history function."),
    };

    private static string ResultColumn(string name) => name switch
    {
        "total" => "Total",
        "maxPoints" => "Max",
        "percent" => "Percent",
        "rank" => "Rank",
        "overallRank" => "OverallRank",
        "previousRank" => "PreviousRank",
        "rankChange" => "RankChange",
        "classification" => "Classification",
        "group" => "GroupNames",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a result name."),
    };
}
