using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Baselines;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Batch evaluation of the 150-leaf scheme at 1K, 100K and 1M agencies, single-threaded: the
/// engine's kernel stages over a prepared frame, the public Score with TotalsOnly, and the
/// baselines (a) expert hand-written (the ceiling, and the Ratio baseline), (a0) descriptor-driven,
/// (c) interpreter at every size and (b) naive scripting at 1K.
/// Each GlobalSetup checks the method against the engine before anything is timed: (a) and the
/// engine kernel must agree bit for bit on every row's total and percent; the others' totals must
/// equal the engine's within 1e-9.
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(1)]
[IterationCount(5)]
public class BatchBenchmarks
{
    private EngineFixture _fixture = null!;
    private ExpertScorer _expert = null!;
    private HandWrittenScorer _hand = null!;
    private InterpreterScorer _interpreter = null!;
    private NaiveScriptingScorer _scripting = null!;
    private readonly ScoringOptions _totalsOnly = new() { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = 1 };

    /// <summary>Agencies in the batch.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Rows;

    /// <summary>1K, 100K, 1M (only 1K in --quick).</summary>
    public static IEnumerable<int> Sizes => Settings.Quick ? [1_000] : [1_000, 100_000, 1_000_000];

    /// <summary>Rows the interpreter is checked on (all of them would take minutes at 1M).</summary>
    private int CheckedRows => Math.Min(Rows, 20_000);

    [GlobalSetup(Target = nameof(Expert))]
    public void SetupExpert()
    {
        _fixture = EngineFixture.Create(Rows);
        _expert = new ExpertScorer(_fixture.Data);
        _expert.Run(0, Rows);
        _fixture.AssertIdentical("(a) expert hand-written", _expert.Total, _expert.Percent, Rows);
    }

    [GlobalSetup(Target = nameof(HandWritten))]
    public void SetupHandWritten()
    {
        _fixture = EngineFixture.Create(Rows);
        _hand = new HandWrittenScorer(_fixture.Scheme, _fixture.Data);
        _hand.Run(0, Rows);
        _fixture.AssertSameTotals("(a0) descriptor-driven", _hand.Total, Rows);
    }

    [GlobalSetup(Target = nameof(Kernel))]
    public void SetupKernel()
    {
        _fixture = EngineFixture.Create(Rows);
        var expert = new ExpertScorer(_fixture.Data);
        expert.Run(0, Rows);
        _fixture.AssertIdentical("engine kernel vs (a) expert", expert.Total, expert.Percent, Rows);
    }

    [GlobalSetup(Target = nameof(ScoreTotalsOnly))]
    public void SetupScore()
    {
        _fixture = EngineFixture.Create(Rows);
        var report = _fixture.RuleSet.Score(_fixture.Batch, _totalsOnly);
        var totals = new double[Rows];
        var agencies = report.Agencies;
        for (var i = 0; i < Rows; i++) totals[i] = agencies[i].Total;
        _fixture.AssertSameTotals("Score(TotalsOnly)", totals, Rows);
    }

    [GlobalSetup(Target = nameof(Interpreter))]
    public void SetupInterpreter()
    {
        _fixture = EngineFixture.Create(Rows);
        _interpreter = new InterpreterScorer(_fixture.Scheme, _fixture.Data);
        _interpreter.Run(0, CheckedRows);
        _fixture.AssertSameTotals("(c) interpreter", _interpreter.Total, CheckedRows);
    }

    [GlobalSetup(Target = nameof(NaiveScripting))]
    public void SetupScripting()
    {
        _fixture = EngineFixture.Create(Rows);
        var started = System.Diagnostics.Stopwatch.StartNew();
        _scripting = new NaiveScriptingScorer(_fixture.Scheme, _fixture.Data);
        Console.WriteLine($"// (b) compiled {_scripting.ScriptCount} scripts one by one in {started.Elapsed.TotalSeconds:F1} s");
        _scripting.Run(0, Rows);
        _fixture.AssertSameTotals("(b) naive scripting", _scripting.Total, Rows);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fixture?.Dispose();
        _fixture = null!;
        _expert = null!;
        _hand = null!;
        _interpreter = null!;
        _scripting = null!;
    }

    /// <summary>
    /// (a) the ceiling: C# written out by hand for exactly this scheme, fixed point, constants
    /// folded, one pass per area over the same arrays (<see cref="ExpertScorer"/>).
    /// </summary>
    [Benchmark(Baseline = true, Description = "(a) expert hand-written")]
    public double Expert()
    {
        _expert.Run(0, Rows);
        return _expert.Total[Rows - 1];
    }

    /// <summary>(a0) a generic loop over flat descriptor arrays with a switch per leaf, rounding with a divide at every level (<see cref="HandWrittenScorer"/>).</summary>
    [Benchmark(Description = "(a0) descriptor-driven")]
    public double HandWritten()
    {
        _hand.Run(0, Rows);
        return _hand.Total[Rows - 1];
    }

    /// <summary>The engine's kernel stages (variables + totals) over a prepared frame.</summary>
    [Benchmark(Description = "engine kernel")]
    public double Kernel()
    {
        _fixture.RunKernel(0, Rows);
        return _fixture.Frame.Total[Rows - 1];
    }

    /// <summary>The public API: Score with TotalsOnly on one thread (kernel + ranking + classification + eligibility).</summary>
    [Benchmark(Description = "engine Score(TotalsOnly)")]
    public ScoreReport ScoreTotalsOnly() => _fixture.RuleSet.Score(_fixture.Batch, _totalsOnly);

    /// <summary>(c) tree-walking interpreter with a dictionary of values per agency.</summary>
    [Benchmark(Description = "(c) interpreter")]
    public double Interpreter()
    {
        _interpreter.Run(0, Rows);
        return _interpreter.Total[Rows - 1];
    }

    /// <summary>(b) naive CSharpScript: one script per formula, a globals object per agency (1K only).</summary>
    [Benchmark(Description = "(b) naive scripting")]
    public double NaiveScripting()
    {
        _scripting.Run(0, Rows);
        return _scripting.Total[Rows - 1];
    }
}
