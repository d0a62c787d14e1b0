using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from an .xlsx workbook (Excel, LibreOffice Calc): the first visible sheet,
/// one row per agency. The header is the template's row of input names when present (see
/// <c>parindex template</c>), else the first row, bound by the same code as a CSV header. Typed
/// number and boolean cells are read as they are; numbers and booleans typed as text follow the
/// given culture ("0,75" under vi-VN) and the CSV reader's words (Có/Không…); formula cells give
/// their cached value; a cell holding an error value (#DIV/0!) rejects its row. Every row error
/// names the sheet and cell (<c>Nhập liệu!F12</c>) in <see cref="SourceLocation.Cell"/>. A file
/// that is not a workbook (not a zip, truncated) is a file-level error diagnostic, not an
/// exception; an I/O error throws <see cref="DataFileException"/>. The sheet is read row by row
/// (the Open XML SDK's SAX reader), never loaded whole.
/// </summary>
public static class XlsxAgencyReader
{
    /// <summary>Reads a workbook into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="culture">Culture for numbers typed as text; invariant by default.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null) =>
        ReadFile(ruleSet.InputSchema, path, DataReadOptions.For(culture));

    /// <summary>Reads a workbook into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Culture and grouping of numbers typed as text, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options) =>
        ReadFile(ruleSet.InputSchema, path, options);

    /// <summary>Reads workbook bytes into a batch for <paramref name="ruleSet"/>; the stream is disposed.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="stream">The .xlsx bytes (a stream that cannot seek is first copied to memory: a zip is read from its end).</param>
    /// <param name="options">Culture and grouping of numbers typed as text, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(CompiledRuleSet ruleSet, Stream stream, DataReadOptions options, string? source = null) =>
        ReadStream(ruleSet.InputSchema, stream, options, source);

    /// <summary>Reads a workbook into a batch for data of <paramref name="schema"/>.</summary>
    /// <param name="schema">The inputs the columns are (<see cref="CompiledRuleSet.InputSchema"/> or <see cref="RuleSetLoader.LoadInputSchema"/>).</param>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(InputSchema schema, string path, DataReadOptions? options = null) =>
        Read(schema, DataFileException.OpenRead(path), options, path, CancellationToken.None);

    /// <summary>Reads a workbook with the header's names mapped by <paramref name="renameHeader"/> before they are bound.</summary>
    internal static AgencyBatch ReadFile(InputSchema schema, string path, DataReadOptions? options, Func<string[], string[]> renameHeader) =>
        Read(schema, DataFileException.OpenRead(path), options, path, CancellationToken.None, renameHeader);

    /// <summary>Reads workbook bytes into a batch for data of <paramref name="schema"/>; the stream is disposed.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="stream">The .xlsx bytes.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(InputSchema schema, Stream stream, DataReadOptions? options = null, string? source = null) =>
        Read(schema, stream, options, source, CancellationToken.None);

    /// <summary>Reads a workbook into a batch on a thread-pool thread; see <see cref="ReadFile(InputSchema, string, DataReadOptions?)"/>.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="cancellationToken">Stops reading; the task is then cancelled and no batch is made.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static Task<AgencyBatch> ReadFileAsync(InputSchema schema, string path, DataReadOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Read(schema, DataFileException.OpenRead(path), options, path, cancellationToken), cancellationToken);

    /// <summary>Reads workbook bytes into a batch on a thread-pool thread; the stream is disposed. A stream that cannot seek is first copied to memory with <c>ReadAsync</c> only.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="stream">The .xlsx bytes.</param>
    /// <param name="options">Reading options; defaults when null.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <param name="cancellationToken">Stops reading; the task is then cancelled and no batch is made.</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static async Task<AgencyBatch> ReadStreamAsync(InputSchema schema, Stream stream, DataReadOptions? options = null, string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            // A zip is read from its end: a stream that cannot seek (a request body) is copied to
            // memory first, with ReadAsync only, as ASP.NET requires of a request body.
            var copy = new MemoryStream();
            try
            {
                await using (stream.ConfigureAwait(false)) await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
            copy.Position = 0;
            stream = copy;
        }
        var seekable = stream;
        return await Task.Run(() => Read(schema, seekable, options, source, cancellationToken), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="path"/> names a workbook by its extension (.xlsx).</summary>
    public static bool IsWorkbookPath(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static AgencyBatch Read(InputSchema schema, Stream stream, DataReadOptions? options, string? source, CancellationToken cancellationToken,
        Func<string[], string[]>? renameHeader = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(stream);
        var builder = new AgencyBatchBuilder(schema, options ?? DataReadOptions.Default, source);
        try
        {
            using var seekable = stream.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                stream.CopyTo(seekable);
                seekable.Position = 0;
            }
            using var document = SpreadsheetDocument.Open(seekable ?? stream, isEditable: false);
            XlsxAgencyRows.ReadAll(schema, document, source, builder, cancellationToken, renameHeader);
        }
        catch (XlsxPartDamagedException ex)
        {
            // The package opened but one of its parts did not read through: rows read before the
            // damage may not be all of them, so none is scored; the message names the part.
            return Damaged(schema, options, source, ex);
        }
        catch (Exception ex) when (NotAWorkbook(ex))
        {
            // Not a zip, cut short, or a zip without a workbook: nothing of it can be trusted.
            return Unreadable(schema, options, source, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
        finally { stream.Dispose(); }
        return builder.Build();
    }

    private static bool NotAWorkbook(Exception ex) =>
        ex is InvalidDataException or FileFormatException or System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
            || (ex is ArgumentException && ex.Source?.StartsWith("DocumentFormat", StringComparison.Ordinal) == true);

    private static AgencyBatch Damaged(InputSchema schema, DataReadOptions? options, string? source, XlsxPartDamagedException ex)
    {
        var builder = new AgencyBatchBuilder(schema, options ?? DataReadOptions.Default, source);
        var part = ex.Sheet is null ? ex.Part : EngineText.Format("WorkbookSheetPart", ex.Part, ex.Sheet);
        builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "WorkbookPartDamaged", DiagnosticSeverity.Error,
            new SourceLocation(source, null, 0, 0), source ?? EngineText.Get("TheDataLower"), part, ex.InnerException!.Message.TrimEnd('.')));
        return builder.Build();
    }

    private static AgencyBatch Unreadable(InputSchema schema, DataReadOptions? options, string? source, Exception ex)
    {
        var builder = new AgencyBatchBuilder(schema, options ?? DataReadOptions.Default, source);
        builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "WorkbookUnreadable", DiagnosticSeverity.Error,
            new SourceLocation(source, null, 0, 0), source ?? EngineText.Get("TheDataLower"), ex.Message.TrimEnd('.')));
        return builder.Build();
    }
}
