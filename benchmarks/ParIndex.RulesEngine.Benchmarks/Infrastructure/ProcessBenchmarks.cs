using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ParIndex.RulesEngine.Benchmarks.Benchmarks;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>
/// Measurements that need a fresh process each time (see <see cref="ChildProcess"/>): first
/// compile of the scheme, start to first result (without cache, and from the disk cache when the
/// library has one), and end-to-end scoring of a generated 1M-row CSV with peak memory.
/// Writes process-measurements.md next to BenchmarkDotNet's results.
/// </summary>
public static class ProcessBenchmarks
{
    /// <summary>Rows of the generated CSV.</summary>
    public const int CsvRows = 1_000_000;

    /// <summary>Runs every measurement; returns the exit code.</summary>
    public static int Run(string resultsDirectory)
    {
        var work = Path.Combine(Path.GetTempPath(), "parindex-bench");
        Directory.CreateDirectory(work);
        var rules = Path.Combine(work, "benchmark-scheme-150.json");
        File.WriteAllText(rules, SchemeGenerator.Scheme.Json);
        var md = new StringBuilder();
        md.AppendLine("# Fresh-process measurements").AppendLine();
        md.AppendLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}. Each row is a new process of this benchmark executable; 'since launch' is measured from just before Process.Start (monotonic clock), so it includes process creation and runtime start.").AppendLine();

        // 1. First compile in a new process (Roslyn not yet jitted).
        var compiles = Repeat(3, () => Child("compile", rules));
        md.AppendLine("## First compile in a new process (RuleSetLoader.LoadFile, no cache)").AppendLine();
        md.AppendLine("| run | LoadFile ms | Main since launch ms |").AppendLine("|---|---:|---:|");
        for (var i = 0; i < compiles.Count; i++) md.AppendLine($"| {i + 1} | {N(compiles[i], "compileMs")} | {N(compiles[i], "mainSinceLaunchMs")} |");
        md.AppendLine($"| **median** | **{Median(compiles, "compileMs")}** | {Median(compiles, "mainSinceLaunchMs")} |").AppendLine();

        // 2. Start to first result.
        md.AppendLine("## Process start to first result (load rule file + score one agency)").AppendLine();
        md.AppendLine("| cache | run | load ms | score ms | first result since launch ms |").AppendLine("|---|---|---:|---:|---:|");
        var noCache = Repeat(3, () => Child("first-result", rules, "none"));
        AppendFirstResults(md, "none (Roslyn)", noCache);
        if (CompileCache.Available)
        {
            var cache = Path.Combine(work, "cache");
            if (Directory.Exists(cache)) Directory.Delete(cache, true);
            var prime = Child("first-result", rules, cache);
            md.AppendLine($"| disk cache, priming run | - | {N(prime, "loadMs")} | {N(prime, "scoreMs")} | {N(prime, "firstResultSinceLaunchMs")} |");
            AppendFirstResults(md, "disk cache (warm)", Repeat(5, () => Child("first-result", rules, cache)));
        }
        else
        {
            md.AppendLine().AppendLine("RuleSetLoadOptions.CacheDirectory does not exist in this build of the library: start from cache not measured.");
        }
        md.AppendLine();

        // 3. Interleaved ratios (robust to load bursts from other processes).
        md.AppendLine("## Interleaved ratios (same process, alternating rounds)").AppendLine();
        md.AppendLine("Each round times (a), the kernel and (c) one after the other on the same data (about 200K agency evaluations per sample); ratios are taken within a round, then the median over rounds. At 1M the rounds also time the kernel on 2 threads and Score(TotalsOnly) on 1 and 2 threads. Rows marked TieredCompilation=0 run with every method fully optimized from its first call.").AppendLine();
        md.AppendLine("Wall = elapsed time; CPU = this process's CPU time (user + system), which leaves out the time the machine's other processes held the cores. Thread speed-ups are wall-time ratios.").AppendLine();
        md.AppendLine("| agencies | rounds | (a) ns/agency wall / CPU | kernel ns/agency wall / CPU | (c) ns/agency wall / CPU | kernel / (a) wall / CPU | (c) / kernel wall / CPU | kernel 1→2 threads | Score 1→2 threads |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var fullOpt = new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" };
        foreach (var (rows, pairs, environment) in new (int Rows, int Pairs, Dictionary<string, string>? Environment)[]
                 { (1_000, 9, null), (100_000, 7, null), (1_000_000, 5, null), (1_000_000, 5, fullOpt) })
        {
            var r = Child(environment, "paired", rows.ToString(CultureInfo.InvariantCulture), pairs.ToString(CultureInfo.InvariantCulture));
            md.AppendLine($"| {rows:N0}{(environment is null ? "" : " (TieredCompilation=0)")} | {pairs} | {N(r, "handNsMedian")} / {N(r, "handCpuNsMedian")} | {N(r, "kernelNsMedian")} / {N(r, "kernelCpuNsMedian")} | {N(r, "interpreterNsMedian")} / {N(r, "interpreterCpuNsMedian")} | {R(r, "kernelOverHand")} / {R(r, "kernelOverHandCpu")} | {R(r, "interpreterOverKernel")} / {R(r, "interpreterOverKernelCpu")} | {R(r, "kernelSpeedup2")} | {R(r, "scoreSpeedup2")} |");
        }
        md.AppendLine();

