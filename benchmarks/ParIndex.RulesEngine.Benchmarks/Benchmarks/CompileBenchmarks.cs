using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Compiling the generated scheme (150 leaf criteria, 24 variables): JSON, schema, binding, code
/// generation, one Roslyn compilation, loading. One load per invocation. In this process Roslyn
/// itself is already jitted after the first iteration; the first compile in a new process is
/// measured separately (see ProcessBenchmarks).
/// </summary>
[Config(typeof(BatchConfig))]
[InvocationCount(1)]
[WarmupCount(1)]
[IterationCount(7)]
public class CompileBenchmarks
{
    private string _json = null!;

    [GlobalSetup]
    public void Setup() => _json = SchemeGenerator.Scheme.Json;

    /// <summary>RuleSetLoader.LoadJson of the whole scheme (cold: nothing cached).</summary>
    [Benchmark(Description = "cold compile (LoadJson)")]
    public int ColdCompile()
    {
        using var ruleSet = RuleSetLoader.LoadJson(_json, "benchmark-scheme-150.json");
        return ruleSet.Criteria.Count;
    }
}
