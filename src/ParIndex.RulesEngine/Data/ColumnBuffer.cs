namespace ParIndex.RulesEngine.Data;

/// <summary>
/// One growing column of a batch being built, stored in blocks so that growing never copies:
/// the first block doubles up to <see cref="BlockSize"/>, then full blocks are added. A row's
/// value can be written in the place after the last row (<see cref="Pending"/>) before the row
/// is known to be good, and kept by <see cref="Advance"/> once every cell of it passed, so a
/// rejected row costs no undo. Cleared between chunks without giving its blocks back, so reading
/// a file in chunks allocates only each chunk's exact arrays.
/// </summary>
internal sealed class ColumnBuffer<T>
{
    private const int Shift = 14;
    /// <summary>Values per full block.</summary>
    public const int BlockSize = 1 << Shift;

    private readonly List<T[]> _blocks = [new T[256]];
    /// <summary>The block that holds the place of the next row, its index and the place in it: the hot path reads these and nothing else.</summary>
    private T[] _current;
    private int _currentBlock;
    private int _offset;

    public ColumnBuffer() => _current = _blocks[0];

    /// <summary>Rows kept: every block before the current one is full.</summary>
    public int Count => _currentBlock * BlockSize + _offset;

    /// <summary>The place of the next row's value (written, not yet kept).</summary>
    public ref T Pending
    {
        get
        {
            if ((uint)_offset < (uint)_current.Length) return ref _current[_offset];
            return ref NextPlace();
        }
    }

    /// <summary>Keeps the value written in <see cref="Pending"/>.</summary>
    public void Advance()
    {
        if ((uint)_offset >= (uint)_current.Length) NextPlace();
        _offset++;
    }

    public void Add(T value)
    {
        Pending = value;
        Advance();
    }

    public void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            foreach (var block in _blocks) Array.Clear(block);
        _currentBlock = 0;
        _current = _blocks[0];
        _offset = 0;
    }

    /// <summary>
    /// Moves past a full block: the first block doubles until it holds <see cref="BlockSize"/>
    /// values, then each further block (kept from an earlier chunk, or new) holds as many.
    /// </summary>
    private ref T NextPlace()
    {
        if (_currentBlock == 0 && _current.Length < BlockSize)
        {
            Array.Resize(ref _current, _current.Length * 2);
            _blocks[0] = _current;
        }
        else
        {
            _currentBlock++;
            if (_currentBlock == _blocks.Count) _blocks.Add(new T[BlockSize]);
            _current = _blocks[_currentBlock];
            _offset = 0;
        }
        return ref _current[_offset];
    }

    /// <summary>The kept values, in an array of exactly their number: <paramref name="into"/> when it has that length (a finished chunk's column), else a new one.</summary>
    public T[] ToArray(T[]? into = null)
    {
        var values = FinishedArrays.Fit(into, Count);
        for (int block = 0, done = 0; done < Count; block++)
        {
            var n = Math.Min(_blocks[block].Length, Count - done);
            _blocks[block].AsSpan(0, n).CopyTo(values.AsSpan(done));
            done += n;
        }
        return values;
    }
}
