using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

public sealed partial class ScoreReport
{
    /// <summary>Explains one criterion's points for one agency.</summary>
    /// <param name="agencyId">The agency.</param>
    /// <param name="code">The criterion code.</param>
    /// <param name="culture">The culture of every number in the explanation's texts; the invariant culture when null.</param>
    /// <exception cref="KeyNotFoundException">The agency was not scored or the code is unknown (the message suggests the closest).</exception>
    public CriterionExplanation Explain(string agencyId, string code, CultureInfo? culture = null)
    {
        RequireDetail("An explanation");
        var row = RowOf(agencyId);
        var node = NodeOf(code);
        var numbers = culture ?? CultureInfo.InvariantCulture;
        var max = _frame.MaxPoints[node.Index][row];
        var applicable = !double.IsNaN(max);
        var children = node.Children.Select(c => ScoreOf(_rules.Nodes[c], row)).ToList();
        var (reason, missingInput) = RecordedReason(node, row);
        var (compared, target) = RecordedComparison(node, row);
        return new CriterionExplanation
        {
            AgencyId = agencyId,
            Code = node.Code,
            Title = node.Definition.Title,
            ScoringForm = FormName(node.Definition.Scoring),
            Rule = RuleText(node, numbers),
            IsApplicable = applicable,
            NotApplicableReason = reason,
            MissingInput = missingInput,
            NotApplicableText = reason is { } why ? ReasonText(node, row, why, missingInput) : null,
            Values = ValuesRead(node, row),
            ComparedValue = compared,
            Target = target,
            MatchedBand = node.BandIndex >= 0 && applicable ? BandText(node, _frame.Bands[node.BandIndex][row], numbers) : null,
            PointsBeforeCap = node.IsLeaf ? _frame.Raw[node.LeafIndex][row] : SumOfChildren(node, row),
            Points = _frame.Points[node.Index][row],
            DeclaredMaxPoints = node.Max,
            ApplicableMaxPoints = applicable ? max : 0,
            Children = children,
            Culture = numbers,
        };
    }

    /// <summary>Explains every criterion of one agency, in tree order.</summary>
    /// <param name="agencyId">The agency.</param>
    /// <param name="culture">The culture of every number in the explanations' texts; the invariant culture when null.</param>
    public IReadOnlyList<CriterionExplanation> ExplainAll(string agencyId, CultureInfo? culture = null) =>
        _rules.Nodes.Select(n => Explain(agencyId, n.Code, culture)).ToList();

    private BoundNode NodeOf(string code) => _rules.Nodes.FirstOrDefault(n => n.Code == code)
        ?? throw new KeyNotFoundException(EngineText.Format("NoCriterionCode", code, NameSuggester.Hint(code, _rules.Nodes.Select(n => n.Code))));

    private double SumOfChildren(BoundNode node, int row) => node.Children.Sum(c =>
    {
        var child = _rules.Nodes[c];
        var points = _frame.Points[c][row];
        return child.Kind == CriterionKind.Penalty ? -points : points;
    });

    internal static string FormName(ScoringRule? scoring) => scoring switch
    {
        FormulaScoring => "formula",
        BandScoring => "bands",
        ProportionalScoring => "proportional",
        YesNoScoring => "yesNo",
        CountScoring => "count",
        _ => "sum of children",
    };

    internal static string RuleText(BoundNode node, IFormatProvider culture)
    {
        string Num(double value) => NumberText.Compact(value, culture);
        return node.Definition.Scoring switch
        {
            FormulaScoring f => f.Expression.Text,
            YesNoScoring y => $"{y.Condition.Text} ? {Num(node.Max)} : 0",
            ProportionalScoring p => p.LowerIsBetter
                ? $"{Num(node.Max)} × min(({p.Target.Text}) ÷ ({p.Value.Text}), 1)"
                : $"{Num(node.Max)} × min(({p.Value.Text}) ÷ ({p.Target.Text}), 1)",
            CountScoring c => EngineText.Format("ExplainAtMost", c.Value.Text, Num(c.PointsPerItem), Num(node.Max)),
            BandScoring b => string.Join("; ", b.Steps.Select((s, i) => $"{i + 1}) {StepText(b, s, culture)} → {Num(s.Points)}")) + EngineText.Get("ExplainOtherwise"),
            _ => EngineText.Get("ExplainSumOfChildren"),
        };
    }

    private static string StepText(BandScoring bands, BandStep step, IFormatProvider culture)
    {
        if (step.When is { } when) return when.Text;
        var of = bands.Of?.Text ?? EngineText.Get("ExplainValueWord");
        return (step.AtLeast, step.Below) switch
        {
            ({ } low, { } high) => $"{NumberText.Compact(low, culture)} ≤ {of} < {NumberText.Compact(high, culture)}",
            ({ } low, null) => $"{of} ≥ {NumberText.Compact(low, culture)}",
            (null, { } high) => $"{of} < {NumberText.Compact(high, culture)}",
            _ => of,
        };
    }

    private static string BandText(BoundNode node, int step, IFormatProvider culture)
    {
        if (step < 0) return EngineText.Get("ExplainNoBand");
        var bands = (BandScoring)node.Definition.Scoring!;
        var band = bands.Steps[step];
        return $"{step + 1}: {band.Label ?? StepText(bands, band, culture)} → {NumberText.Compact(band.Points, culture)}";
    }

    /// <summary>The names a criterion reads, then the inputs behind the variables it reads.</summary>
    private List<ExplainedValue> ValuesRead(BoundNode node, int row)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ExplainedValue>();
        var pending = new Queue<string>(node.DirectNames);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (!seen.Add(name)) continue;
            var input = _rules.Inputs.FirstOrDefault(i => i.Name == name);
            if (input is not null)
            {
                result.Add(new ExplainedValue(name, input.Definition.Title, "input", InputValue(input, row)));
                continue;
            }
            var variable = _rules.Variables.FirstOrDefault(v => v.Name == name);
            if (variable is null) continue;
            object value = variable.Definition.Type == ValueKind.Bool
                ? _frame.BoolVariables[variable.Slot][row]
                : _frame.NumberVariables[variable.Slot][row];
            result.Add(new ExplainedValue(name, variable.Definition.Title, "variable", value));
            foreach (var dependency in variable.Formula.Names) pending.Enqueue(dependency);
        }
        return result;
    }

    private object? InputValue(BoundInput input, int row)
    {
        if (_frame.Missing[input.Index].Length > row && _frame.Missing[input.Index][row]) return null;
        return input.Type switch
        {
            InputType.Number => _frame.Numbers[input.Slot][row],
            InputType.Bool => _frame.Bools[input.Slot][row],
            _ => _frame.Texts[input.Slot][row],
        };
    }
}
