using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results;

public sealed partial class ScoreReport
{
    /// <summary>
    /// Sets one criterion's result for one agency against its target: the value it compared, the
    /// target it had to reach, the verdict (matched band label) and the points.
    /// </summary>
    /// <param name="agencyId">The agency.</param>
    /// <param name="code">The criterion code.</param>
    /// <exception cref="KeyNotFoundException">The agency was not scored or the code is unknown.</exception>
    /// <remarks>
    /// The compared value is known when <c>bands.of</c> or <c>proportional.value</c> is a number
    /// literal or the name of a number input or variable: the kernel keeps inputs and variables,
    /// not the results of other expressions. Name the value as a variable to see it here.
    /// </remarks>
    public CriterionComparison Compare(string agencyId, string code)
    {
        var explanation = Explain(agencyId, code);
        var row = RowOf(agencyId);
        var node = _rules.Nodes.First(n => n.Code == code);
        var (value, target) = node.Definition.Scoring switch
        {
            BandScoring b => (b.Of is null ? null : NamedNumber(b.Of, row), TopStepText(b)),
            ProportionalScoring p => (NamedNumber(p.Value, row), ProportionalTarget(p, row)),
            YesNoScoring y => ((double?)null, y.Condition.Text),
            _ => (null, null),
        };
        return new CriterionComparison(code, explanation.Title, target, value, Verdict(node, row, explanation.IsApplicable),
            explanation.Points, explanation.ApplicableMax, explanation.IsApplicable);
    }

    /// <summary>The label of the matched band (or its range when unlabelled); null for other forms or when the criterion does not apply.</summary>
    private string? Verdict(BoundNode node, int row, bool applicable)
    {
        if (!applicable || node.BandIndex < 0) return null;
        var step = _frame.Bands[node.BandIndex][row];
        if (step < 0) return "no band";
        var bands = (BandScoring)node.Definition.Scoring!;
        return bands.Steps[step].Label ?? StepText(bands, bands.Steps[step]);
    }

    /// <summary>The target is what earns the most points: the best-paid step's range or condition.</summary>
    private static string TopStepText(BandScoring bands)
    {
        var top = bands.Steps.MaxBy(s => s.Points)!;
        // "share > 95" on "of": share reads as "> 95", like the range steps.
        if (top.When is { } when)
            return bands.Of is { } of && when.Text.StartsWith(of.Text + " ", StringComparison.Ordinal) ? when.Text[of.Text.Length..].Trim() : when.Text;
        return (top.AtLeast, top.Below) switch
        {
            ({ } low, null) => $"≥ {Num(low)}",
            (null, { } high) => $"< {Num(high)}",
            ({ } low, { } high) => $"{Num(low)} – < {Num(high)}",
            _ => "",
        };
    }

    /// <summary>Full points at or above the target, or at or below it when lower is better.</summary>
    private string ProportionalTarget(ProportionalScoring p, int row)
    {
        var target = NamedNumber(p.Target, row);
        var text = target is { } t ? Num(t) : p.Target.Text;
        return (p.LowerIsBetter ? "≤ " : "≥ ") + text;
    }

    /// <summary>
    /// The value of a formula that is a number literal or a number input or variable; null for
    /// other expressions, and when a not-applicable input it depends on is missing.
    /// </summary>
    private double? NamedNumber(Formula formula, int row)
    {
        var text = formula.Text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var literal)) return literal;
        if (_rules.Inputs.FirstOrDefault(i => i.Name == text && i.Type == InputType.Number) is { } input)
            return InputValue(input, row) as double?;
        if (_rules.Variables.FirstOrDefault(v => v.Name == text && v.Definition.Type == ValueKind.Number) is { } variable)
            return variable.NotApplicableInputs.Any(i => IsMissingInput(i, row)) ? null : _frame.NumberVariables[variable.Slot][row];
        return null;
    }
}

/// <summary>One criterion's result for one agency set against its target.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Target">What earns full points, e.g. "≥ 70" (bands: the best-paid step; proportional: the target), or null.</param>
/// <param name="Value">The value compared (bands: <c>of</c>; proportional: <c>value</c>), or null when unknown or missing.</param>
/// <param name="Verdict">The matched band's label (e.g. "Đạt"), or null for other forms and when the criterion does not apply.</param>
/// <param name="Points">Points achieved (0 when not applicable).</param>
/// <param name="MaxPoints">Applicable maximum (0 when not applicable).</param>
/// <param name="IsApplicable">False when the criterion does not apply to the agency.</param>
public sealed record CriterionComparison(
    string Code, string Title, string? Target, double? Value, string? Verdict, double Points, double MaxPoints, bool IsApplicable);
