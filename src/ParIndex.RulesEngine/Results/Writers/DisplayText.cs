using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Makes text from data and rule files safe to print on a terminal. Agency names, ids, titles,
/// labels and messages come from files anyone may have written; a terminal obeys control
/// characters and escape sequences in them (move the cursor, rewrite earlier lines, change the
/// window title, hide text), and bidirectional overrides make text read differently from what
/// it holds. Every such character is replaced by a visible escape: <c>\n</c>, <c>\r</c>, and
/// <c>\u001B</c>-style for the others (C0 controls but tab, DEL, C1 controls U+0080–U+009F,
/// the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the line and
/// paragraph separators U+2028/U+2029). An escape sequence thus shows as text, e.g. <c>\u001B[31m</c>.
/// Everything else, Vietnamese letters included, is kept as it is.
/// </summary>
public static class DisplayText
{
    /// <summary>True for a character that must not reach a terminal as it is.</summary>
    /// <param name="c">The character.</param>
    /// <param name="keepLineBreaks">True to let <c>\n</c> through (text whose line breaks are the tool's own).</param>
    public static bool IsUnsafe(char c, bool keepLineBreaks = false) => c switch
    {
        '\t' => false,
        '\n' => !keepLineBreaks,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u2028' or '\u2029' => true,
        _ => false,
    };

    /// <summary>
    /// <paramref name="text"/> with every unsafe character (see <see cref="DisplayText"/>) replaced by
    /// a visible escape; the same string when there is none. Null gives "".
    /// </summary>
    /// <param name="text">Text from a data or rule file, or a message that quotes it.</param>
    /// <param name="keepLineBreaks">True to keep <c>\n</c> (and a <c>\r</c> right before it) for text whose lines the tool itself made.</param>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (keepLineBreaks && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') escaped.Append(c);
            else if (IsUnsafe(c, keepLineBreaks)) AppendEscape(escaped, c);
            else escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Appends the visible form of one unsafe character: <c>\n</c>, <c>\r</c> or <c>\uXXXX</c>.</summary>
    /// <param name="text">Where to append.</param>
    /// <param name="c">The character.</param>
    public static void AppendEscape(StringBuilder text, char c)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (c)
        {
            case '\n': text.Append("\\n"); break;
            case '\r': text.Append("\\r"); break;
            default: text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
        }
    }

    private static int FirstUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepLineBreaks && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (IsUnsafe(c, keepLineBreaks)) return i;
        }
        return -1;
    }
}
