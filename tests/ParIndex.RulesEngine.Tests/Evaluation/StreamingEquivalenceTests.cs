using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Sinks;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// A streamed run writes exactly the bytes the in-memory writers give for the whole file, in
/// every format and for any chunk size, on a generated file of 50,000 agencies with everything
/// that makes streaming hard: group aggregates (the best share in the group), rows rejected by
/// the reader and rows rejected by a formula fault (which must not move the aggregates), ties,
/// criteria that do not apply, eligibility on ranks, previous ranks. The spill file is gone
/// however the run ends.
/// </summary>
[TestClass]
public sealed class StreamingEquivalenceTests
{
    private const string Rules = """
        {
          "id": "stream-equivalence", "title": "Streaming equivalence", "version": "1", "precision": 2,
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "online", "type": "number", "min": 0 },
            { "name": "received", "type": "number", "min": 0 },
            { "name": "reportsOnTime", "type": "bool" }
          ],
          "variables": [ { "name": "share", "formula": "Ratio(online, received)" } ],
          "criteria": [
            { "code": "1", "title": "Online share vs best in group", "max": 6, "formula": "6 * Ratio(share, GroupMax(share))" },
            { "code": "2", "title": "Reports", "max": 2, "yesNo": "reportsOnTime" },
            { "code": "3", "title": "Raw share (no number when nothing was received)", "max": 2, "appliesTo": "kind != \"xa\"", "formula": "Min(2, 2 * online / received)" }
          ],
          "classification": [ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 70 }, { "label": "Yếu", "minPercent": 0 } ],
          "ranking": { "groupBy": "kind" },
          "eligibility": [ { "id": "top", "title": "Top 10", "conditions": [ { "title": "rank ≤ 10", "when": "rank <= 10" } ] } ]
        }
        """;

