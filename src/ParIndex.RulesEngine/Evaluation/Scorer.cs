using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Runs one scoring pass: kernel stage 0 (variables), group aggregates, stage 1 (criteria and
/// totals), faults to row errors, ranking, rank change, classification, stage 2 (eligibility).
/// Allocates its own frame, so concurrent passes over one rule set never share state.
/// </summary>
internal static class Scorer
{
    public static ScoreReport Score(CompiledRuleSet ruleSet, AgencyBatch batch, ScoringOptions options)
    {
        if (batch.SchemaKey != ruleSet.InputSchema.Key)
            throw new ArgumentException("The batch was built for a different rule set (its inputs differ); build it with this rule set's CreateBatch, readers or InputSchema.", nameof(batch));
        if (batch.HasFileErrors && !options.AllowFileErrors)
            throw new DataFileErrorException(batch.Diagnostics.Where(d => d.IsError).ToList());
        var rules = ruleSet.Bound;
        var kernel = ruleSet.Kernel;
        var detail = options.Detail == ScoreDetail.Full;
        var frame = NewFrame(rules, batch, detail);

        var groups = new GroupIndex();
        AssignGroups(rules, batch, frame, groups);
        Run(kernel.VariablesFor(detail), frame, options);
        var scores = kernel.ScoresFor(detail);
        GroupAggregator.Compute(rules, frame, groups.Count);
        Run(scores, frame, options);
        if (rules.Aggregates.Count > 0 && HasFaults(frame, out var faulted))
        {
            // A row that will be rejected must not move the group's best or mean for the others:
            // recompute the aggregates without it and score again (once; see docs/rule-files.md).
            GroupAggregator.Compute(rules, frame, groups.Count, faulted);
            Run(scores, frame, options);
        }

        var rowErrors = batch.RowErrorLog.Copy();
        var scored = CollectFaults(rules, batch, frame, rowErrors);
        Ranker.RankAll(frame.Percent, frame.Groups, scored, groups.Count, rules.Definition.Precision, frame.Rank, frame.OverallRank);
        ApplyPrevious(batch, frame, scored, PreviousOf(options.Previous, options.History));
        HistoryColumns.Fill(rules, batch, frame, scored, options.History);
        Classify(rules, frame, scored);
        Run(kernel.ComputeEligibility, frame, options);
        return new ScoreReport(ruleSet, batch, frame, scored, groups.Names, rowErrors, options.Detail);
    }

    internal static KernelShape ShapeOf(BoundRuleSet rules, bool storeDetail) => new(
        rules.Variables.Count(v => v.Definition.Type == Definition.ValueKind.Number),
        rules.Variables.Count(v => v.Definition.Type == Definition.ValueKind.Bool),
        rules.Aggregates.Count,
        rules.Nodes.Count,
        rules.LeafCount,
        rules.BandLeafCount,
        rules.ConditionCount,
        rules.ComparedColumnCount,
        storeDetail,
        rules.LookedUpNodes,
        rules.Areas)
    {
        HistoryPeriods = rules.HistoryPeriods,
        AveragedPeriods = rules.AveragedPeriods,
        // With detail every variable has its column; the sets are not even worked out.
        NumberVariablesKept = storeDetail ? null : KeptSlots(rules, Definition.ValueKind.Number),
        BoolVariablesKept = storeDetail ? null : KeptSlots(rules, Definition.ValueKind.Bool),
    };

    private static HashSet<int> KeptSlots(BoundRuleSet rules, Definition.ValueKind kind)
    {
        var slots = new HashSet<int>();
        foreach (var variable in rules.VariablesKeptWithoutDetail)
            if (variable.Definition.Type == kind) slots.Add(variable.Slot);
        return slots;
    }

    /// <summary>True when some row's formulas gave no number; <paramref name="faulted"/> marks them.</summary>
    internal static bool HasFaults(KernelFrame frame, out bool[] faulted)
    {
        faulted = new bool[frame.Rows];
        var any = false;
        for (var row = 0; row < frame.Rows; row++)
            any |= faulted[row] = frame.Faults[row] != 0;
        return any;
    }

    internal static KernelFrame NewFrame(BoundRuleSet rules, AgencyBatch batch, bool detail) =>
        new(batch.Count, ShapeOf(rules, detail), batch.Numbers, batch.Bools, batch.Texts, batch.Missing);

    /// <summary>A frame over <paramref name="batch"/> on the output columns of <paramref name="finished"/>, which has as many rows and the same shape.</summary>
    internal static KernelFrame FrameOver(KernelFrame finished, AgencyBatch batch) =>
        new(finished, batch.Numbers, batch.Bools, batch.Texts, batch.Missing);

    /// <summary>Gives each row its ranking group index, in order of first appearance.</summary>
    internal static void AssignGroups(BoundRuleSet rules, AgencyBatch batch, KernelFrame frame, GroupIndex groups)
    {
        var column = rules.GroupBy is null ? null : batch.Texts[rules.GroupBy.Slot];
        for (var row = 0; row < frame.Rows; row++)
        {
            var name = column?[row] ?? "";
            frame.Groups[row] = groups.IndexOf(name);
            frame.GroupNames[row] = name;
        }
    }

    /// <summary>Runs a kernel stage over all rows, in chunks on several threads for large batches.</summary>
    internal static void Run(KernelStage stage, KernelFrame frame, ScoringOptions options)
    {
        var chunk = Math.Max(1, options.ChunkSize);
        if (options.MaxDegreeOfParallelism <= 1 || frame.Rows <= chunk)
        {
            stage(frame, 0, frame.Rows);
            return;
        }
        var chunks = (frame.Rows + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            c => stage(frame, c * chunk, Math.Min(frame.Rows, (c + 1) * chunk)));
    }

    /// <summary>Rows whose formulas gave no number become row errors; the others are scored.</summary>
    internal static bool[] CollectFaults(BoundRuleSet rules, AgencyBatch batch, KernelFrame frame, RowErrorLog rowErrors)
    {
        var scored = new bool[frame.Rows];
        for (var row = 0; row < frame.Rows; row++)
        {
            var fault = frame.Faults[row];
            scored[row] = fault == 0;
            if (fault == 0) continue;
            var id = batch.AgencyIds[row];
            var where = new SourceLocation(batch.Source, null, 0, 0);
            if (fault < 0)
            {
                rowErrors.Add(new RowError(id, batch.RowNumbers[row], null, DiagnosticCodes.MissingValue,
                    DiagnosticCatalog.MissingValue.FormatSituation("NoCriterionApplies", [id]), where));
                continue;
            }
            var node = rules.Nodes[fault - 1];
            rowErrors.Add(new RowError(id, batch.RowNumbers[row], node.Code, DiagnosticCodes.FormulaType,
                Resources.EngineText.Format("RowCriterionNoNumber", id, node.Code, string.Join(", ", node.DirectNames)),
                node.Definition.Location with { File = rules.Definition.SourceFile }));
        }
        return scored;
    }

    /// <summary>The ranks previousRank and rankChange come from: the given previous ranks, else the history's latest period.</summary>
    internal static PreviousRanks? PreviousOf(PreviousRanks? previous, ResultsHistory? history) => previous ?? history?.LatestRanks();

    /// <summary>Previous rank and rank change of every scored row (NaN when unknown).</summary>
    internal static void ApplyPrevious(AgencyBatch batch, KernelFrame frame, bool[] scored, PreviousRanks? previous)
    {
        if (previous is null)
        {
            // Nobody's previous rank is known: no look-up per row.
            Array.Fill(frame.PreviousRank, double.NaN);
            Array.Fill(frame.RankChange, double.NaN);
            return;
        }
        for (var row = 0; row < frame.Rows; row++)
        {
            var before = scored[row] ? previous.Find(batch.AgencyIds[row]) : null;
            frame.PreviousRank[row] = before is null ? double.NaN : before.GroupRank;
            frame.RankChange[row] = before is null ? double.NaN : before.GroupRank - frame.Rank[row];
        }
    }

    /// <summary>The label of the highest band each scored row's percent reaches (bands are sorted from the highest minPercent).</summary>
    internal static void Classify(BoundRuleSet rules, KernelFrame frame, bool[] scored)
    {
        // The bands as two arrays, read once: no enumerator or interface call per row (and a loop,
        // not LINQ over doubles, whose generic code no ReadyToRun image holds for a warm start).
        var minimums = new double[rules.Classification.Count];
        var labels = new string[minimums.Length];
        for (var band = 0; band < minimums.Length; band++)
        {
            minimums[band] = rules.Classification[band].MinPercent;
            labels[band] = rules.Classification[band].Label;
        }
        var percent = frame.Percent;
        var classification = frame.Classification;
        for (var row = 0; row < frame.Rows; row++)
        {
            if (!scored[row]) continue;
            var value = percent[row];
            for (var band = 0; band < minimums.Length; band++)
            {
                if (value < minimums[band]) continue;
                classification[row] = labels[band];
                break;
            }
        }
    }
}
