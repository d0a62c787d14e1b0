using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Sinks;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>Settings for <see cref="StreamingScorer"/>.</summary>
public sealed record StreamingOptions
{
    /// <summary>Culture for numbers in the CSV; invariant by default.</summary>
    public CultureInfo? Culture { get; init; }
    /// <summary>Allow group (thousands) separators in numbers, as <see cref="DataReadOptions.AllowThousands"/>.</summary>
    public bool AllowThousands { get; init; }
    /// <summary>Row errors kept in full for the whole run (default 1,000); the rest are counted, see <see cref="DataReadOptions.MaxRowErrors"/>.</summary>
    public int MaxRowErrors { get; init; } = 1000;
    /// <summary>Score and write even when the file has file-level errors (see <see cref="ScoringOptions.AllowFileErrors"/>); off by default.</summary>
    public bool AllowFileErrors { get; init; }
    /// <summary>
    /// The most rows per chunk (default 16,384). A rule set so wide that a chunk's columns (inputs
    /// and scored criteria) would pass 32 MiB gets fewer rows per chunk, at least 256; about three
    /// chunks are in memory at once.
    /// </summary>
    public int ChunkSize { get; init; } = 16384;
    /// <summary>Previous-period ranks, for rank change.</summary>
    public PreviousRanks? Previous { get; init; }
    /// <summary>
    /// Earlier periods' results for the history functions of eligibility conditions, as
    /// <see cref="ScoringOptions.History"/>: none by default; when <see cref="Previous"/> is not set,
    /// the latest period's ranks also give previousRank and rankChange.
    /// </summary>
    public ResultsHistory? History { get; init; }
    /// <summary>
    /// Cores the run may keep busy; defaults to the processor count. One thread reads (or
    /// formats) while another scores, so the kernel scores each chunk on this many threads less
    /// one, and at least on one.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// Called for each row error kept in full (the first <see cref="MaxRowErrors"/>), after the
    /// scoring pass and before results are written; <see cref="StreamingSummary.RowErrorLog"/> has all rejected rows.
    /// </summary>
    public Action<RowError>? OnRowError { get; init; }
    /// <summary>Called for every file-level finding (unknown or missing columns…), and for the PAR0614 count of row errors not kept in full.</summary>
    public Action<Diagnostic>? OnDiagnostic { get; init; }
    /// <summary>How the result CSV is written (formula escaping; on by default).</summary>
    public CsvResultOptions Csv { get; init; } = CsvResultOptions.Default;
    /// <summary>The results format (CSV by default); every format is what the in-memory writers give for the whole file.</summary>
    public ResultFormat Format { get; init; } = ResultFormat.Csv;
    /// <summary>
    /// Every criterion's points (the default: the criterion columns of <see cref="CsvResultWriter"/>
    /// and the <c>criteria</c> of <see cref="JsonResultWriter"/>), or totals, ranks and eligibility only.
    /// </summary>
    public ScoreDetail Detail { get; init; } = ScoreDetail.Full;
    /// <summary>
    /// Folder of the spill file, the parsed input kept in binary between the passes (about the size
    /// of the input columns: 8 bytes per number cell), and of the duplicate check's file of accepted
    /// ids once they pass 4 MiB (about 6 bytes plus the id's length per agency); the system's
    /// temporary folder when null. The files are owner-only and removed however the run ends (on
    /// Unix they have no name once open).
    /// </summary>
    public string? SpillFolder { get; init; }

    internal DataReadOptions ReadOptions => new() { Culture = Culture, AllowThousands = AllowThousands, MaxRowErrors = MaxRowErrors, SpillFolder = SpillFolder };
}

/// <summary>What a streaming run did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Scored">Agencies scored and written.</param>
/// <param name="Rejected">Rows rejected (reported through <see cref="StreamingOptions.OnRowError"/>).</param>
/// <param name="Groups">Ranking groups found.</param>
public sealed record StreamingSummary(int Rows, int Scored, int Rejected, int Groups)
{
    /// <summary>Every rejected row of the run (compactly), the first errors in full and the count of all errors.</summary>
    public RowErrorLog RowErrorLog { get; init; } = new();
}

/// <summary>
/// Scores a CSV file of any size with bounded memory and writes the results in any
/// <see cref="ResultFormat"/>, byte for byte what <see cref="CompiledRuleSet.Score"/> and the
/// writers give for the whole file (per-criterion columns included, unless
/// <see cref="StreamingOptions.Detail"/> says totals only). The text is parsed once: each chunk
/// is scored and spilled in binary to a temporary file; ranks come from compact keys (eight
/// bytes per agency, then one entry per distinct percent); the writing pass re-scores the
/// spilled chunks and writes them. Memory is bounded by <see cref="StreamingOptions.ChunkSize"/>,
/// not by the file (the table format, which needs every row of a group before its first line,
/// spills its rows too and keeps a key per row).
/// </summary>
public static class StreamingScorer
{
    /// <summary>Scores <paramref name="path"/> and writes results to <paramref name="output"/>.</summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="path">The CSV data file.</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="options">Chunk size, culture, format, previous ranks, history and callbacks.</param>
    public static StreamingSummary ScoreCsvFile(CompiledRuleSet ruleSet, string path, TextWriter output, StreamingOptions? options = null) =>
        ScoreCsvFile(ruleSet, path, output, options, CancellationToken.None);

    /// <summary>Scores <paramref name="path"/> and writes results to <paramref name="output"/>; stops between chunks when cancelled.</summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="path">The CSV data file.</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="options">Chunk size, culture, format, previous ranks, history and callbacks.</param>
    /// <param name="cancellationToken">Cancels the run (<see cref="OperationCanceledException"/>; the spill file is removed).</param>
    public static StreamingSummary ScoreCsvFile(CompiledRuleSet ruleSet, string path, TextWriter output, StreamingOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Run(ruleSet, path, new Utf16ResultText(output), options, cancellationToken);
    }

