namespace ParIndex.RulesEngine;

/// <summary>Limits and settings for loading a rule file. The defaults suit every real scheme seen so far.</summary>
public sealed record RuleSetLoadOptions
{
    /// <summary>The defaults.</summary>
    public static RuleSetLoadOptions Default { get; } = new();

    /// <summary>Largest rule file accepted, in bytes (default 4 MiB).</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest formula accepted, in characters (default 2,000).</summary>
    public int MaxFormulaLength { get; init; } = 2000;

    /// <summary>Deepest nesting of a formula's expression tree (default 64).</summary>
    public int MaxExpressionDepth { get; init; } = 64;

    /// <summary>Most criteria (all levels) accepted (default 5,000).</summary>
    public int MaxCriteria { get; init; } = 5000;

    /// <summary>Most inputs plus variables accepted (default 5,000).</summary>
    public int MaxNames { get; init; } = 5000;
}
