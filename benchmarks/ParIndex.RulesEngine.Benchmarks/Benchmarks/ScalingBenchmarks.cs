using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>1 vs 2 threads on the 1M batch: the kernel in 4,096-row chunks, and Score(TotalsOnly) with MaxDegreeOfParallelism.</summary>
[Config(typeof(BatchConfig))]
[WarmupCount(2)]
[IterationCount(7)]
public class ScalingBenchmarks
{
    private EngineFixture _fixture = null!;
    private ScoringOptions _options = null!;

    /// <summary>Agencies (1M; 100K in --quick).</summary>
    [Params(1_000_000)]
    public int Rows;

    /// <summary>ScoringOptions.MaxDegreeOfParallelism.</summary>
    [Params(1, 2)]
    public int Threads;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = EngineFixture.Create(Rows);
        _options = new ScoringOptions { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = Threads };
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>Kernel stages over the prepared frame, chunked over the threads.</summary>
    [Benchmark(Description = "engine kernel, chunked")]
    public double KernelParallel()
    {
        _fixture.RunKernelParallel(Threads);
        return _fixture.Frame.Total[Rows - 1];
    }

    /// <summary>Score(TotalsOnly) with MaxDegreeOfParallelism = Threads.</summary>
    [Benchmark(Description = "engine Score(TotalsOnly)")]
    public ScoreReport Score() => _fixture.RuleSet.Score(_fixture.Batch, _options);
}
