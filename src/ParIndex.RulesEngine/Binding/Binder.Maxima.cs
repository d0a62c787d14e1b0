using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    /// <summary>How far (relative) a max may be from the precision grid and still count as on it.</summary>
    private const double GridTolerance = 1e-9;

    /// <summary>The most steps of 10^-precision a sum of maxima may hold (4 million points at precision 2).</summary>
    internal const double MaxExactSteps = 4e8;

    /// <summary>
    /// Checks on declared maxima the kernel relies on. A max must lie on the precision grid:
    /// points are clamped to the max and then rounded, so with max 0.125 at precision 2 a leaf
    /// could score 0.13 (104 %). The maxima summed for a parent or for the total must stay within
    /// <see cref="MaxExactSteps"/> steps of 10^-precision: the kernel counts points in those steps
    /// as 64-bit integers, and the rounding rule (half away from zero with a relative tolerance of
    /// 1e-9) is exact only while that tolerance stays below half a step, i.e. below about 4.9e8
    /// steps. Beyond it a value on the grid would be pushed up a step and large counts would
    /// overflow, so such a rule file is refused rather than scored wrongly.
    /// </summary>
    private void CheckMaxima(IReadOnlyList<BoundNode> nodes)
    {
        var precision = _definition.Precision;
        var step = Math.Pow(10, -precision).ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        foreach (var node in nodes)
        {
            var scaled = node.Max * Math.Pow(10, precision);
            if (Math.Abs(scaled - Math.Round(scaled)) > GridTolerance * Math.Abs(scaled))
                _diagnostics.Add(DiagnosticCatalog.MaxOffPrecisionGrid, "Grid", node.Definition.Location, node.Code, Show(node.Max), step, precision);
        }
        foreach (var parent in nodes.Where(n => !n.IsLeaf))
            CheckSumOfMaxima(parent.Children.Select(c => nodes[c]).ToList(), EngineText.Format("MaxSumChildren", parent.Code), parent.Definition.Location);
        var tops = nodes.Where(n => n.Parent < 0).ToList();
        if (tops.Count > 0)
            CheckSumOfMaxima(tops, EngineText.Get("MaxSumTopLevel"), tops[0].Definition.Location with { JsonPath = "criteria" });
    }

    private void CheckSumOfMaxima(IReadOnlyList<BoundNode> criteria, string what, SourceLocation where)
    {
        var sum = 0d;
        foreach (var criterion in criteria) sum += criterion.Max;
        var scale = Math.Pow(10, _definition.Precision);
        if (sum * scale <= MaxExactSteps) return; // false for ∞ too
        const int shown = 8;
        var codes = string.Join(", ", criteria.Take(shown).Select(c => c.Code));
        if (criteria.Count > shown) codes = EngineText.Format("AndMore", codes, criteria.Count - shown);
        var precision = _definition.Precision.ToString(CultureInfo.InvariantCulture);
        _diagnostics.Add(DiagnosticCatalog.MaxSumOverflow, "Sum", where, what, codes, Show(sum), precision, Show(MaxExactSteps / scale), Show(MaxExactSteps));
    }

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
