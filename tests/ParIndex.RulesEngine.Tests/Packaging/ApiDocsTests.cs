using System.Text.RegularExpressions;
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
        var output = SnippetRunner.CompileAndRun(code, $"docs/api.md block {block + 1}");
        Assert.IsFalse(string.IsNullOrWhiteSpace(output), "every example prints something");
        // Each example's expected output, found by what the example calls (its position shifts as sections move).
        if (code.Contains("\"plam * 2\"", StringComparison.Ordinal))
            StringAssert.Contains(output, "error PAR0301: Unknown name 'plam' in the formula of criterion 1. Did you mean 'plan'?");
        if (code.Contains("var lastYear = rules.Score(", StringComparison.Ordinal))
            StringAssert.Contains(output, "Tỉnh Thừa Thiên Huế");
        if (code.Contains("report.Explain(\"KTU\", \"5.3\")", StringComparison.Ordinal))
            StringAssert.Contains(output, "0.83 of 1");
        if (code.Contains("\"kind\": \"bonus\"", StringComparison.Ordinal))
        {
            // the bonus's own reason, and every number of the band explanation in vi-VN
            StringAssert.Contains(output, "BonusOrPenaltyParentNotApplicable: it is a bonus of 1, which does not apply (none of its regular children applies)");
            StringAssert.Contains(output, "  compared value: 12,5");
            StringAssert.Contains(output, "  points: 1,25 before cap → 1,25 of 2 (declared max 2)");
        }
        if (code.Contains("HtmlReportWriter.Write(", StringComparison.Ordinal))
            StringAssert.Contains(output, "par-index-2019.html");
        if (code.Contains("ResultsComparer.Compare(", StringComparison.Ordinal))
            StringAssert.Contains(output, "Kon Tum: ");
        if (code.Contains("AppraisalRounds.Compare(", StringComparison.Ordinal))
        {
            // the appraisal example's three cuts of VPUB, the agency only self-assessed, the what-if line
            StringAssert.Contains(output, "1.5: 2 → 0");
            StringAssert.Contains(output, "Đề án vị trí việc làm chưa được phê duyệt");
            StringAssert.Contains(output, "only self-assessed: SCT");
            StringAssert.Contains(output, "VPUB: ");
        }
        // The later sections' examples, found by what they call (their position shifts as sections are added).
        if (code.Contains("DbAgencyReader.ReadAsync", StringComparison.Ordinal))
        {
            // STC's 'chưa có' is text in a number column: rejected at result row 2, column 3
            // (onlineShare). SNV: 10 × 0.8 = 8, rank 1; SYT: 10 × 0.25 = 2.5, rank 2.
            StringAssert.Contains(output, "STC, row 2, column 3: PAR0604");
            StringAssert.Contains(output, "1. Sở Nội vụ: 8");
            StringAssert.Contains(output, "2. Sở Y tế: 2.5");
        }
        if (code.Contains("StreamingScorer.ScoreCsvFileAsync", StringComparison.Ordinal))
        {
            // Kon Tum's 72.17 points are the sum of its 2018 component scores in its 2019
            // improvement plan (as examples/par-index-province-2019 records); 63 provinces in all.
            StringAssert.Contains(output, "Tỉnh Kon Tum: 72.17 points, rank ");
            StringAssert.Contains(output, "63 provinces scored");
        }
        if (code.Contains("RuleSetLoader.Load(definition)", StringComparison.Ordinal))
        {
            // 0.8 × 2 = 1.6 points; the misspelt name's diagnostic points at the one criterion's formula.
            StringAssert.Contains(output, "Sở Nội vụ: 1.6");
            StringAssert.Contains(output, "criteria[0].formula");
        }
        if (code.Contains("RuleSetLoader.LoadFileAsync(\"examples/par-index-province-2019", StringComparison.Ordinal))
        {
            // The 63 provinces; Kon Tum's 72.17 points are the sum of its 2018 component scores in
            // its 2019 improvement plan (as examples/par-index-province-2019 records).
            StringAssert.Contains(output, "63 provinces, ");
            StringAssert.Contains(output, "Tỉnh Kon Tum: 72.17");
        }
        if (code.Contains("new CsvResultOptions { ByteOrderMark = true }", StringComparison.Ordinal))
        {
            // The results CSV's fixed columns, after the byte-order mark asked for.
            StringAssert.Contains(output, "byte-order mark: True; ");
            StringAssert.Contains(output, "header: agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange,");
        }
        if (code.Contains("DiagnosticCatalog.DuplicateName", StringComparison.Ordinal))
        {
            StringAssert.Contains(output, "vi-VN: Tên chưa khai báo: Tên 'plam' trong công thức của tiêu chí 1 chưa được khai báo. Có phải là 'plan'? (docs/diagnostics.md#par0301)");
            StringAssert.Contains(output, "en: Unknown name: Unknown name 'plam' in the formula of criterion 1. Did you mean 'plan'? (docs/diagnostics.md#par0301)");
            // Made outside a language switch: the test's UI culture, English.
            StringAssert.Contains(output, "rules.json(4,7): error PAR0302: The name 'plan' is declared more than once. [at inputs[1]]");
        }
        if (code.Contains("JsonElement", StringComparison.Ordinal) && code.Contains("from the body", StringComparison.Ordinal))
            StringAssert.Matches(output, new Regex(@"Kon Tum: (\S+) from the body, \1 from JsonElement values"));
        if (code.Contains("LoadInputSchema", StringComparison.Ordinal))
        {
            StringAssert.Contains(output, "same inputs: True");
            StringAssert.Contains(output, "agencyType: so/huyen/xa");
        }
        if (code.Contains("ResultsHistoryReader", StringComparison.Ordinal))
        {
            // Sở Nội vụ 100% this year but (88 + 88 + 76.64 + 100) / 4 = 88.16 on average; Sở Y tế the reverse.
            StringAssert.Contains(output, "3 earlier periods read, 3 given: 2023, 2022, 2021");
            StringAssert.Contains(output, "SNV: 100.00% this year, 2023 76.64%, average condition not met");
            StringAssert.Contains(output, "SYT: 88.91% this year, 2023 90.28%, average condition met");
        }
        if (code.Contains("ImprovementPlanner", StringComparison.Ordinal))
        {
            // Kon Tum 2018: 50th, 72.17; rank 45 needs 7.46 more; area 7 at 5.9 of the 9 of the 2019 plan.
            StringAssert.Contains(output, "rank 50 → 45: 7.46 points more");
            StringAssert.Contains(output, "fewest criteria: 1.3, 3.4, 3.5, 4.1, 6.4, 7.3, 7.6, 7.7");
            StringAssert.Contains(output, "area 7: 5.9 of the 9 aimed at");
        }
        // The rule file's own test cases (the last section): the example's Kon Tum 2018 case passes.
        if (code.Contains("RuleSetTests.Run", StringComparison.Ordinal)) StringAssert.Contains(output, "PASS  Kon Tum 2018: every area and named sub-criterion\n1 passed, 0 failed");
    }

}
