using System.Globalization;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>
/// Builds an <see cref="ImprovementPlan"/> from a scoring result. Every other agency's score is
/// held fixed. Ranking is by rounded percent with shared ranks (see docs/cli.md, "parindex
/// plan"), so to reach rank N an agency must equal the percent of the N-th best of the others:
/// equal percents share the better rank.
/// </summary>
public static class ImprovementPlanner
{
    /// <summary>Makes the plan.</summary>
    /// <param name="report">A scoring result with full detail.</param>
    /// <param name="agencyId">The agency.</param>
    /// <param name="target">The rank, total or percent to reach.</param>
    /// <param name="withinGroup">Rank within the agency's ranking group (true) or among all agencies (false).</param>
    /// <param name="onlyAssigned">Build the recovery set only from criteria with responsible units (an area's unassigned remainder stays as it is).</param>
    /// <exception cref="ArgumentException">The agency was not scored, or the target is not a rank from 1, a total from 0 to the maximum, or a percent from 0 to 100 (the message starts with PAR0723).</exception>
    /// <exception cref="InvalidOperationException">The report was scored with totals only.</exception>
    public static ImprovementPlan Build(ScoreReport report, string agencyId, PlanTarget target, bool withinGroup = false, bool onlyAssigned = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(target);
        if (report.Detail != Evaluation.ScoreDetail.Full)
            throw new InvalidOperationException("An improvement plan needs every criterion's points; score with ScoringOptions.Detail = ScoreDetail.Full.");
        var agency = report.Find(agencyId)
            ?? throw new ArgumentException($"{DiagnosticCodes.PlanTarget}: {DiagnosticCatalog.PlanTarget.FormatSituation("NotScored", [agencyId])}", nameof(agencyId));
        CheckTarget(target, agency);
        var precision = report.RuleSet.Precision;
        var others = report.Agencies.Where(a => a.AgencyId != agency.AgencyId && (!withinGroup || a.Group == agency.Group))
            .Select(a => a.Percent).OrderByDescending(p => p).ToList();

        var requiredPercent = target.Kind switch
        {
            PlanTargetKind.Rank => (int)target.Value > others.Count ? 0 : others[(int)target.Value - 1],
            PlanTargetKind.Percent => target.Value,
            _ => PercentOf(target.Value, agency.MaxPoints, precision),
        };
        var requiredTotal = target.Kind == PlanTargetKind.Total ? target.Value : SmallestTotalFor(requiredPercent, agency.MaxPoints, precision);
        var reachable = !double.IsNaN(requiredTotal);
        var needed = !reachable ? double.NaN : Math.Max(0, FormulaFunctions.Round(requiredTotal - agency.Total, precision));

        var simulator = new RecoverySimulator(report.Criteria, agency, precision);
        var nothing = simulator.TotalWith(new HashSet<int>());
        if (Math.Abs(nothing - agency.Total) > 1e-9)
            throw new InvalidOperationException($"The plan's sum of the recorded points ({nothing.ToString(CultureInfo.InvariantCulture)}) differs from the total ({agency.Total.ToString(CultureInfo.InvariantCulture)}) of '{agency.AgencyId}'.");
        var below = BelowMax(report, agency, simulator);
        PlanRecovery? recovery = null;
        if (reachable && needed > 0)
        {
            var candidates = below.Where(b => !onlyAssigned || b.Criterion.Responsible.Count > 0)
                .Select(b => (b.Index, Bound: simulator.Bound(b.Index))).Where(c => c.Bound > 0).ToList();
            if (RecoverySearch.Find(candidates, requiredTotal, simulator.TotalWith) is { } found)
            {
                var percent = PercentOf(found.Total, agency.MaxPoints, precision);
                recovery = new PlanRecovery(found.Set.Select(i => report.Criteria[i].Code).ToList(), found.Total, percent, RankAmong(others, percent), found.Proven) { OnlyAssigned = onlyAssigned };
            }
        }
        return new ImprovementPlan
        {
            AgencyId = agency.AgencyId,
            Name = agency.Name,
            Group = agency.Group,
            WithinGroup = withinGroup,
            Compared = others.Count + 1,
            Total = agency.Total,
            MaxPoints = agency.MaxPoints,
            Percent = agency.Percent,
            Rank = withinGroup ? agency.Rank : agency.OverallRank,
            Target = target,
            RequiredPercent = requiredPercent,
            RequiredTotal = requiredTotal,
            PointsNeeded = needed,
            TargetRank = reachable ? RankAmong(others, Math.Max(agency.Percent, PercentOf(requiredTotal, agency.MaxPoints, precision))) : null,
            Criteria = below.Select(b => b.Criterion).OrderByDescending(c => c.Recoverable).ToList(),
            Recovery = recovery,
            Targets = CompareTargets(report, agency),
        };
    }

