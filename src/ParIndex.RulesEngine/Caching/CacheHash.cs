using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace ParIndex.RulesEngine.Caching;

/// <summary>
/// The hashes a warm start computes (the cache key's SHA-256, the entry's HMAC-SHA256 and
/// <see cref="Data.InputSchema.Key"/>'s SHA-256), by whichever
/// implementation is cheaper for the size. Below <see cref="PlatformFromBytes"/> the managed one
/// (<see cref="Sha256"/>): a warm start of a province's scheme then never loads the platform's
/// cryptography, which took about 4.5 ms. From that size on the platform's (OpenSSL, with the
/// CPU's SHA instructions), because the managed hash runs about 7.5 times slower per byte
/// (CacheHashBenchmarks, benchmarks/RESULTS.md): at 1 MiB it costs about what the loading saves,
/// so no entry ever costs more than that loading would. Both give the same bytes (Sha256Tests).
/// </summary>
internal static class CacheHash
{
    /// <summary>Messages of this many bytes or more are hashed by the platform.</summary>
    public const int PlatformFromBytes = 1 << 20;

    /// <summary>SHA-256 of the parts, in order.</summary>
    public static byte[] Sha256Of(params ReadOnlyMemory<byte>[] parts)
    {
        if (Length(parts) >= PlatformFromBytes) return PlatformSha256(parts);
        var sha = new Sha256();
        foreach (var part in parts) sha.Append(part.Span);
        return sha.Finish();
    }

    /// <summary>HMAC-SHA256 under <paramref name="key"/> of the parts, in order.</summary>
    public static byte[] HmacOf(byte[] key, params ReadOnlyMemory<byte>[] parts)
    {
        if (Length(parts) >= PlatformFromBytes) return PlatformHmac(key, parts);
        var hmac = new HmacSha256(key);
        foreach (var part in parts) hmac.Append(part.Span);
        return hmac.Finish();
    }

    // The platform's hashes in methods of their own, never inlined: a method that names
    // IncrementalHash loads System.Security.Cryptography when it is first prepared, taken or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] PlatformSha256(ReadOnlyMemory<byte>[] parts)
    {
        using var platform = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts) platform.AppendData(part.Span);
        return platform.GetHashAndReset();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte[] PlatformHmac(byte[] key, ReadOnlyMemory<byte>[] parts)
    {
        using var platform = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts) platform.AppendData(part.Span);
        return platform.GetHashAndReset();
    }

    private static long Length(ReadOnlyMemory<byte>[] parts)
    {
        long total = 0;
        foreach (var part in parts) total += part.Length;
        return total;
    }
}
