using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Starts Roslyn on a second core while the first one parses, validates and binds the rule file.
/// In a process that has not compiled yet, most of a compile is the runtime loading Roslyn's
/// types, reading the references' metadata and JIT-compiling Roslyn's generic code (thousands of
/// methods); the rule file's own work is the smaller part. None of that depends on the rule file,
/// so a throw-away compile of a small kernel-shaped class, started when a load misses the cache,
/// does it in parallel: the real compile then finds it done. Only the first miss of a process
/// starts one; the result is discarded and a failure is ignored, since the real compile reports
/// its own.
/// </summary>
internal static class RoslynWarmUp
{
    // Reads a frame column, calls the function library and loops, as a kernel does, so the
    // binder and emitter paths a real kernel takes are the ones warmed.
    private const string Source = """
        using static global::ParIndex.RulesEngine.Kernel.FormulaFunctions;
        namespace ParIndex.Generated
        {
            public static class WarmUp
            {
                public static void Run(global::ParIndex.RulesEngine.Kernel.KernelFrame __f, int __start, int __end)
                {
                    var __in = __f.Numbers[0]; var __out = __f.Total;
                    for (int __i = __start; __i < __end; __i++)
                    {
                        double x = __in[__i];
                        bool ok = x >= 0.5 && !double.IsNaN(x);
                        long q = PointCount(ok ? Min(1d, Ratio(x, 2d)) : 0d, 1d, 100d);
                        __out[__i] = MinCount(q, 100L) / 100d;
                    }
                }
            }
        }
        """;

    private static int _started;

    /// <summary>Whether a warm-up was started in this process.</summary>
    internal static bool Started => Volatile.Read(ref _started) != 0;

    /// <summary>Starts the warm-up compile on a background thread, once per process.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        var thread = new Thread(Compile) { IsBackground = true, Name = "ParIndex Roslyn warm-up" };
        thread.Start();
    }

    private static void Compile() => TryCompile();

    /// <summary>The throw-away compile; true when it emitted an assembly (a test checks that it still does).</summary>
    internal static bool TryCompile()
    {
        try
        {
            var tree = CSharpSyntaxTree.ParseText(Source, RoslynCompiler.ParseOptions);
            var compilation = CSharpCompilation.Create("ParIndex.WarmUp", [tree], CompilationReferences.Get(), RoslynCompiler.CompilationOptions);
            return compilation.Emit(Stream.Null).Success;
        }
#pragma warning disable CA1031 // Best effort: the real compile reports anything that is wrong.
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }
}
