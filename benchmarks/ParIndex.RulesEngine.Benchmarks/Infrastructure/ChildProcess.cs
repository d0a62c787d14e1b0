using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ParIndex.RulesEngine.Benchmarks.Benchmarks;
using ParIndex.RulesEngine.Benchmarks.Scheme;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>
/// The work done in a fresh process for the measurements BenchmarkDotNet cannot make (its
/// processes are warm by design): the first compile, the start to a first result, and CSV
/// scoring with the peak resident memory. The parent passes its <see cref="Stopwatch"/>
/// timestamp taken just before starting the process (a monotonic clock shared by all processes
/// on Linux), so times "since launch" include process creation and runtime start.
/// Prints one line "RESULT {json}".
/// </summary>
public static class ChildProcess
{
    /// <summary>Dispatches a child mode.</summary>
    public static int Run(string[] args)
    {
        var mainAt = Stopwatch.GetTimestamp();
        var launchedAt = long.Parse(args[^1], CultureInfo.InvariantCulture);
        var result = new Dictionary<string, object?> { ["mode"] = args[0], ["mainSinceLaunchMs"] = Ms(launchedAt, mainAt) };
        switch (args[0])
        {
            case "compile":
            {
                var started = Stopwatch.GetTimestamp();
                using var ruleSet = RuleSetLoader.LoadFile(args[1]);
                result["compileMs"] = Ms(started, Stopwatch.GetTimestamp());
                break;
            }
            case "first-result":
            {
                var options = args[2] == "none" ? null : CompileCache.Options(args[2]);
                var started = Stopwatch.GetTimestamp();
                using var ruleSet = RuleSetLoader.LoadFile(args[1], options);
                var loaded = Stopwatch.GetTimestamp();
                var data = AgencyData.Generate(SchemeGenerator.Scheme, 1);
                var report = ruleSet.Score(ColumnarBatch.Create(ruleSet, data.Ids, data.Columns));
                var total = report.Agencies[0].Total;
                var done = Stopwatch.GetTimestamp();
                result["loadMs"] = Ms(started, loaded);
                result["scoreMs"] = Ms(loaded, done);
                result["firstResultSinceLaunchMs"] = Ms(launchedAt, done);
                result["total"] = total;
                result["loadedFromCache"] = ruleSet.LoadedFromCache;
                break;
            }
            case "csv-stream":
            case "csv-batch":
            {
                var started = Stopwatch.GetTimestamp();
                using var ruleSet = RuleSetLoader.LoadFile(args[1]);
                var loaded = Stopwatch.GetTimestamp();
                using (var writer = new StreamWriter(args[3], false, new UTF8Encoding(false), 1 << 16))
                {
                    if (args[0] == "csv-stream")
                    {
                        var summary = StreamingScorer.ScoreCsvFile(ruleSet, args[2], writer, new StreamingOptions { MaxDegreeOfParallelism = 2 });
                        result["path"] = "StreamingScorer.ScoreCsvFile (2 threads, chunks of 16,384)";
                        result["rows"] = summary.Scored;
                        result["rowErrors"] = summary.Rejected;
                    }
                    else
                    {
                        var batch = CsvAgencyReader.ReadFile(ruleSet, args[2]);
                        result["readMs"] = Ms(loaded, Stopwatch.GetTimestamp());
                        var report = ruleSet.Score(batch, new ScoringOptions { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = 2 });
                        CsvResultWriter.Write(report, writer);
                        result["path"] = "CsvAgencyReader.ReadFile + Score(TotalsOnly, 2 threads) + CsvResultWriter";
                        result["rows"] = batch.Count;
                        result["rowErrors"] = batch.RowErrors.Count;
                    }
                }
                var written = Stopwatch.GetTimestamp();
                result["csvBytes"] = new FileInfo(args[2]).Length;
                result["compileMs"] = Ms(started, loaded);
                result["endToEndMs"] = Ms(loaded, written);
                result["sinceLaunchMs"] = Ms(launchedAt, written);
                result["allocatedMb"] = GC.GetTotalAllocatedBytes() / 1048576.0;
                break;
            }
            case "paired":
                Paired(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), result);
                break;
            default:
                Console.Error.WriteLine($"Unknown child mode {args[0]}.");
                return 2;
        }
        result["peakRssMb"] = PeakResidentMb();
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>
    /// Interleaved timing on a noisy shared machine: (a) expert hand-written, the kernel and (c)
    /// run one after the other, <paramref name="pairs"/> times, and each ratio is taken within one
    /// round, so a burst of load from other processes hits both sides of a ratio. Also 1 vs 2 threads.
    /// </summary>
    private static void Paired(int rows, int pairs, Dictionary<string, object?> result)
    {
        using var fixture = EngineFixture.Create(rows);
        var hand = new Baselines.ExpertScorer(fixture.Data);
        var interpreter = new Baselines.InterpreterScorer(fixture.Scheme, fixture.Data);
        var totalsOnly1 = new ScoringOptions { Detail = ScoreDetail.TotalsOnly, MaxDegreeOfParallelism = 1 };
        var totalsOnly2 = totalsOnly1 with { MaxDegreeOfParallelism = 2 };
        var process = Process.GetCurrentProcess();
        var cpu = new Dictionary<string, List<double>>();
        // Wall time per agency; the process CPU time per agency is kept too (key = label), because
        // on a shared machine a single-threaded run is often descheduled: CPU time leaves that out.
        double Time(string label, Action action)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            action();
            var wall = (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / rows;
            process.Refresh();
            if (!cpu.TryGetValue(label, out var list)) cpu[label] = list = new List<double>();
            list.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds * 1e6 / rows);
            return wall;
        }
        var interpreterPairs = rows >= 1_000_000 ? Math.Min(pairs, 3) : pairs;
        // Warm up (tiering) before measuring.
        for (var w = 0; w < (rows <= 1_000 ? 30 : rows <= 100_000 ? 3 : 1); w++)
        {
            hand.Run(0, rows);
            fixture.RunKernel(0, rows);
            if (w < 2) interpreter.Run(0, Math.Min(rows, 100_000));
        }
        hand.Run(0, rows);
        fixture.AssertIdentical("(a) expert hand-written", hand.Total, hand.Percent, rows);
        var handNs = new List<double>();
        var kernelNs = new List<double>();
        var interpreterNs = new List<double>();
        var kernel2Ns = new List<double>();
        var score1Ns = new List<double>();
        var score2Ns = new List<double>();
        var repeat = Math.Max(1, 200_000 / rows); // about 200K agency evaluations per sample
        for (var p = 0; p < pairs; p++)
        {
            handNs.Add(Time("hand", () => { for (var r = 0; r < repeat; r++) hand.Run(0, rows); }) / repeat);
            kernelNs.Add(Time("kernel", () => { for (var r = 0; r < repeat; r++) fixture.RunKernel(0, rows); }) / repeat);
            if (p < interpreterPairs) interpreterNs.Add(Time("interpreter", () => interpreter.Run(0, rows)));
            if (rows >= 1_000_000)
            {
                kernel2Ns.Add(Time("kernel2", () => fixture.RunKernelParallel(2)));
                score1Ns.Add(Time("score1", () => fixture.RuleSet.Score(fixture.Batch, totalsOnly1)));
                score2Ns.Add(Time("score2", () => fixture.RuleSet.Score(fixture.Batch, totalsOnly2)));
            }
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        static List<double> Ratios(List<double> a, List<double> b) => a.Zip(b, (x, y) => x / y).ToList();
        result["rows"] = rows;
        result["pairs"] = pairs;
        result["handNsMedian"] = Median(handNs);
        result["kernelNsMedian"] = Median(kernelNs);
        result["interpreterNsMedian"] = Median(interpreterNs);
        result["kernelOverHand"] = Median(Ratios(kernelNs, handNs));
        result["interpreterOverKernel"] = Median(Ratios(interpreterNs, kernelNs));
        var handCpu = cpu["hand"].Select(v => v / repeat).ToList();
        var kernelCpu = cpu["kernel"].Select(v => v / repeat).ToList();
        result["handCpuNsMedian"] = Median(handCpu);
        result["kernelCpuNsMedian"] = Median(kernelCpu);
        result["interpreterCpuNsMedian"] = Median(cpu["interpreter"]);
        result["kernelOverHandCpu"] = Median(Ratios(kernelCpu, handCpu));
        result["interpreterOverKernelCpu"] = Median(Ratios(cpu["interpreter"], kernelCpu));
        if (rows >= 1_000_000)
        {
            result["kernel2NsMedian"] = Median(kernel2Ns);
            result["kernelSpeedup2"] = Median(Ratios(kernelNs, kernel2Ns));
            result["score1NsMedian"] = Median(score1Ns);
            result["score2NsMedian"] = Median(score2Ns);
            result["scoreSpeedup2"] = Median(Ratios(score1Ns, score2Ns));
        }
    }

    private static double Ms(long from, long to) => Math.Round((to - from) * 1000.0 / Stopwatch.Frequency, 2);

    /// <summary>Peak resident set size of this process (VmHWM), in MiB; NaN where /proc is not available.</summary>
    public static double PeakResidentMb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException) { }
        return double.NaN;
    }
}
