using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Runs a producer of chunks on a thread of its own while the caller uses the chunk it was
/// given: on two cores, producing and using overlap instead of taking turns. At most
/// <c>capacity</c> produced chunks wait, so memory stays bounded by the chunk size. The
/// producer's exception is rethrown to the caller after the chunks before it; a caller that
/// stops early (or fails) stops the producer and waits until it has ended, so nothing it
/// opened outlives the enumeration.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The chunks <paramref name="produce"/> hands to its first argument, in order.
    /// <paramref name="produce"/> starts when the enumeration does and must return soon after
    /// its token is cancelled (handing a chunk over throws then).
    /// </summary>
    public static IEnumerable<T> Of<T>(Action<Action<T>, CancellationToken> produce, int capacity = 1)
    {
        using var stop = new CancellationTokenSource();
        using var ready = new BlockingCollection<T>(boundedCapacity: capacity);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try { produce(chunk => ready.Add(chunk, stop.Token), stop.Token); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
            finally { ready.CompleteAdding(); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in ready.GetConsumingEnumerable()) yield return chunk;
            producer.Wait();
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); }
            catch (AggregateException) { }
        }
    }
}
