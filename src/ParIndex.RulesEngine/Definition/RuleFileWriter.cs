using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// Writes a <see cref="RuleSetDefinition"/> as rule-file JSON, the form
/// <see cref="RuleSetLoader"/> reads. A definition built in code is loaded by writing it and
/// loading the text, so it passes the same schema check, binding and cache as a file; the JSON
/// paths of any diagnostic (<c>criteria[0].children[1].formula</c>) are the paths of the
/// definition's own lists. Optional parts left at their defaults are not written. Locations are
/// not part of the text.
/// </summary>
public static class RuleFileWriter
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        // Vietnamese titles stay readable; the text is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The rule-file JSON of <paramref name="definition"/> (UTF-8 text, indented, no byte-order mark).</summary>
    /// <param name="definition">The definition, parsed from a file or built in code.</param>
    /// <exception cref="ArgumentException">A value of a kind no rule file can hold (an input default or test value that is not a number, bool, string or null).</exception>
    public static string Write(RuleSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, Indented))
            Root(json, definition);
        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    private static void Root(Utf8JsonWriter json, RuleSetDefinition d)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("title", d.Title);
        json.WriteString("version", d.Version);
        Optional(json, "legalBasis", d.LegalBasis);
        Optional(json, "description", d.Description);
        json.WriteNumber("precision", d.Precision);
        if (d.FormulaStyle == FormulaStyle.Excel) json.WriteString("formulaStyle", "excel");
        if (d.Agency != new AgencyColumns("agencyId", "agencyName"))
        {
            json.WriteStartObject("agency");
            json.WriteString("idColumn", d.Agency.IdColumn);
            json.WriteString("nameColumn", d.Agency.NameColumn);
            json.WriteEndObject();
        }
        List(json, "inputs", d.Inputs, Input);
        List(json, "variables", d.Variables, Variable);
        json.WritePropertyName("criteria");
        json.WriteStartArray();
        foreach (var criterion in d.Criteria) Criterion(json, criterion);
        json.WriteEndArray();
        List(json, "classification", d.Classification, (w, band) =>
        {
            w.WriteStartObject();
            w.WriteString("label", band.Label);
            w.WriteNumber("minPercent", band.MinPercent);
            w.WriteEndObject();
        });
        Ranking(json, d.Ranking);
        List(json, "eligibility", d.Eligibility, Eligibility);
        if (d.Metadata is { } metadata) Metadata(json, metadata);
        List(json, "tests", d.Tests, RuleFileTestsWriter.TestCase);
        List(json, "targets", d.Targets, (w, target) =>
        {
            w.WriteStartObject();
            w.WriteString("code", target.Code);
            w.WriteNumber("points", target.Points);
            Optional(w, "title", target.Title);
            Optional(w, "description", target.Description);
            w.WriteEndObject();
        });
        json.WriteEndObject();
    }

    private static void Input(Utf8JsonWriter json, InputDefinition input)
    {
        json.WriteStartObject();
        json.WriteString("name", input.Name);
        Optional(json, "title", input.Title);
        Optional(json, "column", input.Column);
        json.WriteString("type", input.Type.ToString().ToLowerInvariant());
        Optional(json, "unit", input.Unit);
        if (input.Min is { } min) json.WriteNumber("min", min);
        if (input.Max is { } max) json.WriteNumber("max", max);
        if (input.Values.Count > 0)
        {
            json.WriteStartArray("values");
            foreach (var value in input.Values) json.WriteStringValue(value);
            json.WriteEndArray();
        }
        if (input.Missing != MissingPolicy.Error) json.WriteString("missing", MissingText(input.Missing));
        if (input.Default is not null)
        {
            json.WritePropertyName("default");
            Value(json, input.Default, $"input '{input.Name}' default");
        }
        Optional(json, "description", input.Description);
        json.WriteEndObject();
    }

    private static string MissingText(MissingPolicy policy) => policy switch
    {
        MissingPolicy.NotApplicable => "notApplicable",
        _ => policy.ToString().ToLowerInvariant(),
    };

    private static void Variable(Utf8JsonWriter json, VariableDefinition variable)
    {
        json.WriteStartObject();
        json.WriteString("name", variable.Name);
        Optional(json, "title", variable.Title);
        if (variable.Type == ValueKind.Bool) json.WriteString("type", "bool");
        json.WriteString("formula", variable.Formula?.Text);
        Optional(json, "description", variable.Description);
        json.WriteEndObject();
    }

    private static void Criterion(Utf8JsonWriter json, CriterionDefinition criterion)
    {
        json.WriteStartObject();
        json.WriteString("code", criterion.Code);
        json.WriteString("title", criterion.Title);
        Optional(json, "description", criterion.Description);
        json.WriteNumber("max", criterion.MaxPoints);
        if (criterion.Kind != CriterionKind.Regular) json.WriteString("kind", criterion.Kind.ToString().ToLowerInvariant());
        if (criterion.AppliesTo is { } applies) json.WriteString("appliesTo", applies.Text);
        if (criterion.Responsible.Count > 0)
        {
            json.WriteStartArray("responsible");
            foreach (var unit in criterion.Responsible) json.WriteStringValue(unit);
            json.WriteEndArray();
        }
        Scoring(json, criterion.Scoring);
        if (criterion.Children.Count > 0)
        {
            json.WriteStartArray("children");
            foreach (var child in criterion.Children) Criterion(json, child);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void Scoring(Utf8JsonWriter json, ScoringRule? scoring)
    {
        switch (scoring)
        {
            case null:
                return;
            case FormulaScoring f:
                json.WriteString("formula", f.Expression?.Text);
                return;
            case YesNoScoring y:
                json.WriteString("yesNo", y.Condition?.Text);
                return;
            case ProportionalScoring p:
                json.WriteStartObject("proportional");
                json.WriteString("value", p.Value?.Text);
                json.WriteString("target", p.Target?.Text);
                if (p.LowerIsBetter) json.WriteBoolean("lowerIsBetter", true);
                json.WriteEndObject();
                return;
            case CountScoring c:
                json.WriteStartObject("count");
                json.WriteString("value", c.Value?.Text);
                json.WriteNumber("pointsPerItem", c.PointsPerItem);
                json.WriteEndObject();
                return;
            case BandScoring b:
                json.WriteStartObject("bands");
                if (b.Of is { } of) json.WriteString("of", of.Text);
                json.WriteStartArray("steps");
                foreach (var step in b.Steps ?? []) Step(json, step);
                json.WriteEndArray();
                json.WriteEndObject();
                return;
            default:
                throw new ArgumentException($"A scoring rule of type {scoring.GetType().Name} cannot be written to a rule file.", nameof(scoring));
        }
    }

    private static void Step(Utf8JsonWriter json, BandStep step)
    {
        json.WriteStartObject();
        if (step.When is { } when) json.WriteString("when", when.Text);
        if (step.AtLeast is { } atLeast) json.WriteNumber("atLeast", atLeast);
        if (step.Below is { } below) json.WriteNumber("below", below);
        json.WriteNumber("points", step.Points);
        Optional(json, "label", step.Label);
        json.WriteEndObject();
    }

    private static void Ranking(Utf8JsonWriter json, RankingDefinition? ranking)
    {
        if (ranking is null || (ranking.GroupBy is null && ranking.GroupTitles.Count == 0)) return;
        json.WriteStartObject("ranking");
        Optional(json, "groupBy", ranking.GroupBy);
        if (ranking.GroupTitles.Count > 0)
        {
            json.WriteStartObject("groupTitles");
            foreach (var (group, title) in ranking.GroupTitles) json.WriteString(group, title);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Eligibility(Utf8JsonWriter json, EligibilityRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("title", rule.Title);
        Optional(json, "description", rule.Description);
        json.WriteStartArray("conditions");
        foreach (var condition in rule.Conditions ?? [])
        {
            json.WriteStartObject();
            json.WriteString("title", condition.Title);
            json.WriteString("when", condition.When?.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, RuleSetMetadata metadata)
    {
        json.WriteStartObject("metadata");
        Optional(json, "province", metadata.Province);
        Optional(json, "issuer", metadata.Issuer);
        Optional(json, "document", metadata.Document);
        Optional(json, "number", metadata.Number);
        Optional(json, "date", metadata.Date);
        Optional(json, "period", metadata.Period);
        if (metadata.OverallRank != OverallRankDisplay.Auto) json.WriteString("overallRank", metadata.OverallRank.ToString().ToLowerInvariant());
        json.WriteEndObject();
    }

    internal static void List<T>(Utf8JsonWriter json, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is not { Count: > 0 }) return;
        json.WriteStartArray(name);
        foreach (var item in items) write(json, item);
        json.WriteEndArray();
    }

    internal static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    /// <summary>A scalar as a rule file holds it: a number, bool, string or null.</summary>
    internal static void Value(Utf8JsonWriter json, object? value, string what)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case string s: json.WriteStringValue(s); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue((double)f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            default:
                throw new ArgumentException($"The {what} is {value} ({value.GetType().Name}); a rule file holds only finite numbers, true/false, text or null.", nameof(value));
        }
    }
}
