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
        var language = System.Globalization.CultureInfo.CurrentUICulture;
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            _onLoadThread = true;
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Thread.CurrentThread.CurrentUICulture = language;
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = "ParIndex rule-set load",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
