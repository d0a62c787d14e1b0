using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>A results format: what <see cref="CsvResultWriter"/>, <see cref="JsonResultWriter"/> or <see cref="TableResultWriter"/> write.</summary>
public enum ResultFormat
{
    /// <summary>One CSV row per scored agency (<see cref="CsvResultWriter"/>).</summary>
    Csv,
    /// <summary>The full results JSON (<see cref="JsonResultWriter"/>).</summary>
    Json,
    /// <summary>Aligned text tables, one per group (<see cref="TableResultWriter"/>).</summary>
    Table,
}

/// <summary>Picks the sink of a format.</summary>
internal static class ResultSinks
{
    /// <summary>The sink of <paramref name="format"/>; a table keeps its waiting rows in a spill file in <paramref name="spillFolder"/> when one is given.</summary>
    public static ResultSink Create(ResultFormat format, ResultText output, CsvResultOptions csv, string? spillFolder) => format switch
    {
        ResultFormat.Csv => new CsvSink(output, csv),
        ResultFormat.Json => new JsonSink(output),
        ResultFormat.Table => new TableSink(output, spillFolder ?? Path.GetTempPath()),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown results format."),
    };
}
