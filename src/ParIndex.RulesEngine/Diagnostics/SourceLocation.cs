namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// Where something stands in a rule file or data file: file, JSON path, 1-based line and column.
/// Any part may be unknown (null or 0) when the source has no such notion.
/// </summary>
/// <param name="File">The file path as given by the caller, or a label such as "&lt;memory&gt;".</param>
/// <param name="JsonPath">The JSON path of the element, e.g. <c>criteria[0].children[2].formula</c>.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record SourceLocation(string? File, string? JsonPath, int Line, int Column)
{
    /// <summary>A location that names nothing.</summary>
    public static SourceLocation None { get; } = new(null, null, 0, 0);

    /// <summary>The same location moved right by <paramref name="columns"/> on the same line.</summary>
    public SourceLocation ShiftColumn(int columns) => Column > 0 ? this with { Column = Column + columns } : this;

    /// <summary>
    /// The workbook cell, as a spreadsheet names it (<c>Nhập liệu!F12</c>), when the source is a
    /// workbook; <see cref="Line"/> and <see cref="Column"/> then hold its row and column numbers.
    /// </summary>
    public string? Cell { get; init; }

    /// <summary>Formats as <c>file(line,col)</c>, the form compilers and editors understand; a workbook cell as <c>file(Sheet!F12)</c>.</summary>
    public override string ToString()
    {
        var file = File ?? "<rules>";
        if (Cell is not null) return $"{file}({Cell})";
        return Line > 0 ? $"{file}({Line},{Math.Max(Column, 1)})" : file;
    }
}
