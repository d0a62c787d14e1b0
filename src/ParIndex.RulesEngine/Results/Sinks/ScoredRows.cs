using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// One block of scored rows as the sinks read them: the batch (ids, names), the filled kernel
/// frame (points, totals, ranks, classification, eligibility conditions) and which rows were
/// scored. A whole <see cref="ScoreReport"/> is one block; a streaming run hands over one per chunk.
/// </summary>
internal sealed record ScoredRows(AgencyBatch Batch, KernelFrame Frame, bool[] Scored)
{
    public int Count => Frame.Rows;
}

/// <summary>
/// What every block of one run shares: the rule set, the criteria, whether criterion columns are
/// written, and the ranking groups in order of first appearance.
/// </summary>
internal sealed record ResultLayout(BoundRuleSet Rules, IReadOnlyList<CriterionInfo> Criteria, bool Detail, IReadOnlyList<string> Groups)
{
    public Definition.RuleSetDefinition Definition => Rules.Definition;
}

/// <summary>
/// Writes results as blocks of scored rows arrive: <see cref="Begin"/> once, <see cref="Write(ScoredRows)"/>
/// per block in input order, <see cref="Complete"/> once with the run's row errors. Evaluation
/// hands results to a sink and never names a format.
/// </summary>
internal abstract class ResultSink
{
    public abstract void Begin(ResultLayout layout);

    /// <summary>Writes a whole block.</summary>
    public void Write(ScoredRows rows) => Write(rows, 0, rows.Count);

    /// <summary>Writes the rows <paramref name="start"/> to <paramref name="end"/> (exclusive) of a block; a block may be written in such slices, in order.</summary>
    public abstract void Write(ScoredRows rows, int start, int end);

    public abstract void Complete(RowErrorLog rowErrors);

    /// <summary>Writes a whole report (one block).</summary>
    public void WriteAll(ScoreReport report)
    {
        Begin(report.Layout);
        Write(report.Rows);
        Complete(report.RowErrorLog);
    }
}
