using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// The sandbox: formulas can compute and nothing else. Calls that C# would bind to inherited
/// object members must be rejected (as an unknown function, PAR0403, by the syntax check, or as
/// a sandbox violation, PAR0501, by the semantic check), and no text of the rule file other
/// than a formula may become code.
/// </summary>
[TestClass]
public sealed class SandboxTests
{
    [TestMethod]
    [DataRow("ReferenceEquals(a, b)", "ReferenceEquals")]
    [DataRow("Equals(a, b)", "Equals")]
    [DataRow("GetHashCode() == 0", "GetHashCode")]
    [DataRow("GetType() == GetType()", "GetType")]
    [DataRow("ToString() == a", "ToString")]
    [DataRow("MemberwiseClone() == a", "MemberwiseClone")]
    [DataRow("ProportionalPoints(1, 1, 1, false) > 0", "ProportionalPoints")]
    [DataRow("CountIf(true, 5) > 0", "CountIf")]
    public void Calls_outside_the_function_list_are_rejected_and_named(string condition, string function)
    {
        // ProportionalPoints and CountIf are public helpers of the generated code, not formula functions.
        var json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "a", "type": "text" }, { "name": "b", "type": "text" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "yesNo": "CONDITION" }
              ]
            }
            """.Replace("CONDITION", condition, StringComparison.Ordinal);
        var diagnostics = Errors(json);
        var rejection = diagnostics.FirstOrDefault(d =>
            d.Code is DiagnosticCodes.UnknownFunction or DiagnosticCodes.SandboxViolation &&
            d.Message.Contains(function, StringComparison.Ordinal));
        Assert.IsNotNull(rejection, $"expected PAR0403 or PAR0501 naming {function}; got: {Describe(diagnostics)}");
        // Line 6: "yesNo" in 7-13, opening quote 16; the call starts the condition: column 17.
        AssertAt(rejection, 6, 17, "criteria[0].yesNo");
    }

    [TestMethod]
    public void Text_comparison_with_equals_is_allowed()
    {
        // The string == operator is the one member of System.String formulas may use.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "a", "type": "text" }, { "name": "b", "type": "text" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "yesNo": "a == b && a != \"x\"" } ]
            }
            """;
        using var rules = RuleSetLoader.LoadJson(json, FileName);
        var batch = rules.CreateBatch();
        batch.Add("same", new Dictionary<string, object?> { ["a"] = "p", ["b"] = "p" });
        batch.Add("different", new Dictionary<string, object?> { ["a"] = "p", ["b"] = "q" });
        var report = rules.Score(batch.Build());
        Assert.AreEqual(1, report.Find("same")!.Total);
        Assert.AreEqual(0, report.Find("different")!.Total);
    }

    [TestMethod]
    public void Criterion_title_with_a_unicode_line_separator_does_not_become_code()
    {
        // C# ends a // comment at U+2028 as well as at \n. The title is written into a comment
        // of the generated kernel, so after the separator it must not be compiled as a statement.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "max": 1, "formula": "x",
                  "title": "A\u2028throw new System.InvalidOperationException(\"injected code ran\");//" }
              ]
            }
            """;
        var result = RuleSetLoader.TryLoadJson(json, FileName);
        using var rules = result.RuleSet;
        if (rules is null) return; // rejecting such a title is acceptable too
        var batch = rules.CreateBatch();
        batch.Add("A", new Dictionary<string, object?> { ["x"] = 1d });
        var report = rules.Score(batch.Build());
        Assert.AreEqual(1, report.Find("A")!.Total);
        Assert.AreEqual("A\u2028throw new System.InvalidOperationException(\"injected code ran\");//", rules.Criteria[0].Title);
    }

    [TestMethod]
    [DataRow("2019.1\nrev. 2", DisplayName = "line feed")]
    [DataRow("2019.1\u2028rev. 2", DisplayName = "U+2028 line separator")]
    public void Version_with_a_line_break_loads_and_is_kept(string version)
    {
        // "version" is free text in the schema; it must not reach the generated code as code.
        var json = """
            {
              "id": "t", "title": "T", "version": "VERSION",
              "inputs": [], "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]
            }
            """.Replace("VERSION", version.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u2028", "\\u2028", StringComparison.Ordinal), StringComparison.Ordinal);
        var (success, diagnostics) = Check(json);
        Assert.IsTrue(success, Describe(diagnostics));
        using var rules = RuleSetLoader.LoadJson(json, FileName);
        Assert.AreEqual(version, rules.Definition.Version);
    }
}
