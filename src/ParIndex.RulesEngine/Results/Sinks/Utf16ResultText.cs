using System.Runtime.CompilerServices;
using System.Globalization;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>Writes characters into a char buffer handed to a <see cref="TextWriter"/> in blocks; numbers through <see cref="ISpanFormattable"/>.</summary>
internal sealed class Utf16ResultText : ResultText
{
    private readonly TextWriter _writer;
    private readonly char[] _buffer;
    private int _used;

    public Utf16ResultText(TextWriter writer, int bufferSize = 1 << 14) : base(writer.NewLine)
    {
        _writer = writer;
        _buffer = new char[Math.Max(bufferSize, 4 * NumberRoom)];
    }

    public override void Write(ReadOnlySpan<char> text)
    {
        if (text.Length > _buffer.Length - _used)
        {
            Drain();
            if (text.Length > _buffer.Length)
            {
                _writer.Write(text);
                return;
            }
        }
        text.CopyTo(_buffer.AsSpan(_used));
        _used += text.Length;
    }

    public override void Write(char c)
    {
        if (_used == _buffer.Length) Drain();
        _buffer[_used++] = c;
    }

    public override void WriteNumber(double value, string format, bool unsigned, bool jsonDecimal = false)
    {
        Reserve();
        var room = _buffer.AsSpan(_used);
        if (!value.TryFormat(room, out var length, format, CultureInfo.InvariantCulture))
        {
            Write(value.ToString(format, CultureInfo.InvariantCulture).AsSpan());
            return;
        }
        if (unsigned && double.IsFinite(value) && IsNegativeZeroText<char>(room[..length], '-', '1', '9'))
        {
            room[1..length].CopyTo(room);
            length--;
        }
        _used += length;
        if (jsonDecimal && double.IsFinite(value) && LacksDecimalPoint<char>(room[..length], '.', 'E', 'e'))
        {
            _buffer[_used++] = '.';
            _buffer[_used++] = '0';
        }
    }

    public override void WriteCompact(double value, bool decimalComma)
    {
        Reserve();
        if (CompactDecimal.TryFormat(value, _buffer.AsSpan(_used), decimalComma ? ',' : '.', out var length))
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
        var cells = new PointCells<char>(points, maxPoints, row, new ReadOnlySpan<char>(in separator), decimalComma ? ',' : '.');
        while (!cells.Done)
        {
            if (_buffer.Length - _used < PointCells<char>.CellRoom) Drain();
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
        _writer.Write(_buffer, 0, _used);
        _used = 0;
    }
}
