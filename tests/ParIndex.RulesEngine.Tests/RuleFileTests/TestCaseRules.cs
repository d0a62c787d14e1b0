namespace ParIndex.RulesEngine.Tests.RuleFileTests;

/// <summary>
/// A small scheme whose "tests" section is filled in by each test. Hand calculations:
/// plan 0.9 → 1.1 = 6 × 0.9 = 5.4; reports true → 1.2 = 4; online 0.3 → 2.1 = 10 × 0.3 / 0.5 = 6;
/// total 15.4 / 20 = 77% → "Khá". Plan 1, reports true, online 0.5 → 20 / 20 = 100% → "Tốt", rank 1.
/// Online missing → area 2 does not apply: 9.4 / 10 = 94% → "Tốt".
/// </summary>
internal static class TestCaseRules
{
    public const string Template = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "xa"] },
            { "name": "plan", "type": "number", "min": 0, "max": 1 },
            { "name": "reports", "type": "bool" },
            { "name": "online", "type": "number", "min": 0, "max": 1, "missing": "notApplicable" }
          ],
          "criteria": [
            { "code": "1", "title": "A", "max": 10, "children": [
              { "code": "1.1", "title": "Plan", "max": 6, "proportional": { "value": "plan", "target": 1 } },
              { "code": "1.2", "title": "Reports", "max": 4, "yesNo": "reports" } ] },
            { "code": "2", "title": "B", "max": 10, "children": [
              { "code": "2.1", "title": "Online", "max": 10, "proportional": { "value": "online", "target": 0.5 } } ] }
          ],
          "classification": [ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 70 }, { "label": "Yếu", "minPercent": 0 } ],
          "eligibility": [ { "id": "top", "title": "First of its group", "conditions": [ { "title": "rank 1", "when": "rank == 1" } ] } ],
          "tests": [
        TESTS
          ]
        }
        """;

    /// <summary>The agency of the hand calculation above: 15.4 points, 77%, "Khá".</summary>
    public const string Agency = """{ "id": "A", "name": "Sở A", "inputs": { "kind": "so", "plan": 0.9, "reports": true, "online": 0.3 } }""";

    /// <summary>A full-marks agency (20 / 20).</summary>
    public const string Best = """{ "id": "B", "inputs": { "kind": "so", "plan": 1, "reports": true, "online": 0.5 } }""";

    public static string With(params string[] tests) => Template.Replace("TESTS", string.Join(",\n", tests), StringComparison.Ordinal);

    public static string Case(string name, string expect, string agency = Agency, string? others = null) =>
        $$"""    { "name": "{{name}}", "agency": {{agency}},{{(others is null ? "" : $" \"others\": [{others}],")}} "expect": {{expect}} }""";

    /// <summary>1-based line and column of the first occurrence of <paramref name="marker"/> in <paramref name="json"/>.</summary>
    public static (int Line, int Column) Position(string json, string marker)
    {
        var index = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, index, $"marker {marker} not in the rule file");
        var before = json[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }
}
