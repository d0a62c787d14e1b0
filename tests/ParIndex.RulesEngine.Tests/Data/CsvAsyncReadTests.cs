using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using ParIndex.RulesEngine.Tests.Workbooks;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The asynchronous CSV and workbook reads of a stream that refuses synchronous reads (as an
/// ASP.NET request body does): the same batch as the synchronous read of the same bytes, in
/// pieces of any size and over many of the reader's 64 KiB chunks; an I/O failure part-way is a
/// <see cref="DataFileException"/>, cancellation an <see cref="OperationCanceledException"/>; the stream is disposed.
/// </summary>
[TestClass]
public sealed class CsvAsyncReadTests
{
    /// <summary>
    /// <paramref name="rows"/> agencies of <see cref="DataRuleSets.BasicJson"/>, every 50th with a
    /// score above its max 100 (a row error), a vi-VN decimal comma in every score.
    /// </summary>
    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("agencyId;agencyName;score;reported;kind;extra\n");
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"A{i};Đơn vị {i};{(i % 50 == 7 ? "150" : $"{i % 100},5")};{(i % 2 == 0 ? "có" : "không")};xa;{i % 5}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static readonly DataReadOptions Vietnamese = DataReadOptions.Default with { Culture = CultureInfo.GetCultureInfo("vi-VN") };

    [TestMethod]
    [DataRow(1)]
    [DataRow(4093)]
    [DataRow(1 << 20)]
    public async Task A_stream_read_only_asynchronously_gives_the_batch_of_the_synchronous_read(int piece)
    {
        // 20,000 rows of about 40 bytes: some 800 KB, a dozen of the reader's chunks.
        var bytes = Csv(piece == 1 ? 2_000 : 20_000);
        var expected = CsvAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(bytes), Vietnamese, "body");
        var stream = new AsyncOnlyStream(bytes, piece);

        var batch = await CsvAgencyReader.ReadStreamAsync(Basic.InputSchema, stream, Vietnamese, "body");

        Assert.IsTrue(stream.Disposed, "the stream is disposed");
        Assert.IsGreaterThan(0, expected.RejectedCount, "the fixture has bad rows");
        CollectionAssert.AreEqual(expected.AgencyIds.ToList(), batch.AgencyIds.ToList());
        CollectionAssert.AreEqual(expected.RowErrors.Select(e => e.ToString()).ToList(), batch.RowErrors.Select(e => e.ToString()).ToList());
        var (a, b) = (Basic.Score(expected), Basic.Score(batch));
        CollectionAssert.AreEqual(a.Agencies.Select(x => x.Total).ToList(), b.Agencies.Select(x => x.Total).ToList());
    }

    [TestMethod]
    public async Task An_IO_failure_part_way_is_a_data_file_exception_not_a_shorter_batch()
    {
        var bytes = Csv(20_000);
        var stream = new AsyncOnlyStream(bytes, 8192, failAfter: bytes.Length / 2);
        var error = await Assert.ThrowsAsync<DataFileException>(() => CsvAgencyReader.ReadStreamAsync(Basic.InputSchema, stream, Vietnamese, "body"));
        Assert.AreEqual("body", error.Path);
        StringAssert.Contains(error.InnerException!.Message, "network gone");
        Assert.IsTrue(stream.Disposed);
    }

    [TestMethod]
    public async Task Cancelling_while_the_body_arrives_stops_the_read()
    {
        using var cancel = new CancellationTokenSource();
        // Cancelled as the 5th piece is asked for: long before the end of the body.
        var stream = new AsyncOnlyStream(Csv(20_000), 4096) { OnRead = calls => { if (calls == 5) cancel.Cancel(); } };
        await Assert.ThrowsAsync<OperationCanceledException>(() => CsvAgencyReader.ReadStreamAsync(Basic.InputSchema, stream, Vietnamese, "body", cancel.Token));
        Assert.IsTrue(stream.Disposed);
        Assert.IsLessThan(20, stream.ReadAsyncCalls, "the pump stopped soon after the cancellation");
    }

    [TestMethod]
    public async Task A_workbook_body_that_refuses_synchronous_reads_is_read()
    {
        var workbook = new TestWorkbook().Sheet("Nhập liệu")
            .Rows(1, ["agencyId", "agencyName", "score", "reported", "kind", "extra"])
            .Text("A2", "A").Text("B2", "Sở A").Number("C2", 50).Bool("D2", true).Text("E2", "so").Number("F2", 1)
            .Text("A3", "B").Text("B3", "Sở B").Number("C3", 250).Bool("D3", false).Text("E3", "xa").Number("F3", 2)
            .ToBytes();
        var stream = new AsyncOnlyStream(workbook, 1000);

        var batch = await XlsxAgencyReader.ReadStreamAsync(Basic.InputSchema, stream, null, "body.xlsx");

        Assert.IsTrue(stream.Disposed);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToList(), Describe(batch));
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.OutOfRange, "Nhập liệu!C3"), (error.Code, error.Location.Cell));
        // A: 50 / 10 = 5, reported 5, extra 1 → 11.
        Assert.AreEqual(11, Basic.Score(batch).Find("A")!.Total, 1e-9);
    }
}
