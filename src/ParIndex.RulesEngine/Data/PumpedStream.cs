using System.Buffers;
using System.Threading.Channels;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// A read-only stream over a source that is only ever read with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>,
/// by a pump on the thread pool. The synchronous parsers (the CSV reader on Sep, the workbook
/// reader) read this stream on their own thread and wait there for the next chunk; the source
/// never sees a synchronous read, which ASP.NET refuses on a request body. At most
/// <see cref="Capacity"/> chunks of <see cref="ChunkSize"/> bytes wait in memory, so a large body
/// is never held whole. A failure of the source (an <see cref="IOException"/>, a cancellation)
/// is thrown by the next <see cref="Read(Span{byte})"/>, as the source itself would throw it.
/// Disposing stops the pump; the source is left to the caller.
/// </summary>
internal sealed class PumpedStream : ForwardOnlyReadStream
{
    private const int ChunkSize = 1 << 16;
    private const int Capacity = 4;

    private readonly Channel<(byte[] Array, int Count)> _chunks =
        Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _pump;
    private byte[]? _array;
    private int _offset;
    private int _count;
    private bool _ended;
    private bool _disposed;

    private PumpedStream(Stream source, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pump = Task.Run(() => Pump(source, _stop.Token), CancellationToken.None);
    }

    /// <summary>Starts reading <paramref name="source"/> asynchronously; cancelling <paramref name="cancellationToken"/> ends the pump with <see cref="OperationCanceledException"/>.</summary>
    public static PumpedStream Start(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new PumpedStream(source, cancellationToken);
    }

    private async Task Pump(Stream source, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var array = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var count = await source.ReadAsync(array.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    ArrayPool<byte>.Shared.Return(array);
                    break;
                }
                await _chunks.Writer.WriteAsync((array, count), cancellationToken).ConfigureAwait(false);
            }
            _chunks.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _chunks.Writer.TryComplete(ex);
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (_count == 0)
        {
            Release();
            if (_ended) return 0;
            if (_chunks.Reader.TryRead(out var chunk))
            {
                (_array, _offset, _count) = (chunk.Array, 0, chunk.Count);
                break;
            }
            // Waits on the parser's thread, never the pump's: the pump goes on filling the channel.
            if (!_chunks.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) _ended = true;
        }
        var n = Math.Min(buffer.Length, _count);
        _array.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        _count -= n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        // Disposed twice on the CSV path: by the text reader over it, then by the CSV reader.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            // The pump catches everything; waiting for it means no read of the source is under way once disposed.
            _pump.GetAwaiter().GetResult();
            Release();
            while (_chunks.Reader.TryRead(out var chunk)) ArrayPool<byte>.Shared.Return(chunk.Array);
            _stop.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Release()
    {
        if (_array is null) return;
        ArrayPool<byte>.Shared.Return(_array);
        _array = null;
    }
}
