using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>What one hosted rule set is doing: the version in use and how the last reload went.</summary>
/// <param name="Name">The configured name.</param>
/// <param name="File">The rule file (full path).</param>
/// <param name="Version">1 for the rules loaded at start, one more for each successful reload.</param>
/// <param name="RuleSetVersion">The <c>version</c> declared in the rule file now in use.</param>
/// <param name="LoadedAt">When the rules in use were loaded.</param>
/// <param name="LastReloadFailedAt">When the last reload failed, or null when the last reload succeeded (or none was tried).</param>
/// <param name="LastReloadErrors">The diagnostics of that failed reload; empty after a successful one.</param>
public sealed record RuleSetStatus(
    string Name,
    string File,
    long Version,
    string RuleSetVersion,
    DateTimeOffset LoadedAt,
    DateTimeOffset? LastReloadFailedAt,
    IReadOnlyList<Diagnostic> LastReloadErrors)
{
    /// <summary>True when the last reload failed: the service still scores with the older rules.</summary>
    public bool ReloadFailed => LastReloadFailedAt is not null;
}
