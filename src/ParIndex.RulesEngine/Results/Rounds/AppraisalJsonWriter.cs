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
    /// <summary>Writes the comparison as indented JSON.</summary>
    /// <param name="rounds">The two rounds compared.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(AppraisalRounds rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var root = new JsonObject
        {
            ["ruleSet"] = ComparisonJson.RuleSet(rounds.Appraised),
            ["agencies"] = new JsonArray(rounds.Agencies.Select(a => (JsonNode)Agency(rounds, a)).ToArray()),
            ["selfOnly"] = new JsonArray(rounds.SelfOnly.Select(u => (JsonNode)Unmatched(rounds, u)).ToArray()),
            ["appraisedOnly"] = new JsonArray(rounds.AppraisedOnly.Select(u => (JsonNode)Unmatched(rounds, u)).ToArray()),
        };
        output.WriteLine(root.ToJsonString(ComparisonJson.Indented));
    }

    private static JsonObject Agency(AppraisalRounds rounds, AgencyComparison a)
    {
        var notes = rounds.Changes(a.AgencyId).ToDictionary(c => c.Criterion.Code, c => c.Notes);
        var agency = ComparisonJson.Agency(a, "self", "appraised");
        agency["criteria"] = new JsonArray(a.Criteria.Select(c =>
        {
            var criterion = ComparisonJson.Criterion(c, "self", "appraised");
            criterion["notes"] = Notes(notes.GetValueOrDefault(c.Code) ?? []);
            return (JsonNode)criterion;
        }).ToArray());
        agency["notes"] = Notes(rounds.Notes.Of(a.AgencyId));
        return agency;
    }

    private static JsonObject Unmatched(AppraisalRounds rounds, UnmatchedAgency u) => new()
    {
        ["agencyId"] = u.AgencyId,
        ["agencyName"] = u.Name,
        ["group"] = u.Score.Group,
        ["result"] = ComparisonJson.Result(u.Score),
        ["rejectedInOtherRound"] = u.Rejection,
        ["notes"] = Notes(rounds.Notes.Of(u.AgencyId)),
    };

    private static JsonArray Notes(IEnumerable<AppraisalNote> notes) =>
        new(notes.Select(n => (JsonNode)new JsonObject { ["input"] = n.Input, ["text"] = n.Text }).ToArray());
}
