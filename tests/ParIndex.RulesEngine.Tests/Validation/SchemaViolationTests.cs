using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// PAR0201: the document breaks the JSON Schema. Newtonsoft's line information is used as it is:
/// an object is located at its "{", a property at the ':' after its name, and a value at its
/// last character (the closing quote of a string).
/// </summary>
[TestClass]
public sealed class SchemaViolationTests
{
    [TestMethod]
    public void Unknown_property_is_an_error_located_at_the_property()
    {
        // Line 6 is six spaces, "weight" in columns 7-14, then ':' in column 15.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1, "formula": "1",
                  "weight": 2 }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 6, 15, "criteria[0].weight");
        AssertMessageContains(error, "'weight'");
    }

    [TestMethod]
    public void Missing_required_property_of_the_root_is_located_at_the_root_object()
    {
        // No "title": the root object opens at line 1, column 1.
        const string json = """
            {
              "id": "t", "version": "1",
              "inputs": [],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 1, 1, "title");
        AssertMessageContains(error, "'title'");
    }

    [TestMethod]
    public void Missing_max_of_a_nested_criterion_is_located_at_that_criterion()
    {
        // The child opens on line 7 after eight spaces: '{' is column 9.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "children": [
                    { "code": "1.1", "title": "B", "formula": "1" }
                  ] }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 7, 9, "criteria[0].children[0].max");
        AssertMessageContains(error, "'max'");
    }

    [TestMethod]
    public void Wrong_types_are_reported_one_diagnostic_each_at_the_value()
    {
        // Line 3: "precision" in columns 3-13, ':' 14, space 15, "2" in columns 16-18.
        // Line 6: "max" in 7-11, ':' 12, space 13, "1" in columns 14-16.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "precision": "2",
              "inputs": [],
              "criteria": [ { "code": "1", "title": "A", "formula": "1",
                  "max": "1" } ]
            }
            """;
        var errors = Errors(json).Where(d => d.Code == DiagnosticCodes.SchemaViolation).ToList();
        Assert.AreEqual(2, errors.Count, Describe(errors));
        var precision = errors.Single(d => d.Location.JsonPath == "precision");
        var max = errors.Single(d => d.Location.JsonPath == "criteria[0].max");
        AssertAt(precision, 3, 18);
        AssertAt(max, 6, 16);
        AssertMessageContains(precision, "'precision'");
        AssertMessageContains(max, "'max'", "number");
    }

    [TestMethod]
    public void Value_outside_an_enum_is_reported_at_the_value()
    {
        // Line 4: four spaces, '{' 5, "name": "x", then "type" in 20-25, ':' 26, space 27,
        // "integer" in columns 28-36.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [
                { "name": "x", "type": "integer" }
              ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "x" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 4, 36, "inputs[0].type");
        AssertMessageContains(error, "'type'");
    }

    [TestMethod]
    public void Bad_criterion_kind_is_reported()
    {
        // Line 6: "kind" in 7-12, ':' 13, space 14, "extra" in columns 15-21.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1, "formula": "1",
                  "kind": "extra" }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 6, 21, "criteria[0].kind");
    }

    [TestMethod]
    public void Criterion_with_two_scoring_forms_is_reported_at_the_criterion()
    {
        // The criterion opens on line 5 after four spaces: '{' is column 5.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "formula": "1", "yesNo": "true" }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 5, 5, "criteria[0]");
        AssertMessageContains(error, "formula", "yesNo");
    }

    [TestMethod]
    public void Criterion_with_no_scoring_form_is_reported_at_the_criterion()
    {
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [],
              "criteria": [
                { "code": "1", "title": "A", "max": 1 }
              ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        AssertAt(error, 5, 5, "criteria[0]");
        AssertMessageContains(error, "children", "formula", "bands", "proportional", "yesNo", "count");
    }

    [TestMethod]
    [DataRow("\"id\": \"t\", \"precision\": 7,", "precision", DisplayName = "precision above 6")]
    [DataRow("\"id\": \"Bad Id\", \"precision\": 2,", "id", DisplayName = "id with capitals and a space")]
    public void Patterns_and_ranges_are_checked(string secondLine, string path)
    {
        // The faulty value is on line 2.
        var json = """
            {
              SECOND_LINE
              "title": "T", "version": "1",
              "inputs": [],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]
            }
            """.Replace("SECOND_LINE", secondLine, StringComparison.Ordinal);
        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);
        Assert.AreEqual(path, error.Location.JsonPath);
        Assert.AreEqual(2, error.Location.Line, error.ToString());
    }

    [TestMethod]
    public void Every_schema_violation_is_reported_not_just_the_first()
    {
        // Three unrelated mistakes: an unknown property (line 3), a bad enum value (line 5) and a
        // criterion without max (line 7).
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "titel": "typo",
              "inputs": [
                { "name": "x", "type": "integer" }
              ],
              "criteria": [ { "code": "1", "title": "A", "formula": "1" } ]
            }
            """;
        var errors = Errors(json);
        Assert.AreEqual(3, errors.Count(d => d.Code == DiagnosticCodes.SchemaViolation), Describe(errors));
        CollectionAssert.AreEquivalent(new[] { 3, 5, 7 }, errors.Select(d => d.Location.Line).ToArray(), Describe(errors));
    }
}
