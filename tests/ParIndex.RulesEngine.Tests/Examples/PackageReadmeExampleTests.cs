using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// The example on the library's package page (src/ParIndex.RulesEngine/PACKAGE.md) is compiled and
/// run in a folder holding just the two files it names, as an adopter's new project would.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PackageReadmeExampleTests
{
    [TestMethod]
    public void Package_page_example_compiles_and_prints_the_ranking_and_the_row_errors()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("src/ParIndex.RulesEngine/PACKAGE.md"));
        var match = Regex.Match(readme, @"<!-- package-example:begin -->\s*```csharp\s*(?<code>.*?)```\s*<!-- package-example:end -->", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, "PACKAGE.md must contain the example between package-example markers");
        Assert.IsLessThanOrEqualTo(12, match.Groups["code"].Value.Trim().Split('\n').Length, "the package page promises a short example");

        var folder = Path.Combine(Path.GetTempPath(), "parindex-package-example-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(RepositoryPaths.Combine("examples/par-index-province-2019/ruleset.json"), Path.Combine(folder, "ruleset.json"));
            // Kon Tum's row plus a row whose first input is not a number: the example prints both.
            var lines = File.ReadAllLines(RepositoryPaths.Combine("examples/par-index-province-2019/kontum-2018.csv"));
            var broken = lines[1].Split(',');
            broken[0] = "BAD";
            broken[1] = "Bad row";
            broken[2] = "abc";
            File.WriteAllLines(Path.Combine(folder, "agencies.csv"), [lines[0], lines[1], string.Join(',', broken)]);

            var output = SnippetRunner.CompileAndRun(match.Groups["code"].Value, "the package page example", folder);

            // Kon Tum 2018: 72.17 of 100 (the area totals of its 2019 improvement plan; see ParIndexProvince2019Tests).
            StringAssert.Contains(output, string.Create(CultureInfo.CurrentCulture, $"1. Tỉnh Kon Tum: {72.17} / {100}"));
            StringAssert.Contains(output, "BAD");
            StringAssert.Contains(output, lines[0].Split(',')[2]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
