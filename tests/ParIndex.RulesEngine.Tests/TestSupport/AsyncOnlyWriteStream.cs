namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// A write-only stream whose synchronous Write and Flush throw, as ASP.NET's response body does
/// when synchronous I/O is not allowed; it keeps every byte written with WriteAsync and counts the calls.
/// </summary>
internal sealed class AsyncOnlyWriteStream : Stream
{
    private readonly MemoryStream _written = new();

    public int WriteAsyncCalls { get; private set; }

    public int LargestWrite { get; private set; }

    public bool FlushedAsync { get; private set; }

    /// <summary>Called after each asynchronous write with the number of writes so far.</summary>
    public Action<int>? OnWrite { get; init; }

    public byte[] Bytes => _written.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        _written.Write(buffer.Span);
        WriteAsyncCalls++;
        LargestWrite = Math.Max(LargestWrite, buffer.Length);
        OnWrite?.Invoke(WriteAsyncCalls);
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        FlushedAsync = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
