using System.Text.Json;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Testing;
using ParIndex.RulesEngine.Tests.Hardening;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// A rule set loaded from the cache behaves exactly as the one compiled from the file: the same
/// criteria, diagnostics, rule-file test results, and byte-identical results in every format,
/// explanations included, for every example and each of its data files.
/// </summary>
[TestClass]
public sealed class CacheHitEquivalenceTests
{
    public static IEnumerable<object[]> Examples => CachedModelRoundTripTests.Examples;

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void A_cache_hit_gives_what_the_compiled_rule_set_gives(string example)
    {
        var path = RepositoryPaths.Example(example, "ruleset.json");
        var options = CacheFixture.Options(CacheFixture.NewFolder(), CacheFixture.NewKey());
        using var miss = RuleSetLoader.LoadFile(path, options);
        using var hit = RuleSetLoader.LoadFile(path, options);

        Assert.IsFalse(miss.LoadedFromCache);
        Assert.IsTrue(hit.LoadedFromCache);
        Assert.AreEqual(Describe(miss), Describe(hit));
        var data = Directory.GetFiles(Path.GetDirectoryName(path)!, "*.csv").Order(StringComparer.Ordinal).ToList();
        foreach (var file in data)
            Assert.AreEqual(Outputs(miss, file), Outputs(hit, file), $"{example}/{Path.GetFileName(file)}");
    }

    [TestMethod]
    public void A_rule_file_edited_by_one_byte_misses_the_cache()
    {
        var folder = CacheFixture.NewFolder();
        var options = CacheFixture.Options(folder, CacheFixture.NewKey());
        var original = RepositoryPaths.Example("par-index-province-2019", "ruleset.json");
        var edited = Path.Combine(folder, "..", Path.GetFileName(folder) + "-ruleset.json");
        var bytes = File.ReadAllBytes(original);
        File.WriteAllBytes(edited, bytes);
        RuleSetLoader.LoadFile(edited, options).Dispose();
        using (var same = RuleSetLoader.LoadFile(edited, options)) Assert.IsTrue(same.LoadedFromCache);

        // One byte of whitespace: the rule set is the same, but the file (and its locations) is not.
        var at = Array.IndexOf(bytes, (byte)' ');
        bytes[at] = (byte)'\t';
        File.WriteAllBytes(edited, bytes);
        using var changed = RuleSetLoader.LoadFile(edited, options);

        Assert.IsFalse(changed.LoadedFromCache);
        Assert.HasCount(2, Directory.GetFiles(folder, "*.kernel"));
    }

    [TestMethod]
    public void The_same_text_under_another_source_name_misses_the_cache()
    {
        var options = CacheFixture.Options(CacheFixture.NewFolder(), CacheFixture.NewKey());
        RuleSetLoader.LoadJson(CacheFixture.HalfOfX, "a.json", options).Dispose();
        using var other = RuleSetLoader.LoadJson(CacheFixture.HalfOfX, "b.json", options);

        Assert.IsFalse(other.LoadedFromCache, "locations name the source, so it is part of the key");
        Assert.AreEqual("b.json", other.Definition.SourceFile);
    }

    [TestMethod]
    public void Other_limits_miss_the_cache()
    {
        var options = CacheFixture.Options(CacheFixture.NewFolder(), CacheFixture.NewKey());
        RuleSetLoader.LoadJson(CacheFixture.HalfOfX, options: options).Dispose();
        // A tighter limit could refuse the file: an entry written under other limits is not taken.
        var tighter = options with { MaxFormulaLength = 4 };
        var result = RuleSetLoader.TryLoadJson(CacheFixture.HalfOfX, options: tighter);

        Assert.IsFalse(result.Success, "x / 2 is 5 characters, over the limit of 4");
    }

    /// <summary>Everything a loaded rule set tells before scoring, as text.</summary>
    private static string Describe(CompiledRuleSet rules)
    {
        var tests = RuleSetTests.Run(rules).Cases.Select(c => $"{c.Name}: {(c.Passed ? "passed" : string.Join("; ", c.Failures))}");
        var criteria = rules.Criteria.Select(c => $"{c.Code}|{c.Title}|{c.MaxPoints}|{c.Depth}|{c.ParentCode}|{c.Kind}|{string.Join(",", c.Responsible)}|{c.IsLeaf}");
        return string.Join("\n", [
            .. rules.Diagnostics.Select(d => d.ToString()), .. criteria, .. tests,
            rules.InputSchema.Key, rules.EarlierPeriodsRead.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JsonSerializer.Serialize(rules.Definition.Metadata), rules.GeneratedSource]);
    }

    /// <summary>Every property of an explanation but its culture (invariant on both sides, and not serializable).</summary>
    private static readonly JsonSerializerOptions ExplanationJson = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The results of one data file in every format, with every agency's explanations.</summary>
    private static string Outputs(CompiledRuleSet rules, string data)
    {
        var report = rules.Score(CsvAgencyReader.ReadFile(rules, data));
        var text = new StringWriter();
        CsvResultWriter.Write(report, text);
        JsonResultWriter.Write(report, text);
        TableResultWriter.Write(report, text);
        CriteriaDetailWriter.Write(report, text);
        HtmlReportWriter.Write(report, text);
        foreach (var agency in report.Agencies)
        {
            foreach (var explanation in report.ExplainAll(agency.AgencyId))
                text.WriteLine(JsonSerializer.Serialize(explanation with { Culture = null! }, ExplanationJson));
            ShortfallWriter.Write(report, agency.AgencyId, text);
        }
        return text.ToString();
    }
}
