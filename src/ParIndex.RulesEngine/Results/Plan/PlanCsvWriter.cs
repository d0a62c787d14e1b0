using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>
/// Writes an improvement plan's criteria as CSV, one row per criterion below its maximum
/// (most recoverable first), with whether it is in the smallest recovery set and its target:
/// the shape a spreadsheet of tasks by responsible unit starts from. Invariant culture; text
/// cells escaped against formula injection.
/// </summary>
public static class PlanCsvWriter
{
    /// <summary>Writes the plan's criteria.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ImprovementPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("agencyId,code,title,points,maxPoints,recoverable,totalGain,inRecoverySet,targetPoints,responsible");
        var chosen = plan.Recovery?.Codes.ToHashSet(StringComparer.Ordinal) ?? [];
        var targets = plan.Targets.ToDictionary(t => t.Code, StringComparer.Ordinal);
        foreach (var c in plan.Criteria)
        {
            var cells = new[]
            {
                CsvFormulaGuard.Escape(plan.AgencyId), CsvFormulaGuard.Escape(c.Code), CsvFormulaGuard.Escape(c.Title),
                Format.Number(c.Points), Format.Number(c.MaxPoints), Format.Number(c.Recoverable), Format.Number(c.TotalGain),
                chosen.Contains(c.Code) ? "true" : "false",
                targets.TryGetValue(c.Code, out var t) ? Format.Number(t.TargetPoints) : "",
                CsvFormulaGuard.Escape(string.Join("; ", c.Responsible)),
            };
            output.WriteLine(string.Join(",", cells.Select(CsvResultWriter.Quote)));
        }
    }
}
