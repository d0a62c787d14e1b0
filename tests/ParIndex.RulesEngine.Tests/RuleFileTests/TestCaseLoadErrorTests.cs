using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.RuleFileTests;

/// <summary>
/// A test case that names what the rules do not declare, or gives a value of the wrong type,
/// fails the load (PAR0312–PAR0315) with file, JSON path, line and column of the value.
/// </summary>
[TestClass]
public sealed class TestCaseLoadErrorTests
{
    private static Diagnostic Only(string json, string code, string marker, string jsonPath)
    {
        var error = Single(Errors(json), code);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        var (line, column) = Position(json, marker);
        AssertAt(error, line, column, jsonPath);
        return error;
    }

    [TestMethod]
    public void Unknown_criterion_code_is_PAR0312_at_the_expected_value_with_a_suggestion()
    {
        var json = With(Case("c", """{ "criteria": { "1.3": 5.4 } }"""));
        var error = Only(json, DiagnosticCodes.TestUnknownTarget, "5.4 }", "tests[0].expect.criteria['1.3']");
        AssertMessageContains(error, "'c'", "criterion '1.3'", "Did you mean '1.1'?");
    }

    [TestMethod]
    public void Unknown_eligibility_rule_and_classification_are_PAR0312()
    {
        var json = With(Case("c", """{ "eligibility": { "tops": true }, "classification": "Kha" }"""));
        var errors = Errors(json).Where(d => d.Code == DiagnosticCodes.TestUnknownTarget).ToList();
        Assert.HasCount(2, errors, string.Join("; ", errors));
        AssertMessageContains(errors.Single(e => e.Location.JsonPath == "tests[0].expect.eligibility.tops"), "eligibility rule 'tops'", "Did you mean 'top'?");
        AssertMessageContains(errors.Single(e => e.Location.JsonPath == "tests[0].expect.classification"), "'Kha'", "Tốt, Khá, Yếu");
    }

    [TestMethod]
    public void Unknown_input_is_PAR0313_at_its_value()
    {
        var json = With(Case("c", """{ "total": 15.4 }""", agency: """{ "id": "A", "inputs": { "kind": "so", "plann": 0.9, "reports": true } }"""));
        var error = Only(json, DiagnosticCodes.TestUnknownInput, "0.9, \"reports\"", "tests[0].agency.inputs.plann");
        AssertMessageContains(error, "'plann'", "Did you mean 'plan'?");
    }

    [TestMethod]
    [DataRow("\"reports\": 7", "7 }", "reports", "a true/false input, and the value is the number 7", DisplayName = "number for a bool")]
    [DataRow("\"plan\": \"0.9\"", "\"0.9\"", "plan", "a number input, and the value is the text \"0.9\"", DisplayName = "text for a number")]
    [DataRow("\"kind\": \"huyen\"", "\"huyen\"", "kind", "\"huyen\" is not one of its values (so, xa)", DisplayName = "enum value not declared")]
    [DataRow("\"kind\": true", "true }", "kind", "an enum input, and the value is true", DisplayName = "bool for an enum")]
    public void Input_value_of_the_wrong_type_is_PAR0314_at_the_value(string value, string marker, string input, string reason)
    {
        var agency = "{ \"id\": \"A\", \"inputs\": { " + value + " } }";
        var json = With(Case("c", """{ "total": 15.4 }""", agency));
        var error = Only(json, DiagnosticCodes.TestValueType, marker, "tests[0].agency.inputs." + input);
        AssertMessageContains(error, $"input '{input}'", reason);
    }

    [TestMethod]
    public void Expected_number_finer_than_the_precision_is_PAR0314()
    {
        // Precision 2 (the default): results are rounded to 2 decimals, so 15.405 can never match.
        var json = With(Case("c", """{ "total": 15.405 }"""));
        var error = Only(json, DiagnosticCodes.TestValueType, "15.405", "tests[0].expect.total");
        AssertMessageContains(error, "15.405", "2 decimals");
    }

    [TestMethod]
    public void Two_cases_with_one_name_and_a_repeated_agency_id_are_PAR0315()
    {
        var json = With(Case("same", """{ "total": 15.4 }"""), Case("same", """{ "total": 15.4 }""", others: Agency));
        var errors = Errors(json).Where(d => d.Code == DiagnosticCodes.InvalidTestOrMetadata).ToList();
        Assert.HasCount(2, errors, string.Join("; ", errors));
        Assert.AreEqual("tests[1]", errors[0].Location.JsonPath);
        AssertMessageContains(errors[0], "Two test cases are named 'same'");
        Assert.AreEqual("tests[1].others[0]", errors[1].Location.JsonPath);
        AssertMessageContains(errors[1], "agency id 'A' more than once");
    }

    [TestMethod]
    public void Metadata_date_that_is_no_calendar_day_is_PAR0315()
    {
        var json = With(Case("c", """{ "total": 15.4 }""")).Replace("\"tests\": [", "\"metadata\": { \"number\": \"42/KH-UBND\", \"date\": \"2023-02-30\" },\n  \"tests\": [", StringComparison.Ordinal);
        var error = Single(Errors(json), DiagnosticCodes.InvalidTestOrMetadata);
        Assert.AreEqual("metadata", error.Location.JsonPath);
        AssertMessageContains(error, "'2023-02-30'");
    }

    [TestMethod]
    [DataRow("""{ "name": "c", "agency": { "id": "A", "inputs": {} } }""", "expect", DisplayName = "case without expect")]
    [DataRow("""{ "name": "c", "agency": { "id": "A", "inputs": { "plan": [1] } }, "expect": { "total": 1 } }""", "plan", DisplayName = "input value that is an array")]
    [DataRow("""{ "name": "c", "agency": { "id": "A", "inputs": {} }, "expect": { "totl": 1 } }""", "totl", DisplayName = "unknown expectation")]
    public void Malformed_cases_are_schema_errors(string testCase, string part)
    {
        var json = With("    " + testCase);
        var error = First(Errors(json), DiagnosticCodes.SchemaViolation);
        StringAssert.StartsWith(error.Location.JsonPath, "tests[0]", error.ToString());
        Assert.IsTrue(error.ToString().Contains(part, StringComparison.Ordinal), error.ToString());
    }

    [TestMethod]
    public void Valid_cases_and_metadata_load_and_keep_their_values()
    {
        var json = With(Case("c", """{ "criteria": { "1.1": 5.4, "2": null }, "total": 15.4, "classification": "Khá", "eligibility": { "top": false } }"""))
            .Replace("\"tests\": [", "\"metadata\": { \"province\": \"Tỉnh Kon Tum\", \"number\": \"42/KH-UBND\", \"date\": \"2023-02\", \"overallRank\": \"never\" },\n  \"tests\": [", StringComparison.Ordinal);
        using var rules = RuleSetLoader.LoadJson(json, FileName);
        var test = rules.Definition.Tests.Single();
        Assert.AreEqual("c", test.Name);
        Assert.AreEqual("A", test.Agency.Id);
        CollectionAssert.AreEqual(new object?[] { "so", 0.9, true, 0.3 }, test.Agency.Inputs.Select(v => v.Value).ToArray());
        CollectionAssert.AreEqual(new object?[] { 5.4, null }, test.Expect.Criteria.Select(v => v.Value).ToArray());
        Assert.AreEqual("Khá", test.Expect.Classification!.Value);
        Assert.AreEqual("42/KH-UBND", rules.Definition.Metadata!.Number);
        Assert.AreEqual(Definition.OverallRankDisplay.Never, rules.Definition.Metadata.OverallRank);
    }
}
