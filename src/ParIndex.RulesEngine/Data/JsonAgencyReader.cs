using System.Globalization;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from JSON: an array of objects, or an object with an "agencies" array.
/// Each object holds the agency id, optional name, and input values by name. Every row error
/// carries the JSON path, line and column of the offending value. A key given twice in one
/// object rejects that row only (PAR0613); malformed JSON and content after the first value
/// (PAR0612) are file-level errors; an I/O error throws <see cref="DataFileException"/>.
/// The file is read with System.Text.Json one agency object at a time, so memory is bounded by
/// the largest object; every read has an asynchronous twin taking a <see cref="CancellationToken"/>
/// that never reads the stream synchronously (an ASP.NET request body can be read as it comes).
/// </summary>
public static class JsonAgencyReader
{
    /// <summary>Reads a JSON file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null) =>
        ReadFile(ruleSet, path, DataReadOptions.For(culture));

    /// <summary>Reads a JSON file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options)
        => ReadStream(ruleSet, DataFileException.OpenRead(path), options, path);

    /// <summary>Reads JSON bytes (encoding as for <see cref="CsvAgencyReader.ReadStream(CompiledRuleSet, Stream, DataReadOptions, string?)"/>) into a batch; the stream is disposed.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="stream">The JSON bytes.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(CompiledRuleSet ruleSet, Stream stream, DataReadOptions options, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var check = new Utf8Check();
        return Read(ruleSet, Utf8Input.FromStream(stream, check), check, options, source);
    }

    /// <summary>Reads JSON text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null) =>
        Read(ruleSet, reader, DataReadOptions.For(culture), source);

    /// <summary>Reads JSON text into a batch for <paramref name="ruleSet"/>; the reader is not disposed.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, DataReadOptions options, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(ruleSet, Utf8Input.FromText(reader), null, options, source);
    }

    /// <summary>Reads a JSON file into a batch, asynchronously.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="cancellationToken">Stops the read (between reads of the file and between agencies).</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Task<AgencyBatch> ReadFileAsync(CompiledRuleSet ruleSet, string path, DataReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadStreamAsync(ruleSet, OpenForAsync(path), options, path, cancellationToken);

    /// <summary>
    /// Reads JSON bytes into a batch, asynchronously: the stream is only read with
    /// <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> (never synchronously), then disposed.
    /// </summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="stream">The JSON bytes (UTF-8, or UTF-16/UTF-32 with a byte order mark).</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <param name="cancellationToken">Stops the read (between reads of the stream and between agencies).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Task<AgencyBatch> ReadStreamAsync(CompiledRuleSet ruleSet, Stream stream, DataReadOptions? options = null, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var check = new Utf8Check();
        return ReadAsync(ruleSet, Utf8Input.FromStream(stream, check), check, options ?? DataReadOptions.Default, source, cancellationToken);
    }

    /// <summary>Reads JSON text into a batch, asynchronously; the reader is not disposed.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages.</param>
    /// <param name="cancellationToken">Stops the read (between reads of the text and between agencies).</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static Task<AgencyBatch> ReadAsync(CompiledRuleSet ruleSet, TextReader reader, DataReadOptions? options = null, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadAsync(ruleSet, Utf8Input.FromText(reader), null, options ?? DataReadOptions.Default, source, cancellationToken);
    }

    /// <summary>Work done by reads on this thread (rows and path segments), for tests that prove reading is linear.</summary>
    internal static ReadStats Stats => ReadStats.Current;

    private static AgencyBatch Read(CompiledRuleSet ruleSet, Utf8Input input, Utf8Check? check, DataReadOptions options, string? source)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var builder = new AgencyBatchBuilder(ruleSet, options, source);
        using (var rows = new JsonRowReader(input, source, JsonFieldPlan.For(ruleSet)))
        {
            try
            {
                if (!rows.Start(out var shapeProblem)) builder.Report(shapeProblem!);
                else
                {
                    while (rows.Next() is { } row) Add(builder, row, ruleSet.Definition.Agency);
                    if (rows.Finish() is { } after) builder.Report(after);
                }
            }
            catch (JsonDataException ex) { builder.Report(ex.Diagnostic); }
            catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not DataFileException) { throw DataFileException.From(source, ex); }
        }
        return Finished(builder, check, source);
    }

    private static async Task<AgencyBatch> ReadAsync(CompiledRuleSet ruleSet, Utf8Input input, Utf8Check? check, DataReadOptions options, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var builder = new AgencyBatchBuilder(ruleSet, options, source);
        await using (var rows = new JsonRowReader(input, source, JsonFieldPlan.For(ruleSet)))
        {
            try
            {
                if (await rows.StartAsync(cancellationToken).ConfigureAwait(false) is { } shapeProblem) builder.Report(shapeProblem);
                else
                {
                    while (await rows.NextAsync(cancellationToken).ConfigureAwait(false) is { } row) Add(builder, row, ruleSet.Definition.Agency);
                    if (await rows.FinishAsync(cancellationToken).ConfigureAwait(false) is { } after) builder.Report(after);
                }
            }
            catch (JsonDataException ex) { builder.Report(ex.Diagnostic); }
            catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not DataFileException) { throw DataFileException.From(source, ex); }
        }
        return Finished(builder, check, source);
    }

    private static void Add(AgencyBatchBuilder builder, JsonRow row, AgencyColumns agency)
    {
        Stats.Rows++;
        if (!row.IsObject)
        {
            builder.RejectRow(null, DiagnosticCodes.WrongType, DiagnosticCatalog.WrongType.FormatSituation("NotAnObject", [row.Path]), row.Location);
            return;
        }
        var duplicates = row.DuplicateKeys.Count == 0 ? null : row.DuplicateKeys.Select(d => new RowError(null, 0, d.Key, DiagnosticCodes.DuplicateKey,
            DiagnosticCatalog.DuplicateKey.FormatSituation("Key", [row.Path, InputChecks.Shorten(d.Key), d.Location.JsonPath, d.Location.Line, d.Location.Column]), d.Location)).ToList();
        builder.Add(Text(row.ScalarValue(agency.IdColumn)), Text(row.ScalarValue(agency.NameColumn)), row.ValueOf, row.UnknownKeys, row.Locator, duplicates);
    }

    private static AgencyBatch Finished(AgencyBatchBuilder builder, Utf8Check? check, string? source)
    {
        var batch = builder.Build();
        return check is null ? batch : Utf8Check.WithFinding(batch, check.Finding(source));
    }

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>Opens a data file for asynchronous reads; a file that cannot be opened is a <see cref="DataFileException"/> with its path.</summary>
    private static FileStream OpenForAsync(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
    }
}

/// <summary>Counters of the work of JSON reads on the current thread (reset by the tests).</summary>
internal sealed class ReadStats
{
    [ThreadStatic] private static ReadStats? _current;

    public static ReadStats Current => _current ??= new ReadStats();

    /// <summary>Rows read.</summary>
    public long Rows;

    /// <summary>Path segments built for locations.</summary>
    public long PathSteps;

    public void Reset() => Rows = PathSteps = 0;
}
