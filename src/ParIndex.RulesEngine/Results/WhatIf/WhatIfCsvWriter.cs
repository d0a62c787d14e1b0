using System.Globalization;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// Writes a what-if run as CSV, one row per agency concerned (<see cref="WhatIfResult.Changes"/>):
/// id, name, group, whether its inputs were changed, total, percent, rank and overall rank before
/// and after with the differences, and <c>criteria</c>: "code before→after; …" for the criteria
/// whose points changed. Invariant culture, RFC 4180 quoting, text cells escaped against formula
/// injection unless turned off.
/// </summary>
public static class WhatIfCsvWriter
{
    /// <summary>Writes the run as CSV.</summary>
    /// <param name="result">The what-if run.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">Formula escaping on or off; on when null.</param>
    public static void Write(WhatIfResult result, TextWriter output, CsvResultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var textCell = ComparisonJson.CsvText(options);
        string[] header = ["agencyId", "agencyName", "group", "inputsChanged", "totalBefore", "totalAfter", "totalDiff", "percentBefore", "percentAfter", "percentDiff",
            "rankBefore", "rankAfter", "overallRankBefore", "overallRankAfter", "criteria"];
        output.WriteLine(string.Join(",", header));
        foreach (var a in result.Changes)
        {
            var criteria = string.Join("; ", a.ChangedLeaves.Select(c => $"{c.Code} {Format.Number(c.FirstPoints)}→{Format.Number(c.SecondPoints)}"));
            string[] cells = [textCell(a.AgencyId), textCell(a.Name ?? ""), textCell(a.Second.Group), result.IsChanged(a.AgencyId) ? "true" : "false",
                Format.Number(a.First.Total), Format.Number(a.Second.Total), Format.Number(a.TotalDifference),
                Format.Number(a.First.Percent), Format.Number(a.Second.Percent), Format.Number(a.PercentDifference),
                Int(a.First.Rank), Int(a.Second.Rank), Int(a.First.OverallRank), Int(a.Second.OverallRank), textCell(criteria)];
            output.WriteLine(string.Join(",", cells.Select(CsvResultWriter.Quote)));
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
