using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// The quick-start snippet in README.md is compiled and run here, so the README can never show
/// code that does not build or does not print what it claims.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ReadmeQuickStartTests
{
    [TestMethod]
    public void Quick_start_snippet_compiles_and_prints_the_ranking()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var match = Regex.Match(readme, @"<!-- quickstart:begin -->\s*```csharp\s*(?<code>.*?)```\s*<!-- quickstart:end -->", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, "README.md must contain the quick-start block between quickstart markers");

        var assembly = Compile(match.Groups["code"].Value);
        var output = Run(assembly);

        // Kon Tum 2018: the eight area totals of seeds/002 add up to 72.17 of 100 (see ParIndexProvince2019Tests).
        StringAssert.Contains(output, "Tỉnh Kon Tum: 72.17 / 100");
        // Training plan 5.3: 0,83/01 in the document.
        StringAssert.Contains(output, "0.83 of 1");
    }

    private static Assembly Compile(string code)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(code, options);
        // What ImplicitUsings gives a new console project, as a user of the package would have.
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;", options);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(RuleSetLoader).Assembly.Location));
        var compilation = CSharpCompilation.Create("QuickStart", [tree, implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsEmpty(errors, "the README snippet must compile: " + string.Join("; ", errors));
        return Assembly.Load(image.ToArray());
    }

    private static string Run(Assembly assembly)
    {
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        try
        {
            Environment.CurrentDirectory = RepositoryPaths.Root;
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
}
