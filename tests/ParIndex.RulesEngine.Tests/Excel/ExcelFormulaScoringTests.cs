using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Excel;

/// <summary>
/// Excel-style formulas (formulaStyle "excel") score as the C# formula they stand for: each case
/// gives the Excel text, the C# subset text written by hand, and the values they must both give.
/// </summary>
[TestClass]
public sealed class ExcelFormulaScoringTests
{
    private const string Inputs = """
        [ { "name": "plan", "type": "number" },
          { "name": "kind", "type": "enum", "values": ["xa", "phuong"] },
          { "name": "ok", "type": "bool" },
          { "name": "n", "type": "number", "missing": "allow" },
          { "name": "note", "type": "text", "missing": "allow" } ]
        """;

    private static CompiledRuleSet Load(string formula, string style)
    {
        var json = RuleSets.Json(inputs: Inputs,
            criteria: $$"""[ { "code": "1", "title": "F", "max": 10, "formula": "{{Validation.RuleFileChecks.JsonEscape(formula)}}" } ]""");
        return RuleSets.LoadJson(json.Replace("\"version\": \"1\",", $"\"version\": \"1\", \"formulaStyle\": \"{style}\",", StringComparison.Ordinal));
    }

    private static double Points(CompiledRuleSet rules, double plan, string kind, bool ok, double? n = null, string? note = null) =>
        rules.ScoreOne(new Dictionary<string, object?> { ["plan"] = plan, ["kind"] = kind, ["ok"] = ok, ["n"] = n, ["note"] = note })["1"].Points;

    [TestMethod]
    // 0.95 > 0.90 → 10; 0.9 > 0.90 is false → 0 (90% is exactly 0.90, not 0.9000000001).
    [DataRow("IF(plan > 90%, 10, 0)", "plan > 0.9 ? 10 : 0", 0.95, "xa", true, 10.0, DisplayName = "IF and 90%, above")]
    [DataRow("IF(plan > 90%, 10, 0)", "plan > 0.9 ? 10 : 0", 0.9, "xa", true, 0.0, DisplayName = "IF and 90%, at the edge")]
    // 0.125 = 12.5% exactly in binary → 10.
    [DataRow("IF(plan = 12.5%, 10, 0)", "plan == 0.125 ? 10 : 0", 0.125, "xa", true, 10.0, DisplayName = "12.5% and = as comparison")]
    // plan 0.6 ≥ 0.5 and kind xa → 10; kind phuong → 5.
    [DataRow("IF(AND(plan >= 0.5, kind = 'xa'), 10, 5)", "plan >= 0.5 && kind == \"xa\" ? 10 : 5", 0.6, "xa", true, 10.0, DisplayName = "AND, 'text', both true")]
    [DataRow("IF(AND(plan >= 0.5, kind = 'xa'), 10, 5)", "plan >= 0.5 && kind == \"xa\" ? 10 : 5", 0.6, "phuong", true, 5.0, DisplayName = "AND, one false")]
    // NOT(true) false, kind <> "xa" false → 7; ok false → NOT true → 3.
    [DataRow("IF(OR(NOT(ok), kind <> \"xa\"), 3, 7)", "!ok || kind != \"xa\" ? 3 : 7", 0.0, "xa", true, 7.0, DisplayName = "OR, NOT, <>, both false")]
    [DataRow("IF(OR(NOT(ok), kind <> \"xa\"), 3, 7)", "!ok || kind != \"xa\" ? 3 : 7", 0.0, "xa", false, 3.0, DisplayName = "OR, NOT, <>, NOT true")]
    // Names and functions in any case, TRUE, a leading '=': round(0.74 × 10, 0) = 7.
    [DataRow("=if(OK = TRUE, ROUND(PLAN * 10, 0), 0)", "ok == true ? Round(plan * 10, 0) : 0", 0.74, "xa", true, 7.0, DisplayName = "any case, TRUE, leading =")]
    // Nested IFs: 0.55 is not > 0.8, is > 0.5 → 6.
    [DataRow("IF(plan > 0.8, 10, IF(plan > 0.5, 6, 0))", "plan > 0.8 ? 10 : plan > 0.5 ? 6 : 0", 0.55, "xa", true, 6.0, DisplayName = "nested IF")]
    public void Excel_formula_scores_as_its_csharp_form(string excel, string csharp, double plan, string kind, bool ok, double expected)
    {
        using var excelRules = Load(excel, "excel");
        using var csharpRules = Load(csharp, "csharp");
        Assert.AreEqual(expected, Points(csharpRules, plan, kind, ok), 1e-9, "the C# form");
        Assert.AreEqual(expected, Points(excelRules, plan, kind, ok), 1e-9, "the Excel form");
    }

    [TestMethod]
    // 20 ÷ 4 = 5 (finite, kept); 20 ÷ 0 = +∞ and a missing n (NaN) → the fallback 1.
    [DataRow(4.0, 5.0, DisplayName = "finite value kept")]
    [DataRow(0.0, 1.0, DisplayName = "infinity caught")]
    [DataRow(null, 1.0, DisplayName = "missing (NaN) caught")]
    public void IFERROR_catches_NaN_and_infinity(double? n, double expected)
    {
        using var rules = Load("IFERROR(20 / n, 1)", "excel");
        Assert.AreEqual(expected, Points(rules, 0, "xa", true, n), 1e-9);
    }

    [TestMethod]
    public void Text_keeps_backslashes_and_doubled_quotes()
    {
        // 'a\b''c' is the text a\b'c: the backslash is a character, the doubled quote one quote.
        using var rules = Load("IF(note = 'a\\b''c', 10, 0)", "excel");
        Assert.AreEqual(10.0, Points(rules, 0, "xa", true, note: "a\\b'c"), 1e-9);
        Assert.AreEqual(0.0, Points(rules, 0, "xa", true, note: "a\\b''c"), 1e-9);
    }

    [TestMethod]
    public void Csharp_style_is_unchanged_and_the_default()
    {
        // = is an assignment in C#: refused without formulaStyle excel.
        var json = RuleSets.Json(inputs: Inputs, criteria: """[ { "code": "1", "title": "F", "max": 10, "formula": "IF(plan > 0.5, 1, 0)" } ]""");
        var result = RuleSetLoader.TryLoadJson(json, "rules.json");
        Assert.IsNull(result.RuleSet);
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == Diagnostics.DiagnosticCodes.UnknownFunction), string.Join("\n", result.Diagnostics));
    }
}
