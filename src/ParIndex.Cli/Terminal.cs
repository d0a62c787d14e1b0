using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using Spectre.Console;

namespace ParIndex.Cli;

/// <summary>
/// What the command does differently when standard output is a terminal: ranking tables drawn
/// with Spectre.Console, and a progress bar with rows per second while a large data file is read
/// and scored. <see cref="Current"/> is null when output is redirected, and always in tests
/// (they call <see cref="Cli.Run(string[], TextWriter, TextWriter)"/>), so output is then plain text.
/// </summary>
public static class Terminal
{
    /// <summary>
    /// The console, held as an object: a field, a cast or a call typed with Spectre.Console in a
    /// method a redirected run executes would load that assembly for nothing. Methods that touch
    /// its types run only when <see cref="HasConsole"/> (and are kept from being inlined).
    /// </summary>
    private static readonly AsyncLocal<object?> CurrentConsole = new();

    /// <summary>Data files at least this large (bytes) get a progress bar on an interactive terminal.</summary>
    public const long ProgressThreshold = 512 * 1024;

    /// <summary>The console of the running command when standard output is a terminal, else null.</summary>
    public static IAnsiConsole? Current
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        get => (IAnsiConsole?)CurrentConsole.Value;
        internal set => CurrentConsole.Value = value;
    }

    /// <summary>True when the running command has a console (<see cref="Current"/> is not null).</summary>
    internal static bool HasConsole => CurrentConsole.Value is not null;

    /// <summary>Sets the console of the running command (an <see cref="IAnsiConsole"/> or null) and returns the one it replaces.</summary>
    internal static object? Exchange(object? console)
    {
        var outer = CurrentConsole.Value;
        CurrentConsole.Value = console;
        return outer;
    }

    private static readonly AsyncLocal<bool> OutputIsTerminalValue = new();

    /// <summary>
    /// True when standard output of the running command is a terminal: then even CSV and JSON
    /// written there go through <see cref="TerminalSafeWriter"/>. When it is redirected to a file
    /// or a pipe, those formats are written exactly.
    /// </summary>
    public static bool OutputIsTerminal
    {
        get => OutputIsTerminalValue.Value;
        internal set => OutputIsTerminalValue.Value = value;
    }

    /// <summary>The console for this process when standard output is a terminal; null when it is redirected.</summary>
    public static IAnsiConsole? Detect() => (IAnsiConsole?)DetectConsole();

    /// <summary>
    /// <see cref="Detect"/> typed as object, for the process's entry point: the JIT loads the
    /// types in the signature of every method a method calls, so Main names no Spectre.Console type.
    /// </summary>
    internal static object? DetectConsole()
    {
        if (Console.IsOutputRedirected) return null;
        if (Environment.GetEnvironmentVariable("TERM") is "dumb") return null;
        return CreateConsole();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateConsole() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    /// <summary>Reads a CSV, JSON or .xlsx data file (by its extension), with a progress bar when the terminal is interactive and the file large.</summary>
    internal static AgencyBatch ReadData(CompiledRuleSet rules, string path, DataReadOptions options) =>
        HasConsole && IsLarge(path) ? ReadWithProgress(rules, path, options) : ReadPlain(rules, path, options);

    private static AgencyBatch ReadPlain(CompiledRuleSet rules, string path, DataReadOptions options) =>
        XlsxAgencyReader.IsWorkbookPath(path) ? XlsxAgencyReader.ReadFile(rules, path, options)
        : path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonAgencyReader.ReadFile(rules, path, options)
        : CsvAgencyReader.ReadFile(rules, path, options);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AgencyBatch ReadWithProgress(CompiledRuleSet rules, string path, DataReadOptions options)
    {
        // A workbook is a zip read from its end: no byte progress to show.
        if (XlsxAgencyReader.IsWorkbookPath(path)) return ReadPlain(rules, path, options);
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (Current is not { } console || !console.Profile.Capabilities.Interactive) return ReadPlain(rules, path, options);

        AgencyBatch? batch = null;
        Progress(console).Start(context =>
        {
            var task = context.AddTask(Description(CliText.Get("ProgressReading"), 0, 0), maxValue: 100);
            var clock = Stopwatch.StartNew();
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var length = file.Length;
            var counting = new CountingStream(file, (bytes, lines) =>
            {
                task.Value = length == 0 ? 100 : 100.0 * bytes / length;
                task.Description = Description(CliText.Get("ProgressReading"), Math.Max(0, lines - 1), clock.Elapsed.TotalSeconds);
            });
            // The readers own and dispose the stream; they check the encoding as ReadFile does.
            batch = json ? JsonAgencyReader.ReadStream(rules, counting, options, path) : CsvAgencyReader.ReadStream(rules, counting, options, path);
            task.Value = 100;
            task.Description = Description(CliText.Get("ProgressReading"), batch.Count + batch.RowErrors.Count, clock.Elapsed.TotalSeconds);
        });
        return batch!;
    }

    /// <summary>Scores a batch, with a progress display when the terminal is interactive and the batch large.</summary>
    internal static ScoreReport Score(CompiledRuleSet rules, AgencyBatch batch, ScoringOptions options) =>
        HasConsole && batch.Count >= 10_000 ? ScoreWithProgress(rules, batch, options) : rules.Score(batch, options);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ScoreReport ScoreWithProgress(CompiledRuleSet rules, AgencyBatch batch, ScoringOptions options)
    {
        if (Current is not { } console || !console.Profile.Capabilities.Interactive) return rules.Score(batch, options);
        ScoreReport? report = null;
        Progress(console).Start(context =>
        {
            var task = context.AddTask(Description(CliText.Get("ProgressScoring"), batch.Count, 0), maxValue: batch.Count);
            task.IsIndeterminate = true;
            var clock = Stopwatch.StartNew();
            report = rules.Score(batch, options);
            task.IsIndeterminate = false;
            task.Value = batch.Count;
            task.Description = Description(CliText.Get("ProgressScoring"), batch.Count, clock.Elapsed.TotalSeconds);
        });
        return report!;
    }

    private static bool IsLarge(string path)
    {
        try { return new FileInfo(path).Length >= ProgressThreshold; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static Progress Progress(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    private static string Description(string what, long rows, double seconds)
    {
        // Thousands grouped as the language of the run writes them (1.234 in Vietnamese, 1,234 in English).
        var language = CultureInfo.CurrentUICulture;
        var text = CliText.Format("ProgressRows", what, rows.ToString("N0", language));
        if (seconds > 0) text += CliText.Format("ProgressRate", (rows / seconds).ToString("N0", language));
        return Markup.Escape(text);
    }

    /// <summary>A read-only stream that reports bytes and line breaks read so far.</summary>
    private sealed class CountingStream(Stream inner, Action<long, long> progress) : Stream
    {
        private long _bytes;
        private long _lines;
        private long _lastReport;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => _bytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _bytes += read;
            _lines += buffer[..read].Count((byte)'\n');
            if (_bytes - _lastReport >= 256 * 1024 || read == 0)
            {
                _lastReport = _bytes;
                progress(_bytes, _lines);
            }
            return read;
        }
    }
}
