using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    /// <summary>How far (relative) a max may be from the precision grid and still count as on it.</summary>
    private const double GridTolerance = 1e-9;

    /// <summary>
    /// Checks on declared maxima the kernel relies on. A max must lie on the precision grid:
    /// points are clamped to the max and then rounded, so with max 0.125 at precision 2 a leaf
    /// could score 0.13 (104 %). The maxima summed for a parent or for the total must stay finite
    /// (and the total's ×100 for the percent): an overflow to ∞ would reach the generated code.
    /// </summary>
    private void CheckMaxima(IReadOnlyList<BoundNode> nodes)
    {
        var precision = _definition.Precision;
        var step = Math.Pow(10, -precision).ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        foreach (var node in nodes)
        {
            var scaled = node.Max * Math.Pow(10, precision);
            if (Math.Abs(scaled - Math.Round(scaled)) > GridTolerance * Math.Abs(scaled))
                _diagnostics.Error(DiagnosticCodes.MaxOffPrecisionGrid,
                    $"Criterion {node.Code} has max {Show(node.Max)}, which is not a multiple of {step} (precision {precision}): its points are rounded to {precision} decimal(s) and could exceed it. " +
                    $"Use a max with at most {precision} decimal(s), or raise 'precision'.",
                    node.Definition.Location);
        }
        foreach (var parent in nodes.Where(n => !n.IsLeaf))
            CheckSumOfMaxima(parent.Children.Select(c => nodes[c]).ToList(), $"the children of criterion {parent.Code}", parent.Definition.Location, 1);
        var tops = nodes.Where(n => n.Parent < 0).ToList();
        if (tops.Count > 0)
            // The percent is 100 × total ÷ max: the ×100 must not overflow either.
            CheckSumOfMaxima(tops, "the top-level criteria", tops[0].Definition.Location with { JsonPath = "criteria" }, 100);
    }

    private void CheckSumOfMaxima(IReadOnlyList<BoundNode> criteria, string what, SourceLocation where, double factor)
    {
        var sum = 0d;
        foreach (var criterion in criteria) sum += criterion.Max;
        if (double.IsFinite(sum * factor)) return;
        const int shown = 8;
        var codes = string.Join(", ", criteria.Take(shown).Select(c => c.Code)) + (criteria.Count > shown ? $" and {criteria.Count - shown} more" : "");
        _diagnostics.Error(DiagnosticCodes.MaxSumOverflow,
            $"The maximum points of {what} ({codes}) add up to more than the largest number the engine can compute with ({Show(double.MaxValue / factor)}); use smaller maxima.",
            where);
    }

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
