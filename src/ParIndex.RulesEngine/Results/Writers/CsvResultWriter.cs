using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Writes one row per scored agency: id, name, group, totals, ranks, then every criterion's
/// points (column = code) and every eligibility outcome (column = "eligible:id").
/// Invariant culture, comma separated, RFC 4180 quoting. Text cells that a spreadsheet would run
/// as a formula are escaped unless <see cref="CsvResultOptions.EscapeFormulas"/> is off.
/// </summary>
public static class CsvResultWriter
{
    /// <summary>Writes the report as CSV.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output) => Write(report, output, CsvResultOptions.Default);

    /// <summary>Writes the report as CSV with the given settings.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">Formula escaping on or off.</param>
    public static void Write(ScoreReport report, TextWriter output, CsvResultOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        new CsvSink(new Utf16ResultText(output), options).WriteAll(report);
    }

    /// <summary>
    /// Writes the report as UTF-8 CSV to a stream with asynchronous writes only (a response body
    /// on a server allows no other), a few hundred rows at a time, so memory stays bounded by that
    /// slice. Lines end with <see cref="Environment.NewLine"/>; the bytes are those
    /// <see cref="Write(ScoreReport, TextWriter, CsvResultOptions)"/> gives through a UTF-8
    /// <see cref="StreamWriter"/>. The stream is flushed at the end and left open.
    /// </summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write; must be writable.</param>
    /// <param name="options">Separator, byte-order mark and formula escaping; <see cref="CsvResultOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the writing between two slices with <see cref="OperationCanceledException"/>; what was written stays written.</param>
    public static Task WriteAsync(ScoreReport report, Stream output, CsvResultOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = options ?? CsvResultOptions.Default;
        return AsyncSinkWriter.WriteAllAsync(report, output, text => new CsvSink(text, settings), cancellationToken);
    }

    /// <summary>RFC 4180 quoting of one cell, for writers that build their rows as text (the sinks quote in place).</summary>
    internal static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
