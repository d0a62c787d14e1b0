using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The producer thread under the CSV reader and the streaming write pass: chunks in order, the
/// producer's failure after the chunks before it, and a caller that stops early leaves no
/// producer running and nothing open.
/// </summary>
[TestClass]
public sealed class ReadAheadTests
{
    [TestMethod]
    public void Chunks_arrive_in_order_and_at_most_one_waits_ahead()
    {
        var produced = 0;
        var seen = new List<(int Chunk, int ProducedWhenSeen)>();
        foreach (var chunk in ReadAhead.Of<int>((ready, _) =>
                 {
                     for (var i = 0; i < 50; i++)
                     {
                         ready(i);
                         Interlocked.Increment(ref produced);
                     }
                 }))
        {
            Thread.Sleep(2); // the consumer is slower: the producer must wait, not run ahead
            seen.Add((chunk, Volatile.Read(ref produced)));
        }
        CollectionAssert.AreEqual(Enumerable.Range(0, 50).ToList(), seen.Select(s => s.Chunk).ToList());
        // When chunk k is seen, chunk k has been handed over and at most one more (the one waiting)
        // plus the one the producer is blocked on: produced ≤ k + 2.
        var ahead = seen.Max(s => s.ProducedWhenSeen - s.Chunk);
        Assert.IsLessThanOrEqualTo(2, ahead, $"the producer ran {ahead} chunks ahead");
    }

    [TestMethod]
    public void A_failure_of_the_producer_reaches_the_caller_after_the_chunks_before_it()
    {
        var seen = new List<int>();
        var failure = Assert.ThrowsExactly<IOException>(() =>
        {
            foreach (var chunk in ReadAhead.Of<int>((ready, _) =>
                     {
                         ready(1);
                         ready(2);
                         throw new IOException("disk gone");
                     }))
                seen.Add(chunk);
        });
        Assert.AreEqual("disk gone", failure.Message);
        CollectionAssert.AreEqual(new[] { 1, 2 }, seen);
    }

    [TestMethod]
    public void A_caller_that_stops_early_stops_the_producer_and_waits_for_it_to_close_what_it_opened()
    {
        var closed = false;
        var handed = 0;
        foreach (var chunk in ReadAhead.Of<int>((ready, stop) =>
                 {
                     try
                     {
                         for (var i = 0; ; i++)
                         {
                             ready(i);
                             handed++;
                         }
                     }
                     finally
                     {
                         Thread.Sleep(50); // closing takes a while: the caller must wait for it
                         closed = true;
                     }
                 }))
            if (chunk == 3) break;
        Assert.IsTrue(closed, "the enumeration ended before the producer had closed");
        Assert.IsLessThan(10, handed, "the producer stopped soon after the caller");
    }
}
