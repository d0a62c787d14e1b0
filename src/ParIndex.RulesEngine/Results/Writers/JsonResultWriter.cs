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

    /// <summary>
    /// Writes the report as UTF-8 JSON to a stream with asynchronous writes only (a response body
    /// on a server allows no other), a few hundred agencies at a time, so memory stays bounded by
    /// that slice (and by the compact list of rejected rows, written last). Lines end with
    /// <see cref="Environment.NewLine"/>; the bytes are those <see cref="Write"/> gives through a
    /// UTF-8 <see cref="StreamWriter"/>. The stream is flushed at the end and left open.
    /// </summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write; must be writable.</param>
    /// <param name="cancellationToken">Stops the writing between two slices with <see cref="OperationCanceledException"/>; what was written stays written.</param>
    public static Task WriteAsync(ScoreReport report, Stream output, CancellationToken cancellationToken = default) =>
        AsyncSinkWriter.WriteAllAsync(report, output, text => new JsonSink(text), cancellationToken);
}
