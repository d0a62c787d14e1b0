using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

public sealed partial class ScoreReport
{
    /// <summary>
    /// The inputs a criterion reads for one agency, directly or through the variables it reads,
    /// in the order explanations list them: the inputs an appraiser's note on a cut can be about.
    /// </summary>
    internal IReadOnlyList<string> InputsRead(string agencyId, string code) =>
        ValuesRead(NodeOf(code), RowOf(agencyId)).Where(v => v.Kind == "input").Select(v => v.Name).ToList();

    /// <summary>The data file the batch came from, if any.</summary>
    internal string? DataSource => _batch.Source;

    /// <summary>Why an agency is not among the scored ones: its rejected row's code and message, or null when the data had no row for it.</summary>
    internal string? RejectionOf(string agencyId)
    {
        var id = AgencyIdRegistry.Normalize(agencyId) ?? agencyId;
        if (RowErrors.FirstOrDefault(e => e.AgencyId == id) is { } error) return $"{error.Code}: {error.Message}";
        return RowErrorLog.Rejected.FirstOrDefault(r => r.AgencyId == id) is { AgencyId: not null } lost ? EngineText.Format("RoundRowWasRejected", lost.Code, lost.Row) : null;
    }
}
