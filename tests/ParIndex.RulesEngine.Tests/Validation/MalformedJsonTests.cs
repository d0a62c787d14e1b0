using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>PAR0102: text that is not well-formed JSON, or has a duplicate key. Nothing else is checked then.</summary>
[TestClass]
public sealed class MalformedJsonTests
{
    [TestMethod]
    public void Missing_comma_is_reported_on_the_line_of_the_next_property()
    {
        // Line 3 lacks its comma; the parser notices at the opening quote of "version" on line 4.
        const string json = """
            {
              "id": "t",
              "title": "T"
              "version": "1"
            }
            """;
        var diagnostics = Errors(json);
        var error = Single(diagnostics, DiagnosticCodes.MalformedJson);
        Assert.AreEqual(1, diagnostics.Count, "a JSON error stops the pipeline: " + Describe(diagnostics));
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        Assert.AreEqual(FileName, error.Location.File);
        Assert.AreEqual(4, error.Location.Line);
    }

    [TestMethod]
    public void Trailing_garbage_after_the_document_is_reported()
    {
        // The object closes at line 3, column 1; the stray "x" follows on the same line.
        const string json = """
            {
              "id": "t"
            } x
            """;
        var error = Single(Errors(json), DiagnosticCodes.MalformedJson);
        Assert.AreEqual(3, error.Location.Line);
        AssertMessageContains(error, "x");
    }

    [TestMethod]
    public void Duplicate_key_is_reported_with_its_path_and_line()
    {
        // "id" appears on lines 2 and 3; the second one is the error.
        const string json = """
            {
              "id": "t",
              "id": "u",
              "title": "T"
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.MalformedJson);
        Assert.AreEqual(3, error.Location.Line);
        Assert.AreEqual("id", error.Location.JsonPath);
        AssertMessageContains(error, "'id'");
    }

    [TestMethod]
    public void Malformed_json_column_points_at_the_offending_character()
    {
        // Locations are 1-based. The missing comma is noticed at the quote of "version"
        // (line 3: two spaces, then the quote in column 3); the trailing "x" (line 2: "}", space,
        // "x") is in column 3 too.
        const string missingComma = """
            {
              "id": "t"
              "version": "1"
            }
            """;
        const string trailing = """
            {
            } x
            """;
        var comma = Single(Errors(missingComma), DiagnosticCodes.MalformedJson);
        var garbage = Single(Errors(trailing), DiagnosticCodes.MalformedJson);
        Assert.AreEqual((3, 3), (comma.Location.Line, comma.Location.Column), comma.ToString());
        Assert.AreEqual((2, 3), (garbage.Location.Line, garbage.Location.Column), garbage.ToString());
    }
}
