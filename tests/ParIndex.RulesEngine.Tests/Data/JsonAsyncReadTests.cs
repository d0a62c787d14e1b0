using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The asynchronous JSON reads: the stream is read only asynchronously (as an ASP.NET request
/// body must be), in pieces of any size, with the same batch as the synchronous read; an I/O
/// failure throws <see cref="DataFileException"/>, cancellation <see cref="OperationCanceledException"/>.
/// </summary>
[TestClass]
public sealed class JsonAsyncReadTests
{
    private static readonly string Json = "[\n" + string.Join(",\n", Enumerable.Range(0, 3000).Select(i =>
        $$"""{ "agencyId": "A{{i}}", "agencyName": "Sở {{i}}", "score": {{(i % 7 == 0 ? "\"abc\"" : (i % 101).ToString(System.Globalization.CultureInfo.InvariantCulture))}}, "reported": {{(i % 2 == 0 ? "true" : "false")}}, "kind": "so" }""")) + "\n]";

    private static string Summary(AgencyBatch batch) =>
        $"{string.Join(",", batch.AgencyIds)} | {string.Join(",", batch.Numbers[0])} | {string.Join(",", batch.Bools[0])} | " +
        string.Join(";", batch.RowErrors.Select(e => $"{e.AgencyId} {e.Field} {e.Location}")) + " | " + string.Join(";", batch.Diagnostics);

    [TestMethod]
    [DataRow(1, 300, DisplayName = "one byte per read")]
    [DataRow(7, 1000, DisplayName = "seven bytes per read")]
    [DataRow(100_000, 3000, DisplayName = "large reads")]
    public async Task A_stream_that_forbids_synchronous_reads_gives_the_same_batch(int piece, int rows)
    {
        var json = rows == 3000 ? Json : string.Join("\n", Json.Split('\n').Take(rows + 1)).TrimEnd(',') + "\n]";
        var expected = JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");
        using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(json), piece);
        var batch = await JsonAgencyReader.ReadStreamAsync(Basic, stream, source: "data.json");
        Assert.AreEqual(Summary(expected), Summary(batch));
        Assert.AreEqual(rows - (rows + 6) / 7, batch.Count, "every 7th row has a bad score");
        Assert.IsTrue(stream.ReadAsyncCalls >= Encoding.UTF8.GetByteCount(json) / piece, $"{stream.ReadAsyncCalls} reads");
        Assert.IsTrue(stream.Disposed, "the stream is disposed, as by ReadStream");
    }

    [TestMethod]
    public async Task A_text_reader_is_read_asynchronously_too()
    {
        var expected = JsonAgencyReader.Read(Basic, new StringReader(Json), DataReadOptions.Default, "data.json");
        var batch = await JsonAgencyReader.ReadAsync(Basic, new StringReader(Json), source: "data.json");
        Assert.AreEqual(Summary(expected), Summary(batch));
    }

    [TestMethod]
    public async Task Reading_a_file_asynchronously_gives_the_file_warnings_too()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1258).GetBytes("""[{ "agencyId": "A", "agencyName": "Đơn vị", "score": 50, "reported": true, "kind": "so" }]""");
        using var file = WriteTemp("cp1258.json", bytes);
        var batch = await JsonAgencyReader.ReadFileAsync(Basic, file.Path);
        Assert.AreEqual(1, batch.Count);
        StringAssert.Contains(batch.Diagnostics.Single().Message, "not valid UTF-8");
        Assert.AreEqual(file.Path, batch.Diagnostics.Single().Location.File);
    }

    [TestMethod]
    public async Task A_missing_file_throws_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "parindex-no-such-folder", "data.json");
        var error = await Assert.ThrowsExactlyAsync<DataFileException>(() => JsonAgencyReader.ReadFileAsync(Basic, path));
        Assert.AreEqual(path, error.Path);
    }

    [TestMethod]
    public async Task An_io_error_part_way_throws_and_gives_no_partial_batch()
    {
        using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Json), 4096, failAfter: 50_000);
        var error = await Assert.ThrowsExactlyAsync<DataFileException>(() => JsonAgencyReader.ReadStreamAsync(Basic, stream, source: "data.json"));
        Assert.AreEqual("data.json", error.Path);
        StringAssert.Contains(error.Message, "network gone at byte 50000");
    }

    [TestMethod]
    public async Task Cancellation_part_way_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Json), 4096) { OnRead = calls => { if (calls == 3) cancel.Cancel(); } };
        await Assert.ThrowsAsync<OperationCanceledException>(() => JsonAgencyReader.ReadStreamAsync(Basic, stream, source: "data.json", cancellationToken: cancel.Token));
        Assert.IsTrue(stream.ReadAsyncCalls < 10, $"stopped soon after the cancellation, not at the end ({stream.ReadAsyncCalls} reads)");
        Assert.IsTrue(stream.Disposed);
    }

    [TestMethod]
    public async Task A_token_cancelled_before_the_read_stops_it_at_once()
    {
        using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Json), 4096);
        await Assert.ThrowsAsync<OperationCanceledException>(() => JsonAgencyReader.ReadAsync(Basic, new StringReader(Json), cancellationToken: new CancellationToken(canceled: true)));
        await Assert.ThrowsAsync<OperationCanceledException>(() => JsonAgencyReader.ReadStreamAsync(Basic, stream, cancellationToken: new CancellationToken(canceled: true)));
        Assert.AreEqual(0, stream.ReadAsyncCalls);
    }

    [TestMethod]
    public async Task Malformed_json_read_asynchronously_is_a_file_error_not_an_exception()
    {
        using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Json[..^40]), 13);
        var batch = await JsonAgencyReader.ReadStreamAsync(Basic, stream, source: "data.json");
        var error = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.DataFile, 3001), (error.Code, error.Location.Line));
        Assert.IsTrue(batch.HasFileErrors);
    }
}
