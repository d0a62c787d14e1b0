using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from CSV (one row per agency, a header naming the agency id column and the
/// inputs). Numbers are read with the given culture, so "0,75" works with vi-VN; the delimiter
/// is detected (comma, semicolon or tab, as spreadsheets with decimal commas write semicolons).
/// A bad quoted field rejects its first line only (PAR0609, with the line range it covered);
/// file-level problems (a truncated last record, a repeated header column) are error
/// diagnostics, and an I/O error throws <see cref="DataFileException"/>.
/// </summary>
public static class CsvAgencyReader
{
    /// <summary>Reads a CSV file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null) =>
        ReadFile(ruleSet, path, DataReadOptions.For(culture));

    /// <summary>Reads a CSV file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options)
        => ReadStream(ruleSet, DataFileException.OpenRead(path), options, path);

    /// <summary>
    /// Reads CSV bytes (UTF-8, or UTF-16/32 with a byte order mark, or UTF-16 without one, which
    /// is recognised and warned about) into a batch. The stream is read to its end and disposed.
    /// </summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(CompiledRuleSet ruleSet, Stream stream, DataReadOptions options, string? source = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, options, source);
        var utf8 = new Utf8Check();
        try
        {
            using var reader = utf8.Open(stream);
            Read(ruleSet, reader, source, builder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
        finally { stream.Dispose(); }
        if (utf8.Finding(source) is { } finding) builder.Report(finding);
        return builder.Build();
    }

    /// <summary>Reads CSV text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null) =>
        Read(ruleSet, reader, DataReadOptions.For(culture), source);

    /// <summary>Reads CSV text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, DataReadOptions options, string? source = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, options, source);
        try { Read(ruleSet, reader, source, builder); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(source, ex); }
        return builder.Build();
    }

    /// <summary>
    /// Reads a CSV file in chunks of about <paramref name="chunkSize"/> rows, for scoring files
    /// larger than memory. Row numbers, duplicate ids and warnings carry across chunks.
    /// </summary>
    internal static IEnumerable<AgencyBatch> ReadChunks(CompiledRuleSet ruleSet, string path, DataReadOptions options, int chunkSize)
    {
        var builder = new AgencyBatchBuilder(ruleSet, options, path);
        var utf8 = new Utf8Check();
        StreamReader reader;
        try { reader = utf8.Open(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
        using (reader)
        {
            using var rows = ReadRows(ruleSet, reader, path, builder).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) break;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
                if (builder.PendingRows >= chunkSize) yield return builder.BuildChunk();
            }
        }
        if (utf8.Finding(path) is { } finding) builder.Report(finding);
        yield return builder.BuildChunk();
    }

    private static void Read(CompiledRuleSet ruleSet, TextReader text, string? source, AgencyBatchBuilder builder)
    {
        foreach (var _ in ReadRows(ruleSet, text, source, builder)) { }
    }

    /// <summary>Reads the file record by record into the builder, yielding after each row.</summary>
    private static IEnumerable<int> ReadRows(CompiledRuleSet ruleSet, TextReader text, string? source, AgencyBatchBuilder builder)
    {
        var splitter = new CsvRecordSplitter(text);
        var headerRecord = splitter.ReadHeader();
        if (headerRecord is null)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, "The CSV file is empty: it needs a header row.", new SourceLocation(source, null, 1, 1)));
            yield break;
        }
        if (headerRecord.Fields is not { } header)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The CSV header cannot be read: {headerRecord.Problem} (lines {Range(headerRecord)}).",
                new SourceLocation(source, null, headerRecord.FirstLine, headerRecord.Column)));
            yield break;
        }
        var columns = ReadColumns(header, headerRecord.FirstLine, source, builder);
        ReportMissingColumns(ruleSet, columns, source, builder);
        builder.DeclareFields(columns.Keys, name => new SourceLocation(source, null, headerRecord.FirstLine, columns[name] + 1));
        var agency = ruleSet.Definition.Agency;
        var idIndex = columns.GetValueOrDefault(agency.IdColumn, -1);
        while (splitter.Next(header.Length) is { } record)
        {
            var line = record.FirstLine;
            if (record.Fields is not { } fields)
            {
                var id = idIndex >= 0 && idIndex < record.LeadingFields.Count ? record.LeadingFields[idIndex].Trim() : null;
                var who = string.IsNullOrEmpty(id) ? "" : $" (agency '{InputChecks.Shorten(id)}')";
                var lines = record.LastLine > record.FirstLine
                    ? $"Lines {Range(record)}: {record.Problem}. Line {record.FirstLine}{who} is not scored; lines {record.FirstLine + 1}–{record.LastLine} are read as rows of their own."
                    : $"Line {record.FirstLine}{who}: {record.Problem}; the row is not scored.";
                builder.RejectRow(string.IsNullOrEmpty(id) ? null : AgencyIdRegistry.Normalize(id), DiagnosticCodes.BadQuote, lines,
                    new SourceLocation(source, null, record.FirstLine, record.Column));
                yield return line;
                continue;
            }
            string? Cell(string name) => columns.TryGetValue(name, out var index) && index < fields.Length ? fields[index] : null;
            if (record.Truncated)
            {
                builder.Report(Diagnostic.Error(DiagnosticCodes.TruncatedFile,
                    $"The file looks truncated: its last line ({line}) ends without a line break and has {fields.Length} of the header's {header.Length} fields. " +
                    "Nothing of the file is scored; check that it was copied or exported completely.", new SourceLocation(source, null, line, fields.Length)));
                builder.RejectRow(AgencyIdRegistry.Normalize(Cell(agency.IdColumn)), DiagnosticCodes.TruncatedFile,
                    $"Line {line}: the record is cut short ({fields.Length} of {header.Length} fields) at the end of the file.", new SourceLocation(source, null, line, fields.Length));
                yield return line;
                continue;
            }
            builder.Add(Cell(agency.IdColumn), Cell(agency.NameColumn), Cell, null,
                field => new SourceLocation(source, null, line, field is not null && columns.TryGetValue(field, out var c) ? c + 1 : 0));
            yield return line;
        }
    }

    private static string Range(CsvRecord record) => record.LastLine > record.FirstLine ? $"{record.FirstLine}–{record.LastLine}" : $"{record.FirstLine}";

    /// <summary>Column positions by name; a name given twice is a file-level error (which of the two holds the data?).</summary>
    private static Dictionary<string, int> ReadColumns(string[] header, int line, string? source, AgencyBatchBuilder builder)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!columns.TryAdd(name, i))
                builder.Report(Diagnostic.Error(DiagnosticCodes.RepeatedColumn,
                    $"The column '{InputChecks.Shorten(name)}' appears twice in the header (fields {columns[name] + 1} and {i + 1}); it is not known which holds the data, so the file is not scored.",
                    new SourceLocation(source, null, line, i + 1)));
        }
        return columns;
    }

    private static void ReportMissingColumns(CompiledRuleSet ruleSet, Dictionary<string, int> columns, string? source, AgencyBatchBuilder builder)
    {
        var idColumn = ruleSet.Definition.Agency.IdColumn;
        if (!columns.ContainsKey(idColumn))
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The CSV has no '{idColumn}' column, so no row can be identified.", new SourceLocation(source, null, 1, 0)));
        foreach (var input in ruleSet.Definition.Inputs.Where(i => !columns.ContainsKey(i.Name)))
        {
            var severity = input.Missing == Definition.MissingPolicy.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            builder.Report(new Diagnostic(severity, DiagnosticCodes.DataFile,
                $"The CSV has no column '{input.Name}'; every row counts it as missing (policy '{input.Missing}').{Binding.NameSuggester.Hint(input.Name, columns.Keys)}",
                new SourceLocation(source, null, 1, 0)));
        }
    }
}
