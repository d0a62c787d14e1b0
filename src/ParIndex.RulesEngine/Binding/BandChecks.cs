using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Static checks on a band list: range steps need a value, a step fully covered by earlier steps
/// can never match (unreachable), an explicit range that partly overlaps an earlier one is likely
/// a typo (overlapping), and band points above the criterion's max would only be capped.
/// </summary>
internal static class BandChecks
{
    public static void Check(CriterionDefinition criterion, BandScoring bands, DiagnosticBag diagnostics)
    {
        var covered = new List<(double Low, double High)>();
        var seenConditions = new HashSet<string>(StringComparer.Ordinal);
        var alwaysMatched = false;
        for (var i = 0; i < bands.Steps.Count; i++)
        {
            var step = bands.Steps[i];
            var name = $"Band {i + 1} of criterion {criterion.Code}";
            if (step.Points > criterion.Max)
                diagnostics.Warning(DiagnosticCodes.InvalidSetting, $"{name} gives {step.Points} points, above the criterion's max {criterion.Max}; it will be capped.", step.Location);
            if (step.Points < 0)
                diagnostics.Warning(DiagnosticCodes.InvalidSetting, $"{name} gives negative points; points are never below 0 (use a penalty criterion).", step.Location);
            if (alwaysMatched)
            {
                diagnostics.Warning(DiagnosticCodes.UnreachableBand, $"{name} can never match: an earlier band always matches.", step.Location);
                continue;
            }
            if (step.When is { } when)
            {
                var condition = when.Text.Replace(" ", "", StringComparison.Ordinal);
                if (condition == "true") alwaysMatched = true;
                else if (!seenConditions.Add(condition))
                    diagnostics.Warning(DiagnosticCodes.UnreachableBand, $"{name} can never match: an earlier band has the same condition.", step.Location);
                continue;
            }
            if (step.AtLeast is null && step.Below is null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSetting, $"{name} needs 'when', or 'atLeast' and/or 'below'.", step.Location);
                continue;
            }
            if (bands.Of is null)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSetting, $"{name} is a range (atLeast/below) but the bands have no 'of' value to compare.", step.Location);
                continue;
            }
            var low = step.AtLeast ?? double.NegativeInfinity;
            var high = step.Below ?? double.PositiveInfinity;
            if (low >= high)
            {
                diagnostics.Error(DiagnosticCodes.InvalidSetting, $"{name} is empty: atLeast {low} is not below {high}.", step.Location);
                continue;
            }
            if (IsCovered(low, high, covered))
                diagnostics.Warning(DiagnosticCodes.UnreachableBand, $"{name} (from {Show(low)} to below {Show(high)}) can never match: earlier bands cover its whole range.", step.Location);
            else if (step.AtLeast is not null && step.Below is not null && covered.Any(c => c.Low < high && low < c.High))
                diagnostics.Warning(DiagnosticCodes.OverlappingBand, $"{name} (from {Show(low)} to below {Show(high)}) overlaps an earlier band; the earlier band wins on the shared part.", step.Location);
            covered.Add((low, high));
            if (double.IsNegativeInfinity(low) && double.IsPositiveInfinity(high)) alwaysMatched = true;
        }
    }

    private static string Show(double value) => double.IsInfinity(value) ? (value > 0 ? "+∞" : "−∞") : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when [low, high) lies inside the union of the given half-open intervals.</summary>
    private static bool IsCovered(double low, double high, List<(double Low, double High)> intervals)
    {
        var position = low;
        foreach (var (l, h) in intervals.OrderBy(i => i.Low))
        {
            if (l > position) break;
            if (h > position) position = h;
            if (position >= high) return true;
        }
        return position >= high;
    }
}
