namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// Writes a whole report through a sink to a stream with asynchronous writes only, as a request or
/// response body on a server demands. The sink formats a slice of rows synchronously into memory
/// (a few hundred rows, so memory stays bounded by the slice, not the report); the bytes are then
/// handed on with <see cref="Stream.WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> before
/// the next slice is formatted. The bytes are exactly those of the synchronous stream writers.
/// </summary>
internal static class AsyncSinkWriter
{
    /// <summary>Rows formatted between two writes to the stream: a few hundred KiB of CSV or JSON at most for wide schemes.</summary>
    internal const int RowsPerWrite = 256;

    public static async Task WriteAllAsync(ScoreReport report, Stream output, Func<ResultText, ResultSink> createSink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite) throw new ArgumentException("The stream cannot be written to.", nameof(output));
        using var pending = new MemoryStream();
        var text = new Utf8ResultText(pending);
        var sink = createSink(text);
        var rows = report.Rows;

        sink.Begin(report.Layout);
        for (var start = 0; start < rows.Count; start += RowsPerWrite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sink.Write(rows, start, Math.Min(rows.Count, start + RowsPerWrite));
            await HandOnAsync(text, pending, output, cancellationToken).ConfigureAwait(false);
        }
        sink.Complete(report.RowErrorLog);
        await HandOnAsync(text, pending, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task HandOnAsync(ResultText text, MemoryStream pending, Stream output, CancellationToken cancellationToken)
    {
        text.Flush();
        if (pending.Length == 0) return;
        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken).ConfigureAwait(false);
        pending.Position = 0;
        pending.SetLength(0);
    }
}
