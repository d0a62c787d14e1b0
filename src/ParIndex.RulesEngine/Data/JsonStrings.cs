using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParIndex.RulesEngine.Data;

/// <summary>Strings of System.Text.Json tokens, as the JSON readers of data and results need them.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// The string of the current token. An escaped lone surrogate (<c>"\ud800"</c>) is kept as
    /// that character, as text readers do, where <see cref="Utf8JsonReader.GetString"/> throws:
    /// such an id is then an id like any other (the id registry copes with it), not a crash.
    /// </summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException) { return Unescape(reader.ValueSpan); }
    }

    /// <summary>Unescapes the raw bytes of a JSON string (already checked by the reader), keeping lone surrogates.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (raw.Length > 0)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var run = backslash < 0 ? raw : raw[..backslash];
            text.Append(Encoding.UTF8.GetString(run));
            if (backslash < 0) break;
            var escape = raw[backslash + 1];
            if (escape == 'u')
            {
                text.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                raw = raw[(backslash + 6)..];
                continue;
            }
            text.Append(escape switch { (byte)'n' => '\n', (byte)'t' => '\t', (byte)'r' => '\r', (byte)'b' => '\b', (byte)'f' => '\f', _ => (char)escape });
            raw = raw[(backslash + 2)..];
        }
        return text.ToString();
    }

    /// <summary>The message of a reader exception without its 0-based "LineNumber: … | BytePositionInLine: …" suffix (places are given in lines and characters instead).</summary>
    public static string Reason(JsonException error)
    {
        var message = error.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (suffix < 0 ? message : message[..suffix]).TrimEnd();
    }
}
