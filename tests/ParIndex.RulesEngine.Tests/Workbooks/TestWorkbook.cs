using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>
/// Builds small .xlsx files cell by cell with the Open XML SDK's element classes, independently of
/// the library's writers, so the reader is tested on every cell form a spreadsheet program writes:
/// shared and inline strings, typed numbers and booleans, formulas with cached values, error
/// values, merged ranges, hidden sheets.
/// </summary>
internal sealed class TestWorkbook
{
    private readonly List<(string Name, bool Hidden, List<(string Ref, Func<SharedStrings, Cell> Make)> Cells, List<string> Merges)> _sheets = new();

    /// <summary>Adds a sheet; later calls of the cell methods fill it.</summary>
    public TestWorkbook Sheet(string name, bool hidden = false)
    {
        _sheets.Add((name, hidden, new(), new()));
        return this;
    }

    /// <summary>A text cell through the shared-string table (what Excel and LibreOffice write).</summary>
    public TestWorkbook Text(string reference, string text) =>
        Add(reference, strings => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)) });

    /// <summary>A text cell stored inline in the sheet.</summary>
    public TestWorkbook Inline(string reference, string text) =>
        Add(reference, _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    /// <summary>A typed number cell.</summary>
    public TestWorkbook Number(string reference, double value) =>
        Add(reference, _ => new Cell { CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) });

    /// <summary>A typed boolean cell.</summary>
    public TestWorkbook Bool(string reference, bool value) =>
        Add(reference, _ => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    /// <summary>A formula cell with the number its program last computed.</summary>
    public TestWorkbook Formula(string reference, string formula, double cached) =>
        Add(reference, _ => new Cell { CellFormula = new CellFormula(formula), CellValue = new CellValue(cached.ToString("R", CultureInfo.InvariantCulture)) });

    /// <summary>A formula cell whose cached value is an error such as #DIV/0!.</summary>
    public TestWorkbook Error(string reference, string formula, string error) =>
        Add(reference, _ => new Cell { DataType = CellValues.Error, CellFormula = new CellFormula(formula), CellValue = new CellValue(error) });

    /// <summary>A cell with formatting and no value (what a program leaves in formatted empty rows).</summary>
    public TestWorkbook Empty(string reference) => Add(reference, _ => new Cell { StyleIndex = 0 });

    /// <summary>A merged range such as "B1:C1".</summary>
    public TestWorkbook Merge(string range)
    {
        _sheets[^1].Merges.Add(range);
        return this;
    }

    /// <summary>Rows of text cells from column A, starting at <paramref name="firstRow"/> (a quick way to lay out a table).</summary>
    public TestWorkbook Rows(int firstRow, params string[][] rows)
    {
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c].Length > 0) Text(Data.CellReference.Address(c, firstRow + r), rows[r][c]);
        return this;
    }

    public byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var strings = new SharedStrings();
            uint id = 1;
            foreach (var (name, hidden, cells, merges) in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var group in cells.GroupBy(c => RowOf(c.Ref)).OrderBy(g => g.Key))
                {
                    var row = new Row { RowIndex = (uint)group.Key };
                    foreach (var (reference, make) in group.OrderBy(c => ColumnOf(c.Ref)))
                    {
                        var cell = make(strings);
                        cell.CellReference = reference;
                        row.Append(cell);
                    }
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
                part.Worksheet = worksheet;
                workbookPart.Workbook.Sheets!.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name,
                    State = hidden ? SheetStateValues.Hidden : null,
                });
            }
            if (strings.Items.Count > 0)
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable =
                    new SharedStringTable(strings.Items.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        }
        return memory.ToArray();
    }

    private TestWorkbook Add(string reference, Func<SharedStrings, Cell> make)
    {
        _sheets[^1].Cells.Add((reference, make));
        return this;
    }

    private static int RowOf(string reference) => Data.CellReference.TryParse(reference, out _, out var row) ? row : throw new ArgumentException(reference);

    private static int ColumnOf(string reference) => Data.CellReference.TryParse(reference, out var column, out _) ? column : throw new ArgumentException(reference);

    /// <summary>The shared-string table being built.</summary>
    internal sealed class SharedStrings
    {
        public List<string> Items { get; } = new();

        public int Index(string text)
        {
            var at = Items.IndexOf(text);
            if (at >= 0) return at;
            Items.Add(text);
            return Items.Count - 1;
        }
    }
}
