using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// Every C# block of docs/api.md is a complete program: it must compile against the library
/// (as a package user's project, with implicit usings) and run from the repository root.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ApiDocsTests
{
    private static List<string> Blocks() =>
        Regex.Matches(File.ReadAllText(RepositoryPaths.Combine("docs", "api.md")), "```csharp\\s*(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .ToList();

    public static IEnumerable<object[]> BlockNumbers() => Enumerable.Range(0, Blocks().Count).Select(i => new object[] { i });

    [TestMethod]
    public void Api_page_has_examples_for_each_part()
    {
        var blocks = Blocks();
        Assert.IsGreaterThanOrEqualTo(6, blocks.Count);
        foreach (var api in new[] { "RuleSetLoader.TryLoadJson", "CsvAgencyReader.ReadFile", "ScoringOptions", "report.Explain", "HtmlReportWriter.Write", "ResultsComparer.Compare" })
            Assert.IsTrue(blocks.Any(b => b.Contains(api, StringComparison.Ordinal)), $"no example uses {api}");
    }

    [TestMethod]
    [DynamicData(nameof(BlockNumbers))]
    public void Example_compiles_and_runs(int block)
    {
        var code = Blocks()[block];
        var output = Run(Compile(code, block));
        Assert.IsFalse(string.IsNullOrWhiteSpace(output), "every example prints something");
        switch (block)
        {
            case 0: StringAssert.Contains(output, "error PAR0301: Unknown name 'plam' in the formula of criterion 1. Did you mean 'plan'?"); break;
            case 2: StringAssert.Contains(output, "Tỉnh Thừa Thiên Huế"); break;
            case 3: StringAssert.Contains(output, "0.83 of 1"); break;
            case 4: StringAssert.Contains(output, "par-index-2019.html"); break;
            case 5: StringAssert.Contains(output, "Kon Tum: "); break;
        }
    }

    private static Assembly Compile(string code, int block)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var implicitUsings = CSharpSyntaxTree.ParseText(
            "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;", options);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(RuleSetLoader).Assembly.Location));
        var compilation = CSharpCompilation.Create($"ApiDocs{block}", [CSharpSyntaxTree.ParseText(code, options), implicitUsings], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.IsEmpty(errors, $"docs/api.md block {block + 1} must compile: " + string.Join("; ", errors));
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
