using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads one worksheet of an .xlsx workbook row by row with the Open XML SDK's SAX reader
/// (<see cref="OpenXmlReader"/>): only the current row is ever loaded as elements, so memory does
/// not grow with the sheet. Shared strings are read once into an array (the workbook's own table);
/// inline strings and formula text results are taken where they stand; merged ranges, which the
/// file lists after the cells, are read first in a pass that skips the cell data.
/// </summary>
internal sealed class XlsxSheetReader
{
    private readonly WorksheetPart _part;
    private readonly string[] _sharedStrings;

    private XlsxSheetReader(string sheetName, WorksheetPart part, string[] sharedStrings)
    {
        SheetName = sheetName;
        _part = part;
        _sharedStrings = sharedStrings;
    }

    /// <summary>The sheet's name as the workbook shows it (used in cell addresses: <c>Nhập liệu!F12</c>).</summary>
    public string SheetName { get; }

    /// <summary>
    /// The sheet the data is on: the first visible worksheet in the workbook's order (a template's
    /// data-entry sheet comes before its instructions). Null when the workbook has no worksheet.
    /// </summary>
    public static XlsxSheetReader? FirstVisible(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook part");
        var sheet = Guarded(workbook, null, () => workbook.Workbook.Sheets?.Elements<Sheet>()
            .FirstOrDefault(s => (s.State is null || s.State.Value == SheetStateValues.Visible) && s.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart));
        if (sheet is null) return null;
        return new XlsxSheetReader(sheet.Name?.Value ?? "Sheet1", (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!), SharedStrings(workbook));
    }

    /// <summary>Merged ranges as (first column, first row, last column, last row), 0-based columns and 1-based rows.</summary>
    public List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)> MergedRanges()
    {
        var ranges = new List<(int, int, int, int)>();
        using var reader = Guarded(_part, SheetName, () => OpenXmlReader.Create(_part));
        while (Next(reader))
        {
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement) { Guarded(_part, SheetName, () => { reader.Skip(); return true; }); continue; }
            if (reader.ElementType != typeof(MergeCell) || !reader.IsStartElement) continue;
            var reference = reader.Attributes.FirstOrDefault(a => a.LocalName == "ref").Value;
            if (reference?.Split(':') is [var first, var last]
                && CellReference.TryParse(first, out var c1, out var r1) && CellReference.TryParse(last, out var c2, out var r2))
                ranges.Add((c1, r1, c2, r2));
        }
        return ranges;
    }

    /// <summary>The rows that hold at least one value, in sheet order; rows with only formatting are left out.</summary>
    public IEnumerable<XlsxRow> Rows()
    {
        using var reader = Guarded(_part, SheetName, () => OpenXmlReader.Create(_part));
        var lastRow = 0;
        while (Next(reader))
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = LoadRow(reader);
            var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
            lastRow = number;
            var cells = new List<XlsxCell>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference && CellReference.TryParse(reference, out var c, out _) ? c : nextColumn;
                nextColumn = column + 1;
                if (Read(cell, column) is { } value) cells.Add(value);
            }
            if (cells.Count == 0) continue;
            var columns = new XlsxCell?[cells.Max(c => c.Column) + 1];
            foreach (var cell in cells) columns[cell.Column] = cell;
            yield return new XlsxRow(number, columns);
        }
    }

    /// <summary>A cell's value by its type; null for an empty cell (no value, or empty text).</summary>
    private XlsxCell? Read(Cell cell, int column)
    {
        var type = cell.DataType?.Value;
        var raw = cell.CellValue?.Text;
        if (type == SheetValues.InlineString)
            return Text(column, cell.InlineString is { } inline ? ItemText(inline) : raw);
        if (raw is null) return null;
        if (type == SheetValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length
                ? Text(column, _sharedStrings[i])
                : throw Damaged(new InvalidDataException($"cell {CellReference.Address(column, RowOf(cell))} refers to shared string {raw}, which the workbook does not have"));
        if (type == SheetValues.String) return Text(column, raw);
        if (type == SheetValues.Error) return new XlsxCell(column, XlsxCellKind.Error, raw, double.NaN);
        if (type == SheetValues.Boolean) return new XlsxCell(column, XlsxCellKind.Bool, raw, raw is "1" or "true" ? 1 : 0);
        if (type == SheetValues.Date) return Text(column, raw);
        // A number cell's value is written in the invariant form ("0.75", "1E-3") whatever the program's locale.
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new XlsxCell(column, XlsxCellKind.Number, raw, number)
            : Text(column, raw);
    }

    private static int RowOf(Cell cell) => cell.CellReference?.Value is { } r && CellReference.TryParse(r, out _, out var row) ? row : 0;

    private static XlsxCell? Text(int column, string? text) =>
        string.IsNullOrEmpty(text) ? null : new XlsxCell(column, XlsxCellKind.Text, text, double.NaN);

    /// <summary>The workbook's shared strings, read element by element.</summary>
    private static string[] SharedStrings(WorkbookPart workbook)
    {
        if (workbook.SharedStringTablePart is not { } part) return [];
        return Guarded(part, null, () =>
        {
            var strings = new List<string>();
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                    strings.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
            return strings.ToArray();
        });
    }

    /// <summary>The next element of the sheet part; damage to the part's bytes names the part.</summary>
    /// <remarks>A try block of its own rather than <see cref="Guarded"/>: it runs once per element, and a delegate would be allocated each time.</remarks>
    private bool Next(OpenXmlReader reader)
    {
        try { return reader.Read(); }
        catch (Exception ex) when (XlsxPartDamagedException.IsDamage(ex)) { throw Damaged(ex); }
    }

    /// <summary>The row the reader stands on, loaded as elements; damage names the part (once per row, so no delegate either).</summary>
    private Row LoadRow(OpenXmlReader reader)
    {
        try { return (Row)reader.LoadCurrentElement()!; }
        catch (Exception ex) when (XlsxPartDamagedException.IsDamage(ex)) { throw Damaged(ex); }
    }

    private XlsxPartDamagedException Damaged(Exception inner) => new(_part.Uri.OriginalString, SheetName, inner);

    /// <summary>
    /// Runs a read of <paramref name="part"/>, turning damage to its bytes into an
    /// <see cref="XlsxPartDamagedException"/> naming it. The package opened, so the file is a workbook;
    /// what failed is one part of it, and the message says which.
    /// </summary>
    private static T Guarded<T>(OpenXmlPart part, string? sheet, Func<T> read)
    {
        try { return read(); }
        catch (Exception ex) when (XlsxPartDamagedException.IsDamage(ex)) { throw new XlsxPartDamagedException(part.Uri.OriginalString, sheet, ex); }
    }

    /// <summary>The text of a string item: its plain text, or its rich-text runs joined (phonetic guides left out).</summary>
    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
    }
}
