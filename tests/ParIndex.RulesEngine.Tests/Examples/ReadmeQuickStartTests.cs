using System.Globalization;
using System.Text.RegularExpressions;
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

        var output = SnippetRunner.CompileAndRun(match.Groups["code"].Value, "the README quick start");

        // Kon Tum 2018: the eight area totals of the 2019 PAPI/PAR INDEX plan add up to 72.17 of 100 (see ParIndexProvince2019Tests).
        // The snippet formats these numbers itself, with the current culture (72,17 under vi-VN).
        StringAssert.Contains(output, string.Create(CultureInfo.CurrentCulture, $"Tỉnh Kon Tum: {72.17} / {100}"));
        // Training plan 5.3: 0,83/01 in the document. The explanation is the library's text: one
        // culture (invariant) whatever the current culture.
        StringAssert.Contains(output, "0.83 of 1");
    }
}
