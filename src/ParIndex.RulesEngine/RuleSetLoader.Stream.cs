using System.Text;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine;

public static partial class RuleSetLoader
{
    /// <summary>How much is read from a rule stream at a time.</summary>
    private const int StreamPiece = 1 << 16;

    /// <summary>
    /// Loads and compiles rule-file JSON read from <paramref name="json"/> (a request body, a blob,
    /// a database column) with <c>ReadAsync</c> only, then compiled on a thread-pool thread. Throws
    /// <see cref="RuleSetException"/> with every diagnostic when the rules have errors.
    /// </summary>
    /// <param name="json">The rule-file bytes (UTF-8); read to the end and disposed.</param>
    /// <param name="sourceName">A name for messages and the compile cache, in place of a file path.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the load with <see cref="OperationCanceledException"/>; nothing is cached.</param>
    public static async Task<CompiledRuleSet> LoadStreamAsync(Stream json, string? sourceName = null, RuleSetLoadOptions? options = null, CancellationToken cancellationToken = default) =>
        Unwrap(await TryLoadStreamAsync(json, sourceName, options, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Loads rule-file JSON from a stream as <see cref="LoadStreamAsync"/> does, without throwing for
    /// rule problems. Reading stops one byte past <see cref="RuleSetLoadOptions.MaxFileBytes"/>, so
    /// an endless or hostile stream costs no more than the limit; a read that fails is a PAR0101
    /// diagnostic, as for a file.
    /// </summary>
    /// <param name="json">The rule-file bytes (UTF-8); read to the end and disposed.</param>
    /// <param name="sourceName">A name for messages and the compile cache, in place of a file path.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the load with <see cref="OperationCanceledException"/>; nothing is cached.</param>
    public static async Task<RuleSetLoadResult> TryLoadStreamAsync(Stream json, string? sourceName = null, RuleSetLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= RuleSetLoadOptions.Default;
        string text;
        await using (json.ConfigureAwait(false))
        {
            try
            {
                if (await ReadLimitedAsync(json, options.MaxFileBytes, cancellationToken).ConfigureAwait(false) is not { } bytes)
                    return Failed(Unreadable("StreamTooLarge", new SourceLocation(sourceName, null, 0, 0), options.MaxFileBytes));
                // Decoded as File.ReadAllText does: a UTF-8 byte-order mark is dropped.
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes.Span[3..] : bytes.Span);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return Failed(Unreadable("Unreadable", new SourceLocation(sourceName, null, 0, 0), ex.Message));
            }
        }
        return await Task.Run(() => LoadThread.Run(() => Load(text, sourceName, options, cancellationToken)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every byte of <paramref name="stream"/>, or null as soon as there are more than <paramref name="limit"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var piece = new byte[StreamPiece];
        int read;
        while ((read = await stream.ReadAsync(piece, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(piece, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
