using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

public sealed partial class ScoreReport
{
    /// <summary>
    /// Sets one criterion's result for one agency against its target: the value it compared, the
    /// target it had to reach, the verdict (matched band label) and the points.
    /// </summary>
    /// <param name="agencyId">The agency.</param>
    /// <param name="code">The criterion code.</param>
    /// <param name="culture">The culture of the numbers in <see cref="CriterionComparison.Target"/> and the verdict; the invariant culture when null.</param>
    /// <exception cref="KeyNotFoundException">The agency was not scored or the code is unknown.</exception>
    /// <remarks>
    /// The compared value and the proportional target are the ones the kernel computed and
    /// recorded while scoring, whatever expression <c>bands.of</c>, <c>proportional.value</c> or
    /// <c>proportional.target</c> is.
    /// </remarks>
    public CriterionComparison Compare(string agencyId, string code, CultureInfo? culture = null)
    {
        var numbers = culture ?? CultureInfo.InvariantCulture;
        var explanation = Explain(agencyId, code, numbers);
        var row = RowOf(agencyId);
        var node = NodeOf(code);
        var compared = Known(explanation.ComparedValue);
        var (value, target) = node.Definition.Scoring switch
        {
            BandScoring b => (compared, TopStepText(b, numbers)),
            ProportionalScoring p => (compared, ProportionalTarget(p, Known(explanation.Target), numbers)),
            YesNoScoring y => ((double?)null, y.Condition.Text),
            _ => (null, null),
        };
        return new CriterionComparison(code, explanation.Title, target, value, Verdict(node, row, explanation.IsApplicable, numbers),
            explanation.Points, explanation.ApplicableMaxPoints, explanation.IsApplicable);
    }

    /// <summary>A recorded value that is a number; null when none was recorded or it is NaN (missing).</summary>
    private static double? Known(double? value) => value is { } v && !double.IsNaN(v) ? v : null;

    /// <summary>The label of the matched band (or its range when unlabelled); null for other forms or when the criterion does not apply.</summary>
    private string? Verdict(BoundNode node, int row, bool applicable, IFormatProvider culture)
    {
        if (!applicable || node.BandIndex < 0) return null;
        var step = _frame.Bands[node.BandIndex][row];
        if (step < 0) return EngineText.Get("VerdictNoBand");
        var bands = (BandScoring)node.Definition.Scoring!;
        return bands.Steps[step].Label ?? StepText(bands, bands.Steps[step], culture);
    }

    /// <summary>The target is what earns the most points: the best-paid step's range or condition.</summary>
    private static string TopStepText(BandScoring bands, IFormatProvider culture)
    {
        var top = bands.Steps.MaxBy(s => s.Points)!;
        // "share > 95" on "of": share reads as "> 95", like the range steps.
        if (top.When is { } when)
            return bands.Of is { } of && when.Text.StartsWith(of.Text + " ", StringComparison.Ordinal) ? when.Text[of.Text.Length..].Trim() : when.Text;
        return (top.AtLeast, top.Below) switch
        {
            ({ } low, null) => $"≥ {NumberText.Compact(low, culture)}",
            (null, { } high) => $"< {NumberText.Compact(high, culture)}",
            ({ } low, { } high) => $"{NumberText.Compact(low, culture)} – < {NumberText.Compact(high, culture)}",
            _ => "",
        };
    }

    /// <summary>Full points at or above the target, or at or below it when lower is better; the formula text when no target was computed.</summary>
    private static string ProportionalTarget(ProportionalScoring p, double? recorded, IFormatProvider culture) =>
        (p.LowerIsBetter ? "≤ " : "≥ ") + (recorded is { } t ? NumberText.Compact(t, culture) : p.Target.Text);
}

/// <summary>One criterion's result for one agency set against its target.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title.</param>
/// <param name="Target">What earns full points, e.g. "≥ 70" (bands: the best-paid step; proportional: the target), or null.</param>
/// <param name="Value">The value compared (bands: <c>of</c>; proportional: <c>value</c>) as the kernel computed it, also when the criterion does not apply; null for other forms, for bands without <c>of</c>, and when the value is no number (it reads a missing input).</param>
/// <param name="Verdict">The matched band's label (e.g. "Đạt"), or null for other forms and when the criterion does not apply.</param>
/// <param name="Points">Points achieved (0 when not applicable).</param>
/// <param name="MaxPoints">Applicable maximum (0 when not applicable).</param>
/// <param name="IsApplicable">False when the criterion does not apply to the agency.</param>
public sealed record CriterionComparison(
    string Code, string Title, string? Target, double? Value, string? Verdict, double Points, double MaxPoints, bool IsApplicable);