        // 4. CSV end to end.
        var csv = Path.Combine(work, $"agencies-{CsvRows}.csv");
        var csvBytes = EnsureCsv(csv);
        var output = Path.Combine(work, "results.csv");
        md.AppendLine($"## End-to-end CSV scoring, {CsvRows:N0} agencies ({csvBytes / 1048576.0:N0} MiB CSV, {SchemeGenerator.Scheme.Inputs.Count + 1} columns)").AppendLine();
        md.AppendLine("From the CSV file to the result CSV file, in a new process; the rule set is compiled first (compile ms, not included in the throughput). MB/s = CSV bytes / (end-to-end s).").AppendLine();
        md.AppendLine("| path | run | compile ms | end-to-end s | MB/s | agencies/s | peak RSS MiB | allocated MiB |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var runs = Repeat(2, () => Child("csv-stream", rules, csv, output)).Select(r => ("StreamingScorer", r))
            .Concat(Repeat(1, () => Child("csv-batch", rules, csv, output)).Select(r => ("CsvAgencyReader + Score (in memory)", r))).ToList();
        var number = 0;
        foreach (var (label, r) in runs)
        {
            var seconds = r.GetProperty("endToEndMs").GetDouble() / 1000;
            var rows = r.GetProperty("rows").GetDouble();
            md.AppendLine($"| {label} | {++number} | {N(r, "compileMs")} | {seconds:F1} | {csvBytes / 1e6 / seconds:F1} | {rows / seconds:N0} | {N(r, "peakRssMb")} | {N(r, "allocatedMb")} |");
        }
        File.Delete(output);
        md.AppendLine();
        var path = Path.Combine(resultsDirectory, "process-measurements.md");
        File.WriteAllText(path, md.ToString());
        Console.WriteLine(md.ToString());
        Console.WriteLine($"// wrote {path}");
        return 0;
    }

    private static void AppendFirstResults(StringBuilder md, string label, List<JsonElement> runs)
    {
        for (var i = 0; i < runs.Count; i++)
            md.AppendLine($"| {label} | {i + 1} | {N(runs[i], "loadMs")} | {N(runs[i], "scoreMs")} | {N(runs[i], "firstResultSinceLaunchMs")} |");
        md.AppendLine($"| {label} | **median** | {Median(runs, "loadMs")} | {Median(runs, "scoreMs")} | **{Median(runs, "firstResultSinceLaunchMs")}** |");
    }

    private static string R(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString("0.00", CultureInfo.InvariantCulture) + "×" : "-";

    private static List<JsonElement> Repeat(int count, Func<JsonElement> run) => Enumerable.Range(0, count).Select(_ => run()).ToList();

    private static string N(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString("0.#", CultureInfo.InvariantCulture) : "-";

    private static string Median(List<JsonElement> runs, string name)
    {
        var values = runs.Select(r => r.GetProperty(name).GetDouble()).Order().ToList();
        return values[values.Count / 2].ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>Starts this executable in child mode and parses its RESULT line.</summary>
    private static JsonElement Child(params string[] args) => Child(null, args);

    /// <summary>Starts this executable in child mode with extra environment variables and parses its RESULT line.</summary>
    private static JsonElement Child(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (environment is not null)
            foreach (var (name, value) in environment) start.Environment[name] = value;
        var host = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.FileName = host;
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }
        else start.FileName = host;
        start.ArgumentList.Add("--child");
        foreach (var a in args) start.ArgumentList.Add(a);
        var launched = Stopwatch.GetTimestamp();
        start.ArgumentList.Add(launched.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = (Stopwatch.GetTimestamp() - launched) * 1000.0 / Stopwatch.Frequency;
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"Child {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        Console.WriteLine($"// child {args[0]}: {line[7..]} (process wall {wall:F0} ms)");
        return JsonDocument.Parse(line[7..]).RootElement.Clone();
    }

    /// <summary>Generates the CSV once (seeded, so it is always the same) and returns its size.</summary>
    private static long EnsureCsv(string path)
    {
        var marker = path + ".complete";
        if (File.Exists(path) && File.Exists(marker)) return new FileInfo(path).Length;
        var watch = Stopwatch.StartNew();
        var data = AgencyData.Generate(SchemeGenerator.Scheme, CsvRows);
        var bytes = data.WriteCsv(SchemeGenerator.Scheme, path);
        File.WriteAllText(marker, bytes.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"// generated {path} ({bytes / 1048576.0:N0} MiB) in {watch.Elapsed.TotalSeconds:F0} s");
        return bytes;
    }
}
