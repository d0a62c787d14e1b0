using System.Globalization;
using System.Text.RegularExpressions;
#if PARINDEX_CLI
using ParIndex.RulesEngine.Tests.CliTests;
#endif
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// Every bundled example carries its documented figures as test cases in its rule file; they
/// all pass under `parindex test`, and the Kon Tum 2018 case holds exactly the golden figures of
/// the example's golden.md (taken from the improvement plan and its hand calculations).
/// </summary>
[TestClass]
public sealed class ExampleRuleFileTests
{
    private static IEnumerable<object[]> RuleFiles() =>
        Directory.GetFiles(RepositoryPaths.Combine("examples"), "ruleset.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(Path.GetDirectoryName(f)!) });

#if PARINDEX_CLI // the parindex command targets .NET 10 only
    [TestMethod]
    [DynamicData(nameof(RuleFiles))]
    public void Parindex_test_passes_every_case_of_the_example(string example)
    {
        var path = RepositoryPaths.Example(example, "ruleset.json");
        var result = CliWorkspace.Run("test", path, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var rules = RuleSetLoader.LoadFile(path);
        var cases = rules.Definition.Tests.Count;
        Assert.IsGreaterThan(0, cases, $"{example} has no test case");
        Assert.AreEqual($"{cases} passed, 0 failed", result.OutLines[^1], result.ToString());
        Assert.AreEqual(cases, result.OutLines.Count(l => l.StartsWith("PASS  ", StringComparison.Ordinal)));
        Assert.IsTrue(rules.Definition.Tests.All(t => t.Source is { Length: > 20 }), $"every case of {example} says where its figures come from");
        Assert.IsNotNull(rules.Definition.Metadata, $"{example} has metadata for the report header");
    }
#endif

    [TestMethod]
    public void Kon_Tum_2018_case_expects_every_figure_of_golden_md()
    {
        // golden.md gives each criterion's points in bold at the end of its row.
        var golden = File.ReadAllLines(RepositoryPaths.Example("par-index-province-2019", "golden.md"))
            .Select(l => Regex.Match(l, @"^\| (?:\*\*)?(?<code>\d+(?:\.[0-9a-z]+)?)(?:\*\*)? \|.*\*\*(?<points>\d+(?:\.\d+)?)\*\*[^|]*\|\s*$"))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["code"].Value)
            .ToDictionary(g => g.Key, g => double.Parse(g.First().Groups["points"].Value, CultureInfo.InvariantCulture));
        Assert.IsGreaterThanOrEqualTo(48, golden.Count, "rows read from golden.md");
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        var test = rules.Definition.Tests.Single();
        var expected = test.Expect.Criteria.ToDictionary(v => v.Name, v => (double)v.Value!);
        CollectionAssert.AreEquivalent(golden.Keys.ToArray(), expected.Keys.ToArray());
        foreach (var (code, points) in golden) Assert.AreEqual(points, expected[code], $"criterion {code}");
        // Section II.2: 7.97 + 8.4 + 9.4 + 8.2 + 9.8 + 9.2 + 5.9 + 13.3 = 72.17 of 100.
        Assert.AreEqual(72.17, (double)test.Expect.Total!.Value!, 1e-9);
        Assert.AreEqual(72.17, new[] { "1", "2", "3", "4", "5", "6", "7", "8" }.Sum(c => expected[c]), 1e-9);
    }

    [TestMethod]
    public void Kon_Tum_2018_case_uses_the_data_row_of_the_example()
    {
        // The case's inputs are the example's CSV row, so `score` and `test` see the same agency.
        var lines = File.ReadAllLines(RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv"));
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        var inputs = rules.Definition.Tests.Single().Agency.Inputs.ToDictionary(v => v.Name, v => v.Value);
        Assert.AreEqual(rules.Definition.Inputs.Count, inputs.Count);
        for (var i = 0; i < header.Length; i++)
        {
            if (!inputs.TryGetValue(header[i], out var value)) continue;
            var text = value switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => value?.ToString() ?? "",
            };
            Assert.AreEqual(double.TryParse(row[i], CultureInfo.InvariantCulture, out var n) ? n.ToString("R", CultureInfo.InvariantCulture) : row[i].ToLowerInvariant(), text, header[i]);
        }
    }
}
