using Newtonsoft.Json;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>Writes an improvement plan as indented JSON (property names as in <see cref="ImprovementPlan"/>, camel case; unknown numbers as null).</summary>
public static class PlanJsonWriter
{
    /// <summary>Writes the plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ImprovementPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        Value(json, "agencyId", plan.AgencyId);
        Value(json, "name", plan.Name);
        Value(json, "group", plan.Group);
        Value(json, "withinGroup", plan.WithinGroup);
        Value(json, "compared", plan.Compared);
        Value(json, "total", plan.Total);
        Value(json, "maxPoints", plan.MaxPoints);
        Value(json, "percent", plan.Percent);
        Value(json, "rank", plan.Rank);
        json.WritePropertyName("target");
        json.WriteStartObject();
        Value(json, "kind", plan.Target.Kind.ToString().ToLowerInvariant());
        Value(json, "value", plan.Target.Value);
        json.WriteEndObject();
        Value(json, "requiredPercent", plan.RequiredPercent);
        Value(json, "requiredTotal", plan.RequiredTotal);
        Value(json, "pointsNeeded", plan.PointsNeeded);
        Value(json, "targetRank", plan.TargetRank);
        json.WritePropertyName("criteria");
        json.WriteStartArray();
        foreach (var c in plan.Criteria)
        {
            json.WriteStartObject();
            Value(json, "code", c.Code);
            Value(json, "title", c.Title);
            Value(json, "points", c.Points);
            Value(json, "maxPoints", c.MaxPoints);
            Value(json, "recoverable", c.Recoverable);
            Value(json, "totalGain", c.TotalGain);
            json.WritePropertyName("responsible");
            json.WriteStartArray();
            foreach (var unit in c.Responsible) json.WriteValue(unit);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("recovery");
        if (plan.Recovery is not { } recovery) json.WriteNull();
        else
        {
            json.WriteStartObject();
            json.WritePropertyName("codes");
            json.WriteStartArray();
            foreach (var code in recovery.Codes) json.WriteValue(code);
            json.WriteEndArray();
            Value(json, "total", recovery.Total);
            Value(json, "percent", recovery.Percent);
            Value(json, "rank", recovery.Rank);
            Value(json, "isProvenMinimal", recovery.IsProvenMinimal);
            json.WriteEndObject();
        }
        json.WritePropertyName("targets");
        json.WriteStartArray();
        foreach (var t in plan.Targets)
        {
            json.WriteStartObject();
            Value(json, "code", t.Code);
            Value(json, "title", t.Title);
            Value(json, "targetPoints", t.TargetPoints);
            Value(json, "points", t.Points);
            Value(json, "maxPoints", t.MaxPoints);
            Value(json, "isMet", t.IsMet);
            Value(json, "missing", t.Missing);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }

    private static void Value(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        switch (value)
        {
            case double d when !double.IsFinite(d): json.WriteNull(); break;
            case double d: json.WriteValue(Math.Round(d, 6) == 0 ? 0d : Math.Round(d, 6)); break;
            default: json.WriteValue(value); break;
        }
    }
}
