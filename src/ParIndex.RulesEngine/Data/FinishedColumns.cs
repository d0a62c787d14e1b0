namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Objects holding a chunk's columns (batches, kernel frames) that a streaming run has finished
/// with, kept so that a later chunk of exactly as many rows is built on their arrays instead of
/// new ones. Every chunk but the last has the same row count, and a chunk's columns are megabytes
/// on the large-object heap: allocating them per chunk and pass made the collector run hundreds of
/// times in a run of 500,000 agencies. Objects are returned on one thread and taken on another
/// (the reader's or the writing pass's), hence the lock. At most <see cref="Kept"/> wait, as many
/// as a pass has alive at once: the one being used, the one waiting, the one being built.
/// </summary>
internal sealed class FinishedColumns<T>(Func<T, int> rowsOf) where T : class
{
    private const int Kept = 3;

    // Newest last. A chunk of another row count (the last, shorter one) must not block the others.
    private readonly List<T> _finished = new();

    /// <summary>A finished object of exactly <paramref name="rows"/> rows (the newest such), or null.</summary>
    public T? Take(int rows)
    {
        lock (_finished)
        {
            for (var i = _finished.Count - 1; i >= 0; i--)
            {
                if (rowsOf(_finished[i]) != rows) continue;
                var item = _finished[i];
                _finished.RemoveAt(i);
                return item;
            }
            return null;
        }
    }

    /// <summary>Keeps <paramref name="item"/>, which nothing reads any more, for a later chunk; the oldest goes when too many wait.</summary>
    public void Return(T item)
    {
        lock (_finished)
        {
            _finished.Add(item);
            if (_finished.Count > Kept) _finished.RemoveAt(0);
        }
    }

    /// <summary>Lets every kept object go (nothing later builds on them).</summary>
    public void Clear()
    {
        lock (_finished) _finished.Clear();
    }
}

/// <summary>A finished chunk's arrays taken where they fit, by the code that refills them (the reader and the spill).</summary>
internal static class FinishedArrays
{
    /// <summary><paramref name="finished"/> when it has exactly <paramref name="length"/> elements, else a new array.</summary>
    public static T[] Fit<T>(T[]? finished, int length) => finished?.Length == length ? finished : new T[length];

    /// <summary>Column <paramref name="index"/> of a finished chunk's set of columns, or null when there is none.</summary>
    public static T[]? Column<T>(T[][]? columns, int index) => columns is not null && index < columns.Length ? columns[index] : null;
}
