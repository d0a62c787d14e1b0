using System.Text.Json.Nodes;
using ParIndex.RulesEngine.Results.Rounds;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// Writes a what-if run as JSON: <c>overrides</c> (input, value, agencyId or null for every
/// agency) and <c>agencies</c>: every agency concerned with <c>inputsChanged</c>, <c>before</c>
/// and <c>after</c> (group, total, percent, rank, overall rank, classification), the differences,
/// and the criteria whose points changed.
/// </summary>
public static class WhatIfJsonWriter
{
    /// <summary>Writes the run as indented JSON.</summary>
    /// <param name="result">The what-if run.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(WhatIfResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var root = new JsonObject
        {
            ["ruleSet"] = ComparisonJson.RuleSet(result.After),
            ["overrides"] = new JsonArray(result.Overrides.Select(o => (JsonNode)new JsonObject { ["input"] = o.Input, ["value"] = o.Value, ["agencyId"] = o.AgencyId }).ToArray()),
            ["agencies"] = new JsonArray(result.Changes.Select(a =>
            {
                var agency = ComparisonJson.Agency(a, "before", "after");
                agency["inputsChanged"] = result.IsChanged(a.AgencyId);
                agency["criteria"] = new JsonArray(a.ChangedLeaves.Select(c => (JsonNode)ComparisonJson.Criterion(c, "before", "after")).ToArray());
                return (JsonNode)agency;
            }).ToArray()),
        };
        output.WriteLine(root.ToJsonString(ComparisonJson.Indented));
    }
}
