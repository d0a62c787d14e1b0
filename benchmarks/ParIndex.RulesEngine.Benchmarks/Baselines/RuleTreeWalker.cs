using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>A node of the rule tree as a generic tool holds it: objects, formulas behind an interface.</summary>
public sealed class RuleNode
{
    /// <summary>Criterion code.</summary>
    public required string Code { get; init; }
    /// <summary>Max points.</summary>
    public required double Max { get; init; }
    /// <summary>appliesTo, or null.</summary>
    public IRowFormula? AppliesTo { get; init; }
    /// <summary>Children (empty for a leaf).</summary>
    public List<RuleNode> Children { get; } = new();
    /// <summary>Leaf scoring form.</summary>
    public string? Form { get; init; }
    /// <summary>The leaf's formula (value, of, yesNo or formula).</summary>
    public IRowFormula? Expression { get; init; }
    /// <summary>Proportional target.</summary>
    public double Target { get; init; }
    /// <summary>Proportional lowerIsBetter.</summary>
    public bool LowerIsBetter { get; init; }
    /// <summary>Band steps.</summary>
    public IReadOnlyList<BandStep> Steps { get; init; } = [];
}

/// <summary>
/// Scores one agency by walking the rule tree, reading every value from the agency's
/// dictionary: the shape of a spreadsheet-style tool. Used by the interpreter (c) with
/// tree-walking formulas and by the scripting baseline (b) with one compiled script per formula.
/// Same rules as the engine, so the totals are equal.
/// </summary>
public sealed class RuleTreeWalker
{
    private readonly List<RuleNode> _areas;
    private readonly List<(string Name, IRowFormula Formula)> _variables;
    private readonly double _rootMax;
    private readonly int _precision;

    /// <summary>Builds the tree from the scheme, turning each formula text into an <see cref="IRowFormula"/>.</summary>
    public RuleTreeWalker(SchemeSpec scheme, Func<string, bool, IRowFormula> compile)
    {
        _precision = scheme.Precision;
        _variables = scheme.Variables.Select(v => (v.Name, compile(v.Formula, v.IsBool))).ToList();
        _areas = new List<RuleNode>();
        foreach (var area in scheme.Areas)
        {
            var areaNode = new RuleNode { Code = area.Code, Max = area.Max };
            foreach (var criterion in area.Criteria)
            {
                var criterionNode = new RuleNode
                {
                    Code = criterion.Code, Max = criterion.Max,
                    AppliesTo = criterion.AppliesTo is { } applies ? compile(applies, true) : null,
                };
                foreach (var leaf in criterion.Leaves)
                {
                    criterionNode.Children.Add(new RuleNode
                    {
                        Code = leaf.Code, Max = leaf.Max, Form = leaf.Form,
                        Expression = compile(leaf.Expression, leaf.Form == "yesNo"),
                        Target = leaf.Parameter, LowerIsBetter = leaf.LowerIsBetter, Steps = leaf.Steps,
                    });
                }
                areaNode.Children.Add(criterionNode);
            }
            _areas.Add(areaNode);
        }
        _rootMax = _areas.Sum(a => a.Max);
    }

    /// <summary>Computes the variables into the row's values, then the total.</summary>
    public double ScoreRow(RowValues row, out double percent)
    {
        foreach (var (name, formula) in _variables) row.N[name] = formula.Eval(row);
        var sum = 0d;
        var maxSum = 0d;
        var all = true;
        var any = false;
        foreach (var area in _areas)
        {
            var (points, max) = Score(area, row, true);
            sum += points;
            if (double.IsNaN(max)) { all = false; continue; }
            any = true;
            maxSum += max;
        }
        var applicable = !any ? 0 : all ? _rootMax : Math.Min(_rootMax, maxSum);
        var total = any ? Round(Math.Clamp(sum, 0, applicable), _precision) : 0;
        percent = applicable > 0 ? Round(100 * total / applicable, _precision) : 0;
        return total;
    }

    /// <summary>Points and applicable max (NaN when the node does not apply).</summary>
    private (double Points, double Max) Score(RuleNode node, RowValues row, bool parentApplies)
    {
        var applies = parentApplies && (node.AppliesTo is null || node.AppliesTo.Eval(row) != 0);
        if (!applies) return (0, double.NaN);
        if (node.Children.Count == 0)
        {
            var raw = node.Form switch
            {
                "proportional" => Proportional(node.Expression!.Eval(row), node.Target, node.Max, node.LowerIsBetter),
                "bands" => Bands(node.Expression!.Eval(row), node.Steps),
                "yesNo" => node.Expression!.Eval(row) != 0 ? node.Max : 0,
                _ => node.Expression!.Eval(row),
            };
            if (!double.IsFinite(raw)) throw new InvalidOperationException($"Criterion {node.Code} gave no number.");
            return (Round(Math.Clamp(raw, 0, node.Max), _precision), node.Max);
        }
        var sum = 0d;
        var maxSum = 0d;
        var all = true;
        var any = false;
        foreach (var child in node.Children)
        {
            var (points, max) = Score(child, row, true);
            sum += points;
            if (double.IsNaN(max)) { all = false; continue; }
            any = true;
            maxSum += max;
        }
        if (!any) return (0, double.NaN);
        var applicable = all ? node.Max : Math.Min(node.Max, maxSum);
        return (Round(Math.Clamp(sum, 0, applicable), _precision), applicable);
    }

    private static double Proportional(double value, double target, double max, bool lowerIsBetter)
    {
        double share;
        if (lowerIsBetter) share = value <= 0 ? 1 : target / value;
        else share = target == 0 ? (value >= 0 ? 1 : 0) : value / target;
        return max * Math.Clamp(share, 0, 1);
    }

    private static double Bands(double of, IReadOnlyList<BandStep> steps)
    {
        foreach (var step in steps)
        {
            if (step.AtLeast is { } lo && !(of >= lo - 1e-9 * Math.Max(1, Math.Abs(lo)))) continue;
            if (step.Below is { } hi && !(of < hi - 1e-9 * Math.Max(1, Math.Abs(hi)))) continue;
            return step.Points;
        }
        return 0;
    }

    private static double Round(double x, int digits)
    {
        var scale = Math.Pow(10, digits);
        var scaled = Math.Abs(x) * scale;
        var rounded = Math.Floor(scaled + 0.5 + 1e-9 * Math.Max(1, scaled));
        return Math.CopySign(rounded / scale, x);
    }
}
