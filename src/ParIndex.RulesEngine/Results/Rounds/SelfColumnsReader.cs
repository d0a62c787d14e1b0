using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Reads the self-assessed round of a CSV file or workbook that holds both rounds in paired columns:
/// <c>&lt;input&gt;</c> is the appraised value (what the ordinary readers read) and
/// <c>&lt;input&gt;#self</c> the self-assessed one (see <see cref="RoundColumns"/>). Only the
/// header is changed (each pair's two names swapped), so the CSV or workbook reader reads the
/// self values with every check, line, column and cell of the file as it is; an input without a
/// #self column keeps its one value in both rounds.
/// </summary>
public static class SelfColumnsReader
{
    /// <summary>Reads the self-assessed values of a CSV file or workbook (.xlsx) with paired columns into a batch.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="path">The CSV file, or a workbook when it ends in .xlsx.</param>
    /// <param name="options">Culture and grouping of numbers, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file has no #self column, or its header runs over several lines.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (XlsxAgencyReader.IsWorkbookPath(path))
        {
            // The refusal is carried out of the reader, which takes an InvalidDataException for a broken zip.
            InvalidDataException? refused = null;
            var batch = XlsxAgencyReader.ReadFile(ruleSet.InputSchema, path, options, names =>
            {
                try { return SwapNames(ruleSet, names, path); }
                catch (InvalidDataException ex) { refused = ex; return names; }
            });
            return refused is null ? batch : throw refused;
        }
        string text;
        try
        {
            using var stream = DataFileException.OpenRead(path);
            using var reader = new Utf8Check().Open(stream);
            text = reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
        return CsvAgencyReader.Read(ruleSet, new StringReader(SwapHeader(ruleSet, text, path)), options, path);
    }

    /// <summary>The text with each input's name and its #self column's name swapped in the header; the rest as it is.</summary>
    internal static string SwapHeader(CompiledRuleSet ruleSet, string text, string? source)
    {
        var splitter = new CsvRecordSplitter(new StringReader(text));
        // An empty or unreadable header is left to the CSV reader, which reports it.
        if (splitter.ReadHeader() is not { Fields: { } header } record) return text;
        if (record.LastLine != record.FirstLine)
            throw new InvalidDataException($"{source}({record.FirstLine}): {EngineText.Format("SelfHeaderLines", record.FirstLine, record.LastLine)}");
        var swapped = SwapNames(ruleSet, header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray(), source);
        var line = string.Join(splitter.Delimiter, swapped.Select(n => Quote(n, splitter.Delimiter)));
        var (start, end) = LineSpan(text, record.FirstLine);
        return string.Concat(text.AsSpan(0, start), line, text.AsSpan(end));
    }

    /// <summary>The header's names with each input that has a #self column swapped with it; refused when none has.</summary>
    private static string[] SwapNames(CompiledRuleSet ruleSet, string[] names, string? source)
    {
        var inputs = ruleSet.Definition.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var present = names.ToHashSet(StringComparer.Ordinal);
        var paired = inputs.Where(i => present.Contains(i + RoundColumns.SelfSuffix)).ToHashSet(StringComparer.Ordinal);
        if (paired.Count == 0)
            throw new InvalidDataException($"{source}: {EngineText.Format("SelfNoColumn", inputs.FirstOrDefault() + RoundColumns.SelfSuffix)}");
        return names.Select(n =>
            paired.Contains(n) ? n + RoundColumns.SelfSuffix
            : n.EndsWith(RoundColumns.SelfSuffix, StringComparison.Ordinal) && paired.Contains(n[..^RoundColumns.SelfSuffix.Length]) ? n[..^RoundColumns.SelfSuffix.Length]
            : n).ToArray();
    }

    private static string Quote(string name, char delimiter) =>
        name.IndexOfAny([delimiter, '"']) >= 0 ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;

    /// <summary>Start and end (before its line break) of physical line <paramref name="number"/>, counting breaks as the CSV splitter does (\n, \r\n, \r).</summary>
    private static (int Start, int End) LineSpan(string text, int number)
    {
        var start = 0;
        for (var line = 1; line < number; line++)
        {
            var i = text.IndexOfAny(['\r', '\n'], start);
            start = i < 0 ? text.Length : text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
        }
        var end = text.IndexOfAny(['\r', '\n'], start);
        return (start, end < 0 ? text.Length : end);
    }
}
