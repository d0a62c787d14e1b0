using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// Builds the immutable <see cref="RuleSetDefinition"/> from a document that has passed the
/// schema check. Every element keeps its source location for later diagnostics.
/// </summary>
internal sealed partial class DefinitionParser
{
    private readonly JsonSource _source;

    private DefinitionParser(JsonSource source) => _source = source;

    public static RuleSetDefinition Parse(JsonSource source) => new DefinitionParser(source).ParseRoot((JObject)source.Root);

    private RuleSetDefinition ParseRoot(JObject root)
    {
        var agency = root["agency"] as JObject;
        return new RuleSetDefinition
        {
            Id = Str(root, "id") ?? "",
            Title = Str(root, "title") ?? "",
            Version = Str(root, "version") ?? "",
            LegalBasis = Str(root, "legalBasis"),
            Description = Str(root, "description"),
            Precision = root["precision"]?.Value<int>() ?? 2,
            FormulaStyle = Str(root, "formulaStyle") == "excel" ? FormulaStyle.Excel : FormulaStyle.CSharp,
            Agency = new AgencyColumns(
                (agency is null ? null : Str(agency, "idColumn")) ?? "agencyId",
                (agency is null ? null : Str(agency, "nameColumn")) ?? "agencyName"),
            Inputs = Items(root, "inputs").Select(ParseInput).ToList(),
            Variables = Items(root, "variables").Select(ParseVariable).ToList(),
            Criteria = Items(root, "criteria").Select(ParseCriterion).ToList(),
            Classification = Items(root, "classification")
                .Select(b => new ClassificationBand(Str(b, "label") ?? "", Num(b, "minPercent") ?? 0, _source.LocationOf(b))).ToList(),
            Ranking = ParseRanking(root["ranking"] as JObject),
            Eligibility = Items(root, "eligibility").Select(ParseEligibility).ToList(),
            Metadata = root["metadata"] is JObject metadata ? ParseMetadata(metadata) : null,
            Tests = Items(root, "tests").Select(ParseTestCase).ToList(),
            Targets = Items(root, "targets")
                .Select(t => new TargetDefinition(Str(t, "code") ?? "", Num(t, "points") ?? 0, Str(t, "title"), Str(t, "description"), _source.LocationOf(t))).ToList(),
            SourceFile = _source.File,
        };
    }

    private InputDefinition ParseInput(JObject o)
    {
        var type = Enum.Parse<InputType>(Str(o, "type") ?? "number", ignoreCase: true);
        return new InputDefinition
        {
            Name = Str(o, "name") ?? "",
            Title = Str(o, "title"),
            Column = Str(o, "column"),
            ColumnLocation = o["column"] is { } column ? _source.StringAt(column).Start : null,
            Type = type,
            Unit = Str(o, "unit"),
            Min = Num(o, "min"),
            Max = Num(o, "max"),
            Values = o["values"] is JArray values ? values.Select(v => v.Value<string>() ?? "").ToList() : [],
            Missing = ParseMissing(Str(o, "missing")),
            Default = o["default"] is JValue d ? d.Value : null,
            Description = Str(o, "description"),
            Location = _source.LocationOf(o),
        };
    }

    private static MissingPolicy ParseMissing(string? text) => text switch
    {
        null => MissingPolicy.Error,
        "notApplicable" => MissingPolicy.NotApplicable,
        _ => Enum.Parse<MissingPolicy>(text, ignoreCase: true),
    };

    private VariableDefinition ParseVariable(JObject o) => new()
    {
        Name = Str(o, "name") ?? "",
        Title = Str(o, "title"),
        Type = Str(o, "type") == "bool" ? ValueKind.Bool : ValueKind.Number,
        Formula = FormulaAt(o, "formula")!,
        Description = Str(o, "description"),
        Location = _source.LocationOf(o),
    };

