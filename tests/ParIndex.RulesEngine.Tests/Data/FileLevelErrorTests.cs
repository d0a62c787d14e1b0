using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// File-level data errors never give a silently partial batch: I/O errors throw
/// <see cref="DataFileException"/>; content errors are error diagnostics and scoring the batch
/// throws <see cref="DataFileErrorException"/> unless the caller opts in. A duplicated JSON key
/// rejects that row only.
/// </summary>
[TestClass]
public sealed class FileLevelErrorTests
{
    private const string Header = "agencyId,agencyName,score,reported,kind,extra";

    private static AgencyBatch Csv(string csv) => CsvAgencyReader.Read(Basic, new StringReader(csv), DataReadOptions.Default, "data.csv");

    private static AgencyBatch Json(string json) => JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");

    [TestMethod]
    public void A_last_record_cut_short_without_a_line_break_is_a_truncated_file()
    {
        var batch = Csv(Header + "\nA,Sở A,50,true,so,1\nB,Sở B,6");
        var error = batch.Diagnostics.Single(d => d.IsError);
        Assert.AreEqual((DiagnosticCodes.TruncatedFile, 3), (error.Code, error.Location.Line));
        Assert.StartsWith("The file looks truncated: its last line (3) ends without a line break and has 3 of the header's 6 fields.", error.Message);
        Assert.IsTrue(batch.HasFileErrors);
        Assert.AreEqual(("B", DiagnosticCodes.TruncatedFile), (batch.RowErrors.Single().AgencyId, batch.RowErrors.Single().Code));
        var refused = Assert.ThrowsExactly<DataFileErrorException>(() => Basic.Score(batch));
        Assert.AreEqual(DiagnosticCodes.TruncatedFile, refused.Errors.Single().Code);
        // Opting in scores what was read.
        Assert.AreEqual(1, Basic.Score(batch, new ScoringOptions { AllowFileErrors = true }).Agencies.Count);
    }

    [TestMethod]
    public void A_complete_last_line_without_a_line_break_is_not_truncated()
    {
        var batch = Csv(Header + "\nA,Sở A,50,true,so,1");
        Assert.AreEqual((1, 0), (batch.Count, batch.Diagnostics.Count), Describe(batch));
    }

    [TestMethod]
    public void A_repeated_header_column_is_a_file_error()
    {
        var batch = Csv("agencyId,score,reported,kind,score\nA,50,true,so,90\n");
        var error = batch.Diagnostics.Single(d => d.IsError);
        Assert.AreEqual((DiagnosticCodes.RepeatedColumn, 1, 5), (error.Code, error.Location.Line, error.Location.Column));
        Assert.AreEqual("The column 'score' appears twice in the header (fields 2 and 5); it is not known which holds the data, so the file is not scored.", error.Message);
        Assert.ThrowsExactly<DataFileErrorException>(() => Basic.Score(batch));
    }

    [TestMethod]
    [DataRow("""[{ "agencyId": "A", "reported": true, "kind": "so" }] [{ "agencyId": "B" }]""", 1, 55, DisplayName = "a second array")]
    [DataRow("[{ \"agencyId\": \"A\", \"reported\": true, \"kind\": \"so\" }]\n{ \"x\": 1 }", 2, 1, DisplayName = "an object on the next line")]
    [DataRow("""{ "agencies": [{ "agencyId": "A", "reported": true, "kind": "so" }] } 42""", 1, 71, DisplayName = "a number after the agencies object")]
    public void Json_content_after_the_first_value_is_a_file_error(string json, int line, int column)
    {
        var batch = Json(json);
        var error = batch.Diagnostics.Single(d => d.IsError);
        Assert.AreEqual((DiagnosticCodes.ContentAfterJson, line), (error.Code, error.Location.Line), error.ToString());
        Assert.IsTrue(Math.Abs(error.Location.Column - column) <= 1, $"column {error.Location.Column}, expected about {column}");
        Assert.ThrowsExactly<DataFileErrorException>(() => Basic.Score(batch));
    }

    [TestMethod]
    public void Malformed_json_is_a_file_error_and_scoring_is_refused()
    {
        var batch = Json("""[{ "agencyId": "A", "score": 50, "reported": true, "kind": "so" }, { "agencyId": "B", "score": 6""");
        var error = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Error, DiagnosticCodes.DataFile, 1), (error.Severity, error.Code, error.Location.Line));
        Assert.StartsWith("The data is not well-formed JSON", error.Message);
        Assert.ThrowsExactly<DataFileErrorException>(() => Basic.Score(batch));
    }

    [TestMethod]
    public void A_duplicated_key_rejects_that_row_only()
    {
        const string json = """
            [
              { "agencyId": "A", "score": 50, "reported": true, "kind": "so", "score": 90 },
              { "agencyId": "B", "score": 60, "reported": false, "kind": "xa" }
            ]
            """;
        // The second "score" key starts in column 67; the location is where the reader stands
        // after the key, at its colon (column 74), as for every JSON location of this reader.
        var batch = Json(json);
        Assert.AreEqual((0, 1), (batch.Diagnostics.Count, batch.Count), Describe(batch));
        Assert.AreEqual("B", batch.AgencyIds.Single());
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.DuplicateKey, "A", "score", "[0].score", 2, 74),
            (error.Code, error.AgencyId, error.Field, error.Location.JsonPath, error.Location.Line, error.Location.Column));
        Assert.AreEqual("The agency object at [0] has the key 'score' twice (again at [0].score, line 2, column 74); it is not known which value is meant, so the row is not scored.", error.Message);
        Assert.AreEqual(6, Basic.Score(batch).Find("B")!.Total, 1e-9, "60 / 10 + 0");
    }

    [TestMethod]
    public void An_io_error_part_way_throws_with_the_path_for_csv_and_json()
    {
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"A{i},Sở,50,true,so,1\n")));
        var fromCsv = Assert.ThrowsExactly<DataFileException>(() => CsvAgencyReader.ReadStream(Basic, new FailingStream(csv, failAfter: 20_000), DataReadOptions.Default, "data.csv"));
        Assert.AreEqual("data.csv", fromCsv.Path);
        Assert.StartsWith("data.csv: the data file cannot be read (disk gone at byte 20000); no row of it is used.", fromCsv.Message);

        var json = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $"{{\"agencyId\":\"A{i}\",\"score\":50,\"reported\":true,\"kind\":\"so\"}}")) + "]");
        var fromJson = Assert.ThrowsExactly<DataFileException>(() => JsonAgencyReader.ReadStream(Basic, new FailingStream(json, failAfter: 20_000), DataReadOptions.Default, "data.json"));
        Assert.AreEqual("data.json", fromJson.Path);

        // Through a TextReader too: no partial batch comes back.
        var text = new StreamReader(new FailingStream(csv, failAfter: 20_000));
        Assert.ThrowsExactly<DataFileException>(() => CsvAgencyReader.Read(Basic, text, DataReadOptions.Default, "data.csv"));
    }

    [TestMethod]
    public void A_file_that_cannot_be_opened_throws_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "parindex-no-such-folder", "data.csv");
        var error = Assert.ThrowsExactly<DataFileException>(() => CsvAgencyReader.ReadFile(Basic, path));
        Assert.AreEqual(path, error.Path);
        Assert.StartsWith(path + ": the data file cannot be read", error.Message);
    }

    /// <summary>Gives <paramref name="bytes"/> and then fails, as a disk or network error part-way would.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter) throw new IOException($"disk gone at byte {_position}");
            var n = Math.Min(Math.Min(count, bytes.Length - _position), failAfter - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
