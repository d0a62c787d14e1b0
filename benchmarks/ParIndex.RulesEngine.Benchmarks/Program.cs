using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ParIndex.RulesEngine.Benchmarks.Baselines;
using ParIndex.RulesEngine.Benchmarks.Benchmarks;
using ParIndex.RulesEngine.Benchmarks.EndToEnd;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks;

/// <summary>
/// Entry point. Without our own switches the arguments go to BenchmarkDotNet
/// (<c>--filter '*Kernel*' --job short</c> …). Our switches:
/// <list type="bullet">
/// <item><c>--all</c>: every BenchmarkDotNet benchmark, then the fresh-process measurements, then the plot.</item>
/// <item><c>--quick</c>: CI smoke run (&lt; 2 minutes): checks every fast baseline against the engine, then times the kernel and (a) expert at 1K in process.</item>
/// <item><c>--verify</c>: only the correctness checks of every baseline (no timing); (a) expert must give the engine's totals and percent bit for bit.</item>
/// <item><c>--process</c>: only the fresh-process measurements (first compile, start from cache, CSV end to end).</item>
/// <item><c>--plot [batch-results.csv] [out.svg]</c>: draws the time-per-agency plot from saved batch results.</item>
/// <item><c>--scheme out.json</c>: writes the generated rule file.</item>
/// <item><c>--e2e-data</c>, <c>--sep-anchor</c>, <c>--e2e-summary</c>: the steps of <c>benchmarks/e2e.sh</c> (see <see cref="EndToEndCommands"/>).</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>Runs the requested mode; returns the exit code.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--child") return ChildProcess.Run(args[1..]);
        if (args.Contains("--verify")) return Verify(includeScripting: true, rows: 20_000);
        if (args.Contains("--process")) return ProcessBenchmarks.Run(ResultsDirectory());
        if (args.Length > 0 && args[0] == "--e2e-data") return EndToEndCommands.Data(args[1..]);
        if (args.Length > 2 && args[0] == "--sep-anchor") return EndToEndCommands.Anchor(args[1..]);
        if (args.Length > 1 && args[0] == "--e2e-summary") return EndToEndCommands.Summary(args[1..]);
        if (args.Length > 0 && args[0] == "--plot")
        {
            var data = args.Length > 1 ? args[1] : Path.Combine(ResultsDirectory(), "batch-results.csv");
            var output = args.Length > 2 ? args[2] : Path.Combine(ResultsDirectory(), "plot-batch-size.svg");
            PlotWriter.Write(data, output);
            Console.WriteLine($"Wrote {output}");
            return 0;
        }
        if (args.Length > 1 && args[0] == "--scheme")
        {
            File.WriteAllText(args[1], SchemeGenerator.Scheme.Json);
            Console.WriteLine($"Wrote {args[1]} ({SchemeGenerator.Scheme.Leaves.Count()} leaf criteria, {SchemeGenerator.Scheme.FormulaCount} formulas, {SchemeGenerator.Scheme.Inputs.Count} inputs)");
            return 0;
        }
        if (args.Contains("--quick")) return Quick();

        var all = args.Contains("--all");
        var config = DefaultConfig.Instance
            .AddFilter(new SimpleFilter(b => b.Descriptor.Type != typeof(CacheLoadBenchmarks) || CompileCache.Available))
            // The end-to-end class takes about 20 minutes of its own; --all keeps its former scope.
            .AddFilter(new SimpleFilter(b => !all || b.Descriptor.Type != typeof(EndToEndBenchmarks)))
            .WithOptions(ConfigOptions.DisableLogFile);
        var bdnArgs = all ? ["--filter", "*"] : args.Where(a => a != "--all").ToArray();
        Console.WriteLine($"// Disk compile cache (RuleSetLoadOptions.CacheDirectory): {(CompileCache.Available ? "present" : "absent: CacheLoadBenchmarks skipped")}");
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(bdnArgs, config).ToList();
        var results = ResultsDirectory();
        BatchResults.Save(summaries, Path.Combine(results, "batch-results.csv"));
        if (!all) return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
        var processExit = ProcessBenchmarks.Run(results);
        PlotWriter.Write(Path.Combine(results, "batch-results.csv"), Path.Combine(results, "plot-batch-size.svg"));
        return processExit;
    }

    /// <summary>BenchmarkDotNet.Artifacts/results under the current directory.</summary>
    public static string ResultsDirectory()
    {
        var directory = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The CI smoke run: every fast check, then a short in-process timing of the kernel and (a) expert at 1K.</summary>
    private static int Quick()
    {
        Settings.Quick = true;
        var started = Stopwatch.StartNew();
        var verified = Verify(includeScripting: false, rows: 2_000);
        if (verified != 0) return verified;
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(64).WithUnrollFactor(1).WithId("quick");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<BatchBenchmarks>(config.AddFilter(new SimpleFilter(b =>
            b.Descriptor.WorkloadMethod.Name is nameof(BatchBenchmarks.Kernel) or nameof(BatchBenchmarks.Expert))));
        var ok = summary.Reports.Length == 2 && summary.Reports.All(r => r.Success);
        Console.WriteLine($"// quick run {(ok ? "passed" : "FAILED")} in {started.Elapsed.TotalSeconds:F0} s");
        return ok ? 0 : 1;
    }

    /// <summary>Runs every baseline once on small batches and checks its totals against the engine's.</summary>
    private static int Verify(bool includeScripting, int rows)
    {
        var scheme = SchemeGenerator.Scheme;
        Console.WriteLine($"// scheme: {scheme.Areas.Count} areas, {scheme.Areas.Sum(a => a.Criteria.Count)} criteria, {scheme.Leaves.Count()} leaf criteria, " +
            $"{scheme.FormulaCount} formulas, {scheme.Inputs.Count} inputs, {scheme.Variables.Count} variables, total max {scheme.TotalMax}");
        var watch = Stopwatch.StartNew();
        using var fixture = EngineFixture.Create(rows);
        Console.WriteLine($"// compiled and generated {rows:N0} agencies in {watch.Elapsed.TotalSeconds:F1} s");
        var expert = new ExpertScorer(fixture.Data);
        expert.Run(0, fixture.Data.Rows);
        fixture.AssertIdentical("(a) expert hand-written", expert.Total, expert.Percent, fixture.Data.Rows);
        var hand = new HandWrittenScorer(fixture.Scheme, fixture.Data);
        hand.Run(0, fixture.Data.Rows);
        fixture.AssertSameTotals("(a0) descriptor-driven", hand.Total, fixture.Data.Rows);
        var interpreter = new InterpreterScorer(fixture.Scheme, fixture.Data);
        interpreter.Run(0, fixture.Data.Rows);
        fixture.AssertSameTotals("(c) interpreter", interpreter.Total, fixture.Data.Rows);
        var report = fixture.RuleSet.Score(fixture.Batch, new Evaluation.ScoringOptions { Detail = Evaluation.ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = 2 });
        fixture.AssertSameTotals("Score(TotalsOnly, 2 threads)", report.Agencies.Select(a => a.Total).ToArray(), fixture.Data.Rows);
        if (includeScripting)
        {
            watch.Restart();
            var scripting = new NaiveScriptingScorer(fixture.Scheme, fixture.Data);
            Console.WriteLine($"// (b) compiled {scripting.ScriptCount} scripts in {watch.Elapsed.TotalSeconds:F1} s");
            scripting.Run(0, 1_000);
            fixture.AssertSameTotals("(b) naive scripting", scripting.Total, 1_000);
        }
        return 0;
    }
}
