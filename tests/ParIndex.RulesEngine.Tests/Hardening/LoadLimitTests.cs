using System.Text;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.HardeningRules;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Every limit of <see cref="RuleSetLoadOptions"/> stops an oversized rule file with one clear
/// diagnostic that names the option, never with an exception, a hang or a stack overflow.
/// </summary>
[TestClass]
public sealed class LoadLimitTests
{
    [TestMethod]
    public void Rule_text_larger_than_MaxFileBytes_is_refused_before_parsing()
    {
        var result = RuleSetLoader.TryLoadJson(WithFormula("a"), "big.json", new RuleSetLoadOptions { MaxFileBytes = 100 });
        AssertRefused(result, DiagnosticCodes.FileUnreadable, "RuleSetLoadOptions.MaxFileBytes");
    }

    [TestMethod]
    public void Rule_file_larger_than_MaxFileBytes_is_refused_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parindex-big-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, WithFormula("a"));
        try
        {
            var result = RuleSetLoader.TryLoadFile(path, new RuleSetLoadOptions { MaxFileBytes = 100 });
            AssertRefused(result, DiagnosticCodes.FileUnreadable, "RuleSetLoadOptions.MaxFileBytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Criteria_nested_past_MaxJsonDepth_get_a_diagnostic()
    {
        var result = RuleSetLoader.TryLoadJson(NestedCriteria(40), "deep.json");
        AssertRefused(result, DiagnosticCodes.MalformedJson, "RuleSetLoadOptions.MaxJsonDepth");
    }

    [TestMethod]
    public void Raising_MaxJsonDepth_admits_deeper_criteria()
    {
        var result = RuleSetLoader.TryLoadJson(NestedCriteria(40), "deep.json", new RuleSetLoadOptions { MaxJsonDepth = 100 });
        using var rules = result.RuleSet;
        Assert.IsNotNull(rules, Describe(result.Diagnostics));
        Assert.AreEqual(40, rules.Criteria.Count);
    }

    [TestMethod]
    [DataRow("[", DisplayName = "arrays")]
    [DataRow("{\"a\":", DisplayName = "objects")]
    public void JSON_nested_100000_deep_gets_a_diagnostic_not_a_stack_overflow(string opener)
    {
        var json = new StringBuilder().Insert(0, opener, 100_000).ToString();
        var result = RuleSetLoader.TryLoadJson(json, "deep.json");
        AssertRefused(result, DiagnosticCodes.MalformedJson, "MaxJsonDepth");
    }

    [TestMethod]
    public void More_criteria_than_MaxCriteria_are_refused()
    {
        var result = RuleSetLoader.TryLoadJson(NestedCriteria(3), "many.json", new RuleSetLoadOptions { MaxCriteria = 2 });
        AssertRefused(result, DiagnosticCodes.InvalidSetting, "RuleSetLoadOptions.MaxCriteria");
    }

    [TestMethod]
    public void More_inputs_and_variables_than_MaxNames_are_refused()
    {
        var result = RuleSetLoader.TryLoadJson(WithFormula("a"), "many.json", new RuleSetLoadOptions { MaxNames = 3 });
        AssertRefused(result, DiagnosticCodes.InvalidSetting, "RuleSetLoadOptions.MaxNames");
    }

    [TestMethod]
    public void A_formula_longer_than_MaxFormulaLength_is_refused_naming_the_criterion()
    {
        var result = RuleSetLoader.TryLoadJson(WithFormula("a + b + a + b + a + b"), "long.json", new RuleSetLoadOptions { MaxFormulaLength = 10 });
        AssertRefused(result, DiagnosticCodes.FormulaSyntax, "criterion H is 21 characters long; the limit is 10");
    }

    [TestMethod]
    public void A_formula_nested_deeper_than_MaxExpressionDepth_is_refused_naming_the_criterion()
    {
        var result = RuleSetLoader.TryLoadJson(WithFormula("Abs(Abs(Abs(Abs(a))))"), "deep.json", new RuleSetLoadOptions { MaxExpressionDepth = 3 });
        AssertRefused(result, DiagnosticCodes.ForbiddenConstruct, "criterion H is nested deeper than 3 levels");
    }

    [TestMethod]
    public void A_formula_of_100000_parentheses_gets_a_diagnostic_not_a_stack_overflow()
    {
        var formula = new string('(', 100_000) + "a" + new string(')', 100_000);
        var result = RuleSetLoader.TryLoadJson(WithFormula(formula), "deep.json", new RuleSetLoadOptions { MaxFormulaLength = int.MaxValue });
        Assert.IsNull(result.RuleSet);
        Assert.IsTrue(result.Diagnostics.Any(d => d.IsError && FormulaRejectionCodes.Contains(d.Code) && d.Message.Contains("criterion H", StringComparison.Ordinal)), Describe(result.Diagnostics));
    }

    [TestMethod]
    [DataRow("paren", DisplayName = "1,000 parentheses")]
    [DataRow("generic", DisplayName = "660 nested type arguments")]
    [DataRow("interpolation", DisplayName = "400 nested interpolated strings")]
    [DataRow("comparisons", DisplayName = "1,000 chained '<'")]
    public void Deep_formulas_within_the_length_limit_are_refused_even_from_a_256_KiB_thread(string kind)
    {
        // Roslyn's parser overflows a 512 KiB stack on these (measured); loads run on their own large stack.
        var formula = kind switch
        {
            "paren" => new string('(', 1000) + "a" + new string(')', 999),
            "generic" => "typeof(" + string.Concat(Enumerable.Repeat("A<", 660)) + "a" + new string('>', 660) + ")",
            "interpolation" => string.Concat(Enumerable.Repeat("$\"{", 400)) + "a" + string.Concat(Enumerable.Repeat("}\"", 399)),
            _ => "a" + string.Concat(Enumerable.Repeat("<a", 999)),
        };
        RuleSetLoadResult? result = null;
        var thread = new Thread(() => result = RuleSetLoader.TryLoadJson(WithFormula(formula), "deep.json"), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.IsNotNull(result);
        AssertRefused(result, DiagnosticCodes.ForbiddenConstruct, "criterion H is nested deeper than 64 levels");
    }

    [TestMethod]
    public void A_compilation_over_MaxCompileTime_gives_a_diagnostic_not_an_exception()
    {
        var result = RuleSetLoader.TryLoadJson(WithFormula("a"), "slow.json", new RuleSetLoadOptions { MaxCompileTime = TimeSpan.Zero });
        AssertRefused(result, DiagnosticCodes.CompilationFailed, "RuleSetLoadOptions.MaxCompileTime");
    }

    [TestMethod]
    public void The_defaults_are_documented_values()
    {
        var defaults = RuleSetLoadOptions.Default;
        Assert.AreEqual(4L * 1024 * 1024, defaults.MaxFileBytes);
        Assert.AreEqual(64, defaults.MaxJsonDepth);
        Assert.AreEqual(2000, defaults.MaxFormulaLength);
        Assert.AreEqual(64, defaults.MaxExpressionDepth);
        Assert.AreEqual(5000, defaults.MaxCriteria);
        Assert.AreEqual(5000, defaults.MaxNames);
        Assert.AreEqual(TimeSpan.FromSeconds(30), defaults.MaxCompileTime);
    }

    /// <summary>A chain of criteria, each the only child of the one before; the innermost scores 1.</summary>
    internal static string NestedCriteria(int depth)
    {
        var criterion = """{ "code": "C0", "title": "Leaf", "max": 1, "formula": "1" }""";
        for (var level = 1; level < depth; level++)
            criterion = $$"""{ "code": "C{{level}}", "title": "Level {{level}}", "max": 1, "children": [ {{criterion}} ] }""";
        return $$"""{ "id": "nested", "title": "Nested", "version": "1", "inputs": [], "criteria": [ {{criterion}} ] }""";
    }

    private static void AssertRefused(RuleSetLoadResult result, string code, string messagePart)
    {
        result.RuleSet?.Dispose();
        Assert.IsNull(result.RuleSet);
        Assert.IsTrue(result.Diagnostics.Any(d => d.IsError && d.Code == code && d.Message.Contains(messagePart, StringComparison.Ordinal)),
            $"expected {code} mentioning '{messagePart}':{Environment.NewLine}{Describe(result.Diagnostics)}");
    }
}