    private static void CheckTarget(PlanTarget target, AgencyScore agency)
    {
        var ok = target.Kind switch
        {
            PlanTargetKind.Rank => target.Value >= 1 && target.Value == Math.Floor(target.Value) && target.Value <= int.MaxValue,
            PlanTargetKind.Percent => target.Value is >= 0 and <= 100,
            _ => target.Value >= 0 && target.Value <= agency.MaxPoints,
        };
        if (!ok)
            throw new ArgumentException($"{DiagnosticCodes.PlanTarget}: " + DiagnosticCatalog.PlanTarget.FormatSituation("BadTarget",
                [target.Kind.ToString().ToLowerInvariant(), target.Value, agency.MaxPoints]), nameof(target));
    }

    /// <summary>The percent as the kernel computes it: 100 × total ÷ applicable max, rounded to the scheme's precision.</summary>
    private static double PercentOf(double total, double max, int precision) =>
        max > 0 ? FormulaFunctions.Round(100d * total / max, precision) : 0d;

    /// <summary>The smallest total on the precision grid whose percent reaches <paramref name="percent"/>; NaN when not even the max does.</summary>
    private static double SmallestTotalFor(double percent, double max, int precision)
    {
        if (PercentOf(max, max, precision) < percent) return double.NaN;
        var step = Math.Pow(10, -precision);
        var total = FormulaFunctions.Round(Math.Ceiling(percent * max / 100 / step) * step, precision);
        while (total - step >= 0 && PercentOf(FormulaFunctions.Round(total - step, precision), max, precision) >= percent) total = FormulaFunctions.Round(total - step, precision);
        while (total <= max && PercentOf(total, max, precision) < percent) total = FormulaFunctions.Round(total + step, precision);
        return Math.Min(total, max);
    }

    /// <summary>Competition rank among the others at a percent: 1 + how many are strictly above it.</summary>
    private static int RankAmong(IReadOnlyList<double> others, double percent) => 1 + others.Count(p => p > percent);

    private static List<(int Index, PlanCriterion Criterion)> BelowMax(ScoreReport report, AgencyScore agency, RecoverySimulator simulator)
    {
        var list = new List<(int, PlanCriterion)>();
        for (var i = 0; i < report.Criteria.Count; i++)
        {
            var info = report.Criteria[i];
            var score = agency.Criteria[i];
            if (!info.IsLeaf || info.Kind != CriterionKind.Regular || !score.IsApplicable) continue;
            var recoverable = FormulaFunctions.Round(score.MaxPoints - score.Points, report.RuleSet.Precision);
            if (recoverable <= 0) continue;
            var gain = FormulaFunctions.Round(simulator.TotalWith(new HashSet<int> { i }) - agency.Total, report.RuleSet.Precision);
            list.Add((i, new PlanCriterion(info.Code, info.Title, score.Points, score.MaxPoints, recoverable, gain, info.Responsible)));
        }
        return list;
    }

    private static List<TargetComparison> CompareTargets(ScoreReport report, AgencyScore agency) => report.RuleSet.Targets
        .Select(t =>
        {
            var score = agency[t.Code];
            var missing = Math.Max(0, FormulaFunctions.Round(t.Points - score.Points, report.RuleSet.Precision));
            return new TargetComparison(t.Code, t.Title ?? score.Title, t.Points, score.Points, score.MaxPoints, missing == 0, missing);
        })
        .ToList();
}
