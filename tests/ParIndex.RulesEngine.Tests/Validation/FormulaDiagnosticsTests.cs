using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// Formula checks: type errors found by the compiler and mapped back to the criterion and the
/// column inside the formula (PAR0404), constructs outside the formula language (PAR0402),
/// syntax errors (PAR0401) and misused group aggregates (PAR0405).
/// </summary>
[TestClass]
public sealed class FormulaDiagnosticsTests
{
    // Criterion 1's formula is alone on line 6: six spaces, "formula" in 7-15, ':' 16, space 17,
    // opening quote 18, so offset k inside the formula is column 19 + k.
    private const string FormulaCriterion = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number" }, { "name": "s", "type": "text" }, { "name": "ok", "type": "bool" } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 1,
              "formula": "FORMULA" }
          ]
        }
        """;

    // The variable's formula is on line 5: four spaces, '{' 5, "name": "v", "formula" in 20-28,
    // ':' 29, space 30, opening quote 31, so offset k is column 32 + k.
    private const string FormulaVariable = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number" } ],
          "variables": [
            { "name": "v", "formula": "FORMULA" }
          ],
          "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "x" } ]
        }
        """;

    private static string InCriterion(string formula) => FormulaCriterion.Replace("FORMULA", JsonEscape(formula), StringComparison.Ordinal);

    private static string InVariable(string formula) => FormulaVariable.Replace("FORMULA", JsonEscape(formula), StringComparison.Ordinal);

    [TestMethod]
    [DataRow("x + true", 0, "'+'", DisplayName = "x + true: the whole sum, offset 0")]
    [DataRow("2 * (x + true)", 5, "'+'", DisplayName = "2 * (x + true): the inner sum, offset 5")]
    [DataRow("1 + Ratio(s, 2)", 10, "Argument 1", DisplayName = "text argument to Ratio, offset 10")]
    [DataRow("x > 1", 0, "true/false where a number is needed", DisplayName = "a bool where points are expected")]
    public void Type_error_is_mapped_to_the_criterion_and_the_column_inside_the_formula(string formula, int offset, string messagePart)
    {
        // First, not Single: Type_error_is_reported_once checks the count.
        var error = First(Errors(InCriterion(formula)), DiagnosticCodes.FormulaType);
        AssertAt(error, 6, 19 + offset, "criteria[0].formula");
        AssertMessageContains(error, messagePart, formula);
    }

    [TestMethod]
    public void Type_error_is_reported_once()
    {
        var diagnostics = Errors(InCriterion("x + true"));
        Assert.AreEqual(1, diagnostics.Count, "one mistake, one diagnostic: " + Describe(diagnostics));
    }

    [TestMethod]
    public void Wrong_number_of_arguments_is_a_type_error_at_the_call()
    {
        // "1 + " is offsets 0-3; the call to Round starts at offset 4: column 23.
        var error = Single(Errors(InCriterion("1 + Round(x, 1, 2)")), DiagnosticCodes.FormulaType);
        AssertAt(error, 6, 23, "criteria[0].formula");
        AssertMessageContains(error, "Round takes 1 or 2 argument(s), not 3");
    }

    [TestMethod]
    public void Bool_variable_with_a_number_formula_is_a_type_error_at_the_variable()
    {
        // Line 4: "variables" in 3-13, then '[' 16, '{' 18, "name" 20-25, "ok2" 28-32,
        // "type" 35-40, "bool" 43-48, "formula" 51-59, ':' 60, space 61, quote 62: column 63.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "variables": [ { "name": "ok2", "type": "bool", "formula": "x + 1" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "x" } ]
            }
            """;
        var error = First(Errors(json), DiagnosticCodes.FormulaType);
        AssertAt(error, 4, 63, "variables[0].formula");
    }

    [TestMethod]
    public void YesNo_with_a_number_formula_is_a_type_error_at_the_yesNo()
    {
        // Line 6: six spaces, "yesNo" in 7-13, ':' 14, space 15, opening quote 16: column 17.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "yesNo": "x * 2" }
              ]
            }
            """;
        var diagnostics = Errors(json);
        var error = First(diagnostics, DiagnosticCodes.FormulaType);
        AssertAt(error, 6, 17, "criteria[0].yesNo");
        Assert.IsFalse(diagnostics.Any(d => d.Code == DiagnosticCodes.CompilationFailed), Describe(diagnostics));
    }

    [TestMethod]
    public void AppliesTo_with_a_number_formula_is_a_type_error_at_the_appliesTo()
    {
        // Line 6: six spaces, "appliesTo" in 7-17, ':' 18, space 19, opening quote 20: column 21.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1, "formula": "x",
                  "appliesTo": "x" }
              ]
            }
            """;
        var diagnostics = Errors(json);
        var error = First(diagnostics, DiagnosticCodes.FormulaType);
        AssertAt(error, 6, 21, "criteria[0].appliesTo");
        Assert.IsFalse(diagnostics.Any(d => d.Code == DiagnosticCodes.CompilationFailed), Describe(diagnostics));
    }

    [TestMethod]
    [DataRow("System.IO.File.ReadAllText(\"x\")", 0, "Member access", DisplayName = "System.IO.File.ReadAllText(\"x\")")]
    [DataRow("1 + Math.Round(x)", 4, "Member access", DisplayName = "Math.Round at offset 4")]
    [DataRow("new object()", 0, "'new'", DisplayName = "new object()")]
    [DataRow("typeof(int)", 0, "typeof", DisplayName = "typeof(int)")]
    [DataRow("Max(x, y => y)", 7, "lambda", DisplayName = "lambda at offset 7")]
    [DataRow("(int)x", 0, "cast", DisplayName = "cast")]
    [DataRow("$\"{x}\"", 0, "interpolated string", DisplayName = "interpolated string")]
    [DataRow("x = 1", 0, "Assignment", DisplayName = "assignment")]
    [DataRow("x += 1", 0, "Assignment", DisplayName = "compound assignment")]
    [DataRow("x++", 0, "Increment", DisplayName = "increment")]
    [DataRow("'a' == 'a'", 0, "character literal", DisplayName = "char literal")]
    [DataRow("0x10", 0, "plain decimal numbers", DisplayName = "hexadecimal number")]
    public void Forbidden_construct_is_rejected_with_its_column(string formula, int offset, string description)
    {
        var diagnostics = Errors(InVariable(formula));
        var error = diagnostics.First(d => d.Code == DiagnosticCodes.ForbiddenConstruct);
        AssertAt(error, 5, 32 + offset, "variables[0].formula");
        AssertMessageContains(error, description, "variable 'v'");
    }

    [TestMethod]
    public void Syntax_error_is_reported_in_the_formula()
    {
        // "Max(x, 1" lacks its ')'; the parser expects it at the end (offset 8): column 40.
        var error = Single(Errors(InVariable("Max(x, 1")), DiagnosticCodes.FormulaSyntax);
        AssertAt(error, 5, 40, "variables[0].formula");
        AssertMessageContains(error, "Syntax error", "variable 'v'");
    }

    [TestMethod]
    [DataRow("1 + GroupMax(ok)", "'ok' is a bool input", DisplayName = "GroupMax over a bool input")]
    [DataRow("1 + GroupMean(s)", "'s' is a text input", DisplayName = "GroupMean over a text input")]
    public void Group_aggregate_over_a_non_number_input_is_rejected_at_the_call(string formula, string messagePart)
    {
        // "1 + " is offsets 0-3: the aggregate call starts at column 19 + 4 = 23.
        var error = Single(Errors(InCriterion(formula)), DiagnosticCodes.InvalidAggregate);
        AssertAt(error, 6, 23, "criteria[0].formula");
        AssertMessageContains(error, messagePart);
    }

    [TestMethod]
    public void Group_aggregate_of_a_variable_that_itself_aggregates_is_rejected()
    {
        // The criterion's formula starts on line 5: "criteria" 3-12, '[' 15, '{' 17, ...,
        // "formula" 56-64, ':' 65, space 66, quote 67: column 68.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "variables": [ { "name": "rel", "formula": "Ratio(x, GroupMax(x))" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "GroupMax(rel)" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.InvalidAggregate);
        AssertAt(error, 5, 68, "criteria[0].formula");
        AssertMessageContains(error, "'rel' itself uses a group aggregate");
    }
}
