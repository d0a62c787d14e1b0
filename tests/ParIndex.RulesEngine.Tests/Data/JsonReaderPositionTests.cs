using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The JSON reader on System.Text.Json: places in lines and characters (not bytes), rows that
/// straddle the reader's buffer, numbers straight from their bytes, and the leniencies kept
/// (comments, trailing commas, bare NaN). A value is placed at its last character.
/// </summary>
[TestClass]
public sealed class JsonReaderPositionTests
{
    private static AgencyBatch Read(string json) => JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");

    private static string Row(string id, string score = "50") => $$"""{ "agencyId": "{{id}}", "score": {{score}}, "reported": true, "kind": "so" }""";

    [TestMethod]
    public void Columns_count_characters_not_utf8_bytes()
    {
        // Line 2: `  { "agencyName": "Sở Nội vụ 😀", "score": "abc"`. Columns: '{' 3, "agencyName" 5-16,
        // ':' 17, the name's string 19-32 (12 units inside the quotes: "Sở Nội vụ " is 10 characters,
        // the emoji 2 UTF-16 units), ',' 33, "score" 35-41, ':' 42, "abc" 44-48. Counted in UTF-8
        // bytes the closing quote of "abc" would be at 56 (ở, ộ, ụ take 3 bytes, the emoji 4).
        const string json = "[\n  { \"agencyName\": \"Sở Nội vụ 😀\", \"score\": \"abc\", \"agencyId\": \"A\", \"reported\": true, \"kind\": \"so\" }\n]";
        var error = Read(json).RowErrors.Single();
        Assert.AreEqual(("score", 2, 48), (error.Field, error.Location.Line, error.Location.Column));
        var fromBytes = JsonAgencyReader.ReadStream(Basic, new MemoryStream(Encoding.UTF8.GetBytes(json)), DataReadOptions.Default, "data.json");
        Assert.AreEqual((2, 48), (fromBytes.RowErrors.Single().Location.Line, fromBytes.RowErrors.Single().Location.Column), "the same from bytes");
    }

    [TestMethod]
    public void Carriage_returns_alone_and_crlf_each_end_one_line()
    {
        var json = "[\r\n" + Row("A") + ",\r" + Row("B", "\"x\"") + "\n]";
        var error = Read(json).RowErrors.Single();
        // Line 1 "[", line 2 row A, line 3 row B: `{ "agencyId": "B", "score": "x"` puts the closing quote at 31.
        Assert.AreEqual(("B", 3, 31), (error.AgencyId, error.Location.Line, error.Location.Column));
    }

