using System.Text;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Builds small rule files from their parts (each part is the JSON text of that property) and
/// loads them. Only <paramref name="criteria"/> is required; the header (id, title, version) is
/// filled in.
/// </summary>
internal static class RuleSets
{
    /// <summary>The JSON text of a rule file made of the given parts.</summary>
    public static string Json(
        string criteria,
        string inputs = "[]",
        string? variables = null,
        string? classification = null,
        string? ranking = null,
        string? eligibility = null,
        int? precision = null)
    {
        var json = new StringBuilder();
        json.AppendLine("{");
        json.AppendLine("""  "id": "test-rules", "title": "Test rules", "version": "1",""");
        if (precision is { } digits) json.AppendLine($"""  "precision": {digits},""");
        json.AppendLine($"""  "inputs": {inputs},""");
        if (variables is not null) json.AppendLine($"""  "variables": {variables},""");
        if (classification is not null) json.AppendLine($"""  "classification": {classification},""");
        if (ranking is not null) json.AppendLine($"""  "ranking": {ranking},""");
        if (eligibility is not null) json.AppendLine($"""  "eligibility": {eligibility},""");
        json.AppendLine($"""  "criteria": {criteria}""");
        json.AppendLine("}");
        return json.ToString();
    }

    /// <summary>Builds and loads a rule file; a rule problem fails with every diagnostic in the message.</summary>
    public static CompiledRuleSet Load(
        string criteria,
        string inputs = "[]",
        string? variables = null,
        string? classification = null,
        string? ranking = null,
        string? eligibility = null,
        int? precision = null) =>
        LoadJson(Json(criteria, inputs, variables, classification, ranking, eligibility, precision));

    /// <summary>Loads rule-file text; a rule problem fails with every diagnostic in the message.</summary>
    public static CompiledRuleSet LoadJson(string json)
    {
        var result = RuleSetLoader.TryLoadJson(json, "test-rules.json");
        if (result.RuleSet is null)
            throw new AssertFailedException("The test rule set did not load:" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())) + Environment.NewLine + json);
        return result.RuleSet;
    }

    /// <summary>Scores the given rows (agency id, values) in one batch.</summary>
    public static ScoreReport ScoreRows(this CompiledRuleSet rules, params (string Id, Dictionary<string, object?> Values)[] rows) =>
        rules.ScoreRows(null, rows);

    /// <summary>Scores the given rows (agency id, values) in one batch with the given options.</summary>
    public static ScoreReport ScoreRows(this CompiledRuleSet rules, ScoringOptions? options, params (string Id, Dictionary<string, object?> Values)[] rows)
    {
        var builder = rules.CreateBatch();
        foreach (var (id, values) in rows) builder.Add(id, values);
        return rules.Score(builder.Build(), options);
    }

    /// <summary>Scores a single agency "A" with the given values and returns its result.</summary>
    public static AgencyScore ScoreOne(this CompiledRuleSet rules, Dictionary<string, object?> values)
    {
        var report = rules.ScoreRows(("A", values));
        Assert.IsEmpty(report.RowErrors, string.Join("; ", report.RowErrors.Select(e => e.Message)));
        return report.Find("A") ?? throw new AssertFailedException("Agency A was not scored.");
    }

    /// <summary>No values at all (for rule sets without inputs).</summary>
    public static Dictionary<string, object?> NoValues() => new();
}
