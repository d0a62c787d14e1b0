using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Writes, for each scored agency, one row per leaf criterion: code, title, target, the value
/// compared, the verdict (matched band label) and points of the applicable max. It answers
/// "which target did we meet" without running <c>explain</c> criterion by criterion.
/// </summary>
public static class CriteriaDetailWriter
{
    /// <summary>Writes the per-criterion detail of every scored agency as text tables.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        var precision = report.RuleSet.Precision;
        var leaves = report.Criteria.Where(c => c.IsLeaf).Select(c => c.Code).ToList();
        foreach (var agency in report.Agencies)
        {
            output.WriteLine("\n" + EngineText.Format("CriteriaHeading", DisplayText.Escape($"{agency.AgencyId} {agency.Name}")));
            var table = new TextTable((EngineText.Get("TableCode"), false), (EngineText.Get("TableCriterion"), false), (EngineText.Get("TableTarget"), false), (EngineText.Get("TableActual"), true),
                (EngineText.Get("TableVerdict"), false), (EngineText.Get("TablePoints"), true), (EngineText.Get("TableMax"), true));
            foreach (var code in leaves)
            {
                var c = report.Compare(agency.AgencyId, code);
                table.Add(c.Code, c.Title, c.Target ?? "", Actual(c.Value, precision),
                    c.IsApplicable ? c.Verdict ?? "" : "n/a",
                    c.IsApplicable ? Format.Number(c.Points) : "", c.IsApplicable ? Format.Number(c.MaxPoints) : "");
            }
            output.Write(table.ToString());
        }
    }

    /// <summary>Rounded like points, so 15686 / 50533 shows as 31.04; "–" when unknown or missing.</summary>
    private static string Actual(double? value, int precision) =>
        value is { } v && double.IsFinite(v) ? Format.Number(Math.Round(v, precision, MidpointRounding.AwayFromZero)) : "–";
}
