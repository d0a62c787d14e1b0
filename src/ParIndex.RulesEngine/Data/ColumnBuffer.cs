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

    public int Count { get; private set; }

    /// <summary>The place of the next row's value (written, not yet kept).</summary>
    public ref T Pending
    {
        get
        {
            var block = Count >> Shift;
            var offset = Count & (BlockSize - 1);
            if (block == _blocks.Count) _blocks.Add(new T[BlockSize]);
            else if (block == 0 && offset == _blocks[0].Length)
            {
                var first = _blocks[0];
                Array.Resize(ref first, first.Length * 2);
                _blocks[0] = first;
            }
            return ref _blocks[block][offset];
        }
    }

    /// <summary>Keeps the value written in <see cref="Pending"/>.</summary>
    public void Advance() => Count++;

    public void Add(T value)
    {
        Pending = value;
        Count++;
    }

    public void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            foreach (var block in _blocks) Array.Clear(block);
        Count = 0;
    }

    /// <summary>The kept values, in an array of exactly their number.</summary>
    public T[] ToArray()
    {
        var values = new T[Count];
        for (int block = 0, done = 0; done < Count; block++)
        {
            var n = Math.Min(_blocks[block].Length, Count - done);
            _blocks[block].AsSpan(0, n).CopyTo(values.AsSpan(done));
            done += n;
        }
        return values;
    }
}
