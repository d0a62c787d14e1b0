using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// Writes UTF-8 (no byte-order mark) straight into a byte buffer: numbers through
/// <see cref="IUtf8SpanFormattable"/>, text transcoded in place; an unpaired surrogate becomes
/// U+FFFD, as a <see cref="StreamWriter"/> with <see cref="UTF8Encoding"/> writes it.
/// </summary>
internal sealed class Utf8ResultText : ResultText
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _used;
    // The criterion cells' separator and its UTF-8 bytes (at most three for one UTF-16 unit).
    private char? _separator;
    private readonly byte[] _encodedSeparator = new byte[3];
    private int _encodedSeparatorLength;

    public Utf8ResultText(Stream stream, string? newLine = null, int bufferSize = 1 << 16) : base(newLine ?? Environment.NewLine)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferSize, 4 * NumberRoom)];
    }

    public override void Write(ReadOnlySpan<char> text)
    {
        while (true)
        {
            var status = Utf8.FromUtf16(text, _buffer.AsSpan(_used), out var read, out var written, replaceInvalidSequences: true);
            _used += written;
            if (status == System.Buffers.OperationStatus.Done) return;
            text = text[read..];
            Drain();
        }
    }

    public override void Write(char c)
    {
        if (c < 0x80 && _used < _buffer.Length)
        {
            _buffer[_used++] = (byte)c;
            return;
        }
        Write([c]);
    }

    public override void WriteNumber(double value, string format, bool unsigned, bool jsonDecimal = false)
    {
        Reserve();
        var room = _buffer.AsSpan(_used);
        if (!value.TryFormat(room, out var length, format, CultureInfo.InvariantCulture))
        {
            // Only "F" of a huge value is longer than the room: format it the slow way, once.
            Write(value.ToString(format, CultureInfo.InvariantCulture).AsSpan());
            return;
        }
        if (unsigned && double.IsFinite(value) && IsNegativeZeroText<byte>(room[..length], (byte)'-', (byte)'1', (byte)'9'))
        {
            room[1..length].CopyTo(room);
            length--;
        }
        _used += length;
        if (jsonDecimal && double.IsFinite(value) && LacksDecimalPoint<byte>(room[..length], (byte)'.', (byte)'E', (byte)'e'))
        {
            _buffer[_used++] = (byte)'.';
            _buffer[_used++] = (byte)'0';
        }
    }

    public override void WriteCompact(double value, bool decimalComma)
    {
        Reserve();
        if (CompactDecimal.TryFormat(value, _buffer.AsSpan(_used), decimalComma ? (byte)',' : (byte)'.', out var length))
            _used += length;
        else
            Write(SlowCompact(value, decimalComma).AsSpan());
    }

    public override void WriteInteger(long value)
    {
        Reserve();
        value.TryFormat(_buffer.AsSpan(_used), out var length, default, CultureInfo.InvariantCulture);
        _used += length;
    }

    // Fully optimised at its first call: see the remarks of CompactDecimal on tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void WritePointCells(double[][] points, double[][] maxPoints, int row, char separator, bool decimalComma)
    {
        // Encoded once per separator, not once per row.
        if (separator != _separator)
        {
            Utf8.FromUtf16([separator], _encodedSeparator, out _, out _encodedSeparatorLength, replaceInvalidSequences: true);
            _separator = separator;
        }
        var cells = new PointCells<byte>(points, maxPoints, row, _encodedSeparator.AsSpan(0, _encodedSeparatorLength), decimalComma ? (byte)',' : (byte)'.');
        while (!cells.Done)
        {
            if (_buffer.Length - _used < PointCells<byte>.CellRoom) Drain();
            _used += cells.FormatInto(_buffer.AsSpan(_used), out var offGrid);
            if (!offGrid) continue;
            Write(SlowCompact(cells.NextPoints, decimalComma).AsSpan());
            cells.Skip();
        }
    }

    public override void Flush() => Drain();

    private void Reserve()
    {
        if (_buffer.Length - _used < NumberRoom) Drain();
    }

    private void Drain()
    {
        if (_used == 0) return;
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
