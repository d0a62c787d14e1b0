using System.Globalization;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Settings for <see cref="CsvResultWriter"/> (and for the CSV of a streaming run).</summary>
public sealed record CsvResultOptions
{
    /// <summary>The defaults: formula-leading text cells are escaped.</summary>
    public static CsvResultOptions Default { get; } = new();

    /// <summary>
    /// True (the default) to keep spreadsheets from running text cells as formulas: a text cell
    /// (agency id, name, group, classification, a header) that starts with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return gets a single quote in front, the OWASP rule
    /// against CSV injection (a cell that starts with quotes followed by one of those also gets one
    /// more, so that <see cref="PreviousRanksReader"/> reads every id back exactly). Numbers are
    /// never escaped: a negative total or rank change stays a number. False writes every cell as it is.
    /// </summary>
    public bool EscapeFormulas { get; init; } = true;

    /// <summary>The character between cells: <c>,</c> unless set (<see cref="ForExcel"/> picks <c>;</c> for a decimal-comma culture).</summary>
    public char Separator { get; init; } = ',';

    /// <summary>True to write numbers with a decimal comma (<c>75,5</c>) instead of a point.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>True to begin the text with a byte order mark (U+FEFF), by which Excel recognises UTF-8.</summary>
    public bool ByteOrderMark { get; init; }

    /// <summary>
    /// Settings for a CSV that Excel opens by double-click: a byte order mark (without it Excel on
    /// Windows reads UTF-8 as the system code page and shows "Tá»‰nh" for "Tỉnh"), and, for a culture
    /// whose decimal separator is a comma (vi-VN), decimal commas with <c>;</c> between cells, as
    /// Excel in that culture expects; otherwise <c>,</c> and decimal points. Formula escaping stays on.
    /// </summary>
    /// <param name="culture">The culture of the spreadsheet that will open the file.</param>
    public static CsvResultOptions ForExcel(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var comma = culture.NumberFormat.NumberDecimalSeparator == ",";
        return new CsvResultOptions { ByteOrderMark = true, DecimalComma = comma, Separator = comma ? ';' : ',' };
    }
}
