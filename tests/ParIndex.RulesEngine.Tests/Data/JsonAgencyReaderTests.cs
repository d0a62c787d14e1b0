using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// JSON data against <see cref="DataRuleSets.BasicJson"/>. A row error's location carries the
/// JSON path of the value and Newtonsoft's line and column, which point at the value's last
/// character (the closing quote of a string).
/// </summary>
[TestClass]
public sealed class JsonAgencyReaderTests
{
    private static AgencyBatch Read(string json) => JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");

    [TestMethod]
    public void Bad_value_gives_a_row_error_with_json_path_and_line()
    {
        // Line 3: two spaces, '{' 3, "agencyId": "B", then "score" in 22-28, ':' 29, space 30,
        // "abc" in columns 31-35.
        const string json = """
            [
              { "agencyId": "A", "score": 50, "reported": true, "kind": "so" },
              { "agencyId": "B", "score": "abc", "reported": true, "kind": "so" }
            ]
            """;
        var batch = Read(json);
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("B", "score", DiagnosticCodes.WrongType, 2), (error.AgencyId, error.Field, error.Code, error.Row));
        Assert.AreEqual(("data.json", "[1].score", 3, 35), (error.Location.File, error.Location.JsonPath, error.Location.Line, error.Location.Column));
        Assert.Contains("'abc' is not a number", error.Message);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToArray());
    }

    [TestMethod]
    public void Missing_property_follows_the_input_policy()
    {
        // A has no "extra" (notApplicable: criterion 3 does not apply); B has no "score" (error).
        const string json = """
            [
              { "agencyId": "A", "score": 50, "reported": true, "kind": "so" },
              { "agencyId": "B", "reported": true, "kind": "so", "extra": 1 }
            ]
            """;
        var batch = Read(json);
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("B", "score", DiagnosticCodes.MissingValue), (error.AgencyId, error.Field, error.Code));
        Assert.AreEqual("[1]", error.Location.JsonPath, "no value to point at, so the row object");
        Assert.AreEqual(3, error.Location.Line);
        var a = Basic.Score(batch).Find("A")!;
        Assert.IsFalse(a["3"].IsApplicable);
        Assert.AreEqual(10, a.Total, 1e-9);
    }

    [TestMethod]
    public void Object_with_an_agencies_array_is_accepted_and_paths_include_it()
    {
        const string json = """
            { "agencies": [
              { "agencyId": "A", "score": 50, "reported": true, "kind": "so" },
              { "agencyId": "B", "score": 50, "reported": "maybe", "kind": "so" }
            ] }
            """;
        var batch = Read(json);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToArray());
        Assert.AreEqual("agencies[1].reported", batch.RowErrors.Single().Location.JsonPath);
    }

    [TestMethod]
    [DataRow("""{ "agencyId": "A" }""", DisplayName = "an object without agencies")]
    [DataRow("""{ "agencies": 5 }""", DisplayName = "agencies is not an array")]
    [DataRow("42", DisplayName = "a number")]
    public void Document_that_is_not_an_array_is_a_file_diagnostic(string json)
    {
        var batch = Read(json);
        var error = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Error, DiagnosticCodes.DataFile), (error.Severity, error.Code));
        Assert.AreEqual(("data.json", 1), (error.Location.File, error.Location.Line));
        Assert.Contains("array", error.Message);
        Assert.AreEqual(0, batch.Count);
        Assert.AreEqual(0, batch.RowErrors.Count);
    }

    [TestMethod]
    public void Malformed_json_is_a_file_diagnostic_with_its_line()
    {
        const string json = """
            [
              { "agencyId": "A", "score": 50 "reported": true }
            ]
            """;
        var error = Read(json).Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.DataFile, 2), (error.Code, error.Location.Line));
    }

    [TestMethod]
    public void Item_that_is_not_an_object_is_a_row_error()
    {
        var batch = Read("""[ { "agencyId": "A", "score": 50, "reported": true, "kind": "so" }, 5 ]""");
        var error = batch.RowErrors.Single();
        Assert.AreEqual((2, "[1]"), (error.Row, error.Location.JsonPath));
        Assert.AreEqual(1, batch.Count);
    }

    [TestMethod]
    public void Unknown_property_is_a_warning_with_its_path()
    {
        var batch = Read("""[ { "agencyId": "A", "score": 50, "reported": true, "kind": "so", "scores": 1 } ]""");
        Assert.AreEqual(1, batch.Count);
        var warning = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Warning, DiagnosticCodes.UnknownColumn, "[0].scores"), (warning.Severity, warning.Code, warning.Location.JsonPath));
        Assert.Contains("Did you mean 'score'?", warning.Message);
    }

    [TestMethod]
    [DataRow("\"NaN\"")]
    [DataRow("\"Infinity\"")]
    [DataRow("\"-Infinity\"")]
    [DataRow("NaN", DisplayName = "bare NaN token")]
    public void Not_a_finite_number_is_rejected(string value)
    {
        var batch = Read($$"""[ { "agencyId": "A", "score": 50, "reported": true, "kind": "so", "extra": {{value}} } ]""");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("A", "extra", DiagnosticCodes.WrongType), (error.AgencyId, error.Field, error.Code), Describe(batch));
        Assert.AreEqual("[0].extra", error.Location.JsonPath);
    }

    [TestMethod]
    public void Numbers_and_bools_may_be_written_as_strings()
    {
        var batch = Read("""[ { "agencyId": 7, "score": "75.5", "reported": "có", "kind": "SO", "extra": "2.25" } ]""");
        Assert.AreEqual(1, batch.Count, Describe(batch));
        var agency = Basic.Score(batch).Find("7")!;
        Assert.AreEqual(14.8, agency.Total, 1e-9);
    }

    [TestMethod]
    public void Byte_order_mark_at_the_start_of_the_file_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("""[ { "agencyId": "A", "agencyName": "Sở A", "score": 50, "reported": true, "kind": "so" } ]"""))
            .ToArray();
        using var file = WriteTemp("bom.json", bytes);
        var batch = JsonAgencyReader.ReadFile(Basic, file.Path);
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        Assert.AreEqual("Sở A", batch.AgencyNames[0]);
    }
}
