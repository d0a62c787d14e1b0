using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// A chunked read builds each chunk on the input columns of a finished chunk of as many rows
/// (what a streaming run hands back): the chunks hold exactly what a read without reuse gives,
/// and the arrays really are the finished ones.
/// </summary>
[TestClass]
public sealed class ChunkColumnsReuseTests
{
    [TestMethod]
    public void Chunks_built_on_finished_columns_hold_what_new_chunks_hold()
    {
        var schema = RuleSetLoader.LoadInputSchema(RepositoryPaths.Example("provincial-internal-index", "ruleset.json"));
        var path = RepositoryPaths.Example("provincial-internal-index", "units-2024.csv");
        var expected = CsvChunkReader.Read(schema, path, DataReadOptions.Default, 7).Select(Snapshot).ToList();

        var finished = new FinishedColumns<AgencyBatch>(chunk => chunk.Count);
        var actual = new List<string>();
        var reused = 0;
        // The reader builds ahead on its own thread, so a chunk may be built on any chunk returned before.
        var returnedColumns = new HashSet<double[]>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in CsvChunkReader.Read(schema, path, DataReadOptions.Default, 7, finished))
        {
            if (returnedColumns.Contains(chunk.Numbers[0])) reused++;
            actual.Add(Snapshot(chunk));
            // Finished with it, as a streaming run is once the chunk is scored.
            returnedColumns.Add(chunk.Numbers[0]);
            finished.Return(chunk);
        }

        Assert.IsGreaterThan(2, expected.Count, "the file must give several chunks");
        CollectionAssert.AreEqual(expected, actual);
        Assert.IsGreaterThan(0, reused, "no chunk was built on a finished chunk's columns");
    }

    /// <summary>Every value of a chunk, as text (the arrays themselves are reused, so they cannot be kept).</summary>
    private static string Snapshot(AgencyBatch chunk) => string.Join("|",
        string.Join(",", chunk.AgencyIds),
        string.Join(",", chunk.AgencyNames.Select(n => n ?? "<null>")),
        string.Join(",", chunk.RowNumbers),
        string.Join(";", chunk.Numbers.Select(c => string.Join(",", c.Select(v => v.ToString("R"))))),
        string.Join(";", chunk.Bools.Select(c => string.Join(",", c))),
        string.Join(";", chunk.Missing.Select(c => string.Join(",", c))),
        string.Join(";", chunk.Texts.Select(c => string.Join(",", c))));
}
