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
                break;
            }
            case "csv":
            {
                var started = Stopwatch.GetTimestamp();
                using var ruleSet = RuleSetLoader.LoadFile(args[1]);
                var loaded = Stopwatch.GetTimestamp();
                var batch = CsvAgencyReader.ReadFile(ruleSet, args[2]);
                var read = Stopwatch.GetTimestamp();
                var report = ruleSet.Score(batch, new ScoringOptions { Detail = ScoreDetail.TotalsOnly });
                var scored = Stopwatch.GetTimestamp();
                var output = args[3];
                using (var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 16))
                    CsvResultWriter.Write(report, writer);
                var written = Stopwatch.GetTimestamp();
                result["path"] = "CsvAgencyReader.ReadFile + Score(TotalsOnly) + CsvResultWriter";
                result["rows"] = batch.Count;
                result["rowErrors"] = batch.RowErrors.Count;
                result["csvBytes"] = new FileInfo(args[2]).Length;
                result["compileMs"] = Ms(started, loaded);
                result["readMs"] = Ms(loaded, read);
                result["scoreMs"] = Ms(read, scored);
                result["writeMs"] = Ms(scored, written);
                result["endToEndMs"] = Ms(loaded, written);
                result["sinceLaunchMs"] = Ms(launchedAt, written);
                result["allocatedMb"] = GC.GetTotalAllocatedBytes() / 1048576.0;
                break;
            }
            default:
                Console.Error.WriteLine($"Unknown child mode {args[0]}.");
                return 2;
        }
        result["peakRssMb"] = PeakResidentMb();
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
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
