namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads a CSV file in chunks for scoring files larger than memory, parsing the next chunk on a
/// second thread while the caller scores the one it was given (<see cref="ReadAhead"/>): at most
/// one parsed chunk waits, so memory stays bounded by the chunk size. Row numbers, duplicate ids
/// and warnings carry across chunks (one builder).
/// </summary>
internal static class CsvChunkReader
{
    /// <summary>The chunks of the CSV file <paramref name="path"/>; each is built on the input columns of a chunk of as many rows taken from <paramref name="finished"/>, if there is one.</summary>
    public static IEnumerable<AgencyBatch> Read(InputSchema schema, string path, DataReadOptions options, int chunkSize, FinishedColumns<AgencyBatch>? finished = null)
    {
        // Open before the first chunk is asked for, so a missing file fails at once, as before.
        var stream = DataFileException.OpenRead(path);
        return Chunks(schema, stream, path, options, chunkSize, finished);
    }

    /// <summary>The chunks of CSV text read from <paramref name="stream"/> (read synchronously, on the parser's thread; disposed at the end).</summary>
    public static IEnumerable<AgencyBatch> Read(InputSchema schema, Stream stream, string? source, DataReadOptions options, int chunkSize, FinishedColumns<AgencyBatch>? finished = null) =>
        Chunks(schema, stream, source, options, chunkSize, finished);

    private static IEnumerable<AgencyBatch> Chunks(InputSchema schema, Stream stream, string? path, DataReadOptions options, int chunkSize, FinishedColumns<AgencyBatch>? finished) =>
        ReadAhead.Of<AgencyBatch>((ready, stop) => Produce(schema, stream, path, options, chunkSize, finished, ready));

    private static void Produce(InputSchema schema, Stream stream, string? path, DataReadOptions options, int chunkSize, FinishedColumns<AgencyBatch>? finished, Action<AgencyBatch> ready)
    {
        var builder = new AgencyBatchBuilder(schema, options with { AcceptedIdsToFile = true }, path);
        var utf8 = new Utf8Check();
        try
        {
            using var reader = utf8.Open(stream);
            using var rows = new CsvAgencyRows(schema, reader, path, builder);
            while (rows.ReadRecord())
                if (builder.PendingRows >= chunkSize) ready(builder.BuildChunk(finished));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
        finally
        {
            stream.Dispose();
            builder.EndOfInput();
        }
        if (utf8.Finding(path) is { } finding) builder.Report(finding);
        ready(builder.BuildChunk());
    }
}
