using Newtonsoft.Json;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Writes the full report as JSON: rule set identity and criteria (code, title, max), every scored agency with criteria points
/// and eligibility; the row errors kept in full (<c>rowErrors</c>, the first
/// <see cref="Data.DataReadOptions.MaxRowErrors"/>) and every rejected row in compact form
/// (<c>rejected</c>: agency id, row, line, first error code), with their exact count
/// (<c>rejectedCount</c>), so no rejected agency goes unnamed however many there are.
/// <see cref="PreviousRanksReader"/> reads it back as the previous period.
/// </summary>
public static class JsonResultWriter
{
    /// <summary>Writes the report as indented JSON.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ScoreReport report, TextWriter output)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("ruleSet");
        json.WriteStartObject();
        Property(json, "id", report.RuleSet.Id);
        Property(json, "version", report.RuleSet.Version);
        Property(json, "title", report.RuleSet.Title);
        // The criteria tree once (titles, max), so that a results file reads on its own (parindex diff).
        json.WritePropertyName("criteria");
        json.WriteStartArray();
        foreach (var criterion in report.Criteria)
        {
            json.WriteStartObject();
            Property(json, "code", criterion.Code);
            Property(json, "title", criterion.Title);
            Property(json, "max", criterion.Max);
            Property(json, "depth", criterion.Depth);
            Property(json, "parent", criterion.ParentCode);
            Property(json, "kind", criterion.Kind.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WritePropertyName("agencies");
        json.WriteStartArray();
        foreach (var agency in report.Agencies) WriteAgency(json, agency);
        json.WriteEndArray();
        json.WritePropertyName("rowErrors");
        json.WriteStartArray();
        foreach (var error in report.RowErrors)
        {
            json.WriteStartObject();
            Property(json, "agencyId", error.AgencyId);
            Property(json, "row", error.Row);
            Property(json, "field", error.Field);
            Property(json, "code", error.Code);
            Property(json, "message", error.Message);
            Property(json, "location", error.Location.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Property(json, "rejectedCount", report.RowErrorLog.Rejected.Count);
        json.WritePropertyName("rejected");
        json.WriteStartArray();
        foreach (var rejected in report.RowErrorLog.Rejected)
        {
            json.WriteStartObject();
            Property(json, "agencyId", rejected.AgencyId);
            Property(json, "row", rejected.Row);
            Property(json, "line", rejected.Line);
            Property(json, "code", rejected.Code);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAgency(JsonTextWriter json, AgencyScore agency)
    {
        json.WriteStartObject();
        Property(json, "agencyId", agency.AgencyId);
        Property(json, "name", agency.Name);
        Property(json, "group", agency.Group);
        Property(json, "total", agency.Total);
        Property(json, "maxPoints", agency.MaxPoints);
        Property(json, "percent", agency.Percent);
        Property(json, "classification", agency.Classification);
        Property(json, "rank", agency.Rank);
        Property(json, "overallRank", agency.OverallRank);
        Property(json, "previousRank", agency.PreviousRank);
        Property(json, "rankChange", agency.RankChange);
        json.WritePropertyName("criteria");
        json.WriteStartArray();
        foreach (var criterion in agency.Criteria)
        {
            json.WriteStartObject();
            Property(json, "code", criterion.Code);
            Property(json, "points", criterion.Points);
            Property(json, "maxPoints", criterion.MaxPoints);
            Property(json, "applicable", criterion.IsApplicable);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("eligibility");
        json.WriteStartArray();
        foreach (var outcome in agency.Eligibility)
        {
            json.WriteStartObject();
            Property(json, "id", outcome.Id);
            Property(json, "eligible", outcome.IsEligible);
            json.WritePropertyName("failedConditions");
            json.WriteStartArray();
            foreach (var failed in outcome.FailedConditions) json.WriteValue(failed);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Property(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
