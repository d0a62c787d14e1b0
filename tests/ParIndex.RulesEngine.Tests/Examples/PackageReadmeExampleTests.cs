using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// The examples on the package pages of the library (src/ParIndex.RulesEngine/PACKAGE.md) and of the
/// reports (src/ParIndex.RulesEngine.Reporting/PACKAGE.md) are compiled and run in a folder holding
/// just the two files they name, as an adopter's new project would.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PackageReadmeExampleTests
{
    [TestMethod]
    public void Package_page_example_compiles_and_prints_the_ranking_and_the_row_errors()
    {
        var code = PackageExample("src/ParIndex.RulesEngine/PACKAGE.md");

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

            var output = SnippetRunner.CompileAndRun(code, "the package page example", folder);

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

    [TestMethod]
    public void Reporting_package_page_example_writes_the_HTML_report_and_the_results_workbook()
    {
        var code = PackageExample("src/ParIndex.RulesEngine.Reporting/PACKAGE.md");
        var folder = Path.Combine(Path.GetTempPath(), "parindex-reporting-example-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(RepositoryPaths.Combine("examples/par-index-province-2019/ruleset.json"), Path.Combine(folder, "ruleset.json"));
            File.Copy(RepositoryPaths.Combine("examples/par-index-province-2019/provinces-2018.csv"), Path.Combine(folder, "agencies.csv"));

            var output = SnippetRunner.CompileAndRun(code, "the Reporting package page example", folder);

            // The bundled 2018 data: the 63 provinces and centrally run cities, one row each.
            StringAssert.Contains(output, "63 agencies in report.html and results.xlsx");
            var html = File.ReadAllText(Path.Combine(folder, "report.html"));
            StringAssert.StartsWith(html.TrimStart(), "<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase);
            StringAssert.Contains(html, "Tỉnh Kon Tum");
            using var workbook = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, "results.xlsx"));
            Assert.IsNotNull(workbook.GetEntry("xl/workbook.xml"), "an Office Open XML workbook");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string PackageExample(string packageReadme)
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine(packageReadme));
        var match = Regex.Match(readme, @"<!-- package-example:begin -->\s*```csharp\s*(?<code>.*?)```\s*<!-- package-example:end -->", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, $"{packageReadme} must contain the example between package-example markers");
        var code = match.Groups["code"].Value;
        Assert.IsLessThanOrEqualTo(12, code.Trim().Split('\n').Length, "the package page promises a short example");
        return code;
    }
}
