using Microsoft.Extensions.Logging;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>One named rule set: its host and the status that the health check reports.</summary>
internal sealed class HostedRuleSet
{
    private readonly RuleSetSource _source;
    // Reloads of one rule set never overlap: the later one must win, not the slower one.
    private readonly Lock _reloadGate = new();
    private RuleSetStatus _status;

    public HostedRuleSet(RuleSetSource source, CompiledRuleSet first, DateTimeOffset loadedAt)
    {
        _source = source;
        Host = new RuleSetHost(first);
        _status = new RuleSetStatus(source.Name, source.File, Host.Version, first.Definition.Version, loadedAt, null, []);
    }

    public RuleSetHost Host { get; }

    public RuleSetStatus Status => Volatile.Read(ref _status);

    public bool Reload(ILogger logger, TimeProvider clock)
    {
        lock (_reloadGate)
        {
            var result = Host.TryReplaceFromFile(_source.File);
            var now = clock.GetUtcNow();
            if (result.RuleSet is { } loaded)
            {
                Volatile.Write(ref _status, _status with
                {
                    Version = Host.Version, RuleSetVersion = loaded.Definition.Version, LoadedAt = now,
                    LastReloadFailedAt = null, LastReloadErrors = [],
                });
                HostingLog.Loaded(logger, _source.Name, Host.Version, _source.File, loaded.Definition.Version);
                HostingLog.Diagnostics(logger, result.Diagnostics);
                return true;
            }
            Volatile.Write(ref _status, _status with { LastReloadFailedAt = now, LastReloadErrors = result.Diagnostics });
            HostingLog.ReloadFailed(logger, _source.Name, _source.File, result.Diagnostics.Count(d => d.IsError), Host.Version);
            HostingLog.Diagnostics(logger, result.Diagnostics);
            return false;
        }
    }
}
