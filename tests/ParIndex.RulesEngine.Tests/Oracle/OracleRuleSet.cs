using System.Text.Json;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// The reference interpreter's own model of a rule file, read with System.Text.Json straight
/// from the JSON text (nothing from the engine's Definition stage), so a parsing bug of the
/// engine cannot hide in both.
/// </summary>
internal sealed record OracleRuleSet(
    int Precision,
    IReadOnlyList<OracleInput> Inputs,
    IReadOnlyList<OracleVariable> Variables,
    IReadOnlyList<OracleCriterion> Criteria,
    IReadOnlyList<OracleBand> Classification,
    string? GroupBy,
    IReadOnlyList<OracleEligibilityRule> Eligibility)
{
    /// <summary>Every criterion, parents before children (pre-order).</summary>
    public IEnumerable<OracleCriterion> All() => Criteria.SelectMany(c => c.Subtree());

    public static OracleRuleSet Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var precision = root.TryGetProperty("precision", out var p) ? p.GetInt32() : 2;
        var inputs = root.GetProperty("inputs").EnumerateArray().Select(ParseInput).ToList();
        var variables = root.TryGetProperty("variables", out var vs)
            ? vs.EnumerateArray().Select(v => new OracleVariable(v.GetProperty("name").GetString()!, OracleExpression.Parse(v.GetProperty("formula").GetString()!))).ToList()
            : [];
        var criteria = root.GetProperty("criteria").EnumerateArray().Select(c => ParseCriterion(c, null)).ToList();
        var classification = root.TryGetProperty("classification", out var cl)
            ? cl.EnumerateArray().Select(b => new OracleBand(b.GetProperty("label").GetString()!, b.GetProperty("minPercent").GetDouble())).ToList()
            : [];
        string? groupBy = root.TryGetProperty("ranking", out var r) && r.TryGetProperty("groupBy", out var g) ? g.GetString() : null;
        var eligibility = root.TryGetProperty("eligibility", out var el)
            ? el.EnumerateArray().Select(e => new OracleEligibilityRule(
                e.GetProperty("id").GetString()!,
                e.GetProperty("conditions").EnumerateArray().Select(c => (c.GetProperty("title").GetString()!, OracleExpression.Parse(c.GetProperty("when").GetString()!))).ToList())).ToList()
            : [];
        return new OracleRuleSet(precision, inputs, variables, criteria, classification, groupBy, eligibility);
    }

    private static OracleInput ParseInput(JsonElement e)
    {
        var type = e.GetProperty("type").GetString()!;
        var missing = e.TryGetProperty("missing", out var m) ? m.GetString()! : "error";
        object? fallback = null;
        if (e.TryGetProperty("default", out var d))
            fallback = d.ValueKind switch
            {
                JsonValueKind.Number => d.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => d.GetString(),
            };
        double? min = e.TryGetProperty("min", out var lo) ? lo.GetDouble() : null;
        double? max = e.TryGetProperty("max", out var hi) ? hi.GetDouble() : null;
        return new OracleInput(e.GetProperty("name").GetString()!, type, missing, fallback, min, max);
    }

    private static OracleCriterion ParseCriterion(JsonElement e, OracleCriterion? parent)
    {
        var kind = e.TryGetProperty("kind", out var k) ? k.GetString()! : "regular";
        var appliesTo = e.TryGetProperty("appliesTo", out var a) ? OracleExpression.Parse(a.GetString()!) : null;
        var criterion = new OracleCriterion(e.GetProperty("code").GetString()!, e.GetProperty("max").GetDouble(), kind, appliesTo, parent)
        {
            AppliesToText = appliesTo is null ? null : a.GetString(),
        };
        if (e.TryGetProperty("children", out var children))
            criterion.Children.AddRange(children.EnumerateArray().Select(c => ParseCriterion(c, criterion)));
        else if (e.TryGetProperty("formula", out var f))
            criterion.Scoring = new FormulaForm(OracleExpression.Parse(f.GetString()!));
        else if (e.TryGetProperty("yesNo", out var y))
            criterion.Scoring = new YesNoForm(OracleExpression.Parse(y.GetString()!));
        else if (e.TryGetProperty("proportional", out var pr))
            criterion.Scoring = new ProportionalForm(
                OracleExpression.Parse(pr.GetProperty("value").GetString()!),
                NumberOrFormula(pr.GetProperty("target")),
                pr.TryGetProperty("lowerIsBetter", out var lb) && lb.GetBoolean());
        else if (e.TryGetProperty("count", out var co))
            criterion.Scoring = new CountForm(OracleExpression.Parse(co.GetProperty("value").GetString()!), co.GetProperty("pointsPerItem").GetDouble());
        else if (e.TryGetProperty("bands", out var bands))
            criterion.Scoring = new BandsForm(
                bands.TryGetProperty("of", out var of) ? OracleExpression.Parse(of.GetString()!) : null,
                bands.GetProperty("steps").EnumerateArray().Select(s => new BandStepForm(
                    s.TryGetProperty("when", out var w) ? OracleExpression.Parse(w.GetString()!) : null,
                    s.TryGetProperty("atLeast", out var al) ? al.GetDouble() : null,
                    s.TryGetProperty("below", out var be) ? be.GetDouble() : null,
                    s.GetProperty("points").GetDouble())).ToList());
        else throw new FormatException($"criterion {criterion.Code} has no scoring form the oracle knows");
        return criterion;
    }

    private static OracleExpression NumberOrFormula(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? new NumberExpr(e.GetDouble()) : OracleExpression.Parse(e.GetString()!);
}