    private static CompiledRuleSet _rules = null!;
    private static string _folder = null!;
    private static string _data = null!;
    private static PreviousRanks _previous = null!;
    private static Lazy<(Results.ScoreReport Report, string Csv, string Json, string Table)> _inMemory = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _)
    {
        _rules = RuleSetLoader.LoadJson(Rules);
        _folder = Directory.CreateTempSubdirectory("parindex-stream-tests-").FullName;
        _data = Path.Combine(_folder, "data.csv");
        File.WriteAllText(_data, Generate(50_000, seed: 3));
        _previous = new PreviousRanks(Enumerable.Range(0, 50_000).Where(i => i % 3 == 0)
            .ToDictionary(i => Id(i), i => new PreviousRank(1 + i % 40, null)));
        _inMemory = new(() =>
        {
            var report = _rules.Score(CsvAgencyReader.ReadFile(_rules, _data), new ScoringOptions { Previous = _previous });
            var csv = new StringWriter();
            var json = new StringWriter();
            var table = new StringWriter();
            CsvResultWriter.Write(report, csv);
            JsonResultWriter.Write(report, json);
            TableResultWriter.Write(report, table);
            return (report, csv.ToString(), json.ToString(), table.ToString());
        });
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        _rules.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(4096)]
    public void Every_format_streamed_equals_the_in_memory_writers(int chunkSize)
    {
        var (report, csv, json, table) = _inMemory.Value;
        // The fixture must hold what it claims: reader rejections, formula faults, ties.
        Assert.IsTrue(report.RowErrorLog.Counts.Any(c => c.Code == Diagnostics.DiagnosticCodes.OutOfRange), "reader rejections");
        Assert.IsTrue(report.RowErrorLog.Counts.Any(c => c.Code == Diagnostics.DiagnosticCodes.FormulaType), "formula faults");
        Assert.IsLessThan(report.Agencies.Count, report.Agencies.Select(a => (a.Group, a.Rank)).Distinct().Count(), "ties");

        // One streamed run feeds the three sinks at once (a chunk size of 1 means 50,000 chunks per pass).
        var streamed = (Csv: new StringWriter(), Json: new StringWriter(), Table: new StringWriter());
        var options = new StreamingOptions { ChunkSize = chunkSize, Previous = _previous, SpillFolder = SpillFolder(), MaxDegreeOfParallelism = 2 };
        // The table's rows wait in a spill file of their own, as when the table format is streamed.
        var sink = new TeeSink(
            new CsvSink(new Utf16ResultText(streamed.Csv), CsvResultOptions.Default),
            new JsonSink(new Utf16ResultText(streamed.Json)),
            new TableSink(new Utf16ResultText(streamed.Table), options.SpillFolder));
        var summary = StreamingRun.OverFile(_rules, _data, options, CancellationToken.None).Run(sink);

        Assert.AreEqual(csv, streamed.Csv.ToString(), "csv");
        Assert.AreEqual(json, streamed.Json.ToString(), "json");
        Assert.AreEqual(table, streamed.Table.ToString(), "table");
        Assert.AreEqual(report.Agencies.Count, summary.Scored);
        Assert.AreEqual(report.RowErrorLog.Rejected.Count, summary.Rejected);
        Assert.AreEqual(report.RowErrorLog.ErrorCount, summary.RowErrorLog.ErrorCount);
        // Nothing but one chunk reaches a sink at a time: no whole-file frame is ever built.
        Assert.IsLessThanOrEqualTo(chunkSize, sink.LargestBlock);
        Assert.IsEmpty(Directory.GetFiles(options.SpillFolder!), "no spill file left");
    }

    [TestMethod]
    public void Ranks_come_from_one_entry_per_distinct_percent_not_one_per_agency()
    {
        // 10,000 agencies in two groups with percents 0, 1, …, 99 (100 distinct values each).
        var keys = new StreamingRankKeys();
        for (var i = 0; i < 10_000; i++) keys.Add(i % 2, i % 100);
        var (groups, overall) = keys.Build(2);
        Assert.AreEqual(50, groups[0].Size, "group 0 holds the even percents");
        Assert.AreEqual(100, overall.Size);
        // 99 is the best: rank 1 for its 100 agencies; 98 comes after those 100 agencies (rank 101 overall);
        // in group 1 (odd percents, 100 agencies each) 97 ranks 101 as well.
        Assert.AreEqual(1, overall.RankOf(99));
        Assert.AreEqual(101, overall.RankOf(98));
        Assert.AreEqual(101, groups[1].RankOf(97));
        Assert.ThrowsExactly<InvalidOperationException>(() => overall.RankOf(98.5));
    }

    [TestMethod]
    public void The_spill_file_is_gone_after_success()
    {
        var folder = SpillFolder();
        var output = new StringWriter();
        var sawSpill = new List<int>();
        var summary = StreamingScorer.ScoreCsvFile(_rules, _data, output, new StreamingOptions
        {
            ChunkSize = 4096,
            SpillFolder = folder,
            // Called between the passes, while the spill is open: on Unix it already has no name.
            OnRowError = _ => sawSpill.Add(Directory.GetFiles(folder).Length),
        });
        Assert.IsGreaterThan(0, summary.Scored);
        Assert.IsNotEmpty(sawSpill);
        if (!OperatingSystem.IsWindows()) Assert.IsTrue(sawSpill.All(n => n == 0), "unlinked as soon as it was open");
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    public void The_spill_file_is_gone_after_a_file_level_error_half_way()
    {
        // The last line ends early, without its line break: the file is truncated (PAR0610), found after every other chunk was spilled.
        var folder = SpillFolder();
        var data = Path.Combine(folder, "..", Path.GetFileName(folder) + "-truncated.csv");
        File.WriteAllText(data, Generate(5_000, seed: 5) + "Z1,Đơn vị Z,so");
        try
        {
            var error = Assert.ThrowsExactly<DataFileErrorException>(() =>
                StreamingScorer.ScoreCsvFile(_rules, data, new StringWriter(), new StreamingOptions { ChunkSize = 256, SpillFolder = folder }));
            Assert.IsTrue(error.Errors.Any(e => e.Code == Diagnostics.DiagnosticCodes.TruncatedFile), string.Join("; ", error.Errors));
            Assert.IsEmpty(Directory.GetFiles(folder));
        }
        finally
        {
            File.Delete(data);
        }
    }

    [TestMethod]
    public void The_spill_file_is_gone_after_the_output_writer_throws()
    {
        var folder = SpillFolder();
        var output = new FailingWriter(failAfter: 10_000);
        Assert.ThrowsExactly<IOException>(() =>
            StreamingScorer.ScoreCsvFile(_rules, _data, output, new StreamingOptions { ChunkSize = 1024, SpillFolder = folder }));
        Assert.IsGreaterThan(0, output.Written, "the writing pass had started");
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    public void The_spill_file_is_gone_after_cancellation()
    {
        var folder = SpillFolder();
        using var cancellation = new CancellationTokenSource();
        // Cancelled by the first write (the header): the writing pass stops at its next chunk.
        var output = new CancellingWriter(cancellation);
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            StreamingScorer.ScoreCsvFile(_rules, _data, output, new StreamingOptions { ChunkSize = 1024, SpillFolder = folder }, cancellation.Token));
        Assert.IsTrue(cancellation.IsCancellationRequested);
        Assert.IsEmpty(Directory.GetFiles(folder));

        // Cancelled before the run: it stops at the first chunk of the text.
        using var before = new CancellationTokenSource();
        before.Cancel();
        Assert.ThrowsExactly<OperationCanceledException>(() =>
            StreamingScorer.ScoreCsvFile(_rules, _data, new StringWriter(), new StreamingOptions { SpillFolder = folder }, before.Token));
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    /// <summary>A new folder for one run's spill, inside the test run's folder (deleted when the run ends).</summary>
    private static string SpillFolder() => Directory.CreateDirectory(Path.Combine(TestSupport.TestRun.Folder, $"spill-{Guid.NewGuid():N}")).FullName;

    private static string Id(int i) => "U" + i.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Rows: kind cycles so/huyen/xa; online ≤ received, both small so percents repeat (ties);
    /// every 97th row has online = -1 (below min 0: rejected by the reader); every 211th has
    /// received = 0 with online 0, so criterion 3 divides 0 by 0 (a formula fault) except for a
    /// commune, where 3 does not apply.
    /// </summary>
    private static string Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("agencyId,agencyName,kind,online,received,reportsOnTime\n");
        for (var i = 0; i < rows; i++)
        {
            var received = i % 211 == 0 ? 0 : random.Next(1, 21);
            var online = i % 97 == 0 ? -1 : received == 0 ? 0 : random.Next(0, received + 1);
            text.Append(CultureInfo.InvariantCulture, $"{Id(i)},Đơn vị {i},{(i % 3) switch { 0 => "so", 1 => "huyen", _ => "xa" }},{online},{received},{(random.Next(2) == 0 ? "true" : "false")}\n");
        }
        return text.ToString();
    }

    /// <summary>Hands every block to several sinks, and remembers the largest block.</summary>
    private sealed class TeeSink(params ResultSink[] sinks) : ResultSink
    {
        public int LargestBlock { get; private set; }

        public override void Begin(ResultLayout layout)
        {
            foreach (var sink in sinks) sink.Begin(layout);
        }

        public override void Write(ScoredRows rows, int start, int end)
        {
            LargestBlock = Math.Max(LargestBlock, end - start);
            foreach (var sink in sinks) sink.Write(rows, start, end);
        }

        public override void Complete(RowErrorLog rowErrors)
        {
            foreach (var sink in sinks) sink.Complete(rowErrors);
        }
    }

    private sealed class FailingWriter(int failAfter) : TextWriter
    {
        public int Written { get; private set; }
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => Write([value], 0, 1);
        public override void Write(char[] buffer, int index, int count)
        {
            Written += count;
            if (Written > failAfter) throw new IOException("disk full");
        }
    }

    private sealed class CancellingWriter(CancellationTokenSource cancellation) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => cancellation.Cancel();
        public override void Write(char[] buffer, int index, int count) => cancellation.Cancel();
    }
}
