using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// The cell styles every generated workbook uses, by index into one stylesheet: header, note,
/// plain text, numbers with the scheme's precision, whole numbers, and five fills for the share
/// of a criterion's max (below 25 %, 50 %, 75 %, 100 %, and full marks).
/// </summary>
internal sealed class XlsxStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint Note = 2;
    public const uint Text = 3;
    public const uint Points = 4;
    public const uint Whole = 5;
    /// <summary>Points coloured by share of max: <see cref="ShareFirst"/> + bucket (0–4).</summary>
    public const uint ShareFirst = 6;
    public const uint Title = 11;

    /// <summary>Fills from red (little of the max) to green (all of it).</summary>
    private static readonly string[] ShareColours = ["FFF8CBAD", "FFFCE4D6", "FFFFF2CC", "FFE2EFDA", "FFC6EFCE"];

    /// <summary>The style of points <paramref name="points"/> out of <paramref name="max"/>.</summary>
    public static uint Share(double points, double max)
    {
        if (!(max > 0)) return Points;
        var share = points / max;
        var bucket = share >= 1 - 1e-9 ? 4 : share >= 0.75 ? 3 : share >= 0.5 ? 2 : share >= 0.25 ? 1 : 0;
        return ShareFirst + (uint)bucket;
    }

    /// <summary>The number format code for <paramref name="decimals"/> places ("0.00"; "0" for none).</summary>
    public static string NumberFormat(int decimals) => decimals <= 0 ? "0" : "0." + new string('0', Math.Min(decimals, 15));

    /// <summary>A stylesheet with the styles above, points shown with <paramref name="decimals"/> places.</summary>
    public static Stylesheet Create(int decimals)
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 9 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"));
        foreach (var colour in ShareColours) fills.Append(Solid(colour));
        var borders = new Borders(new Border(), new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        const uint pointsFormat = 164;
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center } },
            new CellFormat { FontId = 2, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = pointsFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true });
        for (var i = 0; i < ShareColours.Length; i++)
            formats.Append(new CellFormat { NumberFormatId = pointsFormat, FillId = (uint)(3 + i), ApplyNumberFormat = true, ApplyFill = true });
        formats.Append(new CellFormat { FontId = 3, ApplyFont = true });
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = pointsFormat, FormatCode = NumberFormat(decimals) }) { Count = 1 },
            fonts, fills, borders,
            new CellStyleFormats(new CellFormat()),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString(argb) }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
}
