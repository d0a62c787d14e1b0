using System.Text;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The files of the disk cache of loaded rule sets, so a second process start neither parses the
/// rule file nor runs Roslyn. The key (<see cref="Caching.RuleSetCacheKey"/>) hashes the rule text
/// with the engine's build, the limits and the source name, so any change to one misses the
/// cache. An entry is <c>magic ‖ HMAC-SHA256(secret, format ‖ key ‖ payload) ‖ payload</c>, the
/// payload being the bound model and the kernel image (<see cref="Caching.CacheEntryPayload"/>),
/// under the user's secret (<see cref="KernelCacheSecret"/>), which never sits in the cache
/// folder. A damaged entry, one written under another secret, and one moved from another key
/// all fail the HMAC and are deleted; nobody without the secret can make an entry this engine
/// accepts. The HMAC proves who wrote an entry, not that it is harmless: the loader still
/// verifies the image's metadata (<see cref="KernelImageVerifier"/>) before loading it.
/// </summary>
internal static class KernelCache
{
    /// <summary>The format version, first in every entry, in the authenticated data and in the key: K3 added the bound model.</summary>
    private static readonly byte[] Magic = "PARIDXK3"u8.ToArray();

    /// <summary>The format version, for the key.</summary>
    public static ReadOnlySpan<byte> Format => Magic;

    private const int MacLength = 32;

    /// <summary>Largest entry read: a model and kernel are tens of kilobytes, a few megabytes for the largest schemes.</summary>
    private const long MaximumEntryBytes = 64L * 1024 * 1024;

    public static string PathOf(string directory, string key) => Path.Combine(directory, key + ".kernel");

    /// <summary>What reading an entry found.</summary>
    /// <param name="Payload">The authenticated payload, or null.</param>
    /// <param name="Problem">Why an existing entry was refused (it has been deleted), or null when there was none.</param>
    public readonly record struct ReadResult(byte[]? Payload, string? Problem);

    /// <summary>The authenticated payload of an entry; a refused entry is deleted and its problem returned.</summary>
    public static ReadResult TryRead(string directory, string key, byte[] secret)
    {
        var path = PathOf(directory, key);
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return default;
            var length = new FileInfo(path).Length;
            if (length > MaximumEntryBytes) return Refuse(path, EngineText.Format("CacheEntryTooLarge", length));
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(path, EngineText.Format("CacheEntryUnreadable", ex.Message));
        }
        var headerLength = Magic.Length + MacLength;
        if (bytes.Length <= headerLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            return Refuse(path, EngineText.Get("CacheEntryFormat"));
        var payload = bytes.AsMemory(headerLength);
        if (!HmacSha256.TagsEqual(Mac(secret, key, payload), bytes.AsSpan(Magic.Length, MacLength)))
            return Refuse(path, EngineText.Get("CacheEntryHmac"));
        return new ReadResult(payload.ToArray(), null);
    }

    /// <summary>Stores an authenticated payload; written to a temporary file and renamed so readers never see half a file.</summary>
    public static bool TryWrite(string directory, string key, byte[] payload, byte[] secret)
    {
        var temporary = Path.Combine(directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileSecurity.OwnerOnlyFile;
            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(Magic);
                stream.Write(Mac(secret, key, payload));
                stream.Write(payload);
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

    /// <summary>HMAC-SHA256 over the format, the key (fixed length) and the payload: an entry cannot be replayed under another key.</summary>
    private static byte[] Mac(byte[] secret, string key, ReadOnlyMemory<byte> payload) =>
        CacheHash.HmacOf(secret, Magic, Encoding.ASCII.GetBytes(key + "\n"), payload);

    private static ReadResult Refuse(string path, string problem)
    {
        Discard(path);
        return new ReadResult(null, problem);
    }
}
