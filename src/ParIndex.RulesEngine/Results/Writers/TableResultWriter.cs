namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Writes the ranking as aligned text tables, one per group, then the rejected rows.</summary>
public static class TableResultWriter
{
    /// <summary>Writes the report as text.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        var precision = report.RuleSet.Precision;
        output.WriteLine(DisplayText.Escape($"{report.RuleSet.Title} ({report.RuleSet.Id} {report.RuleSet.Version})"));
        var eligibility = report.Agencies.FirstOrDefault()?.Eligibility.Select(e => e.Id).ToList() ?? [];
        foreach (var group in report.Groups)
        {
            if (report.Groups.Count > 1 || group.Length > 0) output.WriteLine($"\n== {DisplayText.Escape(report.GroupTitle(group))} ==");
            var columns = new List<(string, bool)> { ("Rank", true), ("Change", true), ("Id", false), ("Name", false), ("Points", true), ("Max", true), ("%", true), ("Class", false) };
            columns.AddRange(eligibility.Select(id => (id, false)));
            var table = new TextTable(columns.ToArray());
            foreach (var agency in report.Ranking(group))
            {
                var cells = new List<string>
                {
                    agency.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Format.Change(agency.RankChange),
                    agency.AgencyId,
                    agency.Name ?? "",
                    Format.Fixed(agency.Total, precision),
                    Format.Number(agency.MaxPoints),
                    Format.Fixed(agency.Percent, precision),
                    agency.Classification ?? "",
                };
                cells.AddRange(agency.Eligibility.Select(e => e.IsEligible ? "yes" : "no"));
                table.Add(cells.ToArray());
            }
            output.Write(table.ToString());
        }
        // The exact counts from the log: RowErrors holds only the errors kept in full.
        var log = report.RowErrorLog;
        if (log.ErrorCount > 0)
            output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"\n{log.Rejected.Count} row(s) not scored ({log.ErrorCount} problem(s)); each is listed with agency id, field and reason in ScoreReport.RowErrorLog (the CLI prints them on standard error)."));
    }
}
