using System.Text;

namespace ParIndex.Cli;

/// <summary>
/// An output file written in full or not at all. The text goes to a new temporary file in the same
/// folder (so the final rename stays on one volume); <see cref="Commit"/> flushes it to disk and
/// renames it over the target in one step. Until then the target keeps its old content: a failure,
/// an exception or an interruption (Ctrl-C, SIGTERM; see <see cref="Interrupts"/>)
/// deletes the temporary file and leaves the old file as it was.
/// </summary>
internal sealed class PendingOutput : IDisposable
{
    private static readonly object Gate = new();
    private static readonly HashSet<PendingOutput> Open = new();
    private static bool _interrupted;
    private static CancellationTokenSource _interruption = new();

    private readonly FileStream _stream;
    private bool _done;

    private PendingOutput(string target, string temporary, FileStream stream)
    {
        Target = target;
        TemporaryPath = temporary;
        _stream = stream;
        Writer = new StreamWriter(stream, new UTF8Encoding(false));
    }

    /// <summary>The file that receives the output on <see cref="Commit"/>.</summary>
    public string Target { get; }

    /// <summary>The temporary file being written (".name.random.tmp" next to the target).</summary>
    public string TemporaryPath { get; }

    /// <summary>Where the command writes its output.</summary>
    public TextWriter Writer { get; }

    /// <summary>The temporary file itself, for output written as UTF-8 bytes (nothing may be left in <see cref="Writer"/>).</summary>
    public Stream Stream => _stream;

    /// <summary>Cancelled when the process is interrupted (<see cref="AbandonAll"/>): long runs stop and clean up.</summary>
    public static CancellationToken Interruption
    {
        get { lock (Gate) return _interruption.Token; }
    }

    /// <summary>Creates the temporary file for <paramref name="target"/> (a full path checked by <see cref="OutputPath.Check"/>).</summary>
    public static PendingOutput Create(string target)
    {
        var folder = Path.GetDirectoryName(target) ?? ".";
        var name = Path.GetFileName(target);
        for (var attempt = 0; ; attempt++)
        {
            var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
            try
            {
                // CreateNew: never open a file someone placed under the temporary name.
                var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                var pending = new PendingOutput(target, temporary, stream);
                lock (Gate)
                {
                    if (_interrupted) { pending.Discard(); throw new OperationCanceledException("interrupted"); }
                    Open.Add(pending);
                }
                return pending;
            }
            catch (IOException) when (File.Exists(temporary) && attempt < 3) { }
        }
    }

    /// <summary>Flushes the output to disk and renames it over the target (keeping the old file's Unix permissions).</summary>
    public void Commit()
    {
        lock (Gate)
        {
            if (_interrupted) throw new OperationCanceledException("interrupted");
            if (_done) throw new InvalidOperationException("The output was already committed or discarded.");
            Writer.Flush();
            _stream.Flush(flushToDisk: true);
            Writer.Dispose();
            CopyUnixMode(Target, TemporaryPath);
            File.Move(TemporaryPath, Target, overwrite: true);
            _done = true;
            Open.Remove(this);
        }
    }

    /// <summary>Deletes the temporary file; the target is left as it was. Safe to call more than once.</summary>
    public void Discard()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            Open.Remove(this);
            try { Writer.Dispose(); } catch (IOException) { } catch (ObjectDisposedException) { }
            try { File.Delete(TemporaryPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Without <see cref="Commit"/>, the output is discarded.</summary>
    public void Dispose() => Discard();

    /// <summary>
    /// Deletes every temporary output file still open and refuses further commits: called when the
    /// process is interrupted, so that the old files stay and no temporary file is left behind.
    /// </summary>
    internal static void AbandonAll()
    {
        lock (Gate)
        {
            _interrupted = true;
            foreach (var pending in Open.ToList()) pending.Discard();
            _interruption.Cancel();
        }
    }

    /// <summary>For tests: lets outputs be committed again after <see cref="AbandonAll"/>.</summary>
    internal static void ResetInterruption()
    {
        lock (Gate)
        {
            _interrupted = false;
            if (_interruption.IsCancellationRequested) _interruption = new CancellationTokenSource();
        }
    }

    private static void CopyUnixMode(string from, string to)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(from)) return;
        try { File.SetUnixFileMode(to, File.GetUnixFileMode(from)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
