using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// <see cref="CsvResultWriter.WriteAsync"/> and <see cref="JsonResultWriter.WriteAsync"/>: to a
/// stream that refuses synchronous writes (a response body), the bytes are exactly those of the
/// synchronous writers through a UTF-8 <see cref="StreamWriter"/>, handed on in slices (never the
/// whole report in one buffer), and a cancelled token stops between slices.
/// </summary>
[TestClass]
public sealed class AsyncResultWriterTests
{
    private const string Rules = """
        {
          "id": "async-writers", "title": "Async writers", "version": "1", "precision": 2,
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
            { "name": "done", "type": "number", "min": 0, "max": 100 }
          ],
          "criteria": [
            { "code": "1", "title": "Hoàn thành", "max": 8, "proportional": { "value": "done", "target": "GroupMax(done)" } },
            { "code": "2", "title": "Trên 50", "max": 2, "yesNo": "done > 50" }
          ],
          "ranking": { "groupBy": "kind" },
          "eligibility": [ { "id": "top", "title": "Top 5", "conditions": [ { "title": "rank ≤ 5", "when": "rank <= 5" } ] } ]
        }
        """;

    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _)
    {
        _rules = RuleSetLoader.LoadJson(Rules);
        var csv = new StringBuilder("agencyId,agencyName,kind,done\n");
        for (var i = 0; i < 2_000; i++)
        {
            // Every 101st row is out of range (done 150): a row error, in the JSON's rowErrors and rejected.
            var done = i % 101 == 7 ? 150 : (i * 37) % 101;
            csv.Append(CultureInfo.InvariantCulture, $"A{i:D4},\"Sở, ban {i}\",{(i % 3 == 0 ? "so" : "huyen")},{done}\n");
        }
        _report = _rules.Score(CsvAgencyReader.Read(_rules, new StringReader(csv.ToString()), source: "data.csv"));
    }

    [ClassCleanup]
    public static void Cleanup() => _rules.Dispose();

    private static byte[] ThroughStreamWriter(Action<TextWriter> write)
    {
        var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
            write(writer);
        return bytes.ToArray();
    }

    [TestMethod]
    public async Task Csv_bytes_are_those_of_the_synchronous_writer_and_arrive_in_slices()
    {
        // 2,000 rows, 20 rejected (i % 101 == 7): 1,980 data lines in slices of 256 rows, so at
        // least 1,980 / 256 → 8 writes for the rows besides the header's.
        Assert.AreEqual(1_980, _report.Agencies.Count);
        var options = new CsvResultOptions { ByteOrderMark = true };
        var body = new AsyncOnlyWriteStream();
        await CsvResultWriter.WriteAsync(_report, body, options);

        CollectionAssert.AreEqual(ThroughStreamWriter(w => CsvResultWriter.Write(_report, w, options)), body.Bytes);
        Assert.IsGreaterThanOrEqualTo(8, body.WriteAsyncCalls);
        Assert.IsLessThan(body.Bytes.Length / 4, body.LargestWrite, "no write holds the whole report");
        Assert.IsTrue(body.FlushedAsync);
        Assert.AreEqual((byte)0xEF, body.Bytes[0], "the byte-order mark asked for comes first");
    }

    [TestMethod]
    public async Task Json_bytes_are_those_of_the_synchronous_writer_row_errors_included()
    {
        var body = new AsyncOnlyWriteStream();
        await JsonResultWriter.WriteAsync(_report, body);

        var expected = ThroughStreamWriter(w => JsonResultWriter.Write(_report, w));
        CollectionAssert.AreEqual(expected, body.Bytes);
        var text = Encoding.UTF8.GetString(body.Bytes);
        StringAssert.Contains(text, "\"rejectedCount\": 20");
        Assert.IsGreaterThanOrEqualTo(8, body.WriteAsyncCalls);
    }

    [TestMethod]
    public async Task A_cancelled_token_stops_between_slices_and_what_was_written_stays()
    {
        using var cancel = new CancellationTokenSource();
        var body = new AsyncOnlyWriteStream { OnWrite = calls => { if (calls == 2) cancel.Cancel(); } };
        await Assert.ThrowsAsync<OperationCanceledException>(() => CsvResultWriter.WriteAsync(_report, body, cancellationToken: cancel.Token));

        var full = ThroughStreamWriter(w => CsvResultWriter.Write(_report, w));
        Assert.AreEqual(2, body.WriteAsyncCalls, "no write after the token was cancelled");
        Assert.IsLessThan(full.Length, body.Bytes.Length);
        CollectionAssert.AreEqual(full.Take(body.Bytes.Length).ToArray(), body.Bytes, "a prefix of the full output");
    }

    [TestMethod]
    public async Task A_stream_that_cannot_be_written_is_refused_before_anything_is_formatted()
    {
        using var readOnly = new MemoryStream([], writable: false);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => JsonResultWriter.WriteAsync(_report, readOnly));
        Assert.AreEqual("output", error.ParamName);
    }
}
