using System.Globalization;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Writes one row per scored agency: id, name, group, totals, ranks, then every criterion's
/// points (column = code) and every eligibility outcome (column = "eligible:id").
/// Invariant culture, comma separated, RFC 4180 quoting.
/// </summary>
public static class CsvResultWriter
{
    /// <summary>Writes the report as CSV.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        WriteHeader(report, output);
        WriteRows(report, output);
    }

    /// <summary>Writes the header line (criterion columns only when the report has full detail).</summary>
    internal static void WriteHeader(ScoreReport report, TextWriter output)
    {
        var header = new List<string> { "agencyId", "agencyName", "group", "total", "maxPoints", "percent", "classification", "rank", "overallRank", "previousRank", "rankChange" };
        var detail = report.Detail == Evaluation.ScoreDetail.Full;
        if (detail) header.AddRange(report.Criteria.Select(c => c.Code));
        header.AddRange(report.RuleSet.Eligibility.Select(e => "eligible:" + e.Id));
        output.WriteLine(string.Join(",", header.Select(Quote)));
    }

    /// <summary>Writes one line per scored agency, without header (streaming writes chunk after chunk).</summary>
    internal static void WriteRows(ScoreReport report, TextWriter output)
    {
        foreach (var agency in report.Agencies)
        {
            var cells = new List<string>
            {
                agency.AgencyId, agency.Name ?? "", agency.Group,
                Format.Number(agency.Total), Format.Number(agency.MaxPoints), Format.Number(agency.Percent),
                agency.Classification ?? "", Int(agency.Rank), Int(agency.OverallRank), Int(agency.PreviousRank), Int(agency.RankChange),
            };
            cells.AddRange(agency.Criteria.Select(c => c.IsApplicable ? Format.Number(c.Points) : "n/a"));
            cells.AddRange(agency.Eligibility.Select(e => e.IsEligible ? "true" : "false"));
            output.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
