using System.Globalization;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Writes the appraisal as CSV, one row per agency: which rounds it is scored in
/// (<c>rounds</c>: both, self, appraised), id, name, group; self-assessed and appraised total,
/// percent, rank and overall rank with the differences (appraised − self); then for every
/// criterion <c>&lt;code&gt;:self</c>, <c>&lt;code&gt;:appraised</c> and <c>&lt;code&gt;:diff</c>;
/// last the appraiser's notes (<c>notes</c>: "input: text; …"). A round the agency is missing
/// from has empty cells. Invariant culture, RFC 4180 quoting; text cells escaped against
/// formula injection as <see cref="CsvResultWriter"/> does, unless turned off.
/// </summary>
public static class AppraisalCsvWriter
{
    /// <summary>Writes the comparison as CSV.</summary>
    /// <param name="rounds">The two rounds compared.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">Formula escaping on or off; on when null.</param>
    public static void Write(AppraisalRounds rounds, TextWriter output, CsvResultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var textCell = ComparisonJson.CsvText(options);
        var criteria = rounds.Appraised.Criteria;
        var header = new List<string> { "rounds", "agencyId", "agencyName", "group", "selfTotal", "appraisedTotal", "totalDiff", "selfPercent", "appraisedPercent", "percentDiff",
            "selfRank", "appraisedRank", "selfOverallRank", "appraisedOverallRank" };
        header.AddRange(criteria.SelectMany(c => new[] { c.Code + ":self", c.Code + ":appraised", c.Code + ":diff" }));
        header.Add("notes");
        Line(output, header.Select(textCell));

        foreach (var a in rounds.Agencies)
        {
            var cells = new List<string> { "both", textCell(a.AgencyId), textCell(a.Name ?? ""), textCell(a.Second.Group),
                Format.Number(a.First.Total), Format.Number(a.Second.Total), Format.Number(a.TotalDifference),
                Format.Number(a.First.Percent), Format.Number(a.Second.Percent), Format.Number(a.PercentDifference),
                Int(a.First.Rank), Int(a.Second.Rank), Int(a.First.OverallRank), Int(a.Second.OverallRank) };
            foreach (var c in a.Criteria)
                cells.AddRange([Points(c.FirstPoints, c.FirstApplicable), Points(c.SecondPoints, c.SecondApplicable), Format.Number(c.Difference)]);
            cells.Add(textCell(AppraisalNoteText.Join(rounds.Notes.Of(a.AgencyId))));
            Line(output, cells);
        }
        foreach (var (agencies, self) in new[] { (rounds.SelfOnly, true), (rounds.AppraisedOnly, false) })
            foreach (var u in agencies)
            {
                var s = u.Score;
                var cells = new List<string> { self ? "self" : "appraised", textCell(u.AgencyId), textCell(u.Name ?? ""), textCell(s.Group) };
                cells.AddRange(self
                    ? [Format.Number(s.Total), "", "", Format.Number(s.Percent), "", "", Int(s.Rank), "", Int(s.OverallRank), ""]
                    : ["", Format.Number(s.Total), "", "", Format.Number(s.Percent), "", "", Int(s.Rank), "", Int(s.OverallRank)]);
                foreach (var c in s.Criteria)
                {
                    var points = Points(c.Points, c.IsApplicable);
                    cells.AddRange(self ? [points, "", ""] : ["", points, ""]);
                }
                cells.Add(textCell(AppraisalNoteText.Join(rounds.Notes.Of(u.AgencyId))));
                Line(output, cells);
            }
    }

    private static void Line(TextWriter output, IEnumerable<string> cells) => output.WriteLine(string.Join(",", cells.Select(CsvResultWriter.Quote)));

    private static string Points(double points, bool applicable) => applicable ? Format.Number(points) : "n/a";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
