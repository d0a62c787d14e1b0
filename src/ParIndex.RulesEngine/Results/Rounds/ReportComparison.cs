using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Two results of one rule set set side by side, agency by agency and criterion by criterion:
/// the base of the self-assessed vs appraised comparison (<see cref="AppraisalRounds"/>) and of
/// what-if runs (<see cref="WhatIf.WhatIfResult"/>). Agencies scored in only one of the two are
/// listed in <see cref="OnlyInFirst"/> and <see cref="OnlyInSecond"/>, never dropped.
/// </summary>
public sealed class ReportComparison
{
    private readonly Dictionary<string, AgencyComparison> _byId;

    private ReportComparison(ScoreReport first, ScoreReport second, IReadOnlyList<AgencyComparison> agencies,
        IReadOnlyList<UnmatchedAgency> onlyInFirst, IReadOnlyList<UnmatchedAgency> onlyInSecond)
    {
        First = first;
        Second = second;
        Agencies = agencies;
        OnlyInFirst = onlyInFirst;
        OnlyInSecond = onlyInSecond;
        _byId = agencies.ToDictionary(a => a.AgencyId, StringComparer.Ordinal);
    }

    /// <summary>The first result.</summary>
    public ScoreReport First { get; }

    /// <summary>The second result.</summary>
    public ScoreReport Second { get; }

    /// <summary>Agencies scored in both results, in the second result's input order.</summary>
    public IReadOnlyList<AgencyComparison> Agencies { get; }

    /// <summary>Agencies scored in the first result only, in its input order.</summary>
    public IReadOnlyList<UnmatchedAgency> OnlyInFirst { get; }

    /// <summary>Agencies scored in the second result only, in its input order.</summary>
    public IReadOnlyList<UnmatchedAgency> OnlyInSecond { get; }

    /// <summary>The comparison of one agency, or null when it is not scored in both results.</summary>
    public AgencyComparison? Find(string agencyId) =>
        _byId.GetValueOrDefault(Data.AgencyIdRegistry.Normalize(agencyId) ?? agencyId);

    /// <summary>Compares two results of the same rule set.</summary>
    /// <param name="first">The first result (self-assessed; before).</param>
    /// <param name="second">The second result (appraised; after).</param>
    /// <exception cref="ArgumentException">The results are of different rule sets or versions (PAR0701).</exception>
    /// <exception cref="InvalidOperationException">A result was scored without every criterion's points.</exception>
    public static ReportComparison Compare(ScoreReport first, ScoreReport second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        RequireSameRuleSet(first, second);
        foreach (var report in new[] { first, second })
            if (report.Detail != Evaluation.ScoreDetail.Full)
                throw new InvalidOperationException("Comparing two results needs every criterion's points; score with ScoringOptions.Detail = ScoreDetail.Full.");

        var precision = second.RuleSet.Precision;
        var firstById = first.Agencies.ToDictionary(a => a.AgencyId, StringComparer.Ordinal);
        var secondIds = second.Agencies.Select(a => a.AgencyId).ToHashSet(StringComparer.Ordinal);
        var matched = second.Agencies
            .Where(a => firstById.ContainsKey(a.AgencyId))
            .Select(a => Pair(firstById[a.AgencyId], a, second.Criteria, precision))
            .ToList();
        var onlyInFirst = first.Agencies.Where(a => !secondIds.Contains(a.AgencyId))
            .Select(a => new UnmatchedAgency(a.AgencyId, a.Name, a, second.RejectionOf(a.AgencyId))).ToList();
        var onlyInSecond = second.Agencies.Where(a => !firstById.ContainsKey(a.AgencyId))
            .Select(a => new UnmatchedAgency(a.AgencyId, a.Name, a, first.RejectionOf(a.AgencyId))).ToList();
        return new ReportComparison(first, second, matched, onlyInFirst, onlyInSecond);
    }

    private static void RequireSameRuleSet(ScoreReport first, ScoreReport second)
    {
        var a = first.RuleSet;
        var b = second.RuleSet;
        if (a.Id == b.Id && a.Version == b.Version && first.Criteria.Select(c => c.Code).SequenceEqual(second.Criteria.Select(c => c.Code), StringComparer.Ordinal))
            return;
        throw new ArgumentException($"{DiagnosticCodes.RoundsOfDifferentRuleSets}: " +
            DiagnosticCatalog.RoundsOfDifferentRuleSets.FormatSituation("Compare", [a.Id, a.Version, b.Id, b.Version]));
    }

    private static AgencyComparison Pair(AgencyScore first, AgencyScore second, IReadOnlyList<CriterionInfo> info, int precision)
    {
        // Both results list every criterion in the same tree pre-order (same rule set), as does info.
        var criteria = first.Criteria.Zip(second.Criteria, info).Select(t => new CriterionChange(t.Second.Code, t.Second.Title, t.Second.Depth, t.Third.IsLeaf,
            t.First.Points, t.Second.Points, Difference(t.Second.Points, t.First.Points, precision), t.First.IsApplicable, t.Second.IsApplicable)).ToList();
        return new AgencyComparison(second.AgencyId, second.Name ?? first.Name, first, second, criteria,
            Difference(second.Total, first.Total, precision), Difference(second.Percent, first.Percent, precision));
    }

    /// <summary>b − a on the precision grid: both are rounded to it, so rounding removes only binary noise (0.1 − 0.3).</summary>
    internal static double Difference(double b, double a, int precision)
    {
        var d = Math.Round(b - a, precision, MidpointRounding.AwayFromZero);
        return d == 0 ? 0 : d;
    }
}
