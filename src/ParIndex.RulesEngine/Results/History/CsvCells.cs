using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.History;

/// <summary>One cell of a small CSV file and where it starts (1-based line and column).</summary>
internal readonly record struct CsvCell(string Text, int Line, int Column);

/// <summary>
/// A whole small CSV file (a results file, an id mapping) as cells with their places, read by the
/// data path's RFC 4180 splitter. These files are not agency data: one bad record is an error
/// for the whole file, given as <c>file(line,column): message</c>.
/// </summary>
internal static class CsvCells
{
    public static List<List<CsvCell>> Read(string text, string source)
    {
        var splitter = new CsvRecordSplitter(new StringReader(text.TrimStart('\uFEFF')), trackPositions: true);
        var records = new List<List<CsvCell>>();
        for (var record = splitter.ReadHeader(); record is not null; record = splitter.Next(records.Count == 0 ? null : records[0].Count))
        {
            if (record.Fields is null)
                throw new FormatException($"{source}({record.ProblemAt.Line},{record.ProblemAt.Column}): {record.Problem}.");
            records.Add(record.Fields.Select((field, i) => new CsvCell(field, record.FieldStarts![i].Line, record.FieldStarts[i].Column)).ToList());
        }
        if (records.Count == 0) throw new FormatException($"{source}(1,1): {EngineText.Get("ResultsFileEmpty")}");
        return records;
    }

    /// <summary>The index of a header column; a <see cref="FormatException"/> naming the file when it is absent.</summary>
    public static int Column(List<List<CsvCell>> records, string source, string name, string purpose)
    {
        var index = records[0].FindIndex(c => c.Text == name);
        return index >= 0 ? index : throw new FormatException($"{source}({records[0][0].Line},1): {EngineText.Format("ResultsNoColumn", name, purpose)}");
    }

    /// <summary>The cell of a row in a column; a <see cref="FormatException"/> at the row when the row is short.</summary>
    public static CsvCell Cell(List<CsvCell> row, int column, string source, string name) =>
        column < row.Count ? row[column] : throw new FormatException($"{source}({row[0].Line},{row[0].Column}): {EngineText.Format("ResultsRowShort", row.Count, name, column + 1)}");
}
