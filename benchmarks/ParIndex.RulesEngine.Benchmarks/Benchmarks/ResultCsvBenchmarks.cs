using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Sinks;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// The results CSV of the 150-leaf scheme with every criterion's points (about 190 cells a row),
/// written as a streaming run's writing pass writes it (UTF-8 bytes to a stream), against its
/// anchor measured in the same run: the same cells written with .NET's own shortest round-trip
/// <see cref="double.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// into a byte buffer, with nothing else (no ids, no quoting, no "n/a", no ranks). Scoring
/// happens once, in the setup, so only the writing is measured.
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(1)]
[IterationCount(5)]
public class ResultCsvBenchmarks
{
    private EngineFixture _fixture = null!;
    private ScoreReport _report = null!;

    /// <summary>Scored agencies written.</summary>
    [Params(100_000)]
    public int Rows;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = EngineFixture.Create(Rows);
        _report = _fixture.RuleSet.Score(_fixture.Batch);
        if (_report.RowErrorLog.ErrorCount != 0) throw new InvalidOperationException($"{_report.RowErrorLog.ErrorCount} generated agencies were not scored.");
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>The anchor: every number cell of the file (totals, percent, each node's points) through .NET's UTF-8 formatter.</summary>
    [Benchmark(Baseline = true)]
    public long PlainDoubleFormat()
    {
        var frame = _report.Rows.Frame;
        var points = frame.Points;
        var buffer = new byte[1 << 16];
        var used = 0;
        long written = 0;
        for (var row = 0; row < frame.Rows; row++)
        {
            if (buffer.Length - used < 64 * (points.Length + 4)) { written += used; Stream.Null.Write(buffer, 0, used); used = 0; }
            used += Cell(frame.Total[row], buffer.AsSpan(used));
            used += Cell(frame.Max[row], buffer.AsSpan(used));
            used += Cell(frame.Percent[row], buffer.AsSpan(used));
            for (var node = 0; node < points.Length; node++) used += Cell(points[node][row], buffer.AsSpan(used));
            buffer[used++] = (byte)'\n';
        }
        return written + used;
    }

    private static int Cell(double value, Span<byte> room)
    {
        value.TryFormat(room, out var length, default, CultureInfo.InvariantCulture);
        room[length] = (byte)',';
        return length + 1;
    }

    /// <summary>The engine's CSV sink, as <c>parindex score --format csv --out</c> runs it: every column, byte for byte the file.</summary>
    [Benchmark]
    public long CsvSinkUtf8()
    {
        var output = new CountingStream();
        new CsvSink(new Utf8ResultText(output), CsvResultOptions.Default).WriteAll(_report);
        return output.Length;
    }

    /// <summary>The public writer to a <see cref="TextWriter"/> (characters, then a UTF-8 encoder).</summary>
    [Benchmark]
    public long CsvResultWriterToTextWriter()
    {
        var output = new CountingStream();
        using (var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true)) CsvResultWriter.Write(_report, writer);
        return output.Length;
    }

    /// <summary>A write-only stream that keeps nothing but the count of bytes written.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
