using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>One benchmark case of a run, in plain numbers (for the plot and RESULTS.md).</summary>
public sealed record BatchResult(string Class, string Method, string Description, int Rows, int Threads, double MeanNs, double StdDevNs, double AllocatedBytes);

/// <summary>Saves and loads the plain-number results of a BenchmarkDotNet run.</summary>
public static class BatchResults
{
    private const string Header = "class,method,description,rows,threads,mean_ns,stddev_ns,allocated_bytes";

    /// <summary>Writes every successful case of <paramref name="summaries"/> (appending to earlier cases of other classes in the file).</summary>
    public static void Save(IEnumerable<Summary> summaries, string path)
    {
        var fresh = new List<BatchResult>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is null) continue;
                var benchmark = report.BenchmarkCase;
                int Param(string name) => benchmark.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value is int v ? v : 0;
                fresh.Add(new BatchResult(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name,
                    benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), Param("Rows"), Param("Threads"),
                    report.ResultStatistics.Mean, report.ResultStatistics.StandardDeviation,
                    report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? double.NaN));
            }
        }
        if (fresh.Count == 0) return;
        var classes = fresh.Select(r => r.Class).ToHashSet();
        var kept = File.Exists(path) ? Load(path).Where(r => !classes.Contains(r.Class)) : [];
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in kept.Concat(fresh))
            text.Append(string.Join(",", r.Class, r.Method, r.Description.Replace(',', ';'), r.Rows, r.Threads,
                r.MeanNs.ToString("R", CultureInfo.InvariantCulture), r.StdDevNs.ToString("R", CultureInfo.InvariantCulture),
                r.AllocatedBytes.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"// plain results: {path}");
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    public static List<BatchResult> Load(string path)
    {
        var result = new List<BatchResult>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var c = line.Split(',');
            if (c.Length < 8) continue;
            result.Add(new BatchResult(c[0], c[1], c[2], int.Parse(c[3], CultureInfo.InvariantCulture), int.Parse(c[4], CultureInfo.InvariantCulture),
                double.Parse(c[5], CultureInfo.InvariantCulture), double.Parse(c[6], CultureInfo.InvariantCulture), double.Parse(c[7], CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
