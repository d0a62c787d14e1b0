using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>Layout rules of the HTML report that depend on the results, kept apart so they can be tested and documented.</summary>
public static class ReportLayout
{
    /// <summary>
    /// True when the ranking groups are comparable: every scored agency, in every group, is scored
    /// against the same maximum in every area (the same applicable maximum structure). A rank
    /// across groups whose agencies are measured on different areas or maxima would compare unlike
    /// things, so the report shows it only then (or as the rule file's <c>metadata.overallRank</c> says).
    /// </summary>
    /// <param name="report">The scoring result.</param>
    public static bool GroupsAreComparable(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var areas = report.Criteria.Where(c => c.Depth == 0 && c.Kind == CriterionKind.Regular).Select(c => c.Code).ToList();
        string Shape(AgencyScore agency) => string.Join(";", areas.Select(code =>
            agency.Criteria.FirstOrDefault(c => c.Code == code) is { IsApplicable: true } s ? s.MaxPoints.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "-"))
            + "|" + agency.MaxPoints.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return report.Agencies.Select(Shape).Distinct(StringComparer.Ordinal).Count() <= 1;
    }

    /// <summary>
    /// True when the ranking shows the rank across all groups ("hạng chung"): more than one group,
    /// and <c>metadata.overallRank</c> is "always", or "auto" (the default) with
    /// <see cref="GroupsAreComparable"/>.
    /// </summary>
    /// <param name="report">The scoring result.</param>
    public static bool ShowsOverallRank(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Groups.Count <= 1) return false;
        return (report.RuleSet.Metadata?.OverallRank ?? OverallRankDisplay.Auto) switch
        {
            OverallRankDisplay.Always => true,
            OverallRankDisplay.Never => false,
            _ => GroupsAreComparable(report),
        };
    }

    /// <summary>True when the rule file names a responsible unit for at least one criterion; otherwise the report has no table by unit.</summary>
    /// <param name="report">The scoring result.</param>
    public static bool AssignsUnits(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Criteria.Any(c => c.Responsible.Count > 0);
    }
}
