using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.Hardening;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// The disk cache of compiled kernels: hit on the second load, rebuilt when damaged. Entries are
/// authenticated under a key given from code here (Hardening/KernelCacheTrustTests covers keys,
/// folders and planted entries).
/// </summary>
[TestClass]
public sealed class KernelCacheTests
{
    private const string Rules = """
        {
          "id": "cache-test", "title": "Cache", "version": "1",
          "inputs": [ { "name": "x", "type": "number" } ],
          "criteria": [ { "code": "1", "title": "Half of x", "max": 10, "formula": "x / 2" } ]
        }
        """;

    [TestMethod]
    public void Second_load_comes_from_the_cache_and_scores_the_same()
    {
        var directory = NewDirectory();
        var options = CacheFixture.Options(directory, CacheFixture.NewKey());
        using var first = RuleSetLoader.LoadJson(Rules, options: options);
        using var second = RuleSetLoader.LoadJson(Rules, options: options);

        Assert.IsFalse(first.LoadedFromCache);
        Assert.IsTrue(second.LoadedFromCache);
        Assert.HasCount(1, Directory.GetFiles(directory, "*.kernel"));
        // x = 7 → 7 / 2 = 3.5 points with either kernel.
        Assert.AreEqual(3.5, Score(first, 7));
        Assert.AreEqual(3.5, Score(second, 7));
    }

    [TestMethod]
    public void A_damaged_entry_is_detected_and_rebuilt()
    {
        var directory = NewDirectory();
        var options = CacheFixture.Options(directory, CacheFixture.NewKey());
        RuleSetLoader.LoadJson(Rules, options: options).Dispose();
        var entry = Directory.GetFiles(directory, "*.kernel").Single();
        var bytes = File.ReadAllBytes(entry);
        bytes[^10] ^= 0xFF; // flip a byte in the image: the HMAC no longer matches
        File.WriteAllBytes(entry, bytes);

        using var rebuilt = RuleSetLoader.LoadJson(Rules, options: options);
        Assert.IsFalse(rebuilt.LoadedFromCache);
        StringAssert.Contains(rebuilt.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected).Message, "its HMAC does not match");
        Assert.AreEqual(3.5, Score(rebuilt, 7));
        using var again = RuleSetLoader.LoadJson(Rules, options: options);
        Assert.IsTrue(again.LoadedFromCache, "the rebuilt entry is valid again");
    }

    [TestMethod]
    public void A_truncated_entry_is_rebuilt()
    {
        var directory = NewDirectory();
        var options = CacheFixture.Options(directory, CacheFixture.NewKey());
        RuleSetLoader.LoadJson(Rules, options: options).Dispose();
        var entry = Directory.GetFiles(directory, "*.kernel").Single();
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..20]);

        using var rebuilt = RuleSetLoader.LoadJson(Rules, options: options);
        Assert.IsFalse(rebuilt.LoadedFromCache);
        StringAssert.Contains(rebuilt.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected).Message, "it is not a kernel cache entry of this format");
    }

    [TestMethod]
    public void A_changed_rule_file_misses_the_cache()
    {
        var directory = NewDirectory();
        var options = CacheFixture.Options(directory, CacheFixture.NewKey());
        RuleSetLoader.LoadJson(Rules, options: options).Dispose();
        using var changed = RuleSetLoader.LoadJson(Rules.Replace("x / 2", "x / 4"), options: options);
        Assert.IsFalse(changed.LoadedFromCache);
        Assert.AreEqual(1.75, Score(changed, 7)); // 7 / 4
        Assert.HasCount(2, Directory.GetFiles(directory, "*.kernel"));
    }

    private static double Score(CompiledRuleSet rules, double x)
    {
        var batch = rules.CreateBatch();
        batch.Add("A", new Dictionary<string, object?> { ["x"] = x });
        return rules.Score(batch.Build()).Agencies.Single().Total;
    }

    private static string NewDirectory() => CacheFixture.NewFolder();
}
