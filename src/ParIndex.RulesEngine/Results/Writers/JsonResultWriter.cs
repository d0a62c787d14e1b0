using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Writes the full report as JSON: rule set identity and criteria (code, title, max), every scored agency with criteria points
/// and eligibility; the row errors kept in full (<c>rowErrors</c>, the first
/// <see cref="Data.DataReadOptions.MaxRowErrors"/>) and every rejected row in compact form
/// (<c>rejected</c>: agency id, row, line, first error code), with their exact count
/// (<c>rejectedCount</c>), so no rejected agency goes unnamed however many there are.
/// <see cref="PreviousRanksReader"/> reads it back as the previous period.
/// </summary>
public static class JsonResultWriter
{
    /// <summary>Writes the report as indented JSON.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        new JsonSink(new Utf16ResultText(output)).WriteAll(report);
    }
}
