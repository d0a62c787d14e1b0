using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads a CSV file in chunks for scoring files larger than memory, parsing the next chunk on a
/// second thread while the caller scores the one it was given: on two cores, parsing and scoring
/// overlap instead of taking turns. At most one parsed chunk waits, so memory stays bounded by
/// the chunk size. Row numbers, duplicate ids and warnings carry across chunks (one builder).
/// </summary>
internal static class CsvChunkReader
{
    public static IEnumerable<AgencyBatch> Read(InputSchema schema, string path, DataReadOptions options, int chunkSize)
    {
        // Open before the first chunk is asked for, so a missing file fails at once, as before.
        var stream = DataFileException.OpenRead(path);
        return Chunks(schema, stream, path, options, chunkSize);
    }

    /// <summary>The chunks of CSV text read from <paramref name="stream"/> (read synchronously, on the parser's thread; disposed at the end).</summary>
    public static IEnumerable<AgencyBatch> Read(InputSchema schema, Stream stream, string? source, DataReadOptions options, int chunkSize) =>
        Chunks(schema, stream, source, options, chunkSize);

    private static IEnumerable<AgencyBatch> Chunks(InputSchema schema, Stream stream, string? path, DataReadOptions options, int chunkSize)
    {
        using var stop = new CancellationTokenSource();
        using var ready = new BlockingCollection<AgencyBatch>(boundedCapacity: 1);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try { Produce(schema, stream, path, options, chunkSize, ready, stop.Token); }
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
            // The caller stopped early (or failed): stop the parser and wait until the file is closed.
            stop.Cancel();
            try { producer.Wait(); }
            catch (AggregateException) { }
        }
    }

    private static void Produce(InputSchema schema, Stream stream, string? path, DataReadOptions options, int chunkSize, BlockingCollection<AgencyBatch> ready, CancellationToken stop)
    {
        var builder = new AgencyBatchBuilder(schema, options, path);
        var utf8 = new Utf8Check();
        try
        {
            using var reader = utf8.Open(stream);
            using var rows = new CsvAgencyRows(schema, reader, path, builder);
            while (rows.ReadRecord())
                if (builder.PendingRows >= chunkSize) ready.Add(builder.BuildChunk(), stop);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
        finally { stream.Dispose(); }
        if (utf8.Finding(path) is { } finding) builder.Report(finding);
        ready.Add(builder.BuildChunk(), stop);
    }
}
