using System.Globalization;

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
        ArgumentNullException.ThrowIfNull(options);
        WriteHeader(report, output, options);
        WriteRows(report, output, options);
    }

    /// <summary>Writes the header line (criterion columns only when the report has full detail).</summary>
    internal static void WriteHeader(ScoreReport report, TextWriter output, CsvResultOptions options)
    {
        var header = new List<string> { "agencyId", "agencyName", "group", "total", "maxPoints", "percent", "classification", "rank", "overallRank", "previousRank", "rankChange" };
        var detail = report.Detail == Evaluation.ScoreDetail.Full;
        if (detail) header.AddRange(report.Criteria.Select(c => c.Code));
        header.AddRange(report.RuleSet.Eligibility.Select(e => "eligible:" + e.Id));
        output.WriteLine(string.Join(",", header.Select(h => Quote(Text(h, options)))));
    }

    /// <summary>Writes one line per scored agency, without header (streaming writes chunk after chunk).</summary>
    internal static void WriteRows(ScoreReport report, TextWriter output, CsvResultOptions options)
    {
        foreach (var agency in report.Agencies)
        {
            var cells = new List<string>
            {
                Text(agency.AgencyId, options), Text(agency.Name ?? "", options), Text(agency.Group, options),
                Format.Number(agency.Total), Format.Number(agency.MaxPoints), Format.Number(agency.Percent),
                Text(agency.Classification ?? "", options), Int(agency.Rank), Int(agency.OverallRank), Int(agency.PreviousRank), Int(agency.RankChange),
            };
            cells.AddRange(agency.Criteria.Select(c => c.IsApplicable ? Format.Number(c.Points) : "n/a"));
            cells.AddRange(agency.Eligibility.Select(e => e.IsEligible ? "true" : "false"));
            output.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    /// <summary>A text cell (never a number): escaped against formula injection when the option is on.</summary>
    private static string Text(string cell, CsvResultOptions options) => options.EscapeFormulas ? CsvFormulaGuard.Escape(cell) : cell;

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
