namespace ParIndex.RulesEngine.Data;

/// <summary>
/// One growing column of a batch being built. A row's value can be written in the place after
/// the last row (<see cref="Pending"/>) before the row is known to be good, and kept by
/// <see cref="Advance"/> once every cell of it passed, so a rejected row costs no undo. Cleared
/// between chunks without giving its storage back, so reading a file in chunks reuses it.
/// </summary>
internal sealed class ColumnBuffer<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    /// <summary>The place of the next row's value (written, not yet kept).</summary>
    public ref T Pending
    {
        get
        {
            if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
            return ref _items[Count];
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
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(_items, 0, Count);
        Count = 0;
    }

    /// <summary>The kept values, in an array of exactly their number.</summary>
    public T[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
