using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// Names: unknown names and functions in formulas (with the column of the name inside the
/// formula), duplicates, reserved names and variable cycles. A formula's column is the column of
/// its opening quote + 1 + the offset inside the formula.
/// </summary>
[TestClass]
public sealed class NameDiagnosticsTests
{
    [TestMethod]
    public void Unknown_name_points_inside_the_formula_and_suggests_the_closest_name()
    {
        // Line 6: six spaces, "formula" in 7-15, ':' 16, space 17, opening quote 18.
        // "Ratio(" takes offsets 0-5, so filesOnlin starts at offset 6: column 18 + 1 + 6 = 25.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "filesOnline", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "formula": "Ratio(filesOnlin, 2)" }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.UnknownName);
        AssertAt(error, 6, 25, "criteria[0].formula");
        AssertMessageContains(error, "'filesOnlin'", "criterion 1", "Did you mean 'filesOnline'?");
    }

    [TestMethod]
    public void Unknown_name_far_from_every_declared_name_gets_no_suggestion()
    {
        // Line 6 as above: opening quote in column 18; "x + " is offsets 0-3, so the unknown
        // name starts at offset 4: column 23.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "formula": "x + staffDisciplined" }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.UnknownName);
        AssertAt(error, 6, 23, "criteria[0].formula");
        Assert.IsFalse(error.Message.Contains("Did you mean", StringComparison.Ordinal), error.ToString());
    }

    [TestMethod]
    public void Unknown_name_in_an_eligibility_condition_suggests_a_result_name()
    {
        // Line 6: four spaces, '{' 5, "title": "c", then "when" in 21-26, ':' 27, space 28,
        // opening quote 29; "percnt" is at offset 0: column 30.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [], "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ],
              "eligibility": [ { "id": "e", "title": "E",
                "conditions": [
                { "title": "c", "when": "percnt >= 90" } ] } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.UnknownName);
        AssertAt(error, 6, 30, "eligibility[0].conditions[0].when");
        AssertMessageContains(error, "Did you mean 'percent'?");
    }

    [TestMethod]
    public void Unknown_function_points_at_the_function_name_and_suggests_the_closest()
    {
        // Opening quote in column 18 (as above); "1 + " is offsets 0-3, "Ratoi" starts at
        // offset 4: column 23.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "formula": "1 + Ratoi(x, 2)" }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.UnknownFunction);
        AssertAt(error, 6, 23, "criteria[0].formula");
        AssertMessageContains(error, "'Ratoi'", "Did you mean 'Ratio'?");
    }

    [TestMethod]
    public void Duplicate_input_and_duplicate_criterion_code_are_both_reported()
    {
        // The second input opens at line 5, column 5; the nested criterion reusing code "1"
        // opens at line 10, column 9.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [
                { "name": "x", "type": "number" },
                { "name": "x", "type": "bool" }
              ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "children": [
                    { "code": "1", "title": "B", "max": 1, "formula": "1" }
                  ] }
              ]
            }
            """;
        var errors = Errors(json).Where(d => d.Code == DiagnosticCodes.DuplicateName).ToList();
        Assert.AreEqual(2, errors.Count, Describe(errors));
        AssertAt(errors.Single(e => e.Message.Contains("input", StringComparison.Ordinal)), 5, 5, "inputs[1]");
        AssertAt(errors.Single(e => e.Message.Contains("criterion code '1'", StringComparison.Ordinal)), 10, 9, "criteria[0].children[0]");
    }

    [TestMethod]
    public void Variable_with_the_name_of_an_input_is_a_duplicate()
    {
        // The variable opens at line 4, column 18.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "variables": [ { "name": "x", "formula": "1" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "x" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.DuplicateName);
        AssertAt(error, 4, 18, "variables[0]");
        AssertMessageContains(error, "'x'");
    }

    [TestMethod]
    [DataRow("total", "result name", DisplayName = "result name total")]
    [DataRow("rankChange", "result name", DisplayName = "result name rankChange")]
    [DataRow("Ratio", "function name", DisplayName = "function Ratio")]
    [DataRow("GroupMax", "function name", DisplayName = "aggregate GroupMax")]
    [DataRow("class", "C# keyword", DisplayName = "keyword class")]
    [DataRow("new", "C# keyword", DisplayName = "keyword new")]
    public void Reserved_names_are_rejected_at_the_declaration(string name, string reason)
    {
        // The input opens at line 4, column 5.
        var json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [
                { "name": "NAME", "type": "number" }
              ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]
            }
            """.Replace("NAME", name, StringComparison.Ordinal);
        var error = Single(Errors(json), DiagnosticCodes.ReservedName);
        AssertAt(error, 4, 5, "inputs[0]");
        AssertMessageContains(error, $"'{name}'", reason);
    }

    [TestMethod]
    public void Variable_cycle_is_reported_once_with_the_whole_path()
    {
        // Line 5: four spaces, '{' 5, "name": "a", then "formula" in 20-28, ':' 29, space 30,
        // opening quote 31: the formula of a starts in column 32.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "variables": [
                { "name": "a", "formula": "b + 1" },
                { "name": "b", "formula": "c + 1" },
                { "name": "c", "formula": "a + 1" }
              ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "a" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.Cycle);
        AssertAt(error, 5, 32, "variables[0].formula");
        AssertMessageContains(error, "a → b → c → a");
    }
}
