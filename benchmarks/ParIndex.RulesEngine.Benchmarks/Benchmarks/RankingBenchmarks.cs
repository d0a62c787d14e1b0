using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Baselines;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Ranking by group and overall on the percents of a scored 1M batch of the 150-leaf scheme:
/// the counting sort on the 10^-precision grid against the LINQ sort it replaced, and
/// Score(TotalsOnly) of the same batch for ranking's share of a whole score (issue target: ≤ 15%).
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(2)]
[IterationCount(7)]
public class RankingBenchmarks
{
    private EngineFixture _fixture = null!;
    private ScoreReport _report = null!;
    private double[] _percent = null!;
    private int[] _groups = null!;
    private bool[] _scored = null!;
    private int _groupCount;
    private int _precision;
    private double[] _groupRanks = null!;
    private double[] _overallRanks = null!;
    private readonly ScoringOptions _totalsOnly = new() { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = 1 };

    /// <summary>Agencies.</summary>
    [Params(1_000_000)]
    public int Rows;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = EngineFixture.Create(Rows);
        _report = _fixture.RuleSet.Score(_fixture.Batch, _totalsOnly);
        var rows = _report.Rows;
        _percent = rows.Frame.Percent;
        _groups = rows.Frame.Groups;
        _scored = rows.Scored;
        _groupCount = _report.Groups.Count;
        _precision = _fixture.RuleSet.Definition.Precision;
        _groupRanks = new double[Rows];
        _overallRanks = new double[Rows];
        // Both rankings must agree before either is timed.
        Ranker.RankAll(_percent, _groups, _scored, _groupCount, _precision, _groupRanks, _overallRanks);
        var expectedGroup = (double[])_groupRanks.Clone();
        var expectedOverall = (double[])_overallRanks.Clone();
        LinqRanker.RankAll(_percent, _groups, _scored, _groupCount, _groupRanks, _overallRanks);
        if (!expectedGroup.AsSpan().SequenceEqual(_groupRanks) || !expectedOverall.AsSpan().SequenceEqual(_overallRanks))
            throw new InvalidOperationException("The counting ranker and the LINQ ranker disagree.");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>The ranking the engine had before: LINQ OrderByDescending per group and overall.</summary>
    [Benchmark(Baseline = true, Description = "ranking, LINQ sort (before)")]
    public double LinqSort()
    {
        LinqRanker.RankAll(_percent, _groups, _scored, _groupCount, _groupRanks, _overallRanks);
        return _overallRanks[Rows - 1];
    }

    /// <summary>The engine's ranking: counting sort on the grid.</summary>
    [Benchmark(Description = "ranking, counting sort")]
    public double Counting()
    {
        Ranker.RankAll(_percent, _groups, _scored, _groupCount, _precision, _groupRanks, _overallRanks);
        return _overallRanks[Rows - 1];
    }

    /// <summary>A whole Score(TotalsOnly) on one thread, ranking included.</summary>
    [Benchmark(Description = "engine Score(TotalsOnly), 1 thread")]
    public ScoreReport Score() => _fixture.RuleSet.Score(_fixture.Batch, _totalsOnly);
}
