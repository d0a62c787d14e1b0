using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Static checks on a band list: range steps need a value, a step fully covered by earlier steps
/// can never match (unreachable), an explicit range that partly overlaps an earlier one is likely
/// a typo (overlapping), and band points above the criterion's max would only be capped.
/// The earlier ranges are kept as a union of disjoint intervals in a sorted set, so each step
/// costs O(log n) plus the intervals it merges: a list of many thousands of steps is checked in
/// about n log n, not n² (the earlier version re-sorted every earlier step for every step).
/// </summary>
internal static class BandChecks
{
    public static void Check(CriterionDefinition criterion, BandScoring bands, DiagnosticBag diagnostics, CancellationToken budget = default)
    {
        var covered = new IntervalUnion();
        var seenConditions = new HashSet<string>(StringComparer.Ordinal);
        var alwaysMatched = false;
        for (var i = 0; i < bands.Steps.Count; i++)
        {
            budget.ThrowIfCancellationRequested();
            var step = bands.Steps[i];
            var (band, code) = (i + 1, criterion.Code);
            if (step.Points > criterion.MaxPoints)
                diagnostics.Add(DiagnosticCatalog.InvalidSetting, DiagnosticSeverity.Warning, "BandAboveMax", step.Location, band, code, step.Points, criterion.MaxPoints);
            if (step.Points < 0)
                diagnostics.Add(DiagnosticCatalog.InvalidSetting, DiagnosticSeverity.Warning, "BandNegativePoints", step.Location, band, code);
            if (alwaysMatched)
            {
                diagnostics.Add(DiagnosticCatalog.UnreachableBand, "AfterAlwaysMatching", step.Location, band, code);
                continue;
            }
            if (step.When is { } when)
            {
                var condition = when.Text.Replace(" ", "", StringComparison.Ordinal);
                if (condition == "true") alwaysMatched = true;
                else if (!seenConditions.Add(condition))
                    diagnostics.Add(DiagnosticCatalog.UnreachableBand, "SameCondition", step.Location, band, code);
                continue;
            }
            if (step.AtLeast is null && step.Below is null)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidSetting, "BandWithoutCondition", step.Location, band, code);
                continue;
            }
            if (bands.Of is null)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidSetting, "BandRangeWithoutOf", step.Location, band, code);
                continue;
            }
            var low = step.AtLeast ?? double.NegativeInfinity;
            var high = step.Below ?? double.PositiveInfinity;
            if (low >= high)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidSetting, "BandEmpty", step.Location, band, code, low, high);
                continue;
            }
            if (covered.Covers(low, high))
                diagnostics.Add(DiagnosticCatalog.UnreachableBand, "CoveredRange", step.Location, band, code, Show(low), Show(high));
            else if (step.AtLeast is not null && step.Below is not null && covered.Intersects(low, high))
                diagnostics.Add(DiagnosticCatalog.OverlappingBand, "PartOverlap", step.Location, band, code, Show(low), Show(high));
            covered.Add(low, high);
            if (double.IsNegativeInfinity(low) && double.IsPositiveInfinity(high)) alwaysMatched = true;
        }
    }

    private static string Show(double value) => double.IsInfinity(value) ? (value > 0 ? "+∞" : "−∞") : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A union of half-open intervals [low, high), stored as disjoint, non-touching intervals
    /// ordered by their low end. The union of the earlier steps covers or meets a range exactly
    /// when one of those steps does, so the checks give the same answers as testing every step.
    /// </summary>
    internal sealed class IntervalUnion
    {
        private readonly SortedSet<(double Low, double High)> _intervals = new(Comparer<(double Low, double High)>.Create((a, b) => a.Low.CompareTo(b.Low)));

        /// <summary>Number of disjoint intervals kept.</summary>
        public int Count => _intervals.Count;

        /// <summary>True when [low, high) lies inside the union.</summary>
        public bool Covers(double low, double high) => LastStartingAtOrBefore(low) is { } last && last.High >= high;

        /// <summary>True when [low, high) shares a point with the union.</summary>
        public bool Intersects(double low, double high) =>
            // The intervals starting before 'high' have increasing ends: the last one reaches furthest.
            LastStartingBefore(high) is { } last && last.High > low;

        /// <summary>Adds [low, high), merging every interval it overlaps or touches.</summary>
        public void Add(double low, double high)
        {
            if (LastStartingAtOrBefore(low) is { } before && before.High >= low)
            {
                low = before.Low;
                high = Math.Max(high, before.High);
            }
            var merged = _intervals.GetViewBetween((low, 0), (high, 0)).ToList();
            foreach (var interval in merged)
            {
                high = Math.Max(high, interval.High);
                _intervals.Remove(interval);
            }
            _intervals.Add((low, high));
        }

        private (double Low, double High)? LastStartingAtOrBefore(double point)
        {
            if (_intervals.Count == 0 || _intervals.Min.Low > point) return null;
            return _intervals.GetViewBetween(_intervals.Min, (point, 0)).Max;
        }

        /// <summary>The interval with the greatest low end strictly below <paramref name="point"/> (lows are distinct doubles).</summary>
        private (double Low, double High)? LastStartingBefore(double point) =>
            _intervals.Count == 0 || _intervals.Min.Low >= point ? null : LastStartingAtOrBefore(Math.BitDecrement(point));
    }
}
