using System.Globalization;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Writes the appraisal as text: per group, every agency's self-assessed and appraised total,
/// percent and rank; then, per agency the appraisal changed, the criteria cut (or raised) with
/// the appraiser's notes; then the agencies scored in one round only.
/// </summary>
public static class AppraisalTableWriter
{
    /// <summary>Writes the comparison as text.</summary>
    /// <param name="rounds">The two rounds compared.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(AppraisalRounds rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var report = rounds.Appraised;
        var precision = report.RuleSet.Precision;
        var cut = rounds.CutAgencies.Count;
        var raised = rounds.Agencies.Count(a => a.TotalDifference > 0);
        output.WriteLine(DisplayText.Escape(EngineText.Format("AppraisalHeading", report.RuleSet.Title, report.RuleSet.Id, report.RuleSet.Version)));
        output.WriteLine(EngineText.Format("AppraisalSummary", rounds.Agencies.Count, cut, raised, rounds.Agencies.Count - cut - raised, rounds.SelfOnly.Count, rounds.AppraisedOnly.Count));
        foreach (var group in report.Groups)
        {
            var agencies = rounds.Agencies.Where(a => a.Second.Group == group).OrderBy(a => a.Second.Rank).ThenBy(a => a.AgencyId, StringComparer.Ordinal).ToList();
            if (agencies.Count == 0) continue;
            if (report.Groups.Count > 1 || group.Length > 0) output.WriteLine($"\n== {DisplayText.Escape(report.GroupTitle(group))} ==");
            var table = new TextTable((EngineText.Get("TableId"), false), (EngineText.Get("TableName"), false), (EngineText.Get("TableSelf"), true), (EngineText.Get("TableAppraised"), true), (EngineText.Get("TableDiff"), true),
                (EngineText.Get("TableSelfPercent"), true), (EngineText.Get("TableAppraisedPercent"), true), (EngineText.Get("TableSelfRank"), true), (EngineText.Get("TableAppraisedRank"), true), (EngineText.Get("TableChange"), true));
            foreach (var a in agencies)
                table.Add(a.AgencyId, a.Name ?? "", Format.Fixed(a.First.Total, precision), Format.Fixed(a.Second.Total, precision), Signed(a.TotalDifference, precision),
                    Format.Fixed(a.First.Percent, precision), Format.Fixed(a.Second.Percent, precision),
                    Int(a.First.Rank), Int(a.Second.Rank), Format.Change(a.RankChange));
            output.Write(table.ToString());
        }
        foreach (var agency in rounds.Agencies)
            WriteChanges(rounds, agency, output, precision);
        WriteUnmatched(EngineText.Get("AppraisalSelfOnly"), rounds.SelfOnly, output, precision);
        WriteUnmatched(EngineText.Get("AppraisedOnly"), rounds.AppraisedOnly, output, precision);
    }

    private static void WriteChanges(AppraisalRounds rounds, AgencyComparison agency, TextWriter output, int precision)
    {
        var changes = rounds.Changes(agency.AgencyId);
        var others = rounds.OtherNotes(agency.AgencyId);
        if (changes.Count == 0 && others.Count == 0) return;
        output.WriteLine();
        output.WriteLine(DisplayText.Escape(EngineText.Format("AppraisalAgencyLine", agency.AgencyId, agency.Name, Format.Fixed(agency.First.Total, precision),
            Format.Fixed(agency.Second.Total, precision), Signed(agency.TotalDifference, precision), agency.First.Rank, agency.Second.Rank)));
        if (changes.Count > 0)
        {
            var table = new TextTable((EngineText.Get("TableCode"), false), (EngineText.Get("TableCriterion"), false), (EngineText.Get("TableSelf"), true), (EngineText.Get("TableAppraised"), true), (EngineText.Get("TableDiff"), true), (EngineText.Get("TableNote"), false));
            foreach (var change in changes)
            {
                var c = change.Criterion;
                table.Add(c.Code, c.Title, Points(c.FirstPoints, c.FirstApplicable), Points(c.SecondPoints, c.SecondApplicable), Signed(c.Difference, precision), AppraisalNoteText.Join(change.Notes));
            }
            output.Write(table.ToString());
        }
        foreach (var note in others) output.WriteLine(DisplayText.Escape(EngineText.Format("AppraisalNoteOn", note.Input, note.Text)));
    }

    private static void WriteUnmatched(string title, IReadOnlyList<UnmatchedAgency> agencies, TextWriter output, int precision)
    {
        if (agencies.Count == 0) return;
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var a in agencies)
            output.WriteLine(DisplayText.Escape(EngineText.Format("AppraisalUnmatched", a.AgencyId, a.Name, Format.Fixed(a.Score.Total, precision),
                a.Rejection is { } why ? EngineText.Format("AppraisalRejectedOther", why) : EngineText.Get("AppraisalNoRowOther"))));
    }

    private static string Points(double points, bool applicable) => applicable ? Format.Number(points) : "n/a";

    /// <summary>A difference with its sign: +0.5, -2, 0.</summary>
    internal static string Signed(double value, int precision) =>
        value > 0 ? "+" + Format.Fixed(value, precision) : Format.Fixed(value, precision);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
