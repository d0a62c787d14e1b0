using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.History;

/// <summary>
/// Reads an agency id mapping from a CSV file with the columns <c>oldId</c> and <c>newId</c>
/// (other columns, such as a note, are ignored): one line per unit renamed or merged into another.
/// </summary>
public static class AgencyIdMapReader
{
    /// <summary>Reads the mapping file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="FormatException">A column is missing, an id is empty, an old id is listed twice, or the pairs form a cycle; the message gives file, line and column.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AgencyIdMap ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>Reads mapping CSV text.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <exception cref="FormatException">As <see cref="ReadFile"/>.</exception>
    public static AgencyIdMap Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = CsvCells.Read(text, source);
        var oldColumn = CsvCells.Column(records, source, "oldId", EngineText.Get("ResultsPurposeOldId"));
        var newColumn = CsvCells.Column(records, source, "newId", EngineText.Get("ResultsPurposeNewId"));
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in records.Skip(1))
        {
            var old = CsvCells.Cell(row, oldColumn, source, "oldId");
            var now = CsvCells.Cell(row, newColumn, source, "newId");
            foreach (var cell in new[] { old, now })
                if (string.IsNullOrWhiteSpace(cell.Text))
                    throw new FormatException($"{source}({cell.Line},{cell.Column}): {DiagnosticCodes.AgencyIdMap}: {DiagnosticCatalog.AgencyIdMap.FormatSituation("EmptyId", [])}");
            var key = Data.AgencyIdRegistry.Normalize(old.Text)!;
            if (lines.TryGetValue(key, out var earlier))
                throw new FormatException($"{source}({old.Line},{old.Column}): {DiagnosticCodes.AgencyIdMap}: {DiagnosticCatalog.AgencyIdMap.FormatSituation("MappedTwice", [key, earlier])}");
            lines[key] = old.Line;
            pairs[key] = now.Text;
        }
        try { return new AgencyIdMap(pairs); }
        catch (ArgumentException ex) { throw new FormatException($"{source}(1,1): {DiagnosticCodes.AgencyIdMap}: {ex.Message}", ex); }
    }
}
