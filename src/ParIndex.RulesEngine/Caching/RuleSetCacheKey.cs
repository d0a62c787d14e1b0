using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Caching;

/// <summary>
/// The name of a rule set's cache entry, computed before anything is parsed: SHA-256 of the
/// entry format, the engine's build, the limits that decide whether the file loads, the source
/// name (it is in every location and message) and the rule text itself. Any edit of the file, a
/// rebuilt engine or a new format names another entry; old entries are never read again.
/// </summary>
internal static class RuleSetCacheKey
{
    /// <summary>
    /// The engine build, the build of the kernel contract and the runtime it runs on: a rebuilt
    /// library or contract never reuses another build's kernels or models, and a kernel compiled against one runtime's assemblies (the references
    /// come from the running runtime, <see cref="CompilationReferences"/>) is never loaded under
    /// another. The net8.0 and net10.0 builds differ in their module id already; the runtime is
    /// named as well because a net8.0 app may roll forward onto .NET 10, and both share one
    /// cache folder.
    /// </summary>
    internal static readonly string EngineIdentity = EngineIdentityOn(Environment.Version);

    /// <summary>The identity this build would have on <paramref name="runtime"/> (<see cref="Environment.Version"/> of that runtime).</summary>
    internal static string EngineIdentityOn(Version runtime) =>
        EngineIdentityOf(BuildOf(typeof(RuleSetCacheKey).Assembly), BuildOf(typeof(KernelFrame).Assembly), runtime);

    /// <summary>
    /// The library's build, the build of the kernel contract it compiles kernels against (a kernel
    /// built against another contract build is a miss, whatever the library's build) and the runtime.
    /// </summary>
    internal static string EngineIdentityOf(string engineBuild, string contractBuild, Version runtime) =>
        engineBuild + "+" + contractBuild + "/" + RuntimeIdentity(runtime);

    /// <summary>
    /// One assembly's build: its module id, which the compiler derives from everything that went
    /// into the build (the assembly version included), as 32 lowercase hex digits in the order of
    /// <c>Guid.ToString("N")</c>.
    /// </summary>
    internal static string BuildOf(System.Reflection.Assembly assembly)
    {
        Span<byte> id = stackalloc byte[16];
        assembly.ManifestModule.ModuleVersionId.TryWriteBytes(id, bigEndian: true, out _);
        return HexText.Lower(id);
    }

    /// <summary>
    /// The runtime's major and minor version (".NET 8.0"): the framework assemblies a kernel
    /// references keep their identity across patch releases, so a runtime update keeps the cache.
    /// </summary>
    internal static string RuntimeIdentity(Version runtime) => string.Create(CultureInfo.InvariantCulture, $".NET {runtime.Major}.{runtime.Minor}");

    /// <summary>64 lowercase hex digits.</summary>
    public static string Of(string json, string? sourceName, RuleSetLoadOptions options) => Of(json, sourceName, options, EngineIdentity);

    /// <summary>The key under <paramref name="engineIdentity"/> (<see cref="EngineIdentityOn"/>): what another runtime would name the entry.</summary>
    internal static string Of(string json, string? sourceName, RuleSetLoadOptions options, string engineIdentity)
    {
        // MaxCompileTime is left out: a load that finished within one budget gives the same rule set under any other.
        var limits = string.Create(CultureInfo.InvariantCulture,
            $"{options.MaxFileBytes} {options.MaxJsonDepth} {options.MaxFormulaLength} {options.MaxExpressionDepth} {options.MaxCriteria} {options.MaxNames}");
        // Each part ends with a separator it cannot contain (or a length), so no two inputs hash the same text.
        var format = KernelCache.Format.ToArray();
        var source = sourceName is null ? "-" : "+" + sourceName.Length.ToString(CultureInfo.InvariantCulture) + ":" + sourceName;
        return HexText.Lower(CacheHash.Sha256Of(format, Encoding.UTF8.GetBytes($"\n{engineIdentity}\n{limits}\n{source}\n"), Encoding.UTF8.GetBytes(json)));
    }
}
