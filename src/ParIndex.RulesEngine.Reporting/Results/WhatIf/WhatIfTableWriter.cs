using System.Globalization;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// Writes a what-if run as text: the changes, then per agency concerned the total, percent and
/// ranks before → after and the criteria whose points changed.
/// </summary>
public static class WhatIfTableWriter
{
    /// <summary>Writes the run as text.</summary>
    /// <param name="result">The what-if run.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(WhatIfResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.After;
        var precision = report.RuleSet.Precision;
        // The agencies whose inputs were changed first, then those that moved with them; each in data order.
        var changes = result.Changes.OrderBy(a => !result.IsChanged(a.AgencyId)).ToList();
        output.WriteLine(DisplayText.Escape(EngineText.Format("WhatIfHeading", report.RuleSet.Title, report.RuleSet.Id, report.RuleSet.Version)));
        foreach (var change in result.Overrides)
            output.WriteLine(DisplayText.Escape($"  {change.Input} = {change.Value}  ({(change.AgencyId is null ? EngineText.Get("WhatIfEveryAgency") : EngineText.Format("WhatIfAgency", change.AgencyId))})"));
        output.WriteLine(EngineText.Format("WhatIfSummary", changes.Count(a => result.IsChanged(a.AgencyId)), changes.Count(a => !result.IsChanged(a.AgencyId))));
        var groups = report.Groups.Count > 1 || report.Groups.Any(g => g.Length > 0);
        foreach (var a in changes)
        {
            var group = groups ? EngineText.Format("WhatIfInGroup", report.GroupTitle(a.Second.Group)) : "";
            output.WriteLine();
            output.WriteLine(DisplayText.Escape(EngineText.Format("WhatIfLine", a.AgencyId, a.Name, result.IsChanged(a.AgencyId) ? "" : EngineText.Get("WhatIfUnchanged"),
                Format.Fixed(a.First.Total, precision), Format.Fixed(a.Second.Total, precision), AppraisalTableWriter.Signed(a.TotalDifference, precision),
                Format.Fixed(a.First.Percent, precision), Format.Fixed(a.Second.Percent, precision), AppraisalTableWriter.Signed(a.PercentDifference, precision),
                group, a.First.Rank, a.Second.Rank, Format.Change(a.RankChange), a.First.OverallRank, a.Second.OverallRank, Format.Change(a.OverallRankChange))));
            var criteria = a.ChangedLeaves;
            if (criteria.Count == 0) continue;
            var table = new TextTable((EngineText.Get("TableCode"), false), (EngineText.Get("TableCriterion"), false), (EngineText.Get("TableBefore"), true), (EngineText.Get("TableAfter"), true), (EngineText.Get("TableDiff"), true));
            foreach (var c in criteria)
                table.Add(c.Code, c.Title, c.FirstApplicable ? Format.Number(c.FirstPoints) : "n/a", c.SecondApplicable ? Format.Number(c.SecondPoints) : "n/a", AppraisalTableWriter.Signed(c.Difference, precision));
            output.Write(table.ToString());
        }
    }
}
