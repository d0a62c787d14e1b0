using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The finished chunks (and frames) a streaming run builds later chunks on: only an object of
/// exactly the asked row count is handed out, the newest first; the last, shorter chunk of a pass
/// never blocks the others; and no more than three wait.
/// </summary>
[TestClass]
public sealed class FinishedColumnsTests
{
    private sealed record Item(int Rows, string Name);

    [TestMethod]
    public void Only_an_object_of_the_asked_row_count_is_taken_the_newest_first()
    {
        var finished = new FinishedColumns<Item>(item => item.Rows);
        Assert.IsNull(finished.Take(10), "nothing was returned yet");
        finished.Return(new Item(10, "a"));
        finished.Return(new Item(10, "b"));
        finished.Return(new Item(7, "short"));
        Assert.AreEqual("b", finished.Take(10)?.Name, "the shorter chunk on top must not block");
        Assert.AreEqual("a", finished.Take(10)?.Name);
        Assert.IsNull(finished.Take(10));
        Assert.AreEqual("short", finished.Take(7)?.Name);
        Assert.IsNull(finished.Take(7), "an object is handed out once");
    }

    [TestMethod]
    public void At_most_three_wait_and_the_oldest_goes_first()
    {
        var finished = new FinishedColumns<Item>(item => item.Rows);
        foreach (var name in new[] { "1", "2", "3", "4" }) finished.Return(new Item(5, name));
        var taken = new List<string>();
        while (finished.Take(5) is { } item) taken.Add(item.Name);
        CollectionAssert.AreEqual(new[] { "4", "3", "2" }, taken);
    }

    [TestMethod]
    public void Clear_lets_every_object_go()
    {
        var finished = new FinishedColumns<Item>(item => item.Rows);
        finished.Return(new Item(5, "x"));
        finished.Clear();
        Assert.IsNull(finished.Take(5));
    }
}
