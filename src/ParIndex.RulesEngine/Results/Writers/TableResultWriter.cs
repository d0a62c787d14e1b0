using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Writes the ranking as aligned text tables, one per group, then the rejected rows.</summary>
public static class TableResultWriter
{
    /// <summary>Writes the report as text.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        new TableSink(new Utf16ResultText(output)).WriteAll(report);
    }
}
