using System.Text;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The text Sep reads, passed through unchanged while the line break ending each physical line is
/// noted (Sep gives a line's text but not its break). <see cref="CsvRecordSplitter"/> needs the
/// break for two things: a quoted field that goes on to the next line holds it, and a last line
/// without one may be a truncated record. Breaks are queued as the text goes by and taken, one
/// per line, as lines are consumed; the queue holds only the lines Sep has read ahead.
/// The first line can be read before Sep starts (to choose the delimiter), and is passed on too.
/// A block is never handed out ending in a '\r' while more text follows: Sep 0.17.1 then reads one
/// character ahead to look for a '\n' and, when that character is another '\r' (a file with
/// old Mac line breaks), yields the empty line between them after the next line instead of
/// before it. The '\r' is held back and starts the next block.
/// </summary>
internal sealed class LineBreakTracker(TextReader inner) : TextReader
{
    private readonly Queue<string> _breaks = new();
    private string _prefix = "";
    private int _prefixAt;
    private bool _pendingCr;
    private bool _crTakenEarly;
    private bool _ended;
    /// <summary>A '\r' held back from the end of the previous block.</summary>
    private bool _heldCr;

    /// <summary>
    /// Reads ahead to the end of the first non-empty line and returns it (null for a text of
    /// empty lines only); the characters read are still passed on to the next reader.
    /// </summary>
    public string? PeekFirstLine()
    {
        var read = new StringBuilder();
        var line = new StringBuilder();
        while (true)
        {
            var c = inner.Read();
            if (c < 0) break;
            read.Append((char)c);
            if (c is '\n' or '\r')
            {
                if (line.Length > 0) break;
                continue;
            }
            line.Append((char)c);
        }
        _prefix = read.ToString();
        return line.Length == 0 ? null : line.ToString();
    }

    /// <summary>The break that ended the next line not yet taken: "\r\n", "\n", "\r", or "" for a last line without one.</summary>
    public string TakeBreak()
    {
        if (_breaks.TryDequeue(out var lineBreak)) return lineBreak;
        if (!_pendingCr) return "";
        // The line ended on a '\r' at the end of a block: a '\n' that starts the next block belongs to it.
        _pendingCr = false;
        _crTakenEarly = true;
        return "\r";
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        var n = 0;
        if (_heldCr)
        {
            buffer[n++] = '\r';
            _heldCr = false;
        }
        n += ReadMore(buffer[n..]);
        if (n == 0) End();
        else
        {
            if (n > 1 && buffer[n - 1] == '\r')
            {
                _heldCr = true;
                n--;
            }
            Note(buffer[..n]);
        }
        return n;
    }

    /// <summary>The first line read ahead, then the rest of the text.</summary>
    private int ReadMore(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_prefixAt >= _prefix.Length) return inner.Read(buffer);
        var n = Math.Min(buffer.Length, _prefix.Length - _prefixAt);
        _prefix.AsSpan(_prefixAt, n).CopyTo(buffer);
        _prefixAt += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => throw new NotSupportedException("The CSV reader reads blocks.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private void Note(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (_pendingCr || _crTakenEarly)
        {
            var crlf = text[0] == '\n';
            if (_pendingCr) _breaks.Enqueue(crlf ? "\r\n" : "\r");
            if (crlf) i = 1;
            _pendingCr = _crTakenEarly = false;
        }
        while (i < text.Length)
        {
            var j = text[i..].IndexOfAny('\r', '\n');
            if (j < 0) break;
            j += i;
            if (text[j] == '\n') _breaks.Enqueue("\n");
            else if (j + 1 == text.Length) _pendingCr = true;
            else if (text[j + 1] == '\n') { _breaks.Enqueue("\r\n"); j++; }
            else _breaks.Enqueue("\r");
            i = j + 1;
        }
    }

    private void End()
    {
        if (_ended) return;
        _ended = true;
        if (_pendingCr) _breaks.Enqueue("\r");
        _pendingCr = _crTakenEarly = false;
    }
}
