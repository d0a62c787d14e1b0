using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;

namespace ParIndex.RulesEngine.Benchmarks.EndToEnd;

/// <summary>
/// The modes <c>benchmarks/e2e.sh</c> calls: write the data files, run the anchor in a process
/// of its own, and turn the script's measurements into the results table.
/// </summary>
public static class EndToEndCommands
{
    /// <summary><c>--e2e-data [scheme…] [rows…]</c>: writes the missing data files (default: both schemes, 100K to 2M) and prints the manifest.</summary>
    public static int Data(string[] args)
    {
        var schemes = args.Where(a => !char.IsAsciiDigit(a[0])).Select(EndToEndData.Parse).ToList();
        if (schemes.Count == 0) schemes = [EndToEndScheme.InternalIndex, EndToEndScheme.Scheme150];
        var sizes = args.Where(a => char.IsAsciiDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        if (sizes.Count == 0) sizes = [.. EndToEndData.AllSizes];
        foreach (var scheme in schemes)
            foreach (var rows in sizes)
                EndToEndData.Ensure(scheme, rows);
        Console.Write(File.ReadAllText(Path.Combine(EndToEndData.Directory, "manifest.tsv")));
        return 0;
    }

    /// <summary><c>--sep-anchor &lt;rules.json&gt; &lt;data.csv&gt; [--parallel]</c>: one anchor parse; prints <c>RESULT {json}</c>.</summary>
    public static int Anchor(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        var numbers = SepAnchor.NumberInputs(args[0]);
        var result = args.Contains("--parallel") ? SepAnchor.ParseParallel(args[1], numbers) : SepAnchor.Parse(args[1], numbers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(new
        {
            rows = result.Rows,
            numberCells = result.NumberCells,
            sum = result.Sum,
            seconds,
            allocatedMb = GC.GetTotalAllocatedBytes() / 1048576.0,
            peakRssMb = ChildProcess.PeakResidentMb(),
        }));
        return 0;
    }

    /// <summary>
    /// <c>--e2e-summary &lt;measurements.tsv&gt;</c>: prints the Markdown table of medians. The TSV
    /// has one line per process: build, scheme, rows, mode, run, wall seconds, peak RSS KiB, user s,
    /// system s, exit code, SHA-256 of the output (or -).
    /// </summary>
    public static int Summary(string[] args)
    {
        var runs = File.ReadLines(args[0]).Where(l => l.Length > 0 && !l.StartsWith("build\t", StringComparison.Ordinal))
            .Select(Run.Parse).ToList();
        var md = new StringBuilder();
        md.AppendLine("| scheme | agencies | CSV MB | build | mode | runs | wall s (median, min–max) | ratio to anchor | MB/s | agencies/s | peak RSS MiB (median, max) | CPU s (user+sys) | CPU ratio to anchor | output SHA-256 |");
        md.AppendLine("|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var group in runs.GroupBy(r => (r.Scheme, r.Rows)).OrderBy(g => g.Key.Scheme, StringComparer.Ordinal).ThenBy(g => g.Key.Rows))
        {
            var (scheme, rows) = group.Key;
            var file = EndToEndData.CsvPath(EndToEndData.Parse(scheme), rows);
            var megabytes = File.Exists(file) ? new FileInfo(file).Length / 1e6 : double.NaN;
            var anchor = group.Where(r => r.Mode == "anchor" && r.Exit == 0).Select(r => r.Seconds).ToList();
            var anchorMedian = anchor.Count > 0 ? Median(anchor) : double.NaN;
            // CPU time leaves out the time other processes held the cores: the steadier ratio on a shared machine.
            var anchorCpu = group.Where(r => r.Mode == "anchor" && r.Exit == 0).Select(r => r.User + r.System).ToList();
            var anchorCpuMedian = anchorCpu.Count > 0 ? Median(anchorCpu) : double.NaN;
            foreach (var cell in group.GroupBy(r => (r.Build, r.Mode)).OrderBy(c => c.Key.Mode == "anchor" ? 0 : 1).ThenBy(c => c.Key.Mode, StringComparer.Ordinal).ThenBy(c => c.Key.Build, StringComparer.Ordinal))
            {
                var ok = cell.Where(r => r.Exit == 0).ToList();
                var failed = cell.Count() - ok.Count;
                if (ok.Count == 0)
                {
                    md.AppendLine(Invariant($"| {scheme} | {rows:N0} | {megabytes:F0} | {cell.Key.Build} | {cell.Key.Mode} | 0 | failed (exit {cell.First().Exit}) | | | | | | | |"));
                    continue;
                }
                var seconds = Median(ok.Select(r => r.Seconds).ToList());
                var rss = Median(ok.Select(r => r.PeakKiB / 1024).ToList());
                var cpu = Median(ok.Select(r => r.User + r.System).ToList());
                var hashes = ok.Select(r => r.Sha256).Where(h => h != "-").Distinct().ToList();
                var hash = hashes.Count == 0 ? "-" : string.Join(" ≠ ", hashes.Select(h => h[..12]));
                md.AppendLine(Invariant($"| {scheme} | {rows:N0} | {megabytes:F0} | {cell.Key.Build} | {cell.Key.Mode} | {ok.Count}{(failed > 0 ? $" (+{failed} failed)" : "")} | {seconds:F2} ({ok.Min(r => r.Seconds):F2}–{ok.Max(r => r.Seconds):F2}) | {(cell.Key.Mode == "anchor" ? "1" : (seconds / anchorMedian).ToString("F1", CultureInfo.InvariantCulture))}× | {megabytes / seconds:F1} | {rows / seconds:N0} | {rss:N0} ({ok.Max(r => r.PeakKiB) / 1024:N0}) | {cpu:F1} | {(cell.Key.Mode == "anchor" ? "1" : (cpu / anchorCpuMedian).ToString("F1", CultureInfo.InvariantCulture))}× | {hash} |"));
            }
        }
        md.AppendLine();
        foreach (var same in runs.Where(r => r.Sha256 != "-" && r.Exit == 0).GroupBy(r => (r.Scheme, r.Rows, r.Mode)))
        {
            var builds = same.GroupBy(r => r.Build).Select(b => (b.Key, Hash: b.First().Sha256)).ToList();
            if (builds.Count < 2) continue;
            var identical = builds.Select(b => b.Hash).Distinct().Count() == 1;
            md.AppendLine(Invariant($"- {same.Key.Scheme} {same.Key.Rows:N0} {same.Key.Mode}: outputs of {string.Join(", ", builds.Select(b => b.Key))} {(identical ? "identical" : "DIFFER")}"));
        }
        Console.Write(md.ToString());
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private sealed record Run(string Build, string Scheme, int Rows, string Mode, double Seconds, double PeakKiB, double User, double System, int Exit, string Sha256)
    {
        public static Run Parse(string line)
        {
            var f = line.Split('\t');
            static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
            return new Run(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), f[3], D(f[5]), D(f[6]), D(f[7]), D(f[8]),
                int.Parse(f[9], CultureInfo.InvariantCulture), f[10]);
        }
    }
}
