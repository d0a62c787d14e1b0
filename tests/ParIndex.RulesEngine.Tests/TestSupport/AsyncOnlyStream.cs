using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// A non-seekable stream whose synchronous Read throws, as ASP.NET's request body does when
/// synchronous I/O is not allowed; ReadAsync gives at most <paramref name="piece"/> bytes, and fails after <paramref name="failAfter"/>.
/// </summary>
internal sealed class AsyncOnlyStream(byte[] bytes, int piece, int failAfter = int.MaxValue) : ForwardOnlyReadStream
{
    private int _position;

    public int ReadAsyncCalls { get; private set; }

    public bool Disposed { get; private set; }

    public Action<int>? OnRead { get; init; }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        ReadAsyncCalls++;
        OnRead?.Invoke(ReadAsyncCalls);
        if (_position >= failAfter) throw new IOException($"network gone at byte {_position}");
        var n = Math.Min(Math.Min(piece, buffer.Length), Math.Min(bytes.Length, failAfter) - _position);
        bytes.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Disposed = true;
        return base.DisposeAsync();
    }
}
