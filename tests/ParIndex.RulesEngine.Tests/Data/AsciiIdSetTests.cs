using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The duplicate check's compact set of ASCII ids answers exactly what a dictionary of strings
/// answers, in memory and after its records moved to a file, at block edges and with a folder
/// where no file can be made; and it keeps 10 to 15 bytes of slots per id.
/// </summary>
[TestClass]
public sealed class AsciiIdSetTests
{
    /// <summary>
    /// Ids of a large file: a prefix and a number as provinces write them, plus ids that differ
    /// only in their last character or length, so that many share their first bytes. One id in
    /// four is a repeat of an earlier one.
    /// </summary>
    private static List<string> Ids(int count, int seed)
    {
        var random = new Random(seed);
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (ids.Count > 0 && random.Next(4) == 0) ids.Add(ids[random.Next(ids.Count)]);
            else
                ids.Add(random.Next(3) switch
                {
                    0 => $"HST-{i:D7}",
                    1 => $"HST-{i:D7}{(char)('a' + random.Next(26))}",
                    _ => new string((char)random.Next(0x20, 0x7F), random.Next(1, 12)),
                });
        }
        return ids;
    }

    /// <summary>Adds every id to the set and to a dictionary (the reference) and compares each answer.</summary>
    private static void AssertSameAsDictionary(AsciiIdSet set, IReadOnlyList<string> ids)
    {
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < ids.Count; row++)
        {
            var added = reference.TryAdd(ids[row], row);
            Assert.AreEqual(added, set.TryAdd(ids[row], row), $"TryAdd of '{ids[row]}' at row {row}");
        }
        Assert.AreEqual(reference.Count, set.Count);
        foreach (var (id, row) in reference)
        {
            Assert.IsTrue(set.TryGetRow(id, out var found), id);
            Assert.AreEqual(row, found, id);
        }
        // Near misses of accepted ids are not in the set.
        foreach (var id in reference.Keys.Take(20_000))
        {
            var longer = id + "~";
            Assert.AreEqual(reference.ContainsKey(longer), set.TryGetRow(longer, out _), longer);
            var shorter = id[..^1];
            Assert.AreEqual(reference.ContainsKey(shorter), set.TryGetRow(shorter, out _), shorter);
        }
    }

    [TestMethod]
    public void A_small_set_answers_as_a_dictionary_and_stays_in_memory()
    {
        var store = new AcceptedIdStore(null, useFile: true);
        using var set = new AsciiIdSet(store);
        AssertSameAsDictionary(set, Ids(5_000, seed: 1));
        Assert.IsFalse(store.OnDisk);
    }

    [TestMethod]
    public void A_set_past_its_memory_blocks_moves_the_records_to_a_file_and_still_answers_exactly()
    {
        // 600,000 ids, about 450,000 distinct records of 7 to 18 bytes with their 6-byte headers,
        // pass the 64 blocks of 64 KiB (4 MiB) kept in memory.
        var store = new AcceptedIdStore(null, useFile: true);
        using var set = new AsciiIdSet(store);
        AssertSameAsDictionary(set, Ids(600_000, seed: 2));
        Assert.IsTrue(store.OnDisk);
    }

    [TestMethod]
    public void Ids_whose_hash_bits_are_the_same_are_told_apart_by_their_records()
    {
        // A hash of 12 bits, repeated across the word: about 25 distinct ids share every shard and
        // field, so nearly every probe matches its bits and only the stored text decides.
        // Two blocks in memory, so most records are read back from the file.
        var store = new AcceptedIdStore(null, useFile: true, memoryBlocks: 2);
        using var set = new AsciiIdSet(store, Weak);
        AssertSameAsDictionary(set, Ids(130_000, seed: 4));
        Assert.IsTrue(store.OnDisk);
    }

    private static ulong Weak(ReadOnlySpan<char> id) => (ulong)(string.GetHashCode(id) & 0xFFF) * 0x0010_0100_1001_0010UL;

    [TestMethod]
    public void A_look_up_longer_than_any_record_is_not_found_even_when_its_hash_bits_match_a_record_on_disk()
    {
        // The skeleton of a long id can be longer than a cell ("⑽" becomes "(10)"); with a hash of
        // 12 bits it meets records on disk, and must be told apart without reading past a record.
        var store = new AcceptedIdStore(null, useFile: true, memoryBlocks: 1);
        using var set = new AsciiIdSet(store, Weak);
        for (var i = 0; i < 40_000; i++) set.TryAdd($"ID{i}", i);
        Assert.IsTrue(store.OnDisk);
        for (var n = 0; n < 300; n++)
        {
            var longer = new string((char)('a' + n % 26), AcceptedIdStore.MaxIdLength + 1 + n);
            Assert.IsFalse(set.TryGetRow(longer, out _), $"length {longer.Length}");
        }
    }

    [TestMethod]
    public void A_store_that_may_not_use_a_file_keeps_every_block_in_memory()
    {
        // The public builder and the other readers do not release a file when their input ends, so
        // their duplicate check never makes one.
        var store = new AcceptedIdStore(null, useFile: false, memoryBlocks: 1);
        using var set = new AsciiIdSet(store);
        AssertSameAsDictionary(set, Ids(50_000, seed: 6));
        Assert.IsFalse(store.OnDisk);
    }

    [TestMethod]
    public void Where_no_file_can_be_made_the_records_stay_in_memory_and_the_answers_are_the_same()
    {
        var store = new AcceptedIdStore(Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}"), useFile: true);
        using var set = new AsciiIdSet(store);
        AssertSameAsDictionary(set, Ids(600_000, seed: 3));
        Assert.IsFalse(store.OnDisk);
    }

    [TestMethod]
    public void Ids_as_long_as_a_cell_may_be_fill_blocks_unevenly_and_are_compared_in_full()
    {
        // Six ids of 10,000 characters fill a 64 KiB block, so records start at uneven places and
        // the seventh opens a new block; ids differing only in their last character are distinct.
        var store = new AcceptedIdStore(null, useFile: true);
        using var set = new AsciiIdSet(store);
        var ids = new List<string>();
        for (var i = 0; i < 600; i++) ids.Add(new string('x', InputChecks.MaxCellLength - 7) + $"{i:D7}");
        for (var i = 0; i < 600; i++) ids.Add(new string((char)('A' + i % 26), 1 + i * 16 % InputChecks.MaxCellLength));
        ids.AddRange(ids.AsEnumerable().Reverse().ToList()); // every id again: each repeat is told by its record, on disk or not
        AssertSameAsDictionary(set, ids);
        Assert.IsTrue(store.OnDisk, "600 records of 10,006 bytes pass the blocks kept in memory");
    }

    [TestMethod]
    public void The_slots_take_ten_to_fifteen_bytes_per_id()
    {
        // A slot is 8 bytes; each shard grows by half when 80 % full, so between 53 % and 80 % of
        // slots are used once every shard has grown a few times: 8 / 0.8 = 10 to 8 / 0.53 = 15 bytes.
        using var set = new AsciiIdSet(new AcceptedIdStore(null, useFile: false));
        for (var i = 0; i < 300_000; i++) set.TryAdd($"ID{i}", i);
        var bytesPerId = set.Capacity * 8.0 / set.Count;
        Assert.IsTrue(bytesPerId is >= 10 and <= 15.2, $"{bytesPerId:F1} bytes of slots per id");
    }
}
