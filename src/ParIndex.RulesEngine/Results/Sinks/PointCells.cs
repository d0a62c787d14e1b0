using System.Runtime.CompilerServices;
using System.Numerics;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// The criterion cells of one results-CSV row, formatted straight into a buffer of bytes or
/// chars: for each column, the separator, then "n/a" where the criterion does not apply to the
/// agency (its maximum is NaN), nothing where its points are unknown (NaN), else the points as
/// <see cref="CompactDecimal"/> writes them. A row of a wide scheme has a couple of hundred such
/// cells; writing them in one call per row, instead of three virtual calls per cell, is most of
/// what the results CSV costs to write. A value off the decimal grid (rare) stops the run, so
/// that the text writer can give it .NET's own text (<see cref="ResultText.WriteCompact"/>).
/// </summary>
internal ref struct PointCells<T> where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Units one cell can take: its separator (up to three UTF-8 bytes) and the longest number text (longer than "n/a").</summary>
    public const int CellRoom = 3 + CompactDecimal.MaxLength;

    private readonly double[][] _points;
    private readonly double[][] _maxPoints;
    private readonly int _row;
    private readonly ReadOnlySpan<T> _separator;
    private readonly T _decimalPoint;

    /// <param name="points">The points column of each cell, in column order.</param>
    /// <param name="maxPoints">The maximum column of each cell (NaN: not applicable).</param>
    /// <param name="row">The row written.</param>
    /// <param name="separator">The field separator written before each cell, encoded (one to three units).</param>
    /// <param name="decimalPoint">'.' or ','.</param>
    public PointCells(double[][] points, double[][] maxPoints, int row, ReadOnlySpan<T> separator, T decimalPoint)
    {
        _points = points;
        _maxPoints = maxPoints;
        _row = row;
        _separator = separator;
        _decimalPoint = decimalPoint;
    }

    /// <summary>The next cell to write.</summary>
    public int Next { get; private set; }

    /// <summary>True once every cell is written.</summary>
    public readonly bool Done => Next == _points.Length;

    /// <summary>The points of the next cell, the one <see cref="FormatInto"/> stopped at when it reported a value off the grid.</summary>
    public readonly double NextPoints => _points[Next][_row];

    /// <summary>
    /// Writes cells from <see cref="Next"/> on while a whole cell fits in <paramref name="room"/>;
    /// returns the units written. <paramref name="offGrid"/>: it stopped at a value off the grid,
    /// after that cell's separator; the caller writes <see cref="NextPoints"/> itself, then <see cref="Skip"/>s it.
    /// </summary>
    // Fully optimised at its first call: see the remarks of CompactDecimal on tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FormatInto(Span<T> room, out bool offGrid)
    {
        offGrid = false;
        var used = 0;
        while (Next < _points.Length && room.Length - used >= CellRoom)
        {
            if (_separator.Length == 1) room[used++] = _separator[0];
            else
            {
                _separator.CopyTo(room[used..]);
                used += _separator.Length;
            }
            if (double.IsNaN(_maxPoints[Next][_row]))
            {
                room[used++] = T.CreateTruncating('n');
                room[used++] = T.CreateTruncating('/');
                room[used++] = T.CreateTruncating('a');
            }
            else if (_points[Next][_row] is var points && !double.IsNaN(points))
            {
                if (!CompactDecimal.TryFormat(points, room[used..], _decimalPoint, out var length))
                {
                    offGrid = true;
                    return used;
                }
                used += length;
            }
            Next++;
        }
        return used;
    }

    /// <summary>Moves past the cell the caller wrote itself.</summary>
    public void Skip() => Next++;
}
