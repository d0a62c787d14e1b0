using System.Globalization;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// Why a criterion got the points it got, for one agency: the values it read, the value it
/// compared, how it scored, the points before and after caps, and whether it applied. Every fact
/// comes from what the kernel recorded while scoring; every number in its texts is written in
/// <see cref="Culture"/>.
/// </summary>
public sealed record CriterionExplanation
{
    /// <summary>Agency id.</summary>
    public required string AgencyId { get; init; }
    /// <summary>Criterion code.</summary>
    public required string Code { get; init; }
    /// <summary>Criterion title.</summary>
    public required string Title { get; init; }
    /// <summary>How it scores: formula, bands, proportional, yesNo, count, or sum of children.</summary>
    public required string ScoringForm { get; init; }
    /// <summary>
    /// The rule (formula, condition, target…): formulas as written in the rule file, numbers the
    /// engine adds (maxima, band edges) in <see cref="Culture"/>.
    /// </summary>
    public required string Rule { get; init; }
    /// <summary>False when the criterion does not apply; then it has no points and no max.</summary>
    public required bool IsApplicable { get; init; }
    /// <summary>Why it does not apply (null when it does), as the kernel recorded it.</summary>
    public NotApplicableReason? NotApplicableReason { get; init; }
    /// <summary>The missing input, when <see cref="NotApplicableReason"/> is <see cref="Results.NotApplicableReason.MissingInput"/>.</summary>
    public string? MissingInput { get; init; }
    /// <summary>Why it does not apply, as a sentence ("its parent 4 does not apply"); null when it applies.</summary>
    public string? NotApplicableText { get; init; }
    /// <summary>Inputs and variables the criterion reads, with this agency's values.</summary>
    public required IReadOnlyList<ExplainedValue> Values { get; init; }
    /// <summary>
    /// The value the criterion compared: the <c>of</c> value of bands, the <c>value</c> of
    /// proportional scoring, as the kernel computed it; for a criterion that does not apply, the
    /// value it would have compared. Null for other forms and for bands without <c>of</c>; NaN
    /// when the value is no number (it reads a missing input).
    /// </summary>
    public double? ComparedValue { get; init; }
    /// <summary>The target the value was compared with (proportional scoring), or null; NaN when it is no number.</summary>
    public double? Target { get; init; }
    /// <summary>The matched band (1-based) and its label, for band scoring.</summary>
    public string? MatchedBand { get; init; }
    /// <summary>Points before caps and rounding (leaves), or the uncapped sum of children (parents).</summary>
    public required double PointsBeforeCap { get; init; }
    /// <summary>Points after caps and rounding.</summary>
    public required double Points { get; init; }
    /// <summary>Declared maximum points.</summary>
    public required double DeclaredMaxPoints { get; init; }
    /// <summary>Applicable maximum points for this agency.</summary>
    public required double ApplicableMaxPoints { get; init; }
    /// <summary>Children's points, for a parent.</summary>
    public required IReadOnlyList<CriterionScore> Children { get; init; }
    /// <summary>The culture of every number in the texts (<see cref="Rule"/>, <see cref="MatchedBand"/>, <see cref="ToString"/>): the invariant culture unless the caller of Explain chose one.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>A readable multi-line account, every number in <see cref="Culture"/>, the words in the current UI culture (English or Vietnamese).</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            EngineText.Format("ExplainHeading", Code, Title, AgencyId),
            EngineText.Format("ExplainScoring", ScoringForm, Rule),
        };
        lines.AddRange(Values.Select(v => $"  {v.Name} = {v.Text(Culture)}{(v.Title is null ? "" : $"   ({v.Title})")}"));
        if (ComparedValue is { } compared)
            lines.Add(EngineText.Format("ExplainCompared", Number(compared)) + (Target is { } target ? EngineText.Format("ExplainTarget", Number(target)) : ""));
        if (MatchedBand is not null) lines.Add(EngineText.Format("ExplainMatchedBand", MatchedBand));
        lines.AddRange(Children.Select(c => $"  {c.Code} {c.Title}: {(c.IsApplicable ? $"{Number(c.Points)} / {Number(c.MaxPoints)}" : EngineText.Get("ExplainChildNotApplicable"))}"));
        lines.Add(IsApplicable
            ? EngineText.Format("ExplainPoints", Number(PointsBeforeCap), Number(Points), Number(ApplicableMaxPoints), Number(DeclaredMaxPoints))
            : EngineText.Format("ExplainNotApplicable", NotApplicableText));
        return string.Join(Environment.NewLine, lines);
    }

    private string Number(double value) => NumberText.Compact(value, Culture);
}

/// <summary>A value read by a criterion.</summary>
/// <param name="Name">Input or variable name.</param>
/// <param name="Title">Its title, when declared.</param>
/// <param name="Kind">"input" or "variable".</param>
/// <param name="Value">The value (double, bool or string; null when missing).</param>
public sealed record ExplainedValue(string Name, string? Title, string Kind, object? Value)
{
    /// <summary>The value as text in the invariant culture ("missing" when absent).</summary>
    public string Display => Format(CultureInfo.InvariantCulture);

    /// <summary>The value as text with numbers in <paramref name="culture"/> ("missing" when absent).</summary>
    /// <param name="culture">The culture of numbers.</param>
    public string Format(IFormatProvider culture) => Value switch
    {
        null => "missing",
        double d when double.IsNaN(d) => "missing",
        double d => NumberText.Compact(d, culture),
        bool b => b ? "true" : "false",
        _ => Value.ToString() ?? "",
    };

    /// <summary>The value for a person: as <see cref="Format"/>, but "missing", true and false in the current UI culture.</summary>
    internal string Text(IFormatProvider culture) => Value switch
    {
        null => EngineText.Get("ExplainMissing"),
        double d when double.IsNaN(d) => EngineText.Get("ExplainMissing"),
        bool b => EngineText.Get(b ? "ExplainTrue" : "ExplainFalse"),
        _ => Format(culture),
    };
}
