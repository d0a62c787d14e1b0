using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Loads the rule sets when the host starts (a broken rule file stops the start, with every
/// diagnostic in the exception and the log) and watches their files until it stops.
/// </summary>
internal sealed class ParIndexRulesService(ParIndexRuleSets ruleSets, IOptions<ParIndexRulesOptions> options, ILogger<ParIndexRulesService>? logger = null)
    : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private List<RuleFileWatcher> _watchers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ruleSets.EnsureLoaded();
        if (!options.Value.WatchForChanges) return Task.CompletedTask;
        foreach (var source in ruleSets.Sources)
        {
            try
            {
                var watcher = new RuleFileWatcher(source.File, options.Value.ReloadDelay, () => ReloadOnTimer(source.Name));
                lock (_gate) _watchers.Add(watcher);
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // The service still works with the rules loaded at start; only reloads are lost.
                HostingLog.WatchFailed((ILogger?)logger ?? NullLogger.Instance, ex, source.Name, source.File);
            }
        }
        return Task.CompletedTask;
    }

    // Runs on a timer thread, where an exception would end the process.
    private void ReloadOnTimer(string name)
    {
        try
        {
            ruleSets.Reload(name);
        }
        catch (ObjectDisposedException)
        {
            // The host stopped while the reload delay ran: nothing to reload into.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    // Hosts may stop and dispose the service from different threads (WebApplicationFactory does).
    public void Dispose()
    {
        List<RuleFileWatcher> watchers;
        lock (_gate) (watchers, _watchers) = (_watchers, []);
        foreach (var watcher in watchers) watcher.Dispose();
    }
}
