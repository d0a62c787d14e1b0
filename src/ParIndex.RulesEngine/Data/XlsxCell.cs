namespace ParIndex.RulesEngine.Data;

/// <summary>What a worksheet cell holds, as the file types it.</summary>
internal enum XlsxCellKind
{
    /// <summary>Text: a shared string, an inline string or a formula's text result.</summary>
    Text,
    /// <summary>A number typed as such; <see cref="XlsxCell.Number"/> holds it.</summary>
    Number,
    /// <summary>A boolean typed as such; <see cref="XlsxCell.Number"/> is 1 or 0.</summary>
    Bool,
    /// <summary>An error value such as #DIV/0! or #N/A; <see cref="XlsxCell.Text"/> holds it.</summary>
    Error,
}

/// <summary>
/// One non-empty cell of a worksheet row: its 0-based column, its kind and value. Formula cells
/// carry the value the spreadsheet program last computed (the cached value), never the formula.
/// </summary>
internal readonly record struct XlsxCell(int Column, XlsxCellKind Kind, string Text, double Number)
{
    /// <summary>The cell as the data readers take a value: a double, a bool or the text.</summary>
    public object Value => Kind switch
    {
        XlsxCellKind.Number => Number,
        XlsxCellKind.Bool => Number != 0,
        _ => Text,
    };

    /// <summary>The cell as header or id text: numbers in the invariant culture's shortest form.</summary>
    public string AsText() => Kind switch
    {
        XlsxCellKind.Number => Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        XlsxCellKind.Bool => Number != 0 ? "true" : "false",
        _ => Text,
    };
}

/// <summary>One worksheet row that has at least one value: its 1-based row number and its cells by 0-based column (null where empty).</summary>
internal sealed record XlsxRow(int Number, XlsxCell?[] Columns)
{
    /// <summary>The cell in <paramref name="column"/>, or null when the row has none there.</summary>
    public XlsxCell? At(int column) => column >= 0 && column < Columns.Length ? Columns[column] : null;
}
