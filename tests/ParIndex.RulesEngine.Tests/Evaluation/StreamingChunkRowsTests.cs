using System.Text;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Kernel;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// A streaming run's chunks stay within a memory budget: a narrow rule set keeps the chunk size
/// asked for, a wide one takes fewer rows, and the budget's estimate of a scored frame is what
/// the frame's constructor really allocates.
/// </summary>
[TestClass]
public sealed class StreamingChunkRowsTests
{
    private static CompiledRuleSet _wide = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _) => _wide = RuleSetLoader.LoadJson(Wide(300), "wide.json");

    [ClassCleanup]
    public static void Cleanup() => _wide.Dispose();

    [TestMethod]
    public void The_estimate_of_a_scored_frame_is_what_its_constructor_allocates()
    {
        foreach (var detail in new[] { true, false })
        {
            var shape = Scorer.ShapeOf(_wide.Bound, detail);
            const int Rows = 10_000;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var frame = new KernelFrame(Rows, shape, [], [], [], []);
            var measured = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Rows;
            GC.KeepAlive(frame);
            var estimate = KernelFrame.OutputBytesPerRow(shape);
            // Array headers and the outer arrays are the only difference: well under 2 % at 10,000 rows.
            Assert.IsTrue(Math.Abs(measured - estimate) <= 0.02 * estimate, $"detail {detail}: estimated {estimate} B/row, allocated {measured:F1}");
        }
    }

    [TestMethod]
    public void A_wide_rule_set_scored_in_full_takes_fewer_rows_a_chunk_within_the_budget()
    {
        var rows = StreamingRun.ChunkRows(_wide, new StreamingOptions());
        var frameBytes = KernelFrame.OutputBytesPerRow(Scorer.ShapeOf(_wide.Bound, storeDetail: true));
        // 300 number inputs (8 B), 300 leaves and their area scored in full: about 10 KB a row, so
        // 32 MiB hold about 3,000 rows, not 16,384.
        Assert.IsLessThan(16_384, rows);
        Assert.IsGreaterThanOrEqualTo(256, rows);
        Assert.IsLessThanOrEqualTo(StreamingRun.ChunkBytes, rows * (frameBytes + 300 * 8L));
        // Totals only need no per-criterion columns: more rows fit.
        Assert.IsGreaterThan(rows, StreamingRun.ChunkRows(_wide, new StreamingOptions { Detail = ScoreDetail.TotalsOnly }));
    }

    [TestMethod]
    public void A_chunk_that_fits_keeps_the_size_asked_for_and_a_small_one_is_never_raised()
    {
        using var narrow = RuleSetLoader.LoadJson(Wide(3), "narrow.json");
        Assert.AreEqual(16_384, StreamingRun.ChunkRows(narrow, new StreamingOptions()));
        // The 63-province example: about 2 KB a row scored in full, so 8,192 rows fit in 32 MiB.
        using var province = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        Assert.AreEqual(8_192, StreamingRun.ChunkRows(province, new StreamingOptions { ChunkSize = 8_192 }));
        Assert.AreEqual(7, StreamingRun.ChunkRows(province, new StreamingOptions { ChunkSize = 7 }));
        Assert.AreEqual(1, StreamingRun.ChunkRows(province, new StreamingOptions { ChunkSize = 0 }));
    }

    /// <summary>A rule set of <paramref name="leaves"/> number inputs, each one criterion of one area.</summary>
    private static string Wide(int leaves)
    {
        var json = new StringBuilder("""{ "id": "wide", "title": "Wide", "version": "1", "precision": 2, "inputs": [""");
        json.AppendJoin(", ", Enumerable.Range(0, leaves).Select(i => $$"""{ "name": "x{{i}}", "type": "number", "min": 0, "max": 1 }"""));
        json.Append($$"""], "criteria": [ { "code": "A", "title": "All", "max": {{leaves}}, "children": [""");
        json.AppendJoin(", ", Enumerable.Range(0, leaves).Select(i => $$"""{ "code": "A.{{i}}", "title": "Leaf {{i}}", "max": 1, "formula": "x{{i}}" }"""));
        json.Append("] } ] }");
        return json.ToString();
    }
}
