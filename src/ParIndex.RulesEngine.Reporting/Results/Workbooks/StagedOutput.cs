using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// Writes a workbook to a stream that takes asynchronous writes only (a response body). The zip
/// is written synchronously, on a thread-pool thread, into a spill file (owner-only, gone however
/// the call ends), then copied to the output with <c>WriteAsync</c>: a large workbook is never held
/// in memory, and the output sees nothing until the workbook is complete.
/// </summary>
internal static class StagedOutput
{
    public static async Task WriteAsync(Action<Stream> write, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite) throw new ArgumentException("The output stream cannot be written.", nameof(output));
        var staged = SpillFile.Create(null);
        await using (staged.ConfigureAwait(false))
        {
            await Task.Run(() => write(staged), cancellationToken).ConfigureAwait(false);
            staged.Position = 0;
            await staged.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
