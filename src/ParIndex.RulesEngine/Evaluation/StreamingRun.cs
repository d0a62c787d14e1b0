using System.Collections;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// One streaming run over a CSV file (see <see cref="StreamingScorer"/>). The text is read once:
/// each chunk is spilled in binary (<see cref="StreamingSpill"/>) and, without group aggregates,
/// scored for ranking at once. With aggregates the chunks' variables are accumulated first and
/// the ranking pass reads the spill, as do the exclusion pass (a rejected row must not move its
/// group's aggregates, as in <see cref="Scorer"/>) and the writing pass, which scores each chunk
/// in full, gives it the ranks from <see cref="StreamingRankKeys"/> and hands it to the sink.
/// Memory holds one chunk, the ranking keys and one bit per row.
/// </summary>
internal sealed class StreamingRun
{
    private readonly CompiledRuleSet _ruleSet;
    private readonly string? _source;
    private readonly Func<FinishedColumns<AgencyBatch>, IEnumerable<AgencyBatch>> _readChunks;
    private readonly StreamingOptions _options;
    private readonly CancellationToken _cancellation;
    private readonly ScoringOptions _scoring;
    private readonly PreviousRanks? _previous;
    private readonly GroupIndex _groups = new();
    private readonly RowErrorLog _readerErrors;
    private readonly List<Diagnostic> _diagnostics = new();
    // Finished frames by level of detail, and finished chunks, that later chunks are built on.
    private readonly FinishedColumns<KernelFrame> _totalsFrames = new(frame => frame.Rows);
    private readonly FinishedColumns<KernelFrame> _detailedFrames = new(frame => frame.Rows);
    private readonly FinishedColumns<AgencyBatch> _chunks = new(chunk => chunk.Count);
    private int _rowsRead;

