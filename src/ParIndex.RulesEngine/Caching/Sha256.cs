using System.Buffers.Binary;
using System.Numerics;

namespace ParIndex.RulesEngine.Caching;

/// <summary>
/// SHA-256 (FIPS 180-4), incremental, in managed code. The cache key, the HMAC of a cache entry
/// and the input schema's key are the only hashes a warm start computes; the platform's SHA-256
/// on Linux is OpenSSL, and loading it (System.Security.Cryptography, libssl, libcrypto and their
/// configuration) took about 4.5 ms of a start whose whole budget is about four times a 28 ms
/// hello-world process (benchmarks/RESULTS.md). The tests compare this class with the platform's
/// SHA-256 and HMAC-SHA256 on the standard's test vectors and on random inputs appended in random
/// pieces, so both always give the same bytes. <see cref="CacheHash"/> decides which one hashes what.
/// </summary>
internal sealed class Sha256
{
    /// <summary>Bytes of a digest.</summary>
    public const int DigestBytes = 32;

    /// <summary>Bytes of a block, which is also the HMAC's key block.</summary>
    public const int BlockBytes = 64;

    /// <summary>The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).</summary>
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _state = new uint[8];
    private readonly uint[] _schedule = new uint[64];
    private readonly byte[] _pending = new byte[BlockBytes];
    private int _pendingBytes;
    private long _totalBytes;

    public Sha256() => Reset();

    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var sha = new Sha256();
        sha.Append(data);
        return sha.Finish();
    }

    /// <summary>Adds <paramref name="data"/> to the message.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        _totalBytes += data.Length;
        if (_pendingBytes > 0)
        {
            var take = Math.Min(BlockBytes - _pendingBytes, data.Length);
            data[..take].CopyTo(_pending.AsSpan(_pendingBytes));
            _pendingBytes += take;
            data = data[take..];
            if (_pendingBytes < BlockBytes) return;
            Compress(_pending);
            _pendingBytes = 0;
        }
        while (data.Length >= BlockBytes)
        {
            Compress(data[..BlockBytes]);
            data = data[BlockBytes..];
        }
        data.CopyTo(_pending);
        _pendingBytes = data.Length;
    }

    /// <summary>Pads the message (FIPS 180-4, 5.1.1), returns its digest and starts a new message.</summary>
    public byte[] Finish()
    {
        var bits = (ulong)_totalBytes * 8;
        Span<byte> padding = stackalloc byte[BlockBytes + 8];
        // A 1 bit, zeros up to 56 bytes into the last block, then the length in bits, big-endian.
        var zeros = (BlockBytes + 56 - _pendingBytes - 1) % BlockBytes;
        padding.Clear();
        padding[0] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padding.Slice(1 + zeros, 8), bits);
        Append(padding[..(1 + zeros + 8)]);

        var digest = new byte[DigestBytes];
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), _state[i]);
        Reset();
        return digest;
    }

    private void Reset()
    {
        // The first 32 bits of the fractional parts of the square roots of the first 8 primes (FIPS 180-4, 5.3.3).
        _state[0] = 0x6a09e667; _state[1] = 0xbb67ae85; _state[2] = 0x3c6ef372; _state[3] = 0xa54ff53a;
        _state[4] = 0x510e527f; _state[5] = 0x9b05688c; _state[6] = 0x1f83d9ab; _state[7] = 0x5be0cd19;
        _pendingBytes = 0;
        _totalBytes = 0;
    }

    /// <summary>One block of the compression function (FIPS 180-4, 6.2.2).</summary>
    private void Compress(ReadOnlySpan<byte> block)
    {
        var w = _schedule;
        var k = RoundConstants;
        for (var t = 0; t < 16; t++) w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        for (var t = 16; t < 64; t++)
        {
            uint w15 = w[t - 15], w2 = w[t - 2];
            var s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            var s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }

        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4], f = _state[5], g = _state[6], h = _state[7];
        for (var t = 0; t < 64; t++)
        {
            var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            var choose = (e & f) ^ (~e & g);
            var t1 = h + sum1 + choose + k[t] + w[t];
            var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            var majority = (a & b) ^ (a & c) ^ (b & c);
            var t2 = sum0 + majority;
            h = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        _state[0] += a; _state[1] += b; _state[2] += c; _state[3] += d;
        _state[4] += e; _state[5] += f; _state[6] += g; _state[7] += h;
    }
}
