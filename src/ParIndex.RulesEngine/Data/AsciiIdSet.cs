namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The plain ASCII agency ids accepted so far, each with its row, for the duplicate check of a
/// file of any size. A dictionary of strings kept every id alive: two million agencies held about
/// 150 MB more than half a million did, every full collection walked them, and a streaming run's
/// memory grew with the file. Here memory holds one 8-byte slot per id (10 to 15 bytes with the
/// free slots) and <see cref="AcceptedIdStore"/> holds the text, on disk past a
/// few megabytes.
/// </summary>
/// <remarks>
/// A slot is 28 bits of the id's 64-bit hash and the 36-bit place of its record plus one (0 is a
/// free slot). A look-up probes from the place those bits give and reads a record back only when
/// all 28 bits match: the id itself, or another id about once in 2^(28 − log2 of the shard's
/// size) probes, which the record then tells apart. So every answer is exact; the hash only
/// decides where to look. The hash is the runtime's randomised string hash and a second seeded one
/// (<see cref="HashCode"/>), so ids chosen to collide cannot be written in advance. The table is
/// 256 shards chosen by the hash, each grown by half on its own when 80 % full, so growing never
/// holds two copies of the whole table and the bits in a slot are enough to move it.
/// </remarks>
internal sealed class AsciiIdSet : IDisposable
{
    private const int ShardCount = 256;
    private const int FirstCapacity = 16;
    private const int FieldBits = 28;
    private const int PlaceBits = 64 - FieldBits;
    private const ulong PlaceMask = (1UL << PlaceBits) - 1;

    private readonly ulong[]?[] _shards = new ulong[ShardCount][];
    private readonly int[] _counts = new int[ShardCount];
    private readonly AcceptedIdStore _store;
    private readonly IdHash? _weakHash;

    /// <summary>A 64-bit hash of an id.</summary>
    internal delegate ulong IdHash(ReadOnlySpan<char> id);

    /// <summary>A set keeping its records in <paramref name="store"/>, which it disposes.</summary>
    public AsciiIdSet(AcceptedIdStore store) => _store = store;

    /// <summary>A set hashing with <paramref name="weakHash"/> instead: for tests that make many ids share their bits, so that only the records can tell them apart.</summary>
    internal AsciiIdSet(AcceptedIdStore store, IdHash weakHash)
        : this(store) => _weakHash = weakHash;

    /// <summary>Ids accepted.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated over all shards (for the memory figures in the tests).</summary>
    internal long Capacity => _shards.Sum(s => (long)(s?.Length ?? 0));

    /// <summary>Adds <paramref name="id"/> (plain ASCII) for <paramref name="row"/>; false, adding nothing, when it is already there.</summary>
    public bool TryAdd(ReadOnlySpan<char> id, int row)
    {
        var (shard, field) = Hash(id);
        var slots = _shards[shard] ??= new ulong[FirstCapacity];
        var at = Find(slots, field, id, out var found);
        if (found) return false;
        if (_counts[shard] + 1 > slots.Length * 4L / 5)
        {
            slots = Grow(shard);
            at = Find(slots, field, id, out _);
        }
        var place = _store.Append(id, row);
        if ((ulong)place >= PlaceMask) throw new InvalidOperationException("The accepted agency ids passed 64 GiB of text.");
        slots[at] = ((ulong)field << PlaceBits) | ((ulong)place + 1);
        _counts[shard]++;
        Count++;
        return true;
    }

    /// <summary>Whether <paramref name="id"/> (plain ASCII) was accepted, and for which row.</summary>
    public bool TryGetRow(ReadOnlySpan<char> id, out int row)
    {
        var (shard, field) = Hash(id);
        row = 0;
        if (_shards[shard] is not { } slots) return false;
        var at = Find(slots, field, id, out var found);
        if (found) row = _store.RowAt((long)(slots[at] & PlaceMask) - 1);
        return found;
    }

    public void Dispose() => _store.Dispose();

    /// <summary>The slot holding <paramref name="id"/> (<paramref name="found"/>), or else the free slot where it would go.</summary>
    private int Find(ulong[] slots, uint field, ReadOnlySpan<char> id, out bool found)
    {
        for (var at = Home(field, slots.Length); ; at = at + 1 == slots.Length ? 0 : at + 1)
        {
            var slot = slots[at];
            if (slot == 0)
            {
                found = false;
                return at;
            }
            if (slot >> PlaceBits == field && _store.Matches((long)(slot & PlaceMask) - 1, id))
            {
                found = true;
                return at;
            }
        }
    }

    private ulong[] Grow(int shard)
    {
        var old = _shards[shard]!;
        var slots = new ulong[old.Length + old.Length / 2];
        foreach (var slot in old)
        {
            if (slot == 0) continue;
            var at = Home((uint)(slot >> PlaceBits), slots.Length);
            while (slots[at] != 0) at = at + 1 == slots.Length ? 0 : at + 1;
            slots[at] = slot;
        }
        return _shards[shard] = slots;
    }

    /// <summary>Where a field's probe starts: the field scaled onto the shard (any size, not only powers of two).</summary>
    private static int Home(uint field, int capacity) => (int)(((ulong)field * (ulong)capacity) >> FieldBits);

    /// <summary>The shard (8 bits) and the field (28 bits) of a 64-bit hash of the id.</summary>
    private (int Shard, uint Field) Hash(ReadOnlySpan<char> id)
    {
        var hash = _weakHash is null ? StrongHash(id) : _weakHash(id);
        return ((int)(hash >> 56), (uint)(hash >> (56 - FieldBits)) & ((1u << FieldBits) - 1));
    }

    private static ulong StrongHash(ReadOnlySpan<char> id)
    {
        var second = new HashCode();
        second.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(id));
        return ((ulong)(uint)string.GetHashCode(id) << 32) | (uint)second.ToHashCode();
    }
}
