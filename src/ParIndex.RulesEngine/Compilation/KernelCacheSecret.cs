using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The per-user secret that authenticates kernel cache entries (HMAC-SHA256 key). It comes from
/// <see cref="RuleSetLoadOptions.CacheKey"/>, else from the file <see cref="RuleSetLoadOptions.CacheKeyFile"/>,
/// else from <c>cache.key</c> in the user's local data folder (<c>~/.local/share/parindex/cache.key</c>
/// on Linux), created on first use with 32 random bytes and mode 0600. The key must never sit in the
/// cache folder itself: whoever can write entries must not be able to read the key.
/// </summary>
internal static class KernelCacheSecret
{
    /// <summary>Shortest key accepted (the size of the HMAC-SHA256 output).</summary>
    public const int MinimumBytes = 32;

    /// <summary>Longest key file read: a key is a few dozen bytes, not a file to be read whole.</summary>
    private const int MaximumBytes = 4096;

    /// <summary>The default key file: LocalApplicationData/parindex/cache.key, or null when the user has no such folder.</summary>
    public static string? DefaultFile()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return data.Length == 0 ? null : Path.Combine(data, "parindex", "cache.key");
    }

    /// <summary>The key, or null with the reason it cannot be used (the cache is then not used).</summary>
    public static (byte[]? Key, string? Problem) Resolve(RuleSetLoadOptions options, string cacheDirectory)
    {
        if (options.CacheKey is { } given)
            return given.Length >= MinimumBytes
                ? (given.ToArray(), null)
                : (null, EngineText.Format("CacheKeyTooShort", given.Length, MinimumBytes));

        var file = options.CacheKeyFile ?? DefaultFile();
        if (file is null)
            return (null, EngineText.Get("CacheKeyNoDataFolder"));
        file = Path.GetFullPath(file);
        if (IsInside(file, Path.GetFullPath(cacheDirectory)))
            return (null, EngineText.Format("CacheKeyInsideFolder", file));
        try
        {
            if (!File.Exists(file)) CreateKeyFile(file);
            return Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, EngineText.Format("CacheKeyUnusable", file, ex.Message));
        }
    }

    /// <summary>
    /// Writes a new key to a temporary file created with mode 0600, then links it into place
    /// without replacing: when two processes race, both end up reading the winner's key.
    /// </summary>
    private static void CreateKeyFile(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileSecurity.OwnerOnlyFolder);
        var temporary = Path.Combine(folder, $".cache.key.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileSecurity.OwnerOnlyFile;
        try
        {
            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(RandomNumberGenerator.GetBytes(MinimumBytes));
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, file, overwrite: false);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Opens the key file, checks the open file (not the path) and reads it.</summary>
    private static (byte[]? Key, string? Problem) Read(string file)
    {
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
        if (!OperatingSystem.IsWindows() && Refusal(handle, file) is { } refusal) return (null, refusal);
        var length = RandomAccess.GetLength(handle);
        if (length < MinimumBytes || length > MaximumBytes)
            return (null, EngineText.Format("CacheKeyLength", file, length, MinimumBytes, MaximumBytes));
        var key = new byte[length];
        var read = 0;
        while (read < key.Length)
        {
            var n = RandomAccess.Read(handle, key.AsSpan(read), read);
            if (n == 0) return (null, EngineText.Format("CacheKeyEnded", file, read));
            read += n;
        }
        return (key, null);
    }

    [UnsupportedOSPlatform("windows")]
    private static string? Refusal(SafeFileHandle handle, string file)
    {
        var status = UnixFileSecurity.OfHandle(handle, file);
        if (!status.OwnedByCurrentUser)
            return EngineText.Format("CacheKeyNotOwned", file);
        if ((status.Mode & UnixFileSecurity.AnyAccessByOthers) != 0)
            return EngineText.Format("CacheKeyMode", file, UnixFileSecurity.Octal(status.Mode));
        return null;
    }

    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(prefix, comparison);
    }
}
