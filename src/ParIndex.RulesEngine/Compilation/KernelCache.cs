using System.Security.Cryptography;
using System.Text;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The files of the disk cache of emitted kernels, so a second process start loads the assembly
/// without running Roslyn. The key hashes the generated source (a pure function of the canonical
/// rule set) with the engine's build identity, so any change to either misses the cache.
/// An entry is <c>magic ‖ HMAC-SHA256(secret, format ‖ key ‖ image) ‖ image</c> under the user's
/// secret (<see cref="KernelCacheSecret"/>), which never sits in the cache folder. A damaged
/// entry, one written under another secret, and one moved from another key all fail the HMAC and
/// are deleted; nobody without the secret can make an entry this engine accepts. The HMAC proves
/// who wrote an entry, not that it is harmless: the loader still verifies the image's metadata
/// (<see cref="KernelImageVerifier"/>) before loading it.
/// </summary>
internal static class KernelCache
{
    /// <summary>The format version, first in every entry and in the authenticated data.</summary>
    private static readonly byte[] Magic = "PARIDXK2"u8.ToArray();

    private const int MacLength = 32;

    /// <summary>Largest entry read: generated kernels are tens of kilobytes, a few megabytes for the largest schemes.</summary>
    private const long MaximumEntryBytes = 64L * 1024 * 1024;

    /// <summary>The engine build: a rebuilt library never reuses another build's kernels.</summary>
    private static readonly string EngineIdentity =
        typeof(KernelCache).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + typeof(KernelCache).Assembly.GetName().Version;

    /// <summary>The entry name for generated source: 64 lowercase hex digits.</summary>
    public static string Key(string generatedSource) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(EngineIdentity + "\n" + generatedSource))).ToLowerInvariant();

    public static string PathOf(string directory, string key) => Path.Combine(directory, key + ".kernel");

    /// <summary>What reading an entry found.</summary>
    /// <param name="Image">The authenticated image, or null.</param>
    /// <param name="Problem">Why an existing entry was refused (it has been deleted), or null when there was none.</param>
    public readonly record struct ReadResult(byte[]? Image, string? Problem);

    /// <summary>The authenticated image of an entry; a refused entry is deleted and its problem returned.</summary>
    public static ReadResult TryRead(string directory, string key, byte[] secret)
    {
        var path = PathOf(directory, key);
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return default;
            var length = new FileInfo(path).Length;
            if (length > MaximumEntryBytes) return Refuse(path, $"it is {length:N0} bytes, more than any kernel");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(path, $"it cannot be read ({ex.Message})");
        }
        var headerLength = Magic.Length + MacLength;
        if (bytes.Length <= headerLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            return Refuse(path, "it is not a kernel cache entry of this format");
        var image = bytes.AsSpan(headerLength);
        if (!CryptographicOperations.FixedTimeEquals(Mac(secret, key, image), bytes.AsSpan(Magic.Length, MacLength)))
            return Refuse(path, "its HMAC does not match (damaged, written under another key, or not written by this engine)");
        return new ReadResult(image.ToArray(), null);
    }

    /// <summary>Stores an authenticated image; written to a temporary file and renamed so readers never see half a file.</summary>
    public static bool TryWrite(string directory, string key, byte[] image, byte[] secret)
    {
        var temporary = Path.Combine(directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileSecurity.OwnerOnlyFile;
            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(Magic);
                stream.Write(Mac(secret, key, image));
                stream.Write(image);
            }
            File.Move(temporary, PathOf(directory, key), overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(temporary);
            return false;
        }
    }

    /// <summary>Removes an entry that was refused or failed to load.</summary>
    public static void Discard(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>HMAC-SHA256 over the format, the key (fixed length) and the image: an entry cannot be replayed under another key.</summary>
    private static byte[] Mac(byte[] secret, string key, ReadOnlySpan<byte> image)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Magic);
        hmac.AppendData(Encoding.ASCII.GetBytes(key + "\n"));
        hmac.AppendData(image);
        return hmac.GetHashAndReset();
    }

    private static ReadResult Refuse(string path, string problem)
    {
        Discard(path);
        return new ReadResult(null, problem);
    }
}
