using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// The result of scoring a batch: every scored agency with points, ranks, classification and
/// eligibility; every rejected row with its reason; explanations and shortfalls on demand.
/// Read-only and safe to share between threads.
/// </summary>
public sealed partial class ScoreReport
{
    private readonly BoundRuleSet _rules;
    private readonly AgencyBatch _batch;
    private readonly KernelFrame _frame;
    private readonly bool[] _scored;
    private readonly Lazy<IReadOnlyList<AgencyScore>> _agencies;
    private readonly Lazy<Dictionary<string, int>> _rowById;

    internal ScoreReport(CompiledRuleSet ruleSet, AgencyBatch batch, KernelFrame frame, bool[] scored, IReadOnlyList<string> groups, RowErrorLog rowErrors, Evaluation.ScoreDetail detail)
    {
        Detail = detail;
        _rules = ruleSet.Bound;
        _batch = batch;
        _frame = frame;
        _scored = scored;
        Criteria = ruleSet.Criteria;
        Groups = groups;
        RowErrorLog = rowErrors;
        _agencies = new Lazy<IReadOnlyList<AgencyScore>>(BuildAgencies);
        _rowById = new Lazy<Dictionary<string, int>>(() => Enumerable.Range(0, frame.Rows).ToDictionary(r => batch.AgencyIds[r], StringComparer.Ordinal));
    }

    /// <summary>Whether every criterion's points were kept, or totals only.</summary>
    public Evaluation.ScoreDetail Detail { get; }

    /// <summary>The rule set's definition.</summary>
    public RuleSetDefinition RuleSet => _rules.Definition;

    /// <summary>Every criterion in tree pre-order.</summary>
    public IReadOnlyList<CriterionInfo> Criteria { get; }

    /// <summary>Ranking groups in order of first appearance ("" when the rule set has no groups).</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Scored agencies, in input order.</summary>
    public IReadOnlyList<AgencyScore> Agencies => _agencies.Value;

    /// <summary>
    /// Rows that were not scored, with the reason (bad data, or a formula that gave no number):
    /// the first <see cref="DataReadOptions.MaxRowErrors"/> errors in full; <see cref="RowErrorLog"/>
    /// has every rejected row and the count of every error.
    /// </summary>
    public IReadOnlyList<RowError> RowErrors => RowErrorLog.Errors;

    /// <summary>Every rejected row (compactly), the errors kept in full, and counts of all errors by code and field.</summary>
    public RowErrorLog RowErrorLog { get; }

    /// <summary>File-level findings about the data (unknown or missing columns).</summary>
    public IReadOnlyList<Diagnostic> DataDiagnostics => _batch.Diagnostics;

    /// <summary>The rule set, criteria, detail and groups, as the result sinks read them.</summary>
    internal Sinks.ResultLayout Layout => new(_rules, Criteria, Detail == Evaluation.ScoreDetail.Full, Groups);

    /// <summary>Every row of the batch with its scores, as the result sinks read them.</summary>
    internal Sinks.ScoredRows Rows => new(_batch, _frame, _scored);

    /// <summary>The display title of a group (from the rule set's groupTitles, else the value itself).</summary>
    public string GroupTitle(string group) => _rules.Definition.Ranking.GroupTitles.GetValueOrDefault(group) ?? group;

    /// <summary>The result of one agency, or null when it was not scored.</summary>
    public AgencyScore? Find(string agencyId) =>
        _rowById.Value.TryGetValue(AgencyIdRegistry.Normalize(agencyId) ?? agencyId, out var row) && _scored[row] ? BuildAgency(row) : null;

    /// <summary>Agencies of one group (or all when <paramref name="group"/> is null) from best to worst.</summary>
    public IReadOnlyList<AgencyScore> Ranking(string? group = null) =>
        Agencies.Where(a => group is null || a.Group == group)
            .OrderBy(a => group is null ? a.OverallRank : a.Rank)
            .ThenBy(a => a.AgencyId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Leaf criteria where the agency lost points, most points lost first, with responsible units.</summary>
    public IReadOnlyList<Shortfall> Shortfalls(string agencyId)
    {
        RequireDetail("A shortfall report");
        var row = RowOf(agencyId);
        // Nodes are in tree order, and OrderByDescending is stable: equal losses keep tree order.
        return _rules.Nodes
            .Where(n => n.IsLeaf && n.Kind == CriterionKind.Regular && !double.IsNaN(_frame.MaxPoints[n.Index][row]))
            .Select(n => new Shortfall(n.Code, n.Definition.Title, _frame.Points[n.Index][row], _frame.MaxPoints[n.Index][row], n.Responsible))
            .Where(s => s.Lost > 0)
            .OrderByDescending(s => s.Lost)
            .ToList();
    }

    /// <summary>The points an agency lost, summed by responsible unit (a criterion with several units counts for each).</summary>
    public IReadOnlyList<UnitShortfall> ShortfallsByUnit(string agencyId) =>
        Shortfalls(agencyId)
            .SelectMany(s => (s.Responsible.Count == 0 ? ["(not assigned)"] : s.Responsible).Select(unit => (unit, s)))
            .GroupBy(p => p.unit)
            .Select(g => new UnitShortfall(g.Key, Math.Round(g.Sum(p => p.s.Lost), 6), g.Select(p => p.s).ToList()))
            .OrderByDescending(u => u.Lost)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();

    private void RequireDetail(string what)
    {
        if (Detail != Evaluation.ScoreDetail.Full)
            throw new InvalidOperationException($"{what} needs every criterion's points; score with ScoringOptions.Detail = ScoreDetail.Full.");
    }

    private int RowOf(string agencyId)
    {
        agencyId = AgencyIdRegistry.Normalize(agencyId) ?? agencyId;
        if (_rowById.Value.TryGetValue(agencyId, out var row) && _scored[row]) return row;
        var rejected = RowErrors.FirstOrDefault(e => e.AgencyId == agencyId);
        if (rejected is null && RowErrorLog.Rejected.FirstOrDefault(r => r.AgencyId == agencyId) is { AgencyId: not null } lost)
            throw new KeyNotFoundException(EngineText.Format("AgencyNotScoredLost", agencyId, lost.Row, lost.Code));
        throw new KeyNotFoundException(rejected is not null
            ? EngineText.Format("AgencyNotScored", agencyId, rejected.Message)
            : EngineText.Format("AgencyNotInData", agencyId, NameSuggester.Hint(agencyId, _batch.AgencyIds)));
    }

    private IReadOnlyList<AgencyScore> BuildAgencies()
    {
        var list = new List<AgencyScore>(_frame.Rows);
        var eligibility = new EligibilityOutcomes(_rules);
        for (var row = 0; row < _frame.Rows; row++)
            if (_scored[row]) list.Add(AgencyScores.Of(_rules, _batch, _frame, row, Detail == Evaluation.ScoreDetail.Full, eligibility));
        return list;
    }

    /// <summary>One agency on its own (a look-up may run on any thread, so it shares no outcomes).</summary>
    private AgencyScore BuildAgency(int row) => AgencyScores.Of(_rules, _batch, _frame, row, Detail == Evaluation.ScoreDetail.Full, new EligibilityOutcomes(_rules));

    private CriterionScore ScoreOf(BoundNode node, int row) => AgencyScores.ScoreOf(_frame, node, row);
}
