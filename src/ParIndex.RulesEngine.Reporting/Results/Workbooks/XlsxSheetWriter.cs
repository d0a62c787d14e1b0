using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// Writes one worksheet element by element with the Open XML SDK's <see cref="OpenXmlWriter"/>:
/// rows go to the part as they are written, so a sheet of a million rows is never a DOM. Text
/// is written as inline strings (no shared-string table to hold), numbers as numbers. The parts
/// of a worksheet that come before the cells (<see cref="Begin"/>) and after them
/// (<see cref="End"/>) are given whole; they are small.
/// </summary>
internal sealed class XlsxSheetWriter : IDisposable
{
    private readonly OpenXmlWriter _writer;
    private readonly Stream _stream;
    private int _row;
    private int _column;

    /// <param name="stream">The sheet part's stream (<see cref="XlsxPackageWriter.AddSheet"/>); closed with the writer.</param>
    public XlsxSheetWriter(Stream stream)
    {
        _stream = stream;
        _writer = OpenXmlWriter.Create(stream);
    }

    /// <summary>The number of the last row started (1-based).</summary>
    public int Row => _row;

    /// <summary>Starts the sheet: view (frozen rows and columns), print fit, column widths.</summary>
    public void Begin(int frozenRows, int frozenColumns, IReadOnlyList<double> widths, bool landscape)
    {
        _writer.WriteStartElement(new Worksheet());
        if (landscape) _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (frozenRows > 0 || frozenColumns > 0)
            view.Append(new Pane
            {
                HorizontalSplit = frozenColumns > 0 ? frozenColumns : null,
                VerticalSplit = frozenRows > 0 ? frozenRows : null,
                TopLeftCell = Data.CellReference.Address(frozenColumns, frozenRows + 1),
                ActivePane = frozenRows > 0 && frozenColumns > 0 ? PaneValues.BottomRight : frozenRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
                State = PaneStateValues.Frozen,
            });
        _writer.WriteElement(new SheetViews(view));
        if (widths.Count > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            _writer.WriteElement(columns);
        }
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>Starts a row (closing the previous one); a hidden row stays in the file but out of sight.</summary>
    public void StartRow(bool hidden = false)
    {
        if (_row > 0) _writer.WriteEndElement();
        _row++;
        _column = 0;
        var attributes = new List<OpenXmlAttribute> { new("r", "", _row.ToString(CultureInfo.InvariantCulture)) };
        if (hidden) attributes.Add(new("hidden", "", "1"));
        _writer.WriteStartElement(new Row(), attributes);
    }

    /// <summary>Leaves the next cell empty.</summary>
    public void Skip() => _column++;

    /// <summary>A text cell (inline string); null or empty text leaves the cell empty.</summary>
    public void Text(string? text, uint style = XlsxStyles.Default)
    {
        if (string.IsNullOrEmpty(text)) { _column++; return; }
        var cell = new Cell { CellReference = Reference(), DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style };
        cell.Append(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        _writer.WriteElement(cell);
    }

    /// <summary>A number cell; NaN leaves the cell empty.</summary>
    public void Number(double value, uint style = XlsxStyles.Default)
    {
        if (double.IsNaN(value)) { _column++; return; }
        _writer.WriteElement(new Cell
        {
            CellReference = Reference(), StyleIndex = style == 0 ? null : style,
            CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)),
        });
    }

    /// <summary>A boolean cell (TRUE/FALSE in the spreadsheet).</summary>
    public void Bool(bool value) =>
        _writer.WriteElement(new Cell { CellReference = Reference(), DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") });

    /// <summary>Ends the cells and writes what follows them (autofilter, validations, page setup…), in the schema's order.</summary>
    public void End(params OpenXmlElement?[] after)
    {
        if (_row > 0) _writer.WriteEndElement();
        _writer.WriteEndElement();
        foreach (var element in after)
            if (element is not null) _writer.WriteElement(element);
        _writer.WriteEndElement();
    }

    /// <summary>A4 landscape, fitted to the page width, on every printed page.</summary>
    public static OpenXmlElement[] PrintA4Landscape() =>
    [
        new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
        new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
    ];

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private string Reference() => Data.CellReference.Address(_column++, _row);
}
