using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// One load's use of the disk cache: a folder only the current user can write (created 0700),
/// and the secret that authenticates its entries. When either cannot be trusted the cache is not
/// used for this load, with one warning saying why, and the rule set is compiled normally.
/// Every entry read is authenticated, its model read and its image verified and loaded by <see cref="CompiledKernel.Load"/>;
/// any failure on the way deletes the entry and the caller compiles.
/// </summary>
internal sealed class KernelCacheFolder
{
    private readonly byte[] _secret;

    private KernelCacheFolder(string directory, byte[] secret)
    {
        Directory = directory;
        _secret = secret;
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The cache of <see cref="RuleSetLoadOptions.CacheDirectory"/>, or null when it is unset or refused (with a warning).</summary>
    public static KernelCacheFolder? Open(RuleSetLoadOptions options, DiagnosticBag diagnostics)
    {
        if (options.CacheDirectory is not { Length: > 0 } directory) return null;
        if (FolderProblem(directory) is { } folderProblem)
        {
            diagnostics.Add(DiagnosticCatalog.CacheFolderRefused, At(directory), directory, folderProblem);
            return null;
        }
        var (secret, keyProblem) = KernelCacheSecret.Resolve(options, directory);
        if (secret is null)
        {
            diagnostics.Add(DiagnosticCatalog.CacheKeyRefused, At(directory), directory, keyProblem);
            return null;
        }
        return new KernelCacheFolder(directory, secret);
    }

    /// <summary>The cached rule set for <paramref name="key"/>: its model and loaded kernel, or null (absent, or refused and deleted with a warning).</summary>
    public (CachedRuleSet Model, CompiledKernel Kernel)? TryLoad(string key, DiagnosticBag diagnostics, bool unloadable)
    {
        string? problem;
        try
        {
            var (payload, readProblem) = KernelCache.TryRead(Directory, key, _secret);
            if (payload is not null)
            {
                var (modelBytes, image) = CacheEntryPayload.Split(payload);
                var model = CachedModel.Read(modelBytes);
                return (model, CompiledKernel.Load(image, model.Bound.Definition.Id, unloadable));
            }
            problem = readProblem;
        }
        catch (KernelImageRejectedException ex)
        {
            problem = EngineText.Format("CacheEntryImage", ex.Reason);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            problem = EngineText.Format("CacheEntryModel", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else goes wrong reading, verifying or loading an entry, it is not used.
            problem = EngineText.Format("CacheEntryLoad", ex.GetType().Name, ex.Message);
        }
        if (problem is null) return null;
        var path = KernelCache.PathOf(Directory, key);
        KernelCache.Discard(path);
        diagnostics.Add(DiagnosticCatalog.CacheEntryRejected, At(path), path, problem);
        return null;
    }

    /// <summary>
    /// Stores a freshly compiled (and verified) rule set: its model, with the diagnostics of its
    /// load, and its image. An info diagnostic when the folder cannot take it, or when the model
    /// holds a value the format cannot write faithfully.
    /// </summary>
    public void Store(string key, BoundRuleSet bound, IReadOnlyList<Diagnostic> loadDiagnostics, string generatedSource, byte[] image, DiagnosticBag diagnostics)
    {
        byte[] payload;
        try
        {
            payload = CacheEntryPayload.Join(CachedModel.Write(bound, loadDiagnostics, generatedSource), image);
        }
        catch (NotSupportedException)
        {
            payload = [];
        }
        if (payload.Length == 0 || !KernelCache.TryWrite(Directory, key, payload, _secret))
            diagnostics.Add(DiagnosticCatalog.CacheWriteFailed, At(Directory), Directory);
    }

    /// <summary>Cache diagnostics point at the folder or entry concerned (the CLI prints it first).</summary>
    private static SourceLocation At(string path) => new(path, null, 0, 0);

    /// <summary>
    /// Why the folder cannot hold trusted entries, or null. Created with mode 0700 when absent. On
    /// Unix it must be a folder owned by the current user with no group or other write bit;
    /// on Windows its ACL is left to the host.
    /// </summary>
    private static string? FolderProblem(string directory)
    {
        try
        {
            if (File.Exists(directory)) return EngineText.Get("CacheFolderIsFile");
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(directory);
                return null;
            }
            if (!System.IO.Directory.Exists(directory)) System.IO.Directory.CreateDirectory(directory, UnixFileSecurity.OwnerOnlyFolder);
            var status = UnixFileSecurity.OfPath(directory);
            if (!status.OwnedByCurrentUser) return EngineText.Get("CacheFolderNotOwned");
            if ((status.Mode & UnixFileSecurity.WritableByOthers) != 0)
                return EngineText.Format("CacheFolderMode", UnixFileSecurity.Octal(status.Mode));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return EngineText.Format("CacheFolderUnusable", ex.Message);
        }
    }
}
