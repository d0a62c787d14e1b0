using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>
/// The agency's total if some leaf criteria were at full marks and everything else stayed as
/// scored. It starts from the points the scoring recorded and redoes only what a recovery
/// changes, the parents' sums, exactly as the kernel does (sum of regular and bonus children
/// minus penalties, clamped to the parent's applicable max and rounded to the scheme's
/// precision). With nothing recovered it must give the recorded total; the planner checks that.
/// </summary>
internal sealed class RecoverySimulator
{
    private readonly IReadOnlyList<CriterionInfo> _criteria;
    private readonly IReadOnlyList<CriterionScore> _scores;
    private readonly List<int>[] _children;
    private readonly List<int> _tops = new();
    private readonly int[] _parents;
    private readonly double _rootMax;
    private readonly int _precision;

    public RecoverySimulator(IReadOnlyList<CriterionInfo> criteria, AgencyScore agency, int precision)
    {
        _criteria = criteria;
        _scores = agency.Criteria;
        _rootMax = agency.MaxPoints;
        _precision = precision;
        if (agency.Criteria.Count != criteria.Count || agency.Criteria.Where((c, i) => c.Code != criteria[i].Code).Any())
            throw new ArgumentException("The agency's criteria are not those of the rule set, in the same order.", nameof(agency));
        var index = criteria.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _children = criteria.Select(_ => new List<int>()).ToArray();
        _parents = new int[criteria.Count];
        for (var i = 0; i < criteria.Count; i++)
        {
            _parents[i] = criteria[i].ParentCode is { } parent ? index[parent] : -1;
            if (_parents[i] >= 0) _children[_parents[i]].Add(i);
            else _tops.Add(i);
        }
    }

    /// <summary>
    /// The most criterion <paramref name="index"/> can add to the total, whatever else is
    /// recovered: its own recoverable points, and no more than the room left under the max of
    /// each parent above it and of the total (points only rise as more is recovered).
    /// </summary>
    public double Bound(int index)
    {
        var score = _scores[index];
        var bound = score.MaxPoints - score.Points;
        for (var parent = _parents[index]; parent >= 0; parent = _parents[parent])
            bound = Math.Min(bound, _scores[parent].MaxPoints - _scores[parent].Points);
        return Math.Max(0, Math.Min(bound, _rootMax - TotalWith(new HashSet<int>())));
    }

    /// <summary>The total with the criteria at the given indices (into the criteria list) at their applicable max.</summary>
    public double TotalWith(IReadOnlySet<int> recovered) => Sum(_tops, _rootMax, recovered);

    private double Points(int i, IReadOnlySet<int> recovered)
    {
        var score = _scores[i];
        if (!score.IsApplicable) return 0;
        if (_criteria[i].IsLeaf) return recovered.Contains(i) ? score.MaxPoints : score.Points;
        return Sum(_children[i], score.MaxPoints, recovered);
    }

    private double Sum(List<int> children, double applicableMax, IReadOnlySet<int> recovered)
    {
        var sum = 0d;
        foreach (var child in children)
            sum += _criteria[child].Kind == CriterionKind.Penalty ? -Points(child, recovered) : Points(child, recovered);
        return FormulaFunctions.ScorePoints(sum, applicableMax, _precision);
    }
}
