using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// The spill of a streaming run gives back every chunk exactly as it was appended: ids, names
/// (null, empty, Vietnamese, unpaired surrogates), row numbers, every typed column and text
/// column, in order, as often as it is read.
/// </summary>
[TestClass]
public sealed class StreamingSpillTests
{
    [TestMethod]
    public void Every_chunk_comes_back_exactly_on_every_read()
    {
        var random = new Random(7);
        var chunks = new[] { Chunk(random, 1), Chunk(random, 0), Chunk(random, 257), Chunk(random, 4096) };
        var folder = Directory.CreateTempSubdirectory("parindex-spill-test-").FullName;
        try
        {
            using (var spill = StreamingSpill.Create(folder, "key", "data.csv"))
            {
                foreach (var chunk in chunks) spill.Append(chunk);
                for (var read = 0; read < 2; read++)
                {
                    var back = spill.ReadAll().ToList();
                    Assert.HasCount(chunks.Length, back);
                    for (var i = 0; i < chunks.Length; i++) AssertSame(chunks[i], back[i], $"read {read}, chunk {i}");
                }
            }
            Assert.IsEmpty(Directory.GetFiles(folder), "the spill file outlived its run");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public void A_block_read_into_the_columns_of_a_returned_chunk_holds_the_block()
    {
        var random = new Random(11);
        var first = Chunk(random, 300);
        var second = Chunk(random, 300);
        var folder = Directory.CreateTempSubdirectory("parindex-spill-test-").FullName;
        try
        {
            using var spill = StreamingSpill.Create(folder, "key", "data.csv");
            spill.Append(first);
            spill.Append(second);
            var finished = new FinishedColumns<AgencyBatch>(chunk => chunk.Count);
            var read = spill.ReadAll(finished).ToList();
            // The second chunk read is finished with: the next read of the first block goes into its columns.
            finished.Return(read[1]);
            var again = spill.ReadAll(finished).ToList();
            Assert.AreSame(read[1].Numbers[0], again[0].Numbers[0], "the returned chunk's columns were not reused");
            Assert.AreSame(read[1].Missing, again[0].Missing);
            Assert.AreSame(read[1].IdColumn, again[0].IdColumn, "the ids' array was not reused");
            Assert.AreSame(read[1].NameColumn, again[0].NameColumn);
            Assert.AreSame(read[1].RowNumbers, again[0].RowNumbers);
            AssertSame(first, again[0], "the first block, read into the second's columns");
            AssertSame(second, again[1], "the second block");
            // A chunk of another row count is never filled: it would hold the wrong number of rows.
            var shorter = Chunk(random, 299);
            finished.Return(shorter);
            var next = spill.ReadAll(finished).First();
            Assert.AreNotSame(shorter.Numbers[0], next.Numbers[0]);
            AssertSame(first, next, "the first block, read after a shorter chunk was returned");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static void AssertSame(AgencyBatch expected, AgencyBatch actual, string where)
    {
        CollectionAssert.AreEqual(expected.AgencyIds.ToArray(), actual.AgencyIds.ToArray(), StringComparer.Ordinal, where + ": ids");
        CollectionAssert.AreEqual(expected.AgencyNames.ToArray(), actual.AgencyNames.ToArray(), StringComparer.Ordinal, where + ": names");
        CollectionAssert.AreEqual(expected.RowNumbers, actual.RowNumbers, where + ": row numbers");
        AssertColumns(expected.Numbers, actual.Numbers, where + ": numbers");
        AssertColumns(expected.Bools, actual.Bools, where + ": bools");
        AssertColumns(expected.Missing, actual.Missing, where + ": missing");
        Assert.HasCount(expected.Texts.Length, actual.Texts);
        for (var c = 0; c < expected.Texts.Length; c++)
            CollectionAssert.AreEqual(expected.Texts[c], actual.Texts[c], StringComparer.Ordinal, $"{where}: text column {c}");
    }

    private static void AssertColumns<T>(T[][] expected, T[][] actual, string where)
    {
        Assert.HasCount(expected.Length, actual, where);
        for (var c = 0; c < expected.Length; c++) CollectionAssert.AreEqual(expected[c], actual[c], $"{where}, column {c}");
    }

    private static AgencyBatch Chunk(Random random, int rows)
    {
        string?[] samples = [null, "", "UBND xã Đăk Dục", "a\uD800b", "Sở Nội vụ, \"tỉnh\"", new string('x', 300)];
        var ids = Enumerable.Range(0, rows).Select(r => $"AG-{random.Next():X}-{r}").ToArray();
        var names = Enumerable.Range(0, rows).Select(_ => samples[random.Next(samples.Length)]).ToArray();
        var rowNumbers = Enumerable.Range(0, rows).Select(r => 2 + r * 3).ToArray();
        var numbers = Columns(3, rows, () => random.Next(5) == 0 ? double.NaN : random.NextDouble() * 100);
        var bools = Columns(2, rows, () => random.Next(2) == 0);
        var missing = Columns(4, rows, () => random.Next(7) == 0);
        var texts = Columns(2, rows, () => samples[random.Next(samples.Length)]);
        return new AgencyBatch("key", ids, rowNumbers, names, numbers, bools, texts, missing, new RowErrorLog(0), [], "data.csv");
    }

    private static T[][] Columns<T>(int count, int rows, Func<T> next) =>
        Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, rows).Select(_ => next()).ToArray()).ToArray();
}
