using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>
/// Config shared by the suite's classes: memory diagnoser, per-agency columns, and the filter
/// that runs the naive scripting baseline at 1K agencies only (it is far too slow beyond).
/// </summary>
public sealed class BatchConfig : ManualConfig
{
    /// <summary>Largest batch the naive scripting baseline runs at.</summary>
    public const int ScriptingMaxRows = 1_000;

    /// <summary>Creates the config.</summary>
    public BatchConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(PerAgencyColumn.Time, PerAgencyColumn.Allocated);
        AddFilter(new SimpleFilter(Keep));
    }

    private static bool Keep(BenchmarkCase benchmark)
    {
        if (benchmark.Descriptor.WorkloadMethod.Name != "NaiveScripting") return true;
        return PerAgencyColumn.RowsOf(benchmark) is { } rows && rows <= ScriptingMaxRows;
    }
}

/// <summary>Mean time and allocated bytes divided by the benchmark's Rows parameter.</summary>
public sealed class PerAgencyColumn : IColumn
{
    /// <summary>ns per agency.</summary>
    public static readonly PerAgencyColumn Time = new(false);
    /// <summary>Bytes allocated per agency.</summary>
    public static readonly PerAgencyColumn Allocated = new(true);

    private readonly bool _allocation;

    private PerAgencyColumn(bool allocation) => _allocation = allocation;

    /// <summary>The Rows parameter of a case, if any.</summary>
    public static int? RowsOf(BenchmarkCase benchmark) =>
        benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value as int?;

    /// <inheritdoc/>
    public string Id => _allocation ? "B/agency" : "ns/agency";
    /// <inheritdoc/>
    public string ColumnName => Id;
    /// <inheritdoc/>
    public bool AlwaysShow => true;
    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc/>
    public int PriorityInCategory => _allocation ? 1 : 0;
    /// <inheritdoc/>
    public bool IsNumeric => true;
    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc/>
    public string Legend => _allocation ? "Bytes allocated per operation divided by Rows" : "Mean time divided by Rows, in nanoseconds";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (RowsOf(benchmarkCase) is not { } rows || rows <= 0) return "-";
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "NA";
        if (!_allocation) return Format(report.ResultStatistics.Mean / rows);
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return bytes is null ? "NA" : Format((double)bytes.Value / rows);
    }

    private static string Format(double value) => value switch
    {
        0 => "0",
        < 10 => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture),
        < 1000 => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
