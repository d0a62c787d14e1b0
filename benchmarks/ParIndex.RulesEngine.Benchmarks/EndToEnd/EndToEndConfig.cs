using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;

namespace ParIndex.RulesEngine.Benchmarks.EndToEnd;

/// <summary>
/// Config of <see cref="Benchmarks.EndToEndBenchmarks"/>: each operation takes seconds, so one
/// process per case, one warm-up and three measured operations without pilot or overhead stages
/// (<see cref="RunStrategy.Monitoring"/>); memory diagnoser; agencies/s, MB/s and B/agency columns.
/// <c>PARINDEX_E2E_ITERATIONS</c> overrides the three operations (a quiet final run may want more).
/// </summary>
public sealed class EndToEndConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public EndToEndConfig()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PARINDEX_E2E_ITERATIONS"), out var n) && n > 0 ? n : 3;
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(iterations).WithId("e2e"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(ThroughputColumn.Agencies, ThroughputColumn.Megabytes, PerAgencyColumn.Allocated);
    }
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
