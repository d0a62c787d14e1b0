namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of compilation, the sandbox and the kernel cache (PAR05xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0501: The compiled code referenced a symbol outside the allow-list.</summary>
    public static readonly DiagnosticDescriptor SandboxViolation = new(DiagnosticCodes.SandboxViolation, DiagnosticSeverity.Error);
    /// <summary>PAR0502: The generated code failed to compile for a reason not tied to one formula.</summary>
    public static readonly DiagnosticDescriptor CompilationFailed = new(DiagnosticCodes.CompilationFailed, DiagnosticSeverity.Error);
    /// <summary>PAR0503: The kernel cache folder is not used: others can write it, or it is not the user's (warning).</summary>
    public static readonly DiagnosticDescriptor CacheFolderRefused = new(DiagnosticCodes.CacheFolderRefused, DiagnosticSeverity.Warning);
    /// <summary>PAR0504: The kernel cache is not used: its secret key is missing, too short, or readable by others (warning).</summary>
    public static readonly DiagnosticDescriptor CacheKeyRefused = new(DiagnosticCodes.CacheKeyRefused, DiagnosticSeverity.Warning);
    /// <summary>PAR0505: A kernel cache entry failed authentication, verification or loading; it was deleted and the rule set compiled (warning).</summary>
    public static readonly DiagnosticDescriptor CacheEntryRejected = new(DiagnosticCodes.CacheEntryRejected, DiagnosticSeverity.Warning);
    /// <summary>PAR0506: A freshly compiled kernel does not have the metadata the generator emits (an engine fault; the rule set does not load).</summary>
    public static readonly DiagnosticDescriptor KernelImageRejected = new(DiagnosticCodes.KernelImageRejected, DiagnosticSeverity.Error);
    /// <summary>PAR0507: A compiled kernel could not be written to the cache folder (info).</summary>
    public static readonly DiagnosticDescriptor CacheWriteFailed = new(DiagnosticCodes.CacheWriteFailed, DiagnosticSeverity.Info);
}
