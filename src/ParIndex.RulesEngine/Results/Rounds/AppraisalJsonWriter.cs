using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Writes the appraisal as JSON: the rule set's identity; <c>agencies</c> (scored in both rounds:
/// <c>self</c> and <c>appraised</c> total, percent, rank, overall rank and classification, the
/// differences appraised − self, every criterion's points in both rounds with the notes on the
/// inputs a changed one reads, and all notes); <c>selfOnly</c> and <c>appraisedOnly</c> (the
/// agencies scored in one round, with why the other has none).
/// </summary>
public static class AppraisalJsonWriter
{
    /// <summary>Indented, Vietnamese letters as they are (the output is a UTF-8 file, not HTML).</summary>
    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the comparison as indented JSON.</summary>
    /// <param name="rounds">The two rounds compared.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(AppraisalRounds rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var rules = rounds.Appraised.RuleSet;
        var root = new JsonObject
        {
            ["ruleSet"] = new JsonObject { ["id"] = rules.Id, ["version"] = rules.Version, ["title"] = rules.Title },
            ["agencies"] = new JsonArray(rounds.Agencies.Select(a => (JsonNode)Agency(rounds, a)).ToArray()),
            ["selfOnly"] = new JsonArray(rounds.SelfOnly.Select(u => (JsonNode)Unmatched(rounds, u)).ToArray()),
            ["appraisedOnly"] = new JsonArray(rounds.AppraisedOnly.Select(u => (JsonNode)Unmatched(rounds, u)).ToArray()),
        };
        output.WriteLine(root.ToJsonString(Indented));
    }

    private static JsonObject Agency(AppraisalRounds rounds, AgencyComparison a)
    {
        var notes = rounds.Changes(a.AgencyId).ToDictionary(c => c.Criterion.Code, c => c.Notes);
        return new JsonObject
        {
            ["agencyId"] = a.AgencyId,
            ["agencyName"] = a.Name,
            ["group"] = a.Second.Group,
            ["self"] = Round(a.First),
            ["appraised"] = Round(a.Second),
            ["totalDifference"] = a.TotalDifference,
            ["percentDifference"] = a.PercentDifference,
            ["rankChange"] = a.RankChange,
            ["overallRankChange"] = a.OverallRankChange,
            ["criteria"] = new JsonArray(a.Criteria.Select(c => (JsonNode)new JsonObject
            {
                ["code"] = c.Code,
                ["self"] = c.FirstApplicable ? c.FirstPoints : null,
                ["appraised"] = c.SecondApplicable ? c.SecondPoints : null,
                ["difference"] = c.Difference,
                ["notes"] = Notes(notes.GetValueOrDefault(c.Code) ?? []),
            }).ToArray()),
            ["notes"] = Notes(rounds.Notes.Of(a.AgencyId)),
        };
    }

    private static JsonObject Unmatched(AppraisalRounds rounds, UnmatchedAgency u) => new()
    {
        ["agencyId"] = u.AgencyId,
        ["agencyName"] = u.Name,
        ["group"] = u.Score.Group,
        ["result"] = Round(u.Score),
        ["rejectedInOtherRound"] = u.Rejection,
        ["notes"] = Notes(rounds.Notes.Of(u.AgencyId)),
    };

    /// <summary>One agency's result in one round (or before/after a what-if).</summary>
    internal static JsonObject Round(AgencyScore s) => new()
    {
        ["group"] = s.Group,
        ["total"] = s.Total,
        ["maxPoints"] = s.MaxPoints,
        ["percent"] = s.Percent,
        ["rank"] = s.Rank,
        ["overallRank"] = s.OverallRank,
        ["classification"] = s.Classification,
    };

    private static JsonArray Notes(IEnumerable<AppraisalNote> notes) =>
        new(notes.Select(n => (JsonNode)new JsonObject { ["input"] = n.Input, ["text"] = n.Text }).ToArray());
}
