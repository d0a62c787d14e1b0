using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>The results JSON (see <see cref="JsonResultWriter"/>): rule set and criteria, agencies as they arrive, then row errors and every rejected row.</summary>
internal sealed class JsonSink(ResultText output) : ResultSink
{
    private readonly IndentedJson _json = new(output);
    private ResultLayout _layout = null!;

    public override void Begin(ResultLayout layout)
    {
        _layout = layout;
        var json = _json;
        json.StartObject();
        json.Name("ruleSet");
        json.StartObject();
        json.Property("id", layout.Definition.Id);
        json.Property("version", layout.Definition.Version);
        json.Property("title", layout.Definition.Title);
        // The criteria tree once (titles, max), so that a results file reads on its own (parindex diff).
        json.Name("criteria");
        json.StartArray();
        foreach (var criterion in layout.Criteria)
        {
            json.StartObject();
            json.Property("code", criterion.Code);
            json.Property("title", criterion.Title);
            json.NumberProperty("max", criterion.MaxPoints);
            json.IntegerProperty("depth", criterion.Depth);
            json.Property("parent", criterion.ParentCode);
            json.Property("kind", criterion.Kind.ToString().ToLowerInvariant());
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
        json.Name("agencies");
        json.StartArray();
    }

    public override void Write(ScoredRows rows, int start, int end)
    {
        for (var row = start; row < end; row++)
            if (rows.Scored[row]) WriteAgency(rows, row);
    }

    public override void Complete(RowErrorLog rowErrors)
    {
        var json = _json;
        json.EndArray();
        json.Name("rowErrors");
        json.StartArray();
        foreach (var error in rowErrors.Errors)
        {
            json.StartObject();
            json.Property("agencyId", error.AgencyId);
            json.IntegerProperty("row", error.Row);
            json.Property("field", error.Field);
            json.Property("code", error.Code);
            json.Property("message", error.Message);
            json.Property("location", error.Location.ToString());
            json.EndObject();
        }
        json.EndArray();
        json.IntegerProperty("rejectedCount", rowErrors.Rejected.Count);
        json.Name("rejected");
        json.StartArray();
        foreach (var rejected in rowErrors.Rejected)
        {
            json.StartObject();
            json.Property("agencyId", rejected.AgencyId);
            json.IntegerProperty("row", rejected.Row);
            json.IntegerProperty("line", rejected.Line);
            json.Property("code", rejected.Code);
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
        output.Flush();
    }

    private void WriteAgency(ScoredRows rows, int row)
    {
        var json = _json;
        var frame = rows.Frame;
        json.StartObject();
        json.Property("agencyId", rows.Batch.AgencyIds[row]);
        json.Property("name", rows.Batch.AgencyNames[row]);
        json.Property("group", frame.GroupNames[row]);
        json.NumberProperty("total", frame.Total[row]);
        json.NumberProperty("maxPoints", frame.Max[row]);
        json.NumberProperty("percent", frame.Percent[row]);
        json.Property("classification", frame.Classification[row]);
        json.IntegerProperty("rank", (int)frame.Rank[row]);
        json.IntegerProperty("overallRank", (int)frame.OverallRank[row]);
        json.IntegerProperty("previousRank", WholeOrNull(frame.PreviousRank[row]));
        json.IntegerProperty("rankChange", WholeOrNull(frame.RankChange[row]));
        json.Name("criteria");
        json.StartArray();
        if (_layout.Detail)
            foreach (var node in _layout.Rules.Nodes)
            {
                var max = frame.MaxPoints[node.Index][row];
                var applicable = !double.IsNaN(max);
                json.StartObject();
                json.Property("code", node.Code);
                json.NumberProperty("points", frame.Points[node.Index][row]);
                json.NumberProperty("maxPoints", applicable ? max : 0);
                json.BoolProperty("applicable", applicable);
                json.EndObject();
            }
        json.EndArray();
        json.Name("eligibility");
        json.StartArray();
        foreach (var rule in _layout.Rules.Eligibility)
        {
            json.StartObject();
            json.Property("id", rule.Definition.Id);
            json.BoolProperty("eligible", EligibilityRows.Holds(frame, rule, row));
            json.Name("failedConditions");
            json.StartArray();
            for (var c = 0; c < rule.Conditions.Count; c++)
                if (!frame.Conditions[rule.FirstConditionIndex + c][row]) json.String(rule.Definition.Conditions[c].Title);
            json.EndArray();
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
    }

    private static int? WholeOrNull(double value) => double.IsNaN(value) ? null : (int)value;
}
