using System.Security.Cryptography;
using System.Text;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// A disk cache of emitted kernels, so a second process start loads the assembly without running
/// Roslyn. The key hashes the generated source (a pure function of the canonical rule set) with
/// the engine's build identity, so any change to either misses the cache. Each entry carries a
/// SHA-256 of its payload: a truncated or tampered file is detected, deleted and rebuilt.
/// </summary>
internal static class KernelCache
{
    private static readonly byte[] Magic = "PARIDXK1"u8.ToArray();
    private const int HashLength = 32;

    /// <summary>The engine build: a rebuilt library never reuses another build's kernels.</summary>
    private static readonly string EngineIdentity =
        typeof(KernelCache).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + typeof(KernelCache).Assembly.GetName().Version;

    public static string Key(string generatedSource) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(EngineIdentity + "\n" + generatedSource))).ToLowerInvariant();

    public static string PathOf(string directory, string key) => Path.Combine(directory, key + ".kernel");

    /// <summary>The cached image, or null when absent or invalid (an invalid entry is deleted).</summary>
    public static byte[]? TryRead(string directory, string key)
    {
        var path = PathOf(directory, key);
        byte[] bytes;
        try
        {
            if (!File.Exists(path)) return null;
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var headerLength = Magic.Length + HashLength;
        if (bytes.Length > headerLength && bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            var payload = bytes.AsSpan(headerLength);
            if (SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(Magic.Length, HashLength)))
                return payload.ToArray();
        }
        Discard(path);
        return null;
    }

    /// <summary>Stores an image; written to a temporary file and renamed so readers never see half a file.</summary>
    public static bool TryWrite(string directory, string key, byte[] image)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            using (var stream = File.Create(temporary))
            {
                stream.Write(Magic);
                stream.Write(SHA256.HashData(image));
                stream.Write(image);
            }
            File.Move(temporary, PathOf(directory, key), overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes an entry that failed to load.</summary>
    public static void Discard(string path)
    {
        try { File.Delete(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
