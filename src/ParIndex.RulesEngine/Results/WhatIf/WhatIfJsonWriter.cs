using System.Text.Json.Nodes;
using ParIndex.RulesEngine.Results.Rounds;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// Writes a what-if run as JSON: <c>overrides</c> (input, value, agencyId or null for every
/// agency) and <c>agencies</c>: every agency concerned with <c>before</c> and <c>after</c>
/// (total, percent, rank, overall rank), the differences, and the criteria whose points changed.
/// </summary>
public static class WhatIfJsonWriter
{
    /// <summary>Writes the run as indented JSON.</summary>
    /// <param name="result">The what-if run.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(WhatIfResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rules = result.After.RuleSet;
        var root = new JsonObject
        {
            ["ruleSet"] = new JsonObject { ["id"] = rules.Id, ["version"] = rules.Version, ["title"] = rules.Title },
            ["overrides"] = new JsonArray(result.Overrides.Select(o => (JsonNode)new JsonObject { ["input"] = o.Input, ["value"] = o.Value, ["agencyId"] = o.AgencyId }).ToArray()),
            ["agencies"] = new JsonArray(result.Changes.Select(a => (JsonNode)new JsonObject
            {
                ["agencyId"] = a.AgencyId,
                ["agencyName"] = a.Name,
                ["inputsChanged"] = result.IsChanged(a.AgencyId),
                ["before"] = AppraisalJsonWriter.Round(a.First),
                ["after"] = AppraisalJsonWriter.Round(a.Second),
                ["totalDifference"] = a.TotalDifference,
                ["percentDifference"] = a.PercentDifference,
                ["rankChange"] = a.RankChange,
                ["overallRankChange"] = a.OverallRankChange,
                ["criteria"] = new JsonArray(a.ChangedLeaves.Select(c => (JsonNode)new JsonObject
                {
                    ["code"] = c.Code,
                    ["before"] = c.FirstApplicable ? c.FirstPoints : null,
                    ["after"] = c.SecondApplicable ? c.SecondPoints : null,
                    ["difference"] = c.Difference,
                }).ToArray()),
            }).ToArray()),
        };
        output.WriteLine(root.ToJsonString(AppraisalJsonWriter.Indented));
    }
}
