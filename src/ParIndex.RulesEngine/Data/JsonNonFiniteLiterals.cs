namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Lets the JSON data reader accept the bare literals <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c> (written by JavaScript-ish tools and accepted by the reader before
/// System.Text.Json), so that such a value is a row error ("not a finite number") for its agency
/// instead of making the whole file malformed. System.Text.Json has no option for them, so the
/// bytes are scanned before the reader sees them (outside strings and comments) and each literal
/// is overwritten in place by a string of the same length (positions do not move), whose offset
/// is remembered: the reader then takes a string at that offset as the literal.
/// </summary>
internal sealed class JsonNonFiniteLiterals
{
    /// <summary>Longest literal, "-Infinity": bytes kept back at the end of a block until more come.</summary>
    private const int Longest = 9;

    private readonly Queue<(long Offset, double Value)> _found = new();
    private State _state;

    private enum State { Normal, InString, Escape, Slash, LineComment, BlockComment, BlockCommentStar }

    /// <summary>
    /// Scans <paramref name="bytes"/>[<paramref name="from"/>..] (at absolute offset <paramref name="bytesStart"/>)
    /// and returns how far the bytes are ready for the reader: everything when <paramref name="final"/>,
    /// else up to a possible literal cut at the end.
    /// </summary>
    public int Scan(Span<byte> bytes, int from, long bytesStart, bool final)
    {
        var i = from;
        for (; i < bytes.Length; i++)
        {
            var b = bytes[i];
            switch (_state)
            {
                case State.Normal:
                    if (b == '"') _state = State.InString;
                    else if (b == '/') _state = State.Slash;
                    else if (b is (byte)'N' or (byte)'I' or (byte)'-')
                    {
                        if (!final && bytes.Length - i < Longest) return i;
                        if (Literal(bytes[i..]) is { } literal)
                        {
                            var (length, value) = literal;
                            bytes[i] = bytes[i + length - 1] = (byte)'"';
                            bytes.Slice(i + 1, length - 2).Fill((byte)'x');
                            _found.Enqueue((bytesStart + i, value));
                            i += length - 1;
                        }
                    }
                    break;
                case State.InString:
                    if (b == '\\') _state = State.Escape;
                    else if (b == '"') _state = State.Normal;
                    break;
                case State.Escape:
                    _state = State.InString;
                    break;
                case State.Slash:
                    _state = b == '/' ? State.LineComment : b == '*' ? State.BlockComment : State.Normal;
                    if (_state == State.Normal) i--; // the byte after a lone '/' is read again as normal text
                    break;
                case State.LineComment:
                    if (b is (byte)'\n' or (byte)'\r') _state = State.Normal;
                    break;
                case State.BlockComment:
                    if (b == '*') _state = State.BlockCommentStar;
                    break;
                case State.BlockCommentStar:
                    _state = b == '/' ? State.Normal : b == '*' ? State.BlockCommentStar : State.BlockComment;
                    break;
            }
        }
        return i;
    }

    /// <summary>
    /// Whether the string token starting at <paramref name="offset"/> stands for a literal, and which.
    /// Tokens come in order, so literals before <paramref name="offset"/> (inside skipped values) are dropped.
    /// </summary>
    public bool IsLiteral(long offset, out double value)
    {
        while (_found.TryPeek(out var next) && next.Offset < offset) _found.Dequeue();
        if (_found.TryPeek(out var here) && here.Offset == offset)
        {
            _found.Dequeue();
            value = here.Value;
            return true;
        }
        value = 0;
        return false;
    }

    private static (int Length, double Value)? Literal(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("NaN"u8) ? (3, double.NaN) :
        bytes.StartsWith("Infinity"u8) ? (8, double.PositiveInfinity) :
        bytes.StartsWith("-Infinity"u8) ? (9, double.NegativeInfinity) : null;
}
