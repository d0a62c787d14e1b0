using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>Reads a generated workbook back with the Open XML SDK's element classes, to check what a spreadsheet program will find in it.</summary>
internal sealed class WorkbookInspection : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public WorkbookInspection(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    public static Row Row(Worksheet sheet, int number) => sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == number);

    public static Cell? Cell(Worksheet sheet, string reference) => sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The text a cell shows before formatting: inline string, shared string or the raw value.</summary>
    public string? Text(Worksheet sheet, string reference)
    {
        if (Cell(sheet, reference) is not { } cell) return null;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
            return Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return cell.CellValue?.Text;
    }

    /// <summary>The number format code of a cell's style.</summary>
    public string? NumberFormat(Cell cell)
    {
        var styles = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(n => n.NumberFormatId!.Value == id)?.FormatCode?.Value;
    }

    /// <summary>The solid fill colour (ARGB) of a cell's style, or null.</summary>
    public string? FillColour(Cell cell)
    {
        var styles = Workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var fill = styles.Fills!.Elements<Fill>().ElementAt((int)(format.FillId?.Value ?? 0));
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    public void Dispose() => _document.Dispose();
}
