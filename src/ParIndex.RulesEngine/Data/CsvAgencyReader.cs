using System.Globalization;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from CSV (one row per agency, a header naming the agency id column and the
/// inputs). Numbers are read with the given culture, so "0,75" works with vi-VN; the delimiter
/// is detected (comma, semicolon or tab, as spreadsheets with decimal commas write semicolons).
/// A bad quoted field rejects its first line only (PAR0609, with the line range it covered);
/// file-level problems (a truncated last record, a repeated header column) are error
/// diagnostics, and an I/O error throws <see cref="DataFileException"/>. Only the rule set's
/// <see cref="InputSchema"/> is needed: data can be read and checked without compiling formulas.
/// </summary>
public static class CsvAgencyReader
{
    /// <summary>Reads a CSV file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null) =>
        ReadFile(ruleSet.InputSchema, path, DataReadOptions.For(culture));

    /// <summary>Reads a CSV file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options) =>
        ReadFile(ruleSet.InputSchema, path, options);

    /// <summary>
    /// Reads CSV bytes (UTF-8, or UTF-16/32 with a byte order mark, or UTF-16 without one, which
    /// is recognised and warned about) into a batch. The stream is read to its end and disposed.
    /// </summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(CompiledRuleSet ruleSet, Stream stream, DataReadOptions options, string? source = null) =>
        ReadStream(ruleSet.InputSchema, stream, options, source);

    /// <summary>Reads CSV text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null) =>
        Read(ruleSet.InputSchema, reader, DataReadOptions.For(culture), source);

    /// <summary>Reads CSV text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, DataReadOptions options, string? source = null) =>
        Read(ruleSet.InputSchema, reader, options, source);

    /// <summary>Reads a CSV file into a batch for data of <paramref name="schema"/>.</summary>
    /// <param name="schema">The inputs the columns are (<see cref="CompiledRuleSet.InputSchema"/> or <see cref="RuleSetLoader.LoadInputSchema"/>).</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full; defaults when null.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(InputSchema schema, string path, DataReadOptions? options = null) =>
        ReadStream(schema, DataFileException.OpenRead(path), options, path);

    /// <summary>Reads CSV bytes (encodings as in <see cref="ReadStream(CompiledRuleSet, Stream, DataReadOptions, string?)"/>) into a batch; the stream is read to its end and disposed.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(InputSchema schema, Stream stream, DataReadOptions? options = null, string? source = null) =>
        ReadStream(schema, stream, options, source, CancellationToken.None);

    /// <summary>Reads CSV text into a batch for data of <paramref name="schema"/>. The reader is not disposed.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(InputSchema schema, TextReader reader, DataReadOptions? options = null, string? source = null) =>
        Read(schema, reader, options, source, CancellationToken.None);

    /// <summary>Reads a CSV file into a batch on a thread-pool thread; see <see cref="ReadFile(InputSchema, string, DataReadOptions?)"/>.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="cancellationToken">Stops reading; the task is then cancelled and no batch is made.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static Task<AgencyBatch> ReadFileAsync(InputSchema schema, string path, DataReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ReadStream(schema, DataFileException.OpenRead(path), options, path, cancellationToken), cancellationToken);

    /// <summary>
    /// Reads CSV bytes into a batch; the stream is read to its end (or to the cancellation) and
    /// disposed. The stream is read only with <c>ReadAsync</c> (a request body in ASP.NET refuses
    /// synchronous reads), a few 64 KiB chunks ahead of the parser, which runs on a thread-pool thread.
    /// </summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <param name="cancellationToken">Stops reading; the task is then cancelled and no batch is made.</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static async Task<AgencyBatch> ReadStreamAsync(InputSchema schema, Stream stream, DataReadOptions? options = null, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            // ReadStream disposes the pumped stream, which stops the pump; the source is disposed here.
            var pumped = PumpedStream.Start(stream, cancellationToken);
            return await Task.Run(() => ReadStream(schema, pumped, options, source, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads CSV text into a batch on a thread-pool thread. The reader is not disposed.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="source">A label for messages.</param>
    /// <param name="cancellationToken">Stops reading; the task is then cancelled and no batch is made.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static Task<AgencyBatch> ReadAsync(InputSchema schema, TextReader reader, DataReadOptions? options = null, string? source = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Read(schema, reader, options, source, cancellationToken), cancellationToken);

    /// <summary>
    /// Reads a CSV file in chunks of about <paramref name="chunkSize"/> rows, for scoring files
    /// larger than memory. Row numbers, duplicate ids and warnings carry across chunks.
    /// </summary>
    internal static IEnumerable<AgencyBatch> ReadChunks(CompiledRuleSet ruleSet, string path, DataReadOptions options, int chunkSize, FinishedColumns<AgencyBatch>? finished = null) =>
        CsvChunkReader.Read(ruleSet.InputSchema, path, options, chunkSize, finished);

    /// <summary>Rows between two looks at the cancellation token.</summary>
    private const int RowsPerCancellationCheck = 4096;

    private static AgencyBatch ReadStream(InputSchema schema, Stream stream, DataReadOptions? options, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(stream);
        var builder = new AgencyBatchBuilder(schema, (options ?? DataReadOptions.Default) with { AcceptedIdsToFile = true }, source);
        var utf8 = new Utf8Check();
        try
        {
            var small = IsSmall(stream);
            using var reader = utf8.Open(stream);
            ReadAll(schema, reader, source, builder, cancellationToken, splitterOnly: small);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
        finally
        {
            stream.Dispose();
            builder.EndOfInput();
        }
        if (utf8.Finding(source) is { } finding) builder.Report(finding);
        return builder.Build();
    }

    private static AgencyBatch Read(InputSchema schema, TextReader reader, DataReadOptions? options, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reader);
        var builder = new AgencyBatchBuilder(schema, (options ?? DataReadOptions.Default) with { AcceptedIdsToFile = true }, source);
        try { ReadAll(schema, new NonClosingReader(reader), source, builder, cancellationToken); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
        finally { builder.EndOfInput(); }
        return builder.Build();
    }

    /// <summary>Reads CSV text with the RFC 4180 splitter alone, every row as text: the reference the Sep path is tested against.</summary>
    internal static AgencyBatch ReadBySplitter(InputSchema schema, TextReader reader, DataReadOptions options, string? source)
    {
        var builder = new AgencyBatchBuilder(schema, options, source);
        using (var rows = new CsvAgencyRows(schema, new NonClosingReader(reader), source, builder, splitterOnly: true))
            while (rows.ReadRecord()) { }
        return builder.Build();
    }

    /// <summary>Bytes below which a file is read by the RFC 4180 splitter alone (see <see cref="IsSmall"/>).</summary>
    internal const long SmallInput = 32 << 10;

    /// <summary>
    /// True for a stream whose remaining length is known to be below <see cref="SmallInput"/>
    /// (a province's file of a few dozen agencies). Sep's parser is compiled at full optimisation
    /// the first time a process uses it, which took longer than reading such a file row by row as
    /// text; the splitter is the reference the Sep path is tested to match, so the batch is the same.
    /// </summary>
    private static bool IsSmall(Stream stream)
    {
        try { return stream.CanSeek && stream.Length - stream.Position < SmallInput; }
        catch (NotSupportedException) { return false; }
    }

    private static void ReadAll(InputSchema schema, TextReader text, string? source, AgencyBatchBuilder builder, CancellationToken cancellationToken, bool splitterOnly = false)
    {
        using var rows = new CsvAgencyRows(schema, text, source, builder, splitterOnly);
        for (var n = 0; rows.ReadRecord(); n++)
            if (n % RowsPerCancellationCheck == 0) cancellationToken.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The caller's reader, which the CSV reader must not dispose.</summary>
    private sealed class NonClosingReader(TextReader inner) : TextReader
    {
        public override int Read(Span<char> buffer) => inner.Read(buffer);
        public override int Read(char[] buffer, int index, int count) => inner.Read(buffer, index, count);
        public override int Read() => inner.Read();
        public override int Peek() => inner.Peek();
    }
}
