using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Writes an agency's shortfall report: criteria below max by points lost, then totals by responsible unit.</summary>
public static class ShortfallWriter
{
    /// <summary>Writes the shortfall report of one agency as text.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="agencyId">The agency.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, string agencyId, TextWriter output)
    {
        var shortfalls = report.Shortfalls(agencyId);
        output.WriteLine(EngineText.Format("ShortfallHeading", DisplayText.Escape(agencyId), shortfalls.Count, Format.Number(shortfalls.Sum(s => s.Lost))));
        var table = new TextTable((EngineText.Get("TableCode"), false), (EngineText.Get("TableCriterion"), false), (EngineText.Get("TablePoints"), true), (EngineText.Get("TableMax"), true), (EngineText.Get("TableLost"), true), (EngineText.Get("TableResponsible"), false));
        foreach (var s in shortfalls)
            table.Add(s.Code, s.Title, Format.Number(s.Points), Format.Number(s.MaxPoints), Format.Number(s.Lost), string.Join("; ", s.Responsible));
        output.Write(table.ToString());
        output.WriteLine();
        var byUnit = new TextTable((EngineText.Get("TableResponsibleUnit"), false), (EngineText.Get("TableLost"), true), (EngineText.Get("TableCriteria"), false));
        foreach (var (unit, lost, criteria) in report.ShortfallsByUnit(agencyId))
            byUnit.Add(unit, Format.Number(lost), string.Join(", ", criteria.Select(c => c.Code)));
        output.Write(byUnit.ToString());
    }
}
