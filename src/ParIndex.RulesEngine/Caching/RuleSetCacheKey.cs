using System.Globalization;
using System.Security.Cryptography;
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
    /// <summary>The engine build: a rebuilt library never reuses another build's kernels or models.</summary>
    private static readonly string EngineIdentity =
        typeof(RuleSetCacheKey).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + typeof(RuleSetCacheKey).Assembly.GetName().Version;

    /// <summary>64 lowercase hex digits.</summary>
    public static string Of(string json, string? sourceName, RuleSetLoadOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // MaxCompileTime is left out: a load that finished within one budget gives the same rule set under any other.
        var limits = string.Create(CultureInfo.InvariantCulture,
            $"{options.MaxFileBytes} {options.MaxJsonDepth} {options.MaxFormulaLength} {options.MaxExpressionDepth} {options.MaxCriteria} {options.MaxNames}");
        // Each part ends with a separator it cannot contain (or a length), so no two inputs hash the same text.
        hash.AppendData(KernelCache.Format);
        hash.AppendData(Encoding.UTF8.GetBytes($"\n{EngineIdentity}\n{limits}\n{(sourceName is null ? "-" : "+" + sourceName.Length.ToString(CultureInfo.InvariantCulture) + ":" + sourceName)}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
