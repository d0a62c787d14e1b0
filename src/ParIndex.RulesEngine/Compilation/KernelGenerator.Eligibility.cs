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
        OpenLoop();
        LoadReads(reads, new HashSet<string>(), aggregates: true);
        foreach (var name in results)
            _w.Line($"{(ReservedNames.ResultNames[name] == ValueKind.Text ? "string" : "double")} {name} = __in_{name}[__i];");
        for (var c = 0; c < conditions.Count; c++)
            _w.FormulaLine($"__C{c}[__i] = ", conditions[c], Rewrite(conditions[c]), ";");
        _w.Close();
        _w.Close();
    }

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
