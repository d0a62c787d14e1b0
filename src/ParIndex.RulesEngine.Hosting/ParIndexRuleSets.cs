using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// The named rule sets of a service, each in its own <see cref="RuleSetHost"/> (leases, atomic
/// replacement). Registered as a singleton by <c>AddParIndexRules</c>; loaded when the host
/// starts (or on first use outside a host). Thread-safe.
/// </summary>
public sealed class ParIndexRuleSets : IDisposable
{
    private readonly IReadOnlyList<RuleSetSource> _sources;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Lock _loadGate = new();
    private Dictionary<string, HostedRuleSet>? _loaded;
    private bool _disposed;

    internal ParIndexRuleSets(IOptions<ParIndexRulesOptions> options, RuleSetPaths paths, ILogger<ParIndexRuleSets>? logger = null, TimeProvider? clock = null)
    {
        _sources = paths.List(options.Value);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The configured names, in configuration order.</summary>
    public IReadOnlyList<string> Names => _sources.Select(s => s.Name).ToList();

    /// <summary>The status of every rule set (loads them first if needed).</summary>
    public IReadOnlyList<RuleSetStatus> Statuses() => Loaded().Values.Select(r => r.Status).ToList();

    /// <summary>The host of the named rule set, or null when no rule set has that name.</summary>
    /// <param name="name">The configured name (case-sensitive).</param>
    public RuleSetHost? Find(string name) => Loaded().GetValueOrDefault(name)?.Host;

    /// <summary>The status of the named rule set, or null when no rule set has that name.</summary>
    /// <param name="name">The configured name (case-sensitive).</param>
    public RuleSetStatus? Status(string name) => Loaded().GetValueOrDefault(name)?.Status;

    /// <summary>
    /// Loads the named rule set's file again now; on errors the current rules stay, every diagnostic
    /// is logged and the status records the failure. File changes call this after the reload delay.
    /// </summary>
    /// <param name="name">The configured name.</param>
    /// <returns>True when the new rules are in use.</returns>
    /// <exception cref="KeyNotFoundException">No rule set has that name.</exception>
    public bool Reload(string name)
    {
        var ruleSet = Loaded().GetValueOrDefault(name) ?? throw new KeyNotFoundException($"No rule set is named '{name}'.");
        return ruleSet.Reload(_logger, _clock);
    }

    /// <summary>
    /// Loads every rule set unless done already. If any file fails, none is kept and the exception
    /// carries the diagnostics of every failed file (each also logged).
    /// </summary>
    /// <exception cref="RuleSetException">A rule file is missing or has errors.</exception>
    public void EnsureLoaded() => Loaded();

    internal IReadOnlyList<RuleSetSource> Sources => _sources;

    private Dictionary<string, HostedRuleSet> Loaded()
    {
        if (Volatile.Read(ref _loaded) is { } loaded) return loaded;
        lock (_loadGate)
        {
            // Once disposed, never load again (a late reload or request must not compile everything anew).
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loaded is not null) return _loaded;
            var results = _sources.Select(s => (Source: s, Result: RuleSetLoader.TryLoadFile(s.File))).ToList();
            var failed = results.Where(r => !r.Result.Success).ToList();
            if (failed.Count > 0)
            {
                foreach (var (source, result) in results) result.RuleSet?.Dispose();
                foreach (var (source, result) in failed)
                {
                    HostingLog.LoadFailed(_logger, source.Name, source.File, result.Diagnostics.Count(d => d.IsError));
                    HostingLog.Diagnostics(_logger, result.Diagnostics);
                }
                throw new RuleSetException(failed.SelectMany(r => r.Result.Diagnostics).ToList());
            }
            var now = _clock.GetUtcNow();
            var hosted = results.ToDictionary(r => r.Source.Name, r => new HostedRuleSet(r.Source, r.Result.RuleSet!, now), StringComparer.Ordinal);
            foreach (var r in hosted.Values) HostingLog.Loaded(_logger, r.Status.Name, r.Status.Version, r.Status.File, r.Status.RuleSetVersion);
            Volatile.Write(ref _loaded, hosted);
            return hosted;
        }
    }

    /// <summary>Disposes every host; rule sets still leased are disposed when their leases end.</summary>
    public void Dispose()
    {
        Dictionary<string, HostedRuleSet>? loaded;
        lock (_loadGate)
        {
            _disposed = true;
            loaded = Interlocked.Exchange(ref _loaded, null);
        }
        foreach (var r in loaded?.Values ?? Enumerable.Empty<HostedRuleSet>()) r.Host.Dispose();
    }
}
