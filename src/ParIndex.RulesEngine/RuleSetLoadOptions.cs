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
    /// nothing). An entry is keyed by the generated code and the engine build, and verified by a
    /// SHA-256 checksum; a stale or damaged entry is rebuilt.
    /// </summary>
    public string? CacheDirectory { get; init; }
}