    private CriterionDefinition ParseCriterion(JObject o) => new()
    {
        Code = Str(o, "code") ?? "",
        Title = Str(o, "title") ?? "",
        Description = Str(o, "description"),
        MaxPoints = Num(o, "max") ?? 0,
        Kind = Str(o, "kind") is { } kind ? Enum.Parse<CriterionKind>(kind, ignoreCase: true) : CriterionKind.Regular,
        AppliesTo = FormulaAt(o, "appliesTo"),
        Responsible = o["responsible"] is JArray units ? units.Select(u => u.Value<string>() ?? "").ToList() : [],
        Scoring = ParseScoring(o),
        Children = Items(o, "children").Select(ParseCriterion).ToList(),
        Location = _source.LocationOf(o),
    };

    private ScoringRule? ParseScoring(JObject o)
    {
        if (FormulaAt(o, "formula") is { } formula) return new FormulaScoring(formula);
        if (FormulaAt(o, "yesNo") is { } condition) return new YesNoScoring(condition);
        if (o["proportional"] is JObject p)
            return new ProportionalScoring(FormulaAt(p, "value")!, FormulaAt(p, "target")!, p["lowerIsBetter"]?.Value<bool>() ?? false);
        if (o["count"] is JObject c)
            return new CountScoring(FormulaAt(c, "value")!, Num(c, "pointsPerItem") ?? 0);
        if (o["bands"] is JObject b)
            return new BandScoring(FormulaAt(b, "of"), Items(b, "steps").Select(ParseStep).ToList());
        return null;
    }

    private BandStep ParseStep(JObject o) =>
        new(FormulaAt(o, "when"), Num(o, "atLeast"), Num(o, "below"), Num(o, "points") ?? 0, Str(o, "label"), _source.LocationOf(o));

    private RankingDefinition ParseRanking(JObject? o)
    {
        if (o is null) return new RankingDefinition(null, new Dictionary<string, string>());
        var titles = o["groupTitles"] is JObject t
            ? t.Properties().ToDictionary(p => p.Name, p => p.Value.Value<string>() ?? p.Name)
            : new Dictionary<string, string>();
        return new RankingDefinition(Str(o, "groupBy"), titles, _source.LocationOf(o));
    }

    private EligibilityRule ParseEligibility(JObject o) => new(
        Str(o, "id") ?? "",
        Str(o, "title") ?? "",
        Str(o, "description"),
        Items(o, "conditions").Select(c => new EligibilityCondition(Str(c, "title") ?? "", FormulaAt(c, "when")!)).ToList(),
        _source.LocationOf(o));

    /// <summary>A formula property; numbers (as in a proportional target) become formula text.</summary>
    private Formula? FormulaAt(JObject o, string name)
    {
        var token = o[name];
        return token switch
        {
            null => null,
            JValue { Type: JTokenType.String } s => StringFormula(s),
            JValue { Type: JTokenType.Integer or JTokenType.Float } n =>
                new Formula(n.Value<double>().ToString("R", CultureInfo.InvariantCulture), _source.LocationOf(n)),
            _ => new Formula(token.ToString(), _source.LocationOf(token)),
        };
    }

    /// <summary>A formula written as a JSON string; keeps the written form when escapes make it differ, so columns stay exact.</summary>
    private Formula StringFormula(JValue token)
    {
        var text = token.Value<string>() ?? "";
        var (start, written) = _source.StringAt(token);
        return new Formula(text, start) { Written = written is null || written == text ? null : written };
    }

    private static IEnumerable<JObject> Items(JObject o, string name) =>
        o[name] is JArray array ? array.OfType<JObject>() : [];

    private static string? Str(JObject o, string name) => o[name] is JValue { Type: JTokenType.String } v ? v.Value<string>() : null;

    private static double? Num(JObject o, string name) =>
        o[name] is JValue { Type: JTokenType.Integer or JTokenType.Float } v ? v.Value<double>() : null;
}
