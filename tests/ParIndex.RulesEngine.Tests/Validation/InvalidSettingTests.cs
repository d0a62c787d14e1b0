using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>PAR0308: settings that pass the schema but contradict each other.</summary>
[TestClass]
public sealed class InvalidSettingTests
{
    // The input under test is alone on line 4 and opens at column 5.
    private const string WithInput = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [
            INPUT
          ],
          "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]
        }
        """;

    [TestMethod]
    [DataRow("""{ "name": "kind", "type": "enum" }""", "non-empty 'values'", DisplayName = "enum without values")]
    [DataRow("""{ "name": "n", "type": "number", "missing": "default", "default": "zero" }""", "'zero'", DisplayName = "default of the wrong type")]
    [DataRow("""{ "name": "k", "type": "enum", "values": ["so", "xa"], "missing": "default", "default": "huyen" }""", "allowed: so, xa", DisplayName = "enum default not among the values")]
    [DataRow("""{ "name": "m", "type": "number", "min": 5, "max": 1 }""", "min 5 above max 1", DisplayName = "min above max")]
    [DataRow("""{ "name": "b", "type": "bool", "missing": "allow" }""", "'allow'", DisplayName = "allow on a bool input")]
    [DataRow("""{ "name": "n", "type": "number", "missing": "default" }""", "no 'default' value", DisplayName = "default policy without a default")]
    [DataRow("""{ "name": "t", "type": "text", "min": 0 }""", "cannot have min or max", DisplayName = "min on a text input")]
    public void Contradicting_input_settings_are_errors_at_the_input(string input, string messagePart)
    {
        var error = Single(Errors(WithInput.Replace("INPUT", input, StringComparison.Ordinal)), DiagnosticCodes.InvalidSetting);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        AssertAt(error, 4, 5, "inputs[0]");
        AssertMessageContains(error, messagePart);
    }

    [TestMethod]
    public void Range_step_without_of_is_an_error_at_the_step()
    {
        // The bands have no "of"; the range step opens at line 6, column 29.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "bands": { "steps": [ { "atLeast": 1, "points": 1 } ] } }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.InvalidSetting);
        AssertAt(error, 6, 29, "criteria[0].bands.steps[0]");
        AssertMessageContains(error, "'of'");
    }

    [TestMethod]
    public void Default_that_is_never_used_is_only_a_warning()
    {
        var (success, diagnostics) = Check(WithInput.Replace("INPUT", """{ "name": "n", "type": "number", "default": 0 }""", StringComparison.Ordinal));
        Assert.IsTrue(success, Describe(diagnostics));
        var warning = Single(diagnostics, DiagnosticCodes.InvalidSetting);
        Assert.AreEqual(DiagnosticSeverity.Warning, warning.Severity);
        AssertAt(warning, 4, 5, "inputs[0]");
    }
}