    [TestMethod]
    public void Rows_straddling_the_buffer_keep_their_values_and_places()
    {
        // 5,000 rows of about 80 bytes: 400 KB, several refills of the 64 KB buffer, so rows and
        // tokens are cut at every possible place. Row i is on line i + 2 (line 1 is "["); the bad
        // score of every 97th row has its closing quote at column 37 (`{ "agencyId": "X0097", "score": "bad"`).
        var rows = Enumerable.Range(0, 5000).Select(i => i % 97 == 0 && i > 0 ? Row($"X{i:D4}", "\"bad\"") : Row($"X{i:D4}", (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var json = "[\n" + string.Join(",\n", rows) + "\n]";
        foreach (var batch in new[] { Read(json), JsonAgencyReader.ReadStream(Basic, new MemoryStream(Encoding.UTF8.GetBytes(json)), DataReadOptions.Default, "data.json") })
        {
            Assert.AreEqual(5000 - 5000 / 97, batch.Count, Describe(batch));
            foreach (var error in batch.RowErrors)
            {
                var i = int.Parse(error.AgencyId![1..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.AreEqual((i + 2, 37, $"[{i}].score"), (error.Location.Line, error.Location.Column, error.Location.JsonPath));
            }
            var scores = Basic.Score(batch);
            // score / 10 + 5 for "reported": row 4321 has score 21 → 7.1.
            Assert.AreEqual(7.1, scores.Find("X4321")!.Total, 1e-9);
        }
    }

    [TestMethod]
    public void A_long_string_cut_across_refills_is_read_whole()
    {
        var name = string.Concat(Enumerable.Repeat("Ủy ban nhân dân xã ", 8000)); // about 190 KB in UTF-8
        var json = $$"""[{ "agencyId": "A", "agencyName": "{{name}}", "score": 50, "reported": true, "kind": "so" }]""";
        var batch = JsonAgencyReader.ReadStream(Basic, new MemoryStream(Encoding.UTF8.GetBytes(json)), DataReadOptions.Default, "data.json");
        Assert.AreEqual(1, batch.RowErrors.Count, "a name over 10,000 characters is refused");
        StringAssert.Contains(batch.RowErrors[0].Message, "152,000 characters long");
    }

    [TestMethod]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var batch = Read("// agencies of 2024\n[ /* first */ " + Row("A") + ", " + Row("B") + ", ]");
        Assert.AreEqual(2, batch.Count, Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
    }

    [TestMethod]
    public void NaN_in_a_string_or_a_comment_is_text_and_a_bare_NaN_is_a_row_error()
    {
        var batch = Read("[ /* NaN Infinity */ " + Row("NaN") + ", " + Row("B", "-Infinity") + " ]");
        Assert.AreEqual("NaN", batch.AgencyIds.Single(), "an id that reads NaN is an id");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("B", "score", DiagnosticCodes.WrongType), (error.AgencyId, error.Field, error.Code));
        Assert.Contains("'-Infinity' is not a finite number", error.Message);
    }

    [TestMethod]
    [DataRow("9007199254740992", true, DisplayName = "2^53: exact")]
    [DataRow("1152921504606846976", true, DisplayName = "2^60: a double holds it exactly")]
    [DataRow("9007199254740993", false, DisplayName = "2^53 + 1: would be read as 2^53")]
    [DataRow("12345678901234567890123", false, DisplayName = "23 digits")]
    public void Integers_beyond_2_to_the_53_are_accepted_only_when_exact(string number, bool accepted)
    {
        // "extra" has no range; "score" would refuse these for its max of 100.
        var batch = Read($$"""[{ "agencyId": "A", "score": 50, "reported": true, "kind": "so", "extra": {{number}} }]""");
        Assert.AreEqual(accepted ? 1 : 0, batch.Count, Describe(batch));
        if (!accepted) StringAssert.Contains(batch.RowErrors.Single().Message, "is an integer that a double cannot hold exactly");
    }

    [TestMethod]
    public void A_number_overflowing_a_double_is_not_a_finite_number()
    {
        var error = Read("""[{ "agencyId": "A", "score": 50, "reported": true, "kind": "so", "extra": 1e999 }]""").RowErrors.Single();
        Assert.Contains("'1e999' is not a finite number", error.Message);
    }

    [TestMethod]
    public void A_number_given_for_an_id_keeps_its_digits()
    {
        var batch = Read("""[{ "agencyId": 12345678901234567890, "score": 50, "reported": true, "kind": "so" }, { "agencyId": 2.50, "score": 50, "reported": true, "kind": "so" }]""");
        CollectionAssert.AreEqual(new[] { "12345678901234567890", "2.5" }, batch.AgencyIds.ToArray(), "an integer as written; other numbers in shortest form");
    }

    [TestMethod]
    public void An_escaped_lone_surrogate_in_an_id_is_read_not_thrown()
    {
        var batch = Read("""[{ "agencyId": "A\ud800", "score": 50, "reported": true, "kind": "so" }]""");
        Assert.AreEqual(1, batch.Count + batch.RejectedCount, Describe(batch));
        if (batch.Count == 1) Assert.AreEqual("A\ud800", batch.AgencyIds[0]);
    }

    [TestMethod]
    public void Escaped_property_names_are_matched_to_inputs()
    {
        var batch = Read("""[{ "agency\u0049d": "A", "sc\u006fre": 50, "reported": true, "kind": "so" }]""");
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.AreEqual(10, Basic.Score(batch).Find("A")!.Total, 1e-9, "50 / 10 + 5");
    }

    [TestMethod]
    public void Nesting_deeper_than_64_is_malformed_json()
    {
        var deep = new string('[', 70) + new string(']', 70);
        var error = Read($$"""[{ "agencyId": "A", "score": {{deep}}, "reported": true, "kind": "so" }]""").Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.DataFile, 1), (error.Code, error.Location.Line));
        StringAssert.StartsWith(error.Message, "The data is not well-formed JSON: ");
        StringAssert.Contains(error.Message, "64");
    }

    [TestMethod]
    public void A_truncated_file_names_the_row_it_ends_in()
    {
        var error = Read("[\n" + Row("A") + ",\n{ \"agencyId\": \"B\", \"score\": 5").Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.DataFile, 3), (error.Code, error.Location.Line));
        Assert.AreEqual("[1].score", error.Location.JsonPath);
        StringAssert.StartsWith(error.Message, "The data is not well-formed JSON: the file ends inside the object at [1]");
    }

    [TestMethod]
    public void Malformed_json_names_line_and_character_column()
    {
        // Line 2: `  { "agencyId": "Ả", "score": 50 "reported": true }`: the quote after 50 is column 34
        // (byte 36 of the line: Ả takes 3 bytes).
        var error = Read("[\n  { \"agencyId\": \"Ả\", \"score\": 50 \"reported\": true }\n]").Diagnostics.Single();
        Assert.AreEqual((2, 34), (error.Location.Line, error.Location.Column), error.Message);
        StringAssert.EndsWith(error.Message, "line 2, column 34.");
        Assert.DoesNotContain("BytePositionInLine", error.Message);
    }
}
