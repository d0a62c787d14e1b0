using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParIndex.RulesEngine.Hosting.Tests;

/// <summary>A generic host with the package registered, and helpers to wait for a reload.</summary>
internal static class TestHost
{
    public static (IHost Host, CollectingLoggerProvider Logs) Build(Action<ParIndexRulesOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddParIndexRules(configure);
        builder.Services.AddHealthChecks().AddParIndexRules();
        return (builder.Build(), logs);
    }

    public static async Task<HealthReport> HealthAsync(IHost host) =>
        await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    /// <summary>Waits (at most 20 s, for a loaded machine) until the status satisfies <paramref name="done"/>.</summary>
    public static async Task<RuleSetStatus> WaitForAsync(ParIndexRuleSets ruleSets, string name, Func<RuleSetStatus, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = ruleSets.Status(name)!;
            if (done(status)) return status;
            if (DateTime.UtcNow > deadline) Assert.Fail($"rule set {name} never reached the expected state; last status: {status}");
            await Task.Delay(50);
        }
    }
}
