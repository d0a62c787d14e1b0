using System.Globalization;
using System.Text;
using CsvHelper;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from CSV (one row per agency, a header naming the agency id column and the
/// inputs). Numbers are read with the given culture, so "0,75" works with vi-VN; the delimiter
/// is detected (comma or semicolon, as spreadsheets with decimal commas write semicolons).
/// </summary>
public static class CsvAgencyReader
{
    /// <summary>Reads a CSV file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, culture, path);
        try
        {
            var utf8 = new Utf8Check();
            using var reader = utf8.Open(path);
            Read(ruleSet, reader, path, builder, culture ?? CultureInfo.InvariantCulture);
            if (utf8.Finding(path) is { } finding) builder.Report(finding);
        }
        catch (IOException ex)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The data file cannot be read: {ex.Message}", new SourceLocation(path, null, 0, 0)));
        }
        catch (UnauthorizedAccessException ex)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The data file cannot be read: {ex.Message}", new SourceLocation(path, null, 0, 0)));
        }
        return builder.Build();
    }

    /// <summary>Reads CSV text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="culture">Culture for numbers; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, culture, source);
        Read(ruleSet, reader, source, builder, culture ?? CultureInfo.InvariantCulture);
        return builder.Build();
    }

    /// <summary>
    /// Reads a CSV file in chunks of about <paramref name="chunkSize"/> rows, for scoring files
    /// larger than memory. Row numbers, duplicate ids and warnings carry across chunks.
    /// </summary>
    internal static IEnumerable<AgencyBatch> ReadChunks(CompiledRuleSet ruleSet, string path, CultureInfo? culture, int chunkSize)
    {
        var builder = new AgencyBatchBuilder(ruleSet, culture, path);
        var utf8 = new Utf8Check();
        using var reader = utf8.Open(path);
        foreach (var _ in ReadRows(ruleSet, reader, path, builder, culture ?? CultureInfo.InvariantCulture))
        {
            if (builder.PendingRows >= chunkSize) yield return builder.BuildChunk();
        }
        if (utf8.Finding(path) is { } finding) builder.Report(finding);
        yield return builder.BuildChunk();
    }

    private static void Read(CompiledRuleSet ruleSet, TextReader text, string? source, AgencyBatchBuilder builder, CultureInfo culture)
    {
        foreach (var _ in ReadRows(ruleSet, text, source, builder, culture)) { }
    }

    /// <summary>Reads the file row by row into the builder, yielding after each row.</summary>
    private static IEnumerable<int> ReadRows(CompiledRuleSet ruleSet, TextReader text, string? source, AgencyBatchBuilder builder, CultureInfo culture)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            DetectSeparatorHint = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FormatProvider = culture,
            // A malformed record (e.g. a stray quote) becomes a row error; reading goes on.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => builder.RejectRow(null, DiagnosticCodes.DataFile,
                $"Line {bad.LineNumber} is not valid CSV ({bad.Reason}); the row is skipped.", new SourceLocation(source, null, (int)bad.LineNumber, 0)),
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var csv = CsvReader.Create(text, options, true);
        IReadOnlyList<string> header;
        try
        {
            csv.ReadHeader();
            header = csv.Headers;
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The CSV header cannot be read: {ex.Message}", new SourceLocation(source, null, 1, 1)));
            yield break;
        }
        if (header.Count == 0)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, "The CSV file is empty: it needs a header row.", new SourceLocation(source, null, 1, 1)));
            yield break;
        }
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!columns.TryAdd(name, i))
                builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The column '{name}' appears twice in the header; the first one is used.", new SourceLocation(source, null, 1, 0)));
        }
        ReportMissingColumns(ruleSet, columns, source, builder);
        var agency = ruleSet.Definition.Agency;
        while (ReadRecord(csv, source, builder))
        {
            var line = (int)csv.LineNumber;
            string? Cell(string name) => columns.TryGetValue(name, out var index) && index < csv.FieldCount ? csv.GetString(index) : null;
            builder.Add(Cell(agency.IdColumn), Cell(agency.NameColumn), Cell, columns.Keys,
                field => new SourceLocation(source, null, line, field is not null && columns.TryGetValue(field, out var c) ? c + 1 : 0));
            yield return line;
        }
    }

    /// <summary>
    /// Reads the next record; a record the parser rejects becomes a row error and reading goes on
    /// with the next one. Only a parser stuck on the same spot ends the file early.
    /// </summary>
    private static bool ReadRecord(CsvReader csv, string? source, AgencyBatchBuilder builder)
    {
        for (var failures = 0; failures < 100; failures++)
        {
            try
            {
                return csv.Read();
            }
            catch (CsvFormatException ex)
            {
                builder.RejectRow(null, DiagnosticCodes.DataFile, $"Line {ex.LineNumber} cannot be parsed as CSV ({ex.Message}); the row is skipped.",
                    new SourceLocation(source, null, (int)ex.LineNumber, 0));
            }
        }
        builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, "Reading stopped: the CSV parser could not get past a malformed part of the file.", new SourceLocation(source, null, (int)csv.LineNumber, 0)));
        return false;
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
