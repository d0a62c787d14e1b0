namespace ParIndex.RulesEngine;

/// <summary>Limits and settings for loading a rule file. The defaults suit every real scheme seen so far.</summary>
public sealed record RuleSetLoadOptions
{
    /// <summary>The defaults.</summary>
    public static RuleSetLoadOptions Default { get; } = new();

    /// <summary>Largest rule file accepted, in bytes (default 4 MiB); rule text given as a string is measured in UTF-8.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// Deepest nesting of JSON objects and arrays (default 64, Newtonsoft's own limit). Each level of
    /// criteria takes two (the criterion object and its children array), so criteria can nest about 30 deep.
    /// </summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Longest formula accepted, in characters (default 2,000).</summary>
    public int MaxFormulaLength { get; init; } = 2000;

    /// <summary>Deepest nesting of a formula's expression tree (default 64).</summary>
    public int MaxExpressionDepth { get; init; } = 64;

    /// <summary>Most criteria (all levels) accepted (default 5,000).</summary>
    public int MaxCriteria { get; init; } = 5000;

    /// <summary>Most inputs plus variables accepted (default 5,000).</summary>
    public int MaxNames { get; init; } = 5000;

    /// <summary>
    /// Longest time a load may take before it fails with a diagnostic (PAR0502, default 30 s). It
    /// covers the whole load: reading, schema check, binding, code generation, the Roslyn
    /// compilation and the sandbox verifier.
    /// </summary>
    public TimeSpan MaxCompileTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A folder where compiled rule sets are kept between process starts (null, the default, keeps
    /// nothing). Created with mode 0700; on Unix a folder that others can write, or that the
    /// current user does not own, is not used (warning PAR0503). An entry is keyed by the generated
    /// code and the engine build, authenticated with HMAC-SHA256 under the user's secret key
    /// (<see cref="CacheKey"/>, <see cref="CacheKeyFile"/>), and its metadata is verified against
    /// what the generator emits before it is loaded; an entry that fails any check is deleted
    /// and the rule set compiled again (warning PAR0505). See docs/security.md.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// The secret that authenticates cache entries, at least 32 bytes (for example from a secret
    /// store). When null, the key is read from <see cref="CacheKeyFile"/>. Never store it in
    /// <see cref="CacheDirectory"/>.
    /// </summary>
    public byte[]? CacheKey { get; init; }

    /// <summary>
    /// The file holding the cache's secret key when <see cref="CacheKey"/> is null. Null (the
    /// default) means <c>parindex/cache.key</c> in the user's local application data folder
    /// (<c>~/.local/share/parindex/cache.key</c> on Linux). A missing file is created with 32
    /// random bytes and mode 0600; on Unix a key file that group or others can access, that the
    /// current user does not own, or that lies inside the cache folder is refused and the cache
    /// not used (warning PAR0504).
    /// </summary>
    public string? CacheKeyFile { get; init; }

    /// <summary>
    /// Whether disposing the rule set frees its generated code (true, the default): the kernel is
    /// loaded into a collectible context, which a long-lived app that reloads rules needs. The
    /// runtime compiles collectible code fully optimised at its first call, which is most of what a
    /// short run spends on scoring. False loads the kernel into a context that is never unloaded:
    /// the runtime then compiles it in tiers (quickly first, optimised where it runs long), so a
    /// small batch is scored sooner and a large one as fast; each load then keeps its code until
    /// the process ends. For a process that loads its rules once and exits, such as the
    /// <c>parindex</c> command. Results never depend on it.
    /// </summary>
    public bool Unloadable { get; init; } = true;
}
