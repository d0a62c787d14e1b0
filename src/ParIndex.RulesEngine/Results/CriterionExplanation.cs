namespace ParIndex.RulesEngine.Results;

/// <summary>
/// Why a criterion got the points it got, for one agency: the values it read, how it scored,
/// the points before and after caps, and whether it applied.
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
    /// <summary>The rule text (formula, condition, target…) as written in the rule file.</summary>
    public required string Rule { get; init; }
    /// <summary>False when the criterion does not apply; then it has no points and no max.</summary>
    public required bool IsApplicable { get; init; }
    /// <summary>Why it does not apply, when it does not.</summary>
    public string? NotApplicableReason { get; init; }
    /// <summary>Inputs and variables the criterion reads, with this agency's values.</summary>
    public required IReadOnlyList<ExplainedValue> Values { get; init; }
    /// <summary>The matched band (1-based) and its label, for band scoring.</summary>
    public string? MatchedBand { get; init; }
    /// <summary>Points before caps and rounding (leaves), or the uncapped sum of children (parents).</summary>
    public required double PointsBeforeCap { get; init; }
    /// <summary>Points after caps and rounding.</summary>
    public required double Points { get; init; }
    /// <summary>Declared maximum.</summary>
    public required double DeclaredMax { get; init; }
    /// <summary>Applicable maximum for this agency.</summary>
    public required double ApplicableMax { get; init; }
    /// <summary>Children's points, for a parent.</summary>
    public required IReadOnlyList<CriterionScore> Children { get; init; }

    /// <summary>A readable multi-line account.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            $"{Code} {Title} — agency {AgencyId}",
            $"  scoring: {ScoringForm}: {Rule}",
        };
        lines.AddRange(Values.Select(v => $"  {v.Name} = {v.Display}{(v.Title is null ? "" : $"   ({v.Title})")}"));
        if (MatchedBand is not null) lines.Add($"  matched band: {MatchedBand}");
        lines.AddRange(Children.Select(c => $"  {c.Code} {c.Title}: {(c.IsApplicable ? $"{c.Points:0.##} / {c.MaxPoints:0.##}" : "not applicable")}"));
        lines.Add(IsApplicable
            ? $"  points: {PointsBeforeCap:0.######} before cap → {Points:0.##} of {ApplicableMax:0.##} (declared max {DeclaredMax:0.##})"
            : $"  not applicable: {NotApplicableReason}");
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>A value read by a criterion.</summary>
/// <param name="Name">Input or variable name.</param>
/// <param name="Title">Its title, when declared.</param>
/// <param name="Kind">"input" or "variable".</param>
/// <param name="Value">The value (double, bool or string; null when missing).</param>
public sealed record ExplainedValue(string Name, string? Title, string Kind, object? Value)
{
    /// <summary>The value as text ("missing" when absent).</summary>
    public string Display => Value switch
    {
        null => "missing",
        double d when double.IsNaN(d) => "missing",
        double d => d.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Value.ToString() ?? "",
    };
}
