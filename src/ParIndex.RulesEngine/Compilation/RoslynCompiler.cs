using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Compiles the generated source of one rule set in ONE Roslyn compilation and maps compiler
/// errors back to the formula, criterion and column they come from.
/// </summary>
internal static class RoslynCompiler
{
    /// <summary>How generated source is parsed (also by <see cref="RoslynWarmUp"/>).</summary>
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>How generated source is compiled (also by <see cref="RoslynWarmUp"/>).</summary>
    internal static readonly CSharpCompilationOptions CompilationOptions = new(OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        allowUnsafe: false,
        deterministic: true,
        concurrentBuild: false,
        nullableContextOptions: NullableContextOptions.Disable);

    /// <summary>
    /// For tests: when set, counts the compilations started in this logical flow (a load thread
    /// inherits it), so a test can tell a cache hit from a compile without trusting the loader's flag.
    /// </summary>
    internal static readonly AsyncLocal<StrongBox<int>?> CompilationCounter = new();

    /// <summary>For tests: when set, replaces the emitted image, to show that a fresh image is verified before it is loaded.</summary>
    internal static readonly AsyncLocal<Func<byte[], byte[]>?> EmittedImageHook = new();

    /// <summary>Returns the emitted assembly image, or null after reporting diagnostics.</summary>
    public static byte[]? Compile(GeneratedSource source, string assemblyName, DiagnosticBag diagnostics, CancellationToken cancellation)
    {
        if (CompilationCounter.Value is { } counter) Interlocked.Increment(ref counter.Value);
        var tree = CSharpSyntaxTree.ParseText(source.Text, ParseOptions, cancellationToken: cancellation);
        var compilation = CSharpCompilation.Create(assemblyName, [tree], CompilationReferences.Get(), CompilationOptions);

        var errors = compilation.GetDiagnostics(cancellation).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        // Each formula is emitted in both scoring stages, so the same error comes twice: report it once.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in errors) Report(error, source, diagnostics, reported);
        if (errors.Count > 0) return null;

        // The sandbox check and the emit only read the compilation, so they run side by side (a
        // cache miss waits for both); the image is returned only when the check found nothing.
        var checks = new DiagnosticBag();
        var checking = LoadThread.Start(() => SandboxVerifier.Verify(compilation, tree, source, checks, cancellation), "ParIndex sandbox check");
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result;
        try
        {
            result = compilation.Emit(stream, cancellationToken: cancellation);
        }
        catch
        {
            checking.Wait();
            throw;
        }
        checking.Join();
        diagnostics.AddRange(checks.Items);
        if (checks.HasErrors) return null;
        if (!result.Success)
        {
            foreach (var error in result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                Report(error, source, diagnostics, new HashSet<string>(StringComparer.Ordinal));
            return null;
        }
        var image = stream.ToArray();
        return EmittedImageHook.Value is { } hook ? hook(image) : image;
    }

    private static void Report(Microsoft.CodeAnalysis.Diagnostic error, GeneratedSource source, DiagnosticBag diagnostics, HashSet<string> reported)
    {
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        var position = error.Location.SourceSpan.Start;
        var span = source.SpanAt(position);
        if (span is null)
        {
            if (reported.Add(error.Id + message))
                diagnostics.Add(DiagnosticCatalog.CompilationFailed, SourceLocation.None, $"{error.Id}: {message}");
            return;
        }
        var location = span.Formula.LocationAt(span.OriginalOffset(position));
        var (situation, arguments) = FriendlyMessage(error.Id, message);
        var found = Diagnostics.Diagnostic.Create(DiagnosticCatalog.FormulaType, situation, DiagnosticCatalog.FormulaType.DefaultSeverity, location, [.. arguments, span.Formula.Text]);
        if (reported.Add($"{location}|{found.Message}"))
            diagnostics.Add(found);
    }

    /// <summary>
    /// Rewords the compiler messages rule authors meet most often: the situation of PAR0404 and its
    /// arguments before the formula's text. Roslyn's own message stays as Roslyn gives it.
    /// </summary>
    private static (string Situation, object?[] Arguments) FriendlyMessage(string id, string message) => id switch
    {
        "CS0029" or "CS0266" => ConversionMessage(message),
        "CS0019" => ("OperandTypes", [message]),
        "CS1503" => ("ArgumentType", [message]),
        "CS0220" => ("Overflow", []),
        _ => ("CompilerMessage", [message]),
    };

    /// <summary>"Cannot implicitly convert type 'bool' to 'double'" becomes "… gives true/false where a number is needed".</summary>
    private static (string Situation, object?[] Arguments) ConversionMessage(string message)
    {
        var types = System.Text.RegularExpressions.Regex.Matches(message, "'([^']+)'").Select(m => m.Groups[1].Value).ToList();
        return types.Count == 2
            ? ("Conversion", [Kind(types[0]), Kind(types[1])])
            : ("WrongType", [message]);

        static string Kind(string type) => type switch
        {
            "bool" => EngineText.Get("KindBool"),
            "double" or "int" => EngineText.Get("KindNumber"),
            "string" => EngineText.Get("KindText"),
            _ => type,
        };
    }
}
