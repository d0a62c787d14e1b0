using System.IO.Compression;
using System.Text;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Results.Workbooks;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The asynchronous edges added for web apps: the workbooks and the HTML report written to a
/// response body that refuses synchronous writes hold exactly what the synchronous writers give,
/// and a rule file read from a stream that refuses synchronous reads loads as its text does, with
/// a stream too long or failing reported as PAR0101 naming the source.
/// </summary>
[TestClass]
public sealed class AsyncDocumentWriterTests
{
    private static string ExampleRules => RepositoryPaths.Example("par-index-province-2019", "ruleset.json");

    private static CompiledRuleSet _rules = null!;
    private static ScoreReport _report = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _)
    {
        _rules = RuleSetLoader.LoadFile(ExampleRules);
        _report = _rules.Score(Data.CsvAgencyReader.ReadFile(_rules, RepositoryPaths.Example("par-index-province-2019", "provinces-2018.csv")));
    }

    [ClassCleanup]
    public static void Cleanup() => _rules.Dispose();

    [TestMethod]
    public async Task The_results_workbook_and_the_template_written_asynchronously_hold_what_the_synchronous_writers_write()
    {
        foreach (var (label, write, writeAsync) in new (string, Action<Stream>, Func<Stream, Task>)[]
        {
            ("results", s => XlsxResultWriter.Write(_report, s), s => XlsxResultWriter.WriteAsync(_report, s)),
            ("template", s => DataEntryTemplate.Write(_rules, s), s => DataEntryTemplate.WriteAsync(_rules, s)),
        })
        {
            using var expected = new MemoryStream();
            write(expected);
            var body = new AsyncOnlyWriteStream();
            await writeAsync(body);
            CollectionAssert.AreEqual(Entries(expected.ToArray()).Keys.ToList(), Entries(body.Bytes).Keys.ToList(), label);
            foreach (var (name, content) in Entries(expected.ToArray()))
                Assert.AreEqual(content, Entries(body.Bytes)[name], $"{label}: {name}");
            Assert.IsTrue(body.FlushedAsync, label);
            Assert.IsGreaterThan(0, body.WriteAsyncCalls, label);
        }
    }

    [TestMethod]
    public async Task A_cancelled_workbook_write_writes_nothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var body = new AsyncOnlyWriteStream();
        await Assert.ThrowsAsync<OperationCanceledException>(() => XlsxResultWriter.WriteAsync(_report, body, cancel.Token));
        Assert.IsEmpty(body.Bytes, "the output sees nothing of an unfinished workbook");
    }

    [TestMethod]
    public async Task The_HTML_report_written_asynchronously_is_the_rendered_page()
    {
        var body = new AsyncOnlyWriteStream();
        await using (var writer = new StreamWriter(body, new UTF8Encoding(false)))
            await HtmlReportWriter.WriteAsync(_report, writer);
        Assert.AreEqual(HtmlReportWriter.Render(_report), Encoding.UTF8.GetString(body.Bytes));
        StringAssert.Contains(Encoding.UTF8.GetString(body.Bytes), "Tỉnh Kon Tum");
    }

    [TestMethod]
    public async Task A_rule_file_read_from_a_stream_with_ReadAsync_only_scores_as_its_text_does()
    {
        var bytes = await File.ReadAllBytesAsync(ExampleRules);
        var body = new AsyncOnlyStream([.. Encoding.UTF8.Preamble, .. bytes], piece: 4_000);
        using var fromStream = await RuleSetLoader.LoadStreamAsync(body, "request.json");
        using var fromText = RuleSetLoader.LoadJson(Encoding.UTF8.GetString(bytes), "request.json");
        Assert.IsTrue(body.Disposed);
        Assert.IsGreaterThan(1, body.ReadAsyncCalls, "read in pieces");
        // Same text and name (the byte-order mark dropped): the same rule set, scoring alike.
        Assert.AreEqual(fromText.Key, fromStream.Key);
        var data = RepositoryPaths.Example("par-index-province-2019", "provinces-2018.csv");
        var expected = fromText.Score(Data.CsvAgencyReader.ReadFile(fromText, data));
        var actual = fromStream.Score(Data.CsvAgencyReader.ReadFile(fromStream, data));
        CollectionAssert.AreEqual(expected.Agencies.Select(a => (a.AgencyId, a.Total, a.Rank)).ToList(), actual.Agencies.Select(a => (a.AgencyId, a.Total, a.Rank)).ToList());
    }

    [TestMethod]
    public async Task A_rule_stream_too_long_or_failing_is_PAR0101_naming_the_source()
    {
        var bytes = await File.ReadAllBytesAsync(ExampleRules);
        var tooLong = await RuleSetLoader.TryLoadStreamAsync(new AsyncOnlyStream(bytes, piece: 4_000), "request.json", new RuleSetLoadOptions { MaxFileBytes = 10_000 });
        var error = tooLong.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.FileUnreadable, error.Code);
        Assert.AreEqual("request.json: error PAR0101: The rule text read from the stream is over the limit of 10,000 bytes (RuleSetLoadOptions.MaxFileBytes); reading stopped there.", error.ToString());
        Assert.IsNull(tooLong.RuleSet);

        var failing = await RuleSetLoader.TryLoadStreamAsync(new AsyncOnlyStream(bytes, piece: 4_000, failAfter: 8_000), "request.json");
        Assert.AreEqual("request.json: error PAR0101: The rule file cannot be read: network gone at byte 8000", failing.Diagnostics.Single().ToString());
        await Assert.ThrowsAsync<RuleSetException>(() => RuleSetLoader.LoadStreamAsync(new AsyncOnlyStream(bytes, piece: 4_000, failAfter: 8_000)));
    }

    /// <summary>Every entry of a zip with its text.</summary>
    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        });
    }
}