    /// <summary>
    /// A run over <paramref name="readChunks"/>, the one pass over the text (called once, when the
    /// run starts, with the finished chunks it may build later chunks on); <paramref name="source"/> labels messages.
    /// </summary>
    private StreamingRun(CompiledRuleSet ruleSet, string? source, Func<FinishedColumns<AgencyBatch>, IEnumerable<AgencyBatch>> readChunks, StreamingOptions options, CancellationToken cancellation)
    {
        _ruleSet = ruleSet;
        _source = source;
        _readChunks = readChunks;
        _options = options;
        _cancellation = cancellation;
        // Each pass already keeps two threads busy (reading and scoring, then scoring and
        // writing; see ReadAhead): the kernel gets the cores left, so on two cores it runs on the
        // scoring thread alone instead of fighting the other one for a core.
        _scoring = new ScoringOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism - 1) };
        _readerErrors = new RowErrorLog(options.MaxRowErrors);
        // Once per run, not per chunk: the history's latest ranks are a dictionary of every agency.
        _previous = Scorer.PreviousOf(options.Previous, options.History);
    }

    /// <summary>A run over the CSV file <paramref name="path"/>.</summary>
    public static StreamingRun OverFile(CompiledRuleSet ruleSet, string path, StreamingOptions options, CancellationToken cancellation) =>
        new(ruleSet, path, finished => CsvAgencyReader.ReadChunks(ruleSet, path, options.ReadOptions, ChunkRows(ruleSet, options), finished), options, cancellation);

    /// <summary>A run over CSV text read synchronously from <paramref name="stream"/>, which the run disposes.</summary>
    public static StreamingRun OverStream(CompiledRuleSet ruleSet, Stream stream, string? source, StreamingOptions options, CancellationToken cancellation) =>
        new(ruleSet, source, finished => CsvChunkReader.Read(ruleSet.InputSchema, stream, source, options.ReadOptions, ChunkRows(ruleSet, options), finished), options, cancellation);

    /// <summary>The most bytes of columns one chunk may take (inputs and the scored frame); about three chunks are alive at once.</summary>
    internal const long ChunkBytes = 32L << 20;

    /// <summary>Bytes a row costs besides its columns: the id and name strings and their places, the row number.</summary>
    private const long RowOverhead = 96;

    /// <summary>
    /// Rows per chunk: <see cref="StreamingOptions.ChunkSize"/>, or fewer when a row of this rule
    /// set is so wide that a chunk would pass <see cref="ChunkBytes"/> (a scheme of a hundred and
    /// fifty criteria scored in full), but never fewer than 256.
    /// </summary>
    internal static int ChunkRows(CompiledRuleSet ruleSet, StreamingOptions options)
    {
        var most = Math.Max(1, options.ChunkSize);
        var frame = KernelFrame.OutputBytesPerRow(Scorer.ShapeOf(ruleSet.Bound, options.Detail == ScoreDetail.Full));
        var fit = ChunkBytes / (ruleSet.InputSchema.ColumnBytesPerRow + frame + RowOverhead);
        return (int)Math.Clamp(fit, Math.Min(256, most), most);
    }

    private bool Detail => _options.Detail == ScoreDetail.Full;

    public StreamingSummary Run(ResultSink sink)
    {
        using var spill = StreamingSpill.Create(_options.SpillFolder, _ruleSet.Key, _source);
        var rules = _ruleSet.Bound;
        GroupAggregator? aggregates = null;
        RankingFacts facts;
        if (rules.Aggregates.Count == 0) facts = RankingPass(TextChunks(spill), null);
        else
        {
            aggregates = new GroupAggregator(rules);
            foreach (var chunk in TextChunks(spill)) Accumulate(aggregates, chunk);
            facts = RankingPass(spill.ReadAll(_chunks), aggregates);
            if (facts.AnyFault)
            {
                // As in a batch: rows rejected by a formula fault must not move the group aggregates of the others.
                aggregates = new GroupAggregator(rules);
                var offset = 0;
                foreach (var chunk in spill.ReadAll(_chunks))
                {
                    Accumulate(aggregates, chunk, facts.Excluded(offset, chunk.Count));
                    offset += chunk.Count;
                }
                facts = RankingPass(spill.ReadAll(_chunks), aggregates);
            }
        }

        foreach (var diagnostic in _diagnostics) _options.OnDiagnostic?.Invoke(diagnostic);
        // A truncated file or a repeated column: nothing is written (see DataFileErrorException).
        if (_diagnostics.Any(d => d.IsError) && !_options.AllowFileErrors)
            throw new DataFileErrorException(_diagnostics.Where(d => d.IsError).ToList());
        // The reader's errors first, then the formula faults, as a batch lists them.
        var rowErrors = _readerErrors.Copy();
        rowErrors.Merge(facts.Faults);
        foreach (var error in rowErrors.Errors) _options.OnRowError?.Invoke(error);
        if (rowErrors.OmittedSummary(_source) is { } omitted) _options.OnDiagnostic?.Invoke(omitted);

        WritePass(spill, aggregates, facts, sink, rowErrors);
        return new StreamingSummary(_rowsRead, facts.ScoredCount, _rowsRead - facts.ScoredCount, _groups.Count) { RowErrorLog = rowErrors };
    }

    /// <summary>The one pass over the text: each chunk's reader facts recorded and the chunk spilled before it is used.</summary>
    private IEnumerable<AgencyBatch> TextChunks(StreamingSpill spill)
    {
        foreach (var chunk in _readChunks(_chunks))
        {
            _cancellation.ThrowIfCancellationRequested();
            _diagnostics.AddRange(chunk.Diagnostics);
            _readerErrors.Merge(chunk.RowErrorLog);
            _rowsRead += chunk.Count + chunk.RejectedCount;
            spill.Append(chunk);
            yield return chunk;
        }
    }

    private KernelFrame VariablesOf(AgencyBatch chunk)
    {
        var frame = Prepare(chunk, detail: false);
        Scorer.Run(_ruleSet.Kernel.VariablesFor(detail: false), frame, _scoring);
        return frame;
    }

    /// <summary>Adds a chunk's variables to the group aggregates (the chunk and its frame are finished then).</summary>
    private void Accumulate(GroupAggregator aggregates, AgencyBatch chunk, bool[]? excluded = null)
    {
        var frame = VariablesOf(chunk);
        aggregates.Add(frame, excluded);
        _totalsFrames.Return(frame);
        _chunks.Return(chunk);
    }

    /// <summary>Scores every chunk (totals only) and keeps what ranking needs: faults, which rows were scored, the percents.</summary>
    private RankingFacts RankingPass(IEnumerable<AgencyBatch> chunks, GroupAggregator? aggregates)
    {
        var facts = new RankingFacts(_options.MaxRowErrors);
        foreach (var chunk in chunks)
        {
            _cancellation.ThrowIfCancellationRequested();
            var frame = Score(chunk, aggregates, detail: false);
            var scored = Scorer.CollectFaults(_ruleSet.Bound, chunk, frame, facts.Faults);
            for (var row = 0; row < chunk.Count; row++) facts.Add(scored[row], frame.Groups[row], frame.Percent[row]);
            _totalsFrames.Return(frame);
            _chunks.Return(chunk);
        }
        return facts;
    }

    /// <summary>
    /// Scores each chunk again in full, attaches ranks, previous ranks, history columns,
    /// classification and eligibility, and hands it to the sink. The scoring runs one chunk ahead
    /// on a thread of its own (<see cref="ReadAhead"/>), so on two cores the sink formats one chunk
    /// while the next is read back and scored; the sink itself is called from this thread only, in order.
    /// </summary>
    private void WritePass(StreamingSpill spill, GroupAggregator? aggregates, RankingFacts facts, ResultSink sink, RowErrorLog rowErrors)
    {
        var ranks = facts.Keys.Build(_groups.Count);
        // Only full frames are scored from here on (with detail), unless detail is off.
        if (Detail) _totalsFrames.Clear();
        sink.Begin(new ResultLayout(_ruleSet.Bound, _ruleSet.Criteria, Detail, _groups.Names));
        var scoredChunks = ReadAhead.Of<ScoredRows>((ready, stop) =>
        {
            var offset = 0;
            foreach (var chunk in spill.ReadAll(_chunks))
            {
                stop.ThrowIfCancellationRequested();
                _cancellation.ThrowIfCancellationRequested();
                ready(ScoreForOutput(chunk, facts.ScoredSlice(offset, chunk.Count), aggregates, ranks));
                offset += chunk.Count;
            }
        });
        foreach (var rows in scoredChunks)
        {
            _cancellation.ThrowIfCancellationRequested();
            sink.Write(rows);
            // The sinks copy what they keep: the frame can carry the next chunk.
            FramesOf(Detail).Return(rows.Frame);
            _chunks.Return(rows.Batch);
        }
        sink.Complete(rowErrors);
    }

    private ScoredRows ScoreForOutput(AgencyBatch chunk, bool[] scored, GroupAggregator? aggregates, (StreamingRankTable[] Groups, StreamingRankTable Overall) ranks)
    {
        var frame = Score(chunk, aggregates, Detail);
        for (var row = 0; row < chunk.Count; row++)
        {
            frame.Rank[row] = scored[row] ? ranks.Groups[frame.Groups[row]].RankOf(frame.Percent[row]) : double.NaN;
            frame.OverallRank[row] = scored[row] ? ranks.Overall.RankOf(frame.Percent[row]) : double.NaN;
        }
        // As Scorer does for a batch: the history columns are filled after ranking, before the eligibility stage reads them.
        Scorer.ApplyPrevious(chunk, frame, scored, _previous);
        HistoryColumns.Fill(_ruleSet.Bound, chunk, frame, scored, _options.History);
        Scorer.Classify(_ruleSet.Bound, frame, scored);
        Scorer.Run(_ruleSet.Kernel.ComputeEligibility, frame, _scoring);
        return new ScoredRows(chunk, frame, scored);
    }

    private KernelFrame Prepare(AgencyBatch chunk, bool detail)
    {
        var frame = FramesOf(detail).Take(chunk.Count) is { } finished
            ? Scorer.FrameOver(finished, chunk)
            : Scorer.NewFrame(_ruleSet.Bound, chunk, detail);
        Scorer.AssignGroups(_ruleSet.Bound, chunk, frame, _groups);
        return frame;
    }

    private FinishedColumns<KernelFrame> FramesOf(bool detail) => detail ? _detailedFrames : _totalsFrames;

    private KernelFrame Score(AgencyBatch chunk, GroupAggregator? aggregates, bool detail)
    {
        var frame = Prepare(chunk, detail);
        Scorer.Run(_ruleSet.Kernel.VariablesFor(detail), frame, _scoring);
        aggregates?.StoreInto(frame, _groups.Count);
        Scorer.Run(_ruleSet.Kernel.ScoresFor(detail), frame, _scoring);
        return frame;
    }

    /// <summary>What the ranking pass recorded: formula faults, one bit per row (scored or not), the ranking keys.</summary>
    private sealed class RankingFacts(int maxRowErrors)
    {
        private readonly BitArray _scored = new(1024);
        private int _rows;

        public RowErrorLog Faults { get; } = new(maxRowErrors);
        public StreamingRankKeys Keys { get; } = new();
        public int ScoredCount { get; private set; }
        public bool AnyFault => ScoredCount < _rows;

        public void Add(bool scored, int group, double percent)
        {
            if (_rows == _scored.Length) _scored.Length *= 2;
            _scored[_rows++] = scored;
            if (!scored) return;
            ScoredCount++;
            Keys.Add(group, percent);
        }

        public bool[] ScoredSlice(int offset, int count)
        {
            var slice = new bool[count];
            for (var i = 0; i < count; i++) slice[i] = _scored[offset + i];
            return slice;
        }

        public bool[] Excluded(int offset, int count)
        {
            var slice = ScoredSlice(offset, count);
            for (var i = 0; i < count; i++) slice[i] = !slice[i];
            return slice;
        }
    }
}
