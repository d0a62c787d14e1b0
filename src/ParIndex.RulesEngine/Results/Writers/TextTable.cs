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
        _headers = columns.Select(c => DisplayText.Escape(c.Header)).ToArray();
        _rightAligned = columns.Select(c => c.RightAligned).ToArray();
    }

    public void Add(params string[] cells) => _rows.Add(cells.Select(c => DisplayText.Escape(c)).ToArray());

    public override string ToString()
    {
        var widths = _headers.Select((h, i) => _rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        var text = new StringBuilder();
        Append(text, _headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows) Append(text, row, widths);
        return text.ToString();
    }

    private void Append(StringBuilder text, string[] cells, int[] widths)
    {
        var parts = cells.Select((c, i) => Pad(c, widths[i], _rightAligned[i]));
        text.AppendLine(string.Join("  ", parts).TrimEnd());
    }

    private static string Pad(string cell, int width, bool right)
    {
        var normalized = cell.Normalize(NormalizationForm.FormC);
        var padding = new string(' ', Math.Max(0, width - Width(normalized)));
        return right ? padding + normalized : normalized + padding;
    }

    private static int Width(string text) => new StringInfo(text.Normalize(NormalizationForm.FormC)).LengthInTextElements;
}
