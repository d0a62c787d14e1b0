using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;

namespace ParIndex.RulesEngine.Benchmarks.EndToEnd;

/// <summary>
/// Config of <see cref="Benchmarks.EndToEndBenchmarks"/>: each operation takes seconds, so one
/// process per case, one warm-up and three measured operations without pilot or overhead stages
/// (<see cref="RunStrategy.Monitoring"/>); memory diagnoser; agencies/s, MB/s and B/agency columns.
/// <c>PARINDEX_E2E_ITERATIONS</c> overrides the three operations (a quiet final run may want more);
/// <c>PARINDEX_E2E_SKIP</c> leaves out the cases whose <c>scheme:method:agencies</c> (e.g.
/// <c>scheme-150:score:1000000</c>, method in lower case) matches one of its glob patterns, for the
/// cases a build cannot run on the machine (the in-memory path of the old reader needs about
/// 20 KB per agency of the 150-leaf scheme).
/// </summary>
public sealed class EndToEndConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public EndToEndConfig()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PARINDEX_E2E_ITERATIONS"), out var n) && n > 0 ? n : 3;
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(iterations).WithId("e2e"));
        // BenchmarkDotNet's default of 2 minutes for building the case's project is passed on a loaded machine.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(ThroughputColumn.Agencies, ThroughputColumn.Megabytes, PerAgencyColumn.Allocated);
        var skip = (Environment.GetEnvironmentVariable("PARINDEX_E2E_SKIP") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pattern => new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant))
            .ToList();
        if (skip.Count > 0) AddFilter(new SimpleFilter(benchmark => !skip.Any(pattern => pattern.IsMatch(Key(benchmark)))));
    }

    /// <summary><c>scheme:method:agencies</c> of a case, as <c>PARINDEX_E2E_SKIP</c> matches it.</summary>
    private static string Key(BenchmarkCase benchmark) => string.Create(CultureInfo.InvariantCulture,
        $"{EndToEndData.Name((EndToEndScheme)benchmark.Parameters["Scheme"])}:{benchmark.Descriptor.WorkloadMethod.Name.ToLowerInvariant()}:{benchmark.Parameters["Rows"]}");
}

/// <summary>Agencies per second and MB (10^6 bytes) of CSV per second, from the mean time and the case's data file.</summary>
public sealed class ThroughputColumn : IColumn
{
    /// <summary>Rows / mean seconds.</summary>
    public static readonly ThroughputColumn Agencies = new(false);
    /// <summary>CSV bytes / mean seconds / 10^6.</summary>
    public static readonly ThroughputColumn Megabytes = new(true);

    private readonly bool _bytes;

    private ThroughputColumn(bool bytes) => _bytes = bytes;

    /// <inheritdoc/>
    public string Id => _bytes ? "MB/s" : "agencies/s";
    /// <inheritdoc/>
    public string ColumnName => Id;
    /// <inheritdoc/>
    public bool AlwaysShow => true;
    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc/>
    public int PriorityInCategory => _bytes ? 1 : 0;
    /// <inheritdoc/>
    public bool IsNumeric => true;
    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc/>
    public string Legend => _bytes ? "Data file bytes / mean time, in 10^6 bytes per second" : "Rows / mean time";
    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var parameters = benchmarkCase.Parameters;
        if (parameters["Rows"] is not int rows || parameters["Scheme"] is not EndToEndScheme scheme) return "-";
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics) return "NA";
        var seconds = statistics.Mean / 1e9;
        return _bytes
            ? (EndToEndData.Size(scheme, rows) / 1e6 / seconds).ToString("0.0", CultureInfo.InvariantCulture)
            : (rows / seconds).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
