using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>Writes an improvement plan as plain text for a terminal or a file (words in the current UI culture, invariant numbers).</summary>
public static class PlanTableWriter
{
    /// <summary>Writes the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ImprovementPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        string N(double value) => double.IsNaN(value) ? "—" : Format.Number(value);
        var scope = plan.WithinGroup ? EngineText.Format("PlanScopeGroup", DisplayText.Escape(plan.Group)) : EngineText.Get("PlanScopeAll");
        output.WriteLine(EngineText.Format("PlanHeading", DisplayText.Escape(plan.AgencyId), DisplayText.Escape(plan.Name ?? "")).TrimEnd());
        output.WriteLine(EngineText.Format("PlanNow", N(plan.Total), N(plan.MaxPoints), N(plan.Percent), plan.Rank, plan.Compared, scope));
        output.WriteLine(EngineText.Format("PlanTargetLine", TargetText(plan.Target), N(plan.RequiredPercent), N(plan.RequiredTotal),
            plan.TargetRank is { } rank ? EngineText.Format("PlanTargetRank", rank) : EngineText.Get("PlanUnreachable")));
        output.WriteLine(plan.IsReached ? EngineText.Get("PlanReached") : EngineText.Format("PlanNeeded", N(plan.PointsNeeded)));
        output.WriteLine();
        output.WriteLine(EngineText.Get("PlanCriteriaHeading"));
        output.WriteLine($"{Cell(EngineText.Get("TableCode"), 7)} {Cell(EngineText.Get("TablePoints"), 8)} {Cell(EngineText.Get("TableMax"), 8)} " +
            $"{Cell(EngineText.Get("PlanColRecoverable"), 12)} {Cell(EngineText.Get("PlanColTotalGain"), 10)} {EngineText.Get("PlanColResponsible")}");
        foreach (var c in plan.Criteria)
            output.WriteLine($"{Cell(c.Code, 7)} {Cell(N(c.Points), 8)} {Cell(N(c.MaxPoints), 8)} {Cell(N(c.Recoverable), 12)} {Cell(N(c.TotalGain), 10)} {DisplayText.Escape(c.Responsible.Count == 0 ? EngineText.Get("PlanUnassigned") : string.Join("; ", c.Responsible))}");
        output.WriteLine();
        if (plan.Recovery is { } recovery)
            output.WriteLine(EngineText.Format("PlanRecovery", recovery.Codes.Count, recovery.OnlyAssigned ? EngineText.Get("PlanOnlyAssigned") : "",
                recovery.IsProvenMinimal ? "" : EngineText.Get("PlanNotProven"), string.Join(", ", recovery.Codes.Select(c => DisplayText.Escape(c))),
                N(recovery.Total), N(recovery.Percent), recovery.Rank));
        else if (!plan.IsReached)
            output.WriteLine(EngineText.Get("PlanNoRecovery"));
        if (plan.Targets.Count == 0) return;
        output.WriteLine();
        output.WriteLine(EngineText.Get("PlanTargetsHeading"));
        foreach (var t in plan.Targets)
            output.WriteLine(EngineText.Format("PlanAgainstTarget", Cell(t.Code, 7), Cell(N(t.Points), 8), Cell(N(t.TargetPoints), 6),
                t.IsMet ? EngineText.Get("PlanMet") : EngineText.Format("PlanShort", N(t.Missing)), DisplayText.Escape(t.Title)));
    }

    internal static string TargetText(PlanTarget target) => target.Kind switch
    {
        PlanTargetKind.Rank => EngineText.Format("PlanKindRank", Format.Number(target.Value)),
        PlanTargetKind.Total => EngineText.Format("PlanKindTotal", Format.Number(target.Value)),
        _ => $"{Format.Number(target.Value)}%",
    };

    private static string Cell(string text, int width) => DisplayText.Escape(text).PadRight(width);
}
