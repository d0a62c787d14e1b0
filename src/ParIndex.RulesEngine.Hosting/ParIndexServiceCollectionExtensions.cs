using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>Registers ParIndex rule sets, the scorer and the health check in a service collection.</summary>
public static class ParIndexServiceCollectionExtensions
{
    /// <summary>
    /// Registers the rule sets named in <paramref name="configuration"/> (bound to
    /// <see cref="ParIndexRulesOptions"/>), <see cref="ParIndexRuleSets"/>, <see cref="IParIndexScorer"/>
    /// and a hosted service that loads the rules at start and reloads them when their files change.
    /// The options are validated at start: a missing file or a broken rule file stops the start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section, e.g. <c>configuration.GetSection("ParIndex")</c>.</param>
    public static IServiceCollection AddParIndexRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ParIndexRulesOptions>().Bind(configuration);
        return services.AddParIndexRulesCore();
    }

    /// <summary>As <see cref="AddParIndexRules(IServiceCollection, IConfiguration)"/>, with the options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.RuleSets["province"] = "rules/province.json"</c>.</param>
    public static IServiceCollection AddParIndexRules(this IServiceCollection services, Action<ParIndexRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ParIndexRulesOptions>().Configure(configure);
        return services.AddParIndexRulesCore();
    }

    /// <summary>
    /// Adds the health check of the rule sets (name "parindex-rules" unless given): healthy,
    /// degraded after a failed reload, unhealthy when the rules could not be loaded.
    /// </summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags for filtering health endpoints.</param>
    public static IHealthChecksBuilder AddParIndexRules(this IHealthChecksBuilder builder, string name = "parindex-rules", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(name, sp => new ParIndexRulesHealthCheck(sp.GetRequiredService<ParIndexRuleSets>()), HealthStatus.Unhealthy, tags));
    }

    private static IServiceCollection AddParIndexRulesCore(this IServiceCollection services)
    {
        services.AddOptions<ParIndexRulesOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => new RuleSetPaths(sp.GetService<IHostEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParIndexRulesOptions>, ParIndexRulesOptionsValidator>());
        services.TryAddSingleton(sp => new ParIndexRuleSets(
            sp.GetRequiredService<IOptions<ParIndexRulesOptions>>(), sp.GetRequiredService<RuleSetPaths>(),
            sp.GetService<ILogger<ParIndexRuleSets>>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IParIndexScorer, ParIndexScorer>();
        services.AddHostedService<ParIndexRulesService>();
        return services;
    }
}
