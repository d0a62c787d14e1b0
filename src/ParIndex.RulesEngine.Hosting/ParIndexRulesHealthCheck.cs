using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Healthy when every rule set's last reload succeeded; degraded when one failed (the service
/// still scores, with the older rules); unhealthy when the rule sets could not be loaded at all.
/// The data holds, per rule set, the version in use and the last reload error.
/// </summary>
internal sealed class ParIndexRulesHealthCheck(ParIndexRuleSets ruleSets) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<RuleSetStatus> statuses;
        try
        {
            statuses = ruleSets.Statuses();
        }
        catch (Diagnostics.RuleSetException ex)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The rule sets could not be loaded.", ex));
        }
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var s in statuses)
        {
            data[s.Name] = new Dictionary<string, object?>
            {
                ["version"] = s.Version,
                ["ruleSetVersion"] = s.RuleSetVersion,
                ["loadedAt"] = s.LoadedAt,
                ["lastReloadError"] = s.ReloadFailed ? string.Join(Environment.NewLine, s.LastReloadErrors.Where(d => d.IsError)) : null,
            };
        }
        var failed = statuses.Where(s => s.ReloadFailed).Select(s => s.Name).ToList();
        var result = failed.Count == 0
            ? HealthCheckResult.Healthy($"{statuses.Count} rule set(s) loaded.", data)
            : HealthCheckResult.Degraded($"Reload failed for {string.Join(", ", failed)}; the previous rules stay in use.", data: data);
        return Task.FromResult(result);
    }
}
