using System.Runtime.ExceptionServices;

namespace ParIndex.RulesEngine;

/// <summary>
/// Runs the load pipeline on a thread of its own with a large stack. JSON parsing, schema
/// validation, the binder and Roslyn's parser and compiler all recurse once per nesting level of
/// the rule file or a formula, and some of Roslyn's paths have no stack guard: on a small host
/// thread (ASP.NET on IIS gives 256 KiB) a deeply nested but otherwise legal input would end the
/// process with a stack overflow, which no catch can stop. The stack is reserved, not committed,
/// so the cost is one thread start per load. The thread runs under the invariant culture, so
/// every number in a diagnostic, and every literal the generator writes, reads the same on every
/// machine (a vi-VN host would otherwise write "1,5" in one message and "1.5" in the next). Its UI
/// culture is the caller's, so the messages are in the language the caller asked for.
/// </summary>
internal static class LoadThread
{
    /// <summary>Stack reserved for a load (64 MiB).</summary>
    public const int StackBytes = 64 * 1024 * 1024;

    [ThreadStatic]
    private static bool _onLoadThread;

    /// <summary>Runs <paramref name="work"/> on a large-stack thread (inline when already on one) and returns its result or rethrows its exception.</summary>
    public static T Run<T>(Func<T> work)
    {
        if (_onLoadThread) return work();
        T result = default!;
        Start(() => result = work(), "ParIndex rule-set load").Join();
        return result;
    }

    /// <summary>
    /// Starts <paramref name="work"/> on a new large-stack thread set up like a load thread (so a
    /// stage of a load can run beside another one) and returns the handle to wait for it.
    /// </summary>
    public static Started Start(Action work, string name)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture;
        var started = new Started();
        started.Thread = new Thread(() =>
        {
            _onLoadThread = true;
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Thread.CurrentThread.CurrentUICulture = language;
            try
            {
                work();
            }
            catch (Exception ex)
            {
                started.Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = name,
        };
        started.Thread.Start();
        return started;
    }

    /// <summary>A load thread started by <see cref="Start"/>.</summary>
    public sealed class Started
    {
        internal Thread Thread = null!;
        internal ExceptionDispatchInfo? Failure;

        /// <summary>Waits for the thread and ignores what it threw (when the caller is already failing).</summary>
        public void Wait() => Thread.Join();

        /// <summary>Waits for the thread; rethrows what it threw.</summary>
        public void Join()
        {
            Thread.Join();
            Failure?.Throw();
        }
    }
}