internal sealed record OracleInput(string Name, string Type, string Missing, object? Default, double? Min, double? Max);

internal sealed record OracleVariable(string Name, OracleExpression Formula);

internal sealed record OracleBand(string Label, double MinPercent);

internal sealed record OracleEligibilityRule(string Id, IReadOnlyList<(string Title, OracleExpression When)> Conditions);

/// <summary>One criterion of the tree with its parent link.</summary>
internal sealed class OracleCriterion(string code, double max, string kind, OracleExpression? appliesTo, OracleCriterion? parent)
{
    public string Code { get; } = code;
    public double Max { get; } = max;
    public string Kind { get; } = kind;
    public bool IsRegular => Kind == "regular";
    public OracleExpression? AppliesTo { get; } = appliesTo;
    /// <summary>The appliesTo formula as written in the file.</summary>
    public string? AppliesToText { get; init; }
    public OracleCriterion? Parent { get; } = parent;
    public List<OracleCriterion> Children { get; } = [];
    public OracleScoringForm? Scoring { get; set; }
    public bool IsLeaf => Children.Count == 0;

    public IEnumerable<OracleCriterion> Subtree() => Children.SelectMany(c => c.Subtree()).Prepend(this);

    /// <summary>Every expression of the criterion itself: appliesTo and its scoring form's formulas.</summary>
    public IEnumerable<OracleExpression> Expressions()
    {
        if (AppliesTo is not null) yield return AppliesTo;
        switch (Scoring)
        {
            case FormulaForm f: yield return f.Points; break;
            case YesNoForm y: yield return y.Condition; break;
            case ProportionalForm p: yield return p.Value; yield return p.Target; break;
            case CountForm c: yield return c.Value; break;
            case BandsForm b:
                if (b.Of is not null) yield return b.Of;
                foreach (var s in b.Steps) if (s.When is not null) yield return s.When;
                break;
        }
    }
}

internal abstract record OracleScoringForm;
internal sealed record FormulaForm(OracleExpression Points) : OracleScoringForm;
internal sealed record YesNoForm(OracleExpression Condition) : OracleScoringForm;
internal sealed record ProportionalForm(OracleExpression Value, OracleExpression Target, bool LowerIsBetter) : OracleScoringForm;
internal sealed record CountForm(OracleExpression Value, double PointsPerItem) : OracleScoringForm;
internal sealed record BandsForm(OracleExpression? Of, IReadOnlyList<BandStepForm> Steps) : OracleScoringForm;
internal sealed record BandStepForm(OracleExpression? When, double? AtLeast, double? Below, double Points);
