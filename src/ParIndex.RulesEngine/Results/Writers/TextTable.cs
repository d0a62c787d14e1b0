using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// A plain-text table with aligned columns. Widths are counted in text elements of the
/// NFC-normalised text, so Vietnamese with diacritics lines up in a terminal. Every header and
/// cell goes through <see cref="DisplayText.Escape"/>: a line break, control character or escape
/// sequence in a name or title shows as a visible escape and cannot break the table or drive the terminal.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = new();

    public TextTable(params (string Header, bool RightAligned)[] columns)
    {
        _headers = columns.Select(c => Prepare(c.Header)).ToArray();
        _rightAligned = columns.Select(c => c.RightAligned).ToArray();
    }

    public void Add(params string[] cells) => _rows.Add(cells.Select(Prepare).ToArray());

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => _rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        var text = new StringBuilder();
        AppendLine(text, _headers, widths, _rightAligned);
        AppendSeparator(text, widths);
        foreach (var row in _rows) AppendLine(text, row, widths, _rightAligned);
        return text.ToString();
    }

    /// <summary>A cell as the table shows it: escaped (<see cref="DisplayText.Escape"/>) and NFC-normalised.</summary>
    public static string Prepare(string? cell) => DisplayText.Escape(cell).Normalize(NormalizationForm.FormC);

    /// <summary>The width of a prepared cell, in text elements.</summary>
    public static int Width(string prepared) => new StringInfo(prepared).LengthInTextElements;

    /// <summary>One line: prepared cells padded to their column's width, two spaces apart, no trailing blanks.</summary>
    public static void AppendLine(StringBuilder text, IReadOnlyList<string> prepared, int[] widths, bool[] rightAligned)
    {
        var parts = prepared.Select((c, i) => Pad(c, widths[i], rightAligned[i]));
        text.AppendLine(string.Join("  ", parts).TrimEnd());
    }

    /// <summary>The line of dashes under the header.</summary>
    public static void AppendSeparator(StringBuilder text, int[] widths) => text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));

    private static string Pad(string prepared, int width, bool right)
    {
        var padding = new string(' ', Math.Max(0, width - Width(prepared)));
        return right ? padding + prepared : prepared + padding;
    }
}
