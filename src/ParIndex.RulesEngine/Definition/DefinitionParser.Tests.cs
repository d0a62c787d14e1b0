using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Definition;

/// <summary>The optional <c>metadata</c> and <c>tests</c> sections; values keep their JSON type and location for the binder's checks.</summary>
internal sealed partial class DefinitionParser
{
    private RuleSetMetadata ParseMetadata(JObject o) => new()
    {
        Province = Str(o, "province"),
        Issuer = Str(o, "issuer"),
        Document = Str(o, "document"),
        Number = Str(o, "number"),
        Date = Str(o, "date"),
        Period = Str(o, "period"),
        OverallRank = Str(o, "overallRank") is { } display ? Enum.Parse<OverallRankDisplay>(display, ignoreCase: true) : OverallRankDisplay.Auto,
        Location = _source.LocationOf(o),
    };

    private RuleSetTestCase ParseTestCase(JObject o)
    {
        var expect = o["expect"] as JObject ?? new JObject();
        return new RuleSetTestCase
        {
            Name = Str(o, "name") ?? "",
            Source = Str(o, "source"),
            Agency = ParseTestAgency(o["agency"] as JObject ?? new JObject()),
            Others = Items(o, "others").Select(ParseTestAgency).ToList(),
            Expect = new TestExpectation
            {
                Criteria = Values(expect["criteria"] as JObject),
                Total = ValueAt(expect, "total"),
                MaxPoints = ValueAt(expect, "maxPoints"),
                Percent = ValueAt(expect, "percent"),
                Classification = ValueAt(expect, "classification"),
                Rank = ValueAt(expect, "rank"),
                Eligibility = Values(expect["eligibility"] as JObject),
                Location = _source.LocationOf(expect),
            },
            Location = _source.LocationOf(o),
        };
    }

    private TestAgency ParseTestAgency(JObject o) =>
        new(Str(o, "id") ?? "", Str(o, "name"), Values(o["inputs"] as JObject), _source.LocationOf(o));

    private List<TestValue> Values(JObject? o) =>
        o is null ? [] : o.Properties().Select(p => new TestValue(p.Name, Scalar(p.Value), _source.StartOf(p.Value))).ToList();

    private TestValue? ValueAt(JObject o, string name) =>
        o.Property(name) is { } p ? new TestValue(name, Scalar(p.Value), _source.StartOf(p.Value)) : null;

    /// <summary>A JSON scalar as a double, bool, string or null; anything else (the schema refuses it) as its text.</summary>
    private static object? Scalar(JToken token) => token switch
    {
        JValue { Type: JTokenType.Integer or JTokenType.Float } n => n.Value<double>(),
        JValue { Type: JTokenType.Boolean } b => b.Value<bool>(),
        JValue { Type: JTokenType.String } s => s.Value<string>(),
        JValue { Type: JTokenType.Null } => null,
        _ => token.ToString(),
    };
}
