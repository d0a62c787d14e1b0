using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// <see cref="StreamingScorer.ScoreCsvFileAsync"/> and <see cref="StreamingScorer.ScoreCsvAsync"/> (a stream): the agencies it yields are, in order and in
/// every field, those of scoring the whole file in memory, for any chunk size; rejected rows go to
/// the callback; leaving early, cancelling or a file error all end the run with its spill file gone.
/// </summary>
[TestClass]
public sealed class StreamingEnumerationTests
{
    private const string Rules = """
        {
          "id": "stream-enumeration", "title": "Streaming enumeration", "version": "1", "precision": 2,
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
            { "name": "done", "type": "number", "min": 0, "max": 100 },
            { "name": "reported", "type": "bool" }
          ],
          "criteria": [
            { "code": "1", "title": "Done vs best in group", "max": 8, "proportional": { "value": "done", "target": "GroupMax(done)" } },
            { "code": "2", "title": "Reported", "max": 2, "yesNo": "reported" }
          ],
          "ranking": { "groupBy": "kind" },
          "eligibility": [ { "id": "top", "title": "Top 5", "conditions": [ { "title": "rank ≤ 5", "when": "rank <= 5" } ] } ]
        }
        """;

    private static CompiledRuleSet _rules = null!;
    private static string _folder = null!;
    private static string _data = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _)
    {
        _rules = RuleSetLoader.LoadJson(Rules);
        _folder = Directory.CreateTempSubdirectory("parindex-enumeration-tests-").FullName;
        _data = Path.Combine(_folder, "data.csv");
        var csv = new StringBuilder("agencyId,agencyName,kind,done,reported\n");
        for (var i = 0; i < 1_000; i++)
        {
            // Every 97th row is out of range (done 150): rejected by the reader, never yielded.
            var done = i % 97 == 5 ? 150 : (i * 37) % 101;
            csv.Append(CultureInfo.InvariantCulture, $"A{i:D4},Đơn vị {i},{(i % 3 == 0 ? "so" : "huyen")},{done},{(i % 2 == 0 ? "true" : "false")}\n");
        }
        File.WriteAllText(_data, csv.ToString());
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _rules.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string SpillFolder() => Directory.CreateDirectory(Path.Combine(_folder, "spill-" + Guid.NewGuid().ToString("N"))).FullName;

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(4096)]
    public async Task The_agencies_yielded_are_those_of_the_in_memory_report_in_input_order(int chunkSize)
    {
        var expected = _rules.Score(CsvAgencyReader.ReadFile(_rules, _data));
        var rejected = new List<RowError>();
        var spill = SpillFolder();
        var yielded = new List<AgencyScore>();
        await foreach (var agency in StreamingScorer.ScoreCsvFileAsync(_rules, _data,
            new StreamingOptions { ChunkSize = chunkSize, SpillFolder = spill, OnRowError = rejected.Add }))
            yielded.Add(agency);

        // 1,000 rows, of which rows 5, 102, …, 974 (11 rows: i % 97 == 5) are out of range.
        Assert.AreEqual(989, expected.Agencies.Count);
        Assert.HasCount(expected.Agencies.Count, yielded);
        for (var i = 0; i < yielded.Count; i++) AssertSame(expected.Agencies[i], yielded[i]);
        CollectionAssert.AreEqual(expected.RowErrors.Select(e => e.AgencyId).ToList(), rejected.Select(e => e.AgencyId).ToList());
        Assert.IsEmpty(Directory.GetFiles(spill), "no spill file left");
    }

    [TestMethod]
    public async Task Leaving_early_stops_the_run_and_removes_the_spill_file()
    {
        var spill = SpillFolder();
        var taken = 0;
        await foreach (var _ in StreamingScorer.ScoreCsvFileAsync(_rules, _data, new StreamingOptions { ChunkSize = 16, SpillFolder = spill }))
            if (++taken == 3) break;
        Assert.AreEqual(3, taken);
        Assert.IsEmpty(Directory.GetFiles(spill), "the run ended before the loop did");
    }

    [TestMethod]
    public async Task Cancelling_ends_the_enumeration_with_OperationCanceledException_and_no_spill_file()
    {
        var spill = SpillFolder();
        using var cancel = new CancellationTokenSource();
        var taken = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in StreamingScorer.ScoreCsvFileAsync(_rules, _data, new StreamingOptions { ChunkSize = 16, SpillFolder = spill }, cancel.Token))
                if (++taken == 2) cancel.Cancel();
        });
        Assert.AreEqual(2, taken);
        Assert.IsEmpty(Directory.GetFiles(spill));
    }

    [TestMethod]
    public async Task A_file_level_error_is_thrown_by_the_enumeration_and_nothing_is_yielded()
    {
        var spill = SpillFolder();
        var truncated = Path.Combine(_folder, "truncated.csv");
        // The last record ends early without its line break (PAR0610).
        File.WriteAllText(truncated, File.ReadAllText(_data) + "Z1,Đơn vị Z,so");
        var yielded = 0;
        var error = await Assert.ThrowsAsync<DataFileErrorException>(async () =>
        {
            await foreach (var _ in StreamingScorer.ScoreCsvFileAsync(_rules, truncated, new StreamingOptions { ChunkSize = 64, SpillFolder = spill })) yielded++;
        });
        Assert.AreEqual(0, yielded);
        Assert.IsTrue(error.Errors.Any(e => e.Code == Diagnostics.DiagnosticCodes.TruncatedFile), string.Join("; ", error.Errors));
        Assert.IsEmpty(Directory.GetFiles(spill));
    }

    [TestMethod]
    [DataRow(7)]
    [DataRow(4096)]
    public async Task A_stream_read_with_ReadAsync_only_yields_what_the_file_does_and_is_disposed(int chunkSize)
    {
        var expected = _rules.Score(CsvAgencyReader.ReadFile(_rules, _data));
        var spill = SpillFolder();
        var rejected = new List<RowError>();
        // 1,000-byte reads, synchronous reads refused: what ASP.NET's request body allows.
        var body = new AsyncOnlyStream(File.ReadAllBytes(_data), piece: 1_000);
        var yielded = new List<AgencyScore>();
        await foreach (var agency in StreamingScorer.ScoreCsvAsync(_rules, body, "request",
            new StreamingOptions { ChunkSize = chunkSize, SpillFolder = spill, OnRowError = rejected.Add }))
            yielded.Add(agency);

        Assert.HasCount(expected.Agencies.Count, yielded);
        for (var i = 0; i < yielded.Count; i++) AssertSame(expected.Agencies[i], yielded[i]);
        // The 11 out-of-range rows, each placed in "request" instead of a file name.
        Assert.HasCount(11, rejected);
        Assert.IsTrue(rejected.All(e => e.Location.File == "request"), string.Join("; ", rejected.Select(e => e.Location)));
        Assert.IsGreaterThan(1, body.ReadAsyncCalls, "read in pieces");
        Assert.IsTrue(body.Disposed);
        Assert.IsEmpty(Directory.GetFiles(spill));
    }

    [TestMethod]
    public async Task Cancelling_a_stream_run_disposes_the_stream_and_removes_the_spill_file()
    {
        var spill = SpillFolder();
        using var cancel = new CancellationTokenSource();
        var body = new AsyncOnlyStream(File.ReadAllBytes(_data), piece: 1_000);
        var taken = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in StreamingScorer.ScoreCsvAsync(_rules, body, "request", new StreamingOptions { ChunkSize = 16, SpillFolder = spill }, cancel.Token))
                if (++taken == 2) cancel.Cancel();
        });
        Assert.AreEqual(2, taken);
        Assert.IsTrue(body.Disposed);
        Assert.IsEmpty(Directory.GetFiles(spill));
    }

    private static void AssertSame(AgencyScore expected, AgencyScore actual)
    {
        var id = expected.AgencyId;
        Assert.AreEqual(expected.AgencyId, actual.AgencyId);
        Assert.AreEqual(expected.Name, actual.Name, id);
        Assert.AreEqual(expected.Group, actual.Group, id);
        Assert.AreEqual(expected.Total, actual.Total, 0, id);
        Assert.AreEqual(expected.MaxPoints, actual.MaxPoints, 0, id);
        Assert.AreEqual(expected.Percent, actual.Percent, 0, id);
        Assert.AreEqual(expected.Classification, actual.Classification, id);
        Assert.AreEqual(expected.Rank, actual.Rank, id);
        Assert.AreEqual(expected.OverallRank, actual.OverallRank, id);
        CollectionAssert.AreEqual(expected.Criteria.ToList(), actual.Criteria.ToList(), id);
        Assert.AreEqual(string.Join(";", expected.Eligibility.Select(e => $"{e.Id}={e.IsEligible}:{string.Join(",", e.FailedConditions)}")),
            string.Join(";", actual.Eligibility.Select(e => $"{e.Id}={e.IsEligible}:{string.Join(",", e.FailedConditions)}")), id);
    }
}
