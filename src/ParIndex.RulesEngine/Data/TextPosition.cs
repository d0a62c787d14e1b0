using System.Text;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Line and column of a place in UTF-8 text, moved forward only: System.Text.Json gives byte
/// offsets, messages give lines (CR, LF and CRLF each end one) and columns in characters (UTF-16
/// code units, as editors and text readers count them; a character outside the BMP counts two).
/// It also counts line feeds alone, as <see cref="System.Text.Json.Utf8JsonReader"/> does, so a
/// position that reader reports in an exception can be turned back into an offset.
/// </summary>
internal struct TextPosition
{
    /// <summary>Absolute byte offset reached.</summary>
    public long Offset;

    /// <summary>1-based line of <see cref="Offset"/>.</summary>
    public int Line;

    /// <summary>Characters before <see cref="Offset"/> on its line.</summary>
    public int CharsBefore;

    /// <summary>Line feeds before <see cref="Offset"/> (the reader's 0-based line number).</summary>
    public long LineFeeds;

    /// <summary>Offset just after the last line feed (where the reader's byte position in line counts from).</summary>
    public long LineFeedLineStart;

    private bool _afterCarriageReturn;

    /// <summary>The start of a text.</summary>
    public static TextPosition Start => new() { Line = 1 };

    /// <summary>1-based column of the character starting at <see cref="Offset"/>.</summary>
    public readonly int Column => CharsBefore + 1;

    /// <summary>Moves to <paramref name="target"/>; <paramref name="bytes"/> holds the text from absolute offset <paramref name="bytesStart"/>.</summary>
    public void AdvanceTo(ReadOnlySpan<byte> bytes, long bytesStart, long target)
    {
        while (Offset < target)
        {
            var span = bytes.Slice((int)(Offset - bytesStart), (int)(target - Offset));
            var lineBreak = span.IndexOfAny((byte)'\n', (byte)'\r');
            var run = lineBreak < 0 ? span : span[..lineBreak];
            if (run.Length > 0)
            {
                CharsBefore += Ascii.IsValid(run) ? run.Length : Chars(run);
                _afterCarriageReturn = false;
                Offset += run.Length;
            }
            if (lineBreak < 0) return;
            if (span[lineBreak] == '\r')
            {
                Line++;
                _afterCarriageReturn = true;
            }
            else
            {
                if (!_afterCarriageReturn) Line++;
                _afterCarriageReturn = false;
                LineFeeds++;
                LineFeedLineStart = Offset + 1;
            }
            CharsBefore = 0;
            Offset++;
        }
    }

    /// <summary>UTF-16 code units of valid UTF-8 bytes: one per lead byte, two for a four-byte sequence.</summary>
    private static int Chars(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;
            if (b >= 0xF0) count++;
        }
        return count;
    }
}
