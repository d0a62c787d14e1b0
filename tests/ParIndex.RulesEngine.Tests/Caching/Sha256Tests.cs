using System.Security.Cryptography;
using System.Text;
using ParIndex.RulesEngine.Caching;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// The managed SHA-256 and HMAC-SHA256 behind the cache key and the entry's authentication give
/// the bytes of the standards' test vectors (FIPS 180-4's examples, RFC 4231) and of the
/// platform's implementation, for every length around the block and padding edges and for
/// messages appended in random pieces.
/// </summary>
[TestClass]
public sealed class Sha256Tests
{
    [TestMethod]
    // FIPS 180-4 / NIST's SHA-256 examples: one block, two blocks, and the empty message.
    [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Standard_examples(string message, string digest) =>
        Assert.AreEqual(digest, HexText.Lower(Sha256.Hash(Encoding.ASCII.GetBytes(message))));

    [TestMethod]
    public void A_million_a_appended_in_pieces_of_a_thousand()
    {
        var sha = new Sha256();
        var piece = Encoding.ASCII.GetBytes(new string('a', 1000));
        for (var i = 0; i < 1000; i++) sha.Append(piece);
        Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", HexText.Lower(sha.Finish()));
    }

    [TestMethod]
    public void Same_digest_as_the_platform_for_every_length_to_300_and_large_messages()
    {
        var random = new Random(20261207);
        var lengths = Enumerable.Range(0, 300).Concat([1023, 1024, 1025, 65_535, 65_536, 1_000_003]);
        foreach (var length in lengths)
        {
            var data = new byte[length];
            random.NextBytes(data);
            CollectionAssert.AreEqual(SHA256.HashData(data), Sha256.Hash(data), $"length {length}");
        }
    }

    [TestMethod]
    public void Appending_in_random_pieces_gives_the_digest_of_the_whole_and_finishing_starts_over()
    {
        var random = new Random(7);
        var sha = new Sha256();
        for (var round = 0; round < 200; round++)
        {
            var data = new byte[random.Next(0, 700)];
            random.NextBytes(data);
            var offset = 0;
            while (offset < data.Length)
            {
                var take = random.Next(0, Math.Min(150, data.Length - offset) + 1);
                sha.Append(data.AsSpan(offset, take));
                offset += take;
            }
            // The same instance, reused after Finish: each message is hashed from a fresh state.
            CollectionAssert.AreEqual(SHA256.HashData(data), sha.Finish(), $"round {round}, {data.Length} bytes");
        }
    }

    [TestMethod]
    // RFC 4231 test cases 1, 2 and 6 (a 131-byte key, longer than the block, is hashed first).
    [DataRow("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
    [DataRow("4a656665", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    [DataRow("aa*131", "Test Using Larger Than Block-Size Key - Hash Key First", "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
    public void Hmac_of_RFC_4231(string key, string message, string tag)
    {
        var keyBytes = key == "aa*131" ? Enumerable.Repeat((byte)0xaa, 131).ToArray() : Convert.FromHexString(key);
        var hmac = new HmacSha256(keyBytes);
        hmac.Append(Encoding.ASCII.GetBytes(message));
        Assert.AreEqual(tag, HexText.Lower(hmac.Finish()));
    }

    [TestMethod]
    public void Hmac_same_as_the_platform_for_keys_around_the_block_size()
    {
        var random = new Random(11);
        foreach (var keyLength in new[] { 0, 1, 31, 32, 33, 63, 64, 65, 100, 200 })
        {
            var key = new byte[keyLength];
            random.NextBytes(key);
            var data = new byte[random.Next(0, 5000)];
            random.NextBytes(data);
            var hmac = new HmacSha256(key);
            hmac.Append(data.AsSpan(0, data.Length / 3));
            hmac.Append(data.AsSpan(data.Length / 3));
            CollectionAssert.AreEqual(HMACSHA256.HashData(key, data), hmac.Finish(), $"key of {keyLength} bytes");
        }
    }

    [TestMethod]
    public void The_cache_hashes_are_the_platforms_below_at_and_above_the_size_where_they_switch()
    {
        var random = new Random(3);
        var key = new byte[32];
        random.NextBytes(key);
        foreach (var length in new[] { 0, 100, CacheHash.PlatformFromBytes - 1, CacheHash.PlatformFromBytes, CacheHash.PlatformFromBytes + 77 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            // Three parts, as the key and the entry's tag are hashed: the split must not matter.
            var parts = new ReadOnlyMemory<byte>[] { data.AsMemory(0, length / 4), data.AsMemory(length / 4, length / 2 - length / 4), data.AsMemory(length / 2) };
            CollectionAssert.AreEqual(SHA256.HashData(data), CacheHash.Sha256Of(parts), $"SHA-256 of {length} bytes");
            CollectionAssert.AreEqual(HMACSHA256.HashData(key, data), CacheHash.HmacOf(key, parts), $"HMAC of {length} bytes");
        }
    }

    [TestMethod]
    public void Tags_are_equal_only_with_the_same_length_and_every_byte()
    {
        var tag = SHA256.HashData("x"u8);
        Assert.IsTrue(HmacSha256.TagsEqual(tag, (byte[])tag.Clone()));
        for (var i = 0; i < tag.Length; i++)
        {
            var other = (byte[])tag.Clone();
            other[i] ^= 0x01;
            Assert.IsFalse(HmacSha256.TagsEqual(tag, other), $"byte {i} differs");
        }
        Assert.IsFalse(HmacSha256.TagsEqual(tag, tag.AsSpan(0, 31)));
    }

    [TestMethod]
    public void Hex_text_is_the_platforms_in_both_cases()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        Assert.AreEqual(Convert.ToHexString(bytes), HexText.Upper(bytes));
        Assert.AreEqual(Convert.ToHexString(bytes).ToLowerInvariant(), HexText.Lower(bytes));
    }

    [TestMethod]
    public void A_build_is_named_by_its_module_id_as_Guid_formats_it()
    {
        var assembly = typeof(Sha256).Assembly;
        Assert.AreEqual(assembly.ManifestModule.ModuleVersionId.ToString("N"), RuleSetCacheKey.BuildOf(assembly));
    }
}
