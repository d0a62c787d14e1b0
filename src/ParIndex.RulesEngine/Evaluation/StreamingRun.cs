using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>The passes of one streaming run over a CSV file (see <see cref="StreamingScorer"/>).</summary>
internal sealed class StreamingRun
{
    private readonly CompiledRuleSet _ruleSet;
    private readonly string _path;
    private readonly StreamingOptions _options;
    private readonly ScoringOptions _scoring;
    private readonly GroupIndex _groups = new();
    private GroupAggregator? _aggregator;

    public StreamingRun(CompiledRuleSet ruleSet, string path, StreamingOptions options)
    {
        _ruleSet = ruleSet;
        _path = path;
        _options = options;
        _scoring = new ScoringOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, Detail = ScoreDetail.TotalsOnly, Previous = options.Previous };
    }

    public int GroupCount => _groups.Count;

    private IEnumerable<AgencyBatch> Chunks() =>
        CsvAgencyReader.ReadChunks(_ruleSet, _path, _options.ReadOptions, Math.Max(1, _options.ChunkSize));

    public bool UsesAggregates => _ruleSet.Bound.Aggregates.Count > 0;

    /// <summary>
    /// Pass 0, only when formulas use group aggregates: they need every row's values first.
    /// <paramref name="excluded"/> (by position in the file) leaves out rows a previous pass rejected.
    /// </summary>
    public void ComputeAggregates(IReadOnlyList<bool>? excluded = null)
    {
        if (!UsesAggregates) return;
        _aggregator = new GroupAggregator(_ruleSet.Bound);
        var offset = 0;
        foreach (var chunk in Chunks())
        {
            var frame = Prepare(chunk);
            Scorer.Run(_ruleSet.Kernel.ComputeVariables, frame, _scoring);
            _aggregator.Add(frame, excluded is null ? null : Enumerable.Range(offset, chunk.Count).Select(i => excluded[i]).ToArray());
            offset += chunk.Count;
        }
    }

    /// <summary>Pass 1: score every chunk and keep only what ranking needs (and the rejected rows).</summary>
    public StreamedTotals ScoreAndCollect()
    {
        var totals = new StreamedTotals(_options.ReadOptions.MaxRowErrors);
        foreach (var chunk in Chunks())
        {
            totals.Diagnostics.AddRange(chunk.Diagnostics);
            var frame = Score(chunk);
            // The chunk's reader errors, then its formula faults, into one capped log for the run.
            var faults = new RowErrorLog(int.MaxValue); // at most one per row of the chunk
            var scored = Scorer.CollectFaults(_ruleSet.Bound, chunk, frame, faults);
            totals.Errors.Merge(chunk.RowErrorLog);
            totals.Errors.Merge(faults);
            totals.Add(frame, scored, rejectedByReader: chunk.RejectedCount);
        }
        return totals;
    }

    /// <summary>Pass 2: score each chunk again, attach the global ranks, run eligibility, write.</summary>
    public void Write(TextWriter output, StreamedTotals totals, StreamedRanks ranks)
    {
        var offset = 0;
        Results.Sinks.CsvSink? sink = null;
        var text = new Results.Sinks.Utf16ResultText(output);
        foreach (var chunk in Chunks())
        {
            var frame = Score(chunk);
            var scored = new bool[chunk.Count];
            for (var row = 0; row < chunk.Count; row++)
            {
                var index = offset + row;
                scored[row] = totals.Scored[index];
                frame.Rank[row] = ranks.Group[index];
                frame.OverallRank[row] = ranks.Overall[index];
                var before = scored[row] ? _options.Previous?.Find(chunk.AgencyIds[row]) : null;
                frame.PreviousRank[row] = before is null ? double.NaN : before.GroupRank;
                frame.RankChange[row] = before is null ? double.NaN : before.GroupRank - frame.Rank[row];
            }
            offset += chunk.Count;
            Scorer.Classify(_ruleSet.Bound, frame, scored);
            Scorer.Run(_ruleSet.Kernel.ComputeEligibility, frame, _scoring);
            var report = new ScoreReport(_ruleSet, chunk, frame, scored, _groups.Names, new RowErrorLog(0), ScoreDetail.TotalsOnly);
            if (sink is null)
            {
                sink = new Results.Sinks.CsvSink(text, _options.Csv);
                sink.Begin(report.Layout);
            }
            sink.Write(report.Rows);
        }
        sink?.Complete(totals.Errors);
    }

    private KernelFrame Prepare(AgencyBatch chunk)
    {
        var frame = Scorer.NewFrame(_ruleSet.Bound, chunk, detail: false);
        Scorer.AssignGroups(_ruleSet.Bound, chunk, frame, _groups);
        return frame;
    }

    private KernelFrame Score(AgencyBatch chunk)
    {
        var frame = Prepare(chunk);
        Scorer.Run(_ruleSet.Kernel.ComputeVariables, frame, _scoring);
        _aggregator?.StoreInto(frame, _groups.Count);
        Scorer.Run(_ruleSet.Kernel.ComputeTotals, frame, _scoring);
        return frame;
    }
}

/// <summary>Per agency, in file order: the few numbers ranking needs.</summary>
internal sealed class StreamedTotals
{
    private readonly List<double> _percent = new();
    private readonly List<int> _group = new();

    public List<bool> Scored { get; } = new();
    public StreamedTotals(int maxRowErrors) => Errors = new RowErrorLog(maxRowErrors);

    /// <summary>Row errors of the whole run, capped like a batch's (the first ones in full, all counted).</summary>
    public RowErrorLog Errors { get; }
    public List<Diagnostics.Diagnostic> Diagnostics { get; } = new();
    public bool AnyFault { get; private set; }
    public int RowsRead { get; private set; }
    public int ScoredCount { get; private set; }
    public int RejectedCount => RowsRead - ScoredCount;

    public void Add(KernelFrame frame, bool[] scored, int rejectedByReader)
    {
        RowsRead += frame.Rows + rejectedByReader;
        for (var row = 0; row < frame.Rows; row++)
        {
            _percent.Add(frame.Percent[row]);
            _group.Add(frame.Groups[row]);
            Scored.Add(scored[row]);
            if (scored[row]) ScoredCount++;
            else AnyFault = true;
        }
    }

    /// <summary>Competition ranks in group and overall, exactly as <see cref="Scorer"/> ranks a batch.</summary>
    public StreamedRanks Rank()
    {
        var count = _percent.Count;
        var percent = _percent.ToArray();
        var group = new double[count];
        var overall = new double[count];
        Array.Fill(group, double.NaN);
        Array.Fill(overall, double.NaN);
        var byGroup = new Dictionary<int, List<int>>();
        var all = new List<int>(count);
        for (var row = 0; row < count; row++)
        {
            if (!Scored[row]) continue;
            if (!byGroup.TryGetValue(_group[row], out var rows)) byGroup[_group[row]] = rows = new List<int>();
            rows.Add(row);
            all.Add(row);
        }
        foreach (var rows in byGroup.Values) Ranker.Rank(rows, percent, group);
        Ranker.Rank(all, percent, overall);
        return new StreamedRanks(group, overall);
    }
}

/// <summary>Ranks by position in the file (NaN for rows not scored).</summary>
internal sealed record StreamedRanks(double[] Group, double[] Overall);
