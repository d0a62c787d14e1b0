using ParIndex.RulesEngine.Kernel;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// The kernel frames of chunks a streaming run has finished with, kept to carry later chunks of
/// the same row count (every chunk but the last) instead of allocating new columns for each:
/// a chunk's frame is up to tens of megabytes, and allocating one per chunk and pass made the
/// collector run hundreds of times in a run of 500,000 agencies. The writing pass returns frames
/// from the sink's thread and takes them on the scoring thread, so access is locked. At most
/// <see cref="Kept"/> frames of each level wait, as many as a pass has alive at once.
/// </summary>
internal sealed class FinishedFrames
{
    /// <summary>Frames kept per level of detail: the one scored, the one waiting, the one written.</summary>
    private const int Kept = 3;

    private readonly Stack<KernelFrame> _totals = new();
    private readonly Stack<KernelFrame> _detailed = new();

    /// <summary>A finished frame of exactly <paramref name="rows"/> rows at this level of detail, or null.</summary>
    public KernelFrame? Take(int rows, bool detail)
    {
        var frames = Of(detail);
        lock (frames)
            return frames.TryPeek(out var frame) && frame.Rows == rows ? frames.Pop() : null;
    }

    /// <summary>Keeps <paramref name="frame"/>, which nothing reads any more, for a later chunk.</summary>
    public void Return(KernelFrame frame, bool detail)
    {
        var frames = Of(detail);
        lock (frames)
            if (frames.Count < Kept) frames.Push(frame);
    }

    /// <summary>Lets the frames of a level go, once no later pass scores at it.</summary>
    public void Forget(bool detail)
    {
        var frames = Of(detail);
        lock (frames) frames.Clear();
    }

    private Stack<KernelFrame> Of(bool detail) => detail ? _detailed : _totals;
}
