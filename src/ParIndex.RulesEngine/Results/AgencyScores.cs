using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// One agency's <see cref="AgencyScore"/> read off a filled kernel frame: the one place the
/// public result object is made, for a whole <see cref="ScoreReport"/> and for each chunk of a
/// streaming run alike.
/// </summary>
internal static class AgencyScores
{
    public static AgencyScore Of(BoundRuleSet rules, AgencyBatch batch, KernelFrame frame, int row, bool detail, EligibilityOutcomes eligibility) => new()
    {
        AgencyId = batch.AgencyIds[row],
        Name = batch.AgencyNames[row],
        Group = frame.GroupNames[row],
        Total = frame.Total[row],
        MaxPoints = frame.Max[row],
        Percent = frame.Percent[row],
        Classification = frame.Classification[row],
        Rank = (int)frame.Rank[row],
        OverallRank = (int)frame.OverallRank[row],
        PreviousRank = double.IsNaN(frame.PreviousRank[row]) ? null : (int)frame.PreviousRank[row],
        RankChange = double.IsNaN(frame.RankChange[row]) ? null : (int)frame.RankChange[row],
        Criteria = detail ? rules.Nodes.Select(n => ScoreOf(frame, n, row)).ToList() : [],
        Eligibility = eligibility.Of(frame, row),
    };

    public static CriterionScore ScoreOf(KernelFrame frame, BoundNode node, int row)
    {
        var max = frame.MaxPoints[node.Index][row];
        var applicable = !double.IsNaN(max);
        return new CriterionScore(node.Code, node.Definition.Title, node.Depth, frame.Points[node.Index][row], applicable ? max : 0, applicable);
    }
}
