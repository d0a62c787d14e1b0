using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Compiles a C# program from the documentation as a package user's project would (implicit
/// usings, nullable on, the library referenced) and runs it from the repository root (or a given folder), capturing
/// what it prints. Callers must be [DoNotParallelize]: it swaps Console.Out and the current folder.
/// </summary>
internal static class SnippetRunner
{
    public static string CompileAndRun(string code, string name, string? workingDirectory = null)
    {
        var assembly = Compile(code, name);
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        try
        {
            Environment.CurrentDirectory = workingDirectory ?? RepositoryPaths.Root;
            Console.SetOut(output);
            var entry = assembly.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
        }
        return output.ToString();
    }

    private static Assembly Compile(string code, string name)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        // What ImplicitUsings gives a new console project.
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;", options);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(RuleSetLoader).Assembly.Location));
        var compilation = CSharpCompilation.Create("Snippet" + Guid.NewGuid().ToString("N"), [CSharpSyntaxTree.ParseText(code, options), implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsEmpty(errors, $"{name} must compile: " + string.Join("; ", errors));
        return Assembly.Load(image.ToArray());
    }
}