    /// <summary>Scores <paramref name="path"/> and writes the results as UTF-8 (no byte-order mark) to <paramref name="output"/>.</summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="path">The CSV data file.</param>
    /// <param name="output">Where the results go; written, not flushed or closed.</param>
    /// <param name="options">Chunk size, culture, format, previous ranks, history and callbacks.</param>
    /// <param name="cancellationToken">Cancels the run (<see cref="OperationCanceledException"/>; the spill file is removed).</param>
    public static StreamingSummary ScoreCsvFile(CompiledRuleSet ruleSet, string path, Stream output, StreamingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Run(ruleSet, path, new Utf8ResultText(output), options, cancellationToken);
    }

    /// <summary>
    /// Scores <paramref name="path"/> as <see cref="ScoreCsvFile(CompiledRuleSet, string, Stream, StreamingOptions?, CancellationToken)"/>
    /// does (one pass over the text, a spill file, memory bounded by the chunk size) and yields each
    /// scored agency, in input order, with its ranks: nothing comes before the whole file is read
    /// and ranked, then results arrive chunk by chunk as the caller takes them. The run goes on one
    /// thread-pool thread and waits when the caller has not taken the last
    /// <see cref="StreamingOptions.ChunkSize"/> results, so a slow consumer (a response being
    /// written) never makes results pile up. Rejected rows are not yielded: they reach
    /// <see cref="StreamingOptions.OnRowError"/> (called on the run's thread, before the first result),
    /// file-level findings <see cref="StreamingOptions.OnDiagnostic"/>. Stopping early (leaving
    /// <c>await foreach</c>) or cancelling stops the run and removes its spill file before the
    /// enumeration ends. <see cref="StreamingOptions.Format"/> and <see cref="StreamingOptions.Csv"/> are not used.
    /// </summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="path">The CSV data file.</param>
    /// <param name="options">Chunk size, culture, detail, previous ranks, history and callbacks.</param>
    /// <param name="cancellationToken">Cancels the run: the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="DataFileErrorException">The file has file-level errors (and <see cref="StreamingOptions.AllowFileErrors"/> is off); thrown by the first <c>MoveNextAsync</c>.</exception>
    /// <exception cref="DataFileException">The file cannot be read.</exception>
    public static IAsyncEnumerable<AgencyScore> ScoreCsvFileAsync(CompiledRuleSet ruleSet, string path, StreamingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new StreamingOptions();
        return Enumerate(stop => StreamingRun.OverFile(ruleSet, path, options, stop), options, cancellationToken);
    }

    /// <summary>
    /// Scores CSV text read from <paramref name="csv"/> as <see cref="ScoreCsvFileAsync"/> scores a
    /// file, and yields each scored agency in input order with its ranks. The stream is read with
    /// <c>ReadAsync</c> only, a few 64 KiB pieces ahead of the parser (a request body in ASP.NET
    /// refuses synchronous reads), and never held whole: the text is parsed once, chunk by chunk,
    /// into the spill file. Nothing is yielded before the whole text is read and ranked. The stream
    /// is disposed when the enumeration ends, however it ends.
    /// </summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="csv">The CSV bytes (UTF-8, the header row first).</param>
    /// <param name="source">A label for messages in place of a file name (e.g. "request").</param>
    /// <param name="options">Chunk size, culture, detail, previous ranks, history and callbacks.</param>
    /// <param name="cancellationToken">Cancels the run and the reading of the stream: the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="DataFileErrorException">The text has file-level errors (and <see cref="StreamingOptions.AllowFileErrors"/> is off); thrown by the first <c>MoveNextAsync</c>.</exception>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static async IAsyncEnumerable<AgencyScore> ScoreCsvAsync(CompiledRuleSet ruleSet, Stream csv, string? source = null, StreamingOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(csv);
        options ??= new StreamingOptions();
        try
        {
            // The run disposes the pumped stream, which stops the pump; the caller's stream is disposed here.
            await foreach (var score in Enumerate(stop => StreamingRun.OverStream(ruleSet, PumpedStream.Start(csv, stop), source, options, stop), options, cancellationToken)
                .ConfigureAwait(false))
                yield return score;
        }
        finally
        {
            await csv.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs a streaming run on a thread-pool thread and yields its results as the caller takes
    /// them, through a channel of one chunk's capacity, so a slow consumer never makes results pile up.
    /// </summary>
    private static async IAsyncEnumerable<AgencyScore> Enumerate(Func<CancellationToken, StreamingRun> start, StreamingOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var results = Channel.CreateBounded<AgencyScore>(new BoundedChannelOptions(Math.Max(1, options.ChunkSize))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() =>
        {
            try
            {
                start(stop.Token).Run(new AgencyScoreSink(results.Writer, stop.Token));
                results.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                results.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var score in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // ReadAllAsync drains what is buffered without looking at the token; a cancelled caller gets nothing more.
                cancellationToken.ThrowIfCancellationRequested();
                yield return score;
            }
        }
        finally
        {
            // The caller left early, was cancelled or the run failed: stop the run and wait for it,
            // so its spill file is gone when the enumeration is over. The run never throws.
            stop.Cancel();
            await run.ConfigureAwait(false);
        }
    }

    private static StreamingSummary Run(CompiledRuleSet ruleSet, string path, ResultText output, StreamingOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new StreamingOptions();
        var sink = ResultSinks.Create(options.Format, output, options.Csv, options.SpillFolder);
        return StreamingRun.OverFile(ruleSet, path, options, cancellationToken).Run(sink);
    }
}
