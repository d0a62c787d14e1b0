using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>The block storage of a batch being built: values across block boundaries, rejected rows, reuse after a chunk.</summary>
[TestClass]
public sealed class ColumnBufferTests
{
    [TestMethod]
    public void Values_across_several_blocks_come_back_in_order_and_a_pending_value_not_kept_is_dropped()
    {
        var column = new ColumnBuffer<double>();
        var expected = new List<double>();
        for (var i = 0; i < 2 * ColumnBuffer<double>.BlockSize + 123; i++)
        {
            column.Pending = i;
            if (i % 3 == 0) continue; // a rejected row: written, never kept
            column.Advance();
            expected.Add(i);
        }
        Assert.AreEqual(expected.Count, column.Count);
        CollectionAssert.AreEqual(expected, column.ToArray());
    }

    [TestMethod]
    public void A_cleared_column_starts_again_from_empty_and_forgets_the_references_it_held()
    {
        var column = new ColumnBuffer<string?>();
        for (var i = 0; i < ColumnBuffer<string?>.BlockSize + 5; i++) column.Add("v" + i);
        column.Clear();
        Assert.AreEqual(0, column.Count);
        column.Add("again");
        CollectionAssert.AreEqual(new[] { "again" }, column.ToArray());
        Assert.IsNull(column.Pending, "the place after the last value no longer holds an old string");
    }
}
