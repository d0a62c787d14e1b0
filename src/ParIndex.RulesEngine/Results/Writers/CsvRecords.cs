using System.Text;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>One cell of a CSV record and where it starts (1-based line and column).</summary>
internal readonly record struct CsvCell(string Text, int Line, int Column);

/// <summary>
/// Splits CSV text (comma separated, RFC 4180 double quotes) into records, with the line and
/// column of every cell. A quoted field may hold separators, doubled quotes and line breaks, so a
/// record can span several lines (the tool's own results do when a name holds a line break).
/// Blank lines (and lines holding one empty cell) are skipped. Unquoted cells are trimmed; quoted cells are kept exactly.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>, in order.</summary>
    /// <exception cref="FormatException">A quoted field is never closed, or text follows a closing quote; the message gives file, line and column.</exception>
    public static List<List<CsvCell>> Read(string text, string source)
    {
        var records = new List<List<CsvCell>>();
        var record = new List<CsvCell>();
        var cell = new StringBuilder();
        int line = 1, column = 1, i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        int cellLine = line, cellColumn = column;
        var quotedCell = false;


        void EndCell()
        {
            var value = quotedCell ? cell.ToString() : cell.ToString().Trim();
            record.Add(new CsvCell(value, cellLine, cellColumn));
            cell.Clear();
            quotedCell = false;
        }
        void EndRecord()
        {
            EndCell();
            if (!(record.Count == 1 && record[0].Text.Length == 0)) records.Add(record);
            record = new List<CsvCell>();
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && cell.ToString().Trim().Length == 0 && !quotedCell)
            {
                // A quoted field: read to its closing quote, across line breaks.
                var openLine = line;
                var openColumn = column;
                cell.Clear();
                quotedCell = true;
                i++; column++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException($"{source}({openLine},{openColumn}): the quoted field that starts here is never closed.");
                    var q = text[i];
                    if (q == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; column += 2; continue; }
                    if (q == '"') { i++; column++; break; }
                    cell.Append(q);
                    i++;
                    if (q == '\n') { line++; column = 1; } else column++;
                }
                // Only blanks may follow the closing quote before the separator or the end of the line.
                while (i < text.Length && text[i] is ' ' or '\t') { i++; column++; }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    throw new FormatException($"{source}({line},{column}): text after the closing quote of a quoted field.");
                continue;
            }
            if (c == ',')
            {
                EndCell();
                i++; column++;
                cellLine = line; cellColumn = column;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++; column = 1;
                cellLine = line; cellColumn = column;
                continue;
            }
            if (quotedCell)
                throw new FormatException($"{source}({line},{column}): text after the closing quote of a quoted field.");
            cell.Append(c);
            i++; column++;
        }
        if (cell.Length > 0 || record.Count > 0 || quotedCell) EndRecord();
        return records;
    }
}
