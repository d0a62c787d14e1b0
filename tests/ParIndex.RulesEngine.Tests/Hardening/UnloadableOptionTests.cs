using System.Runtime.Loader;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// <see cref="RuleSetLoadOptions.Unloadable"/>: false puts the kernel in a context that is never
/// unloaded (the runtime then compiles it in tiers, see <see cref="KernelJitGuardTests"/>), on a
/// fresh compile and on a cache hit alike, and changes no figure; true, the default, keeps it
/// collectible.
/// </summary>
[TestClass]
public sealed class UnloadableOptionTests
{
    private static string Rules => RepositoryPaths.Example("par-index-province-2019", "ruleset.json");
    private static string Data => RepositoryPaths.Example("par-index-province-2019", "provinces-2018.csv");

    private static bool Collectible(CompiledRuleSet rules) =>
        AssemblyLoadContext.GetLoadContext(rules.Kernel.ComputeScores.Method.DeclaringType!.Assembly)!.IsCollectible;

    [TestMethod]
    public void A_kernel_that_is_never_unloaded_scores_as_the_collectible_one_fresh_and_from_the_cache()
    {
        var cache = Directory.CreateTempSubdirectory("parindex-unloadable-").FullName;
        try
        {
            var key = new byte[32];
            using var collectible = RuleSetLoader.LoadFile(Rules);
            using var fresh = RuleSetLoader.LoadFile(Rules, new RuleSetLoadOptions { Unloadable = false, CacheDirectory = cache, CacheKey = key });
            using var cached = RuleSetLoader.LoadFile(Rules, new RuleSetLoadOptions { Unloadable = false, CacheDirectory = cache, CacheKey = key });
            using var cachedCollectible = RuleSetLoader.LoadFile(Rules, new RuleSetLoadOptions { CacheDirectory = cache, CacheKey = key });

            Assert.IsTrue(Collectible(collectible), "the default");
            Assert.IsFalse(Collectible(fresh), "a fresh compile with Unloadable = false");
            Assert.IsTrue(cached.LoadedFromCache);
            Assert.IsFalse(Collectible(cached), "a cache hit with Unloadable = false");
            Assert.IsTrue(cachedCollectible.LoadedFromCache);
            Assert.IsTrue(Collectible(cachedCollectible), "the same entry loaded with the default");

            var expected = collectible.Score(CsvAgencyReader.ReadFile(collectible, Data));
            foreach (var rules in new[] { fresh, cached })
            {
                var report = rules.Score(CsvAgencyReader.ReadFile(rules, Data));
                CollectionAssert.AreEqual(expected.Agencies.Select(a => (a.AgencyId, a.Total, a.Percent, a.Rank)).ToList(),
                    report.Agencies.Select(a => (a.AgencyId, a.Total, a.Percent, a.Rank)).ToList());
                CollectionAssert.AreEqual(expected.Agencies.SelectMany(a => a.Criteria.Select(c => c.Points)).ToList(),
                    report.Agencies.SelectMany(a => a.Criteria.Select(c => c.Points)).ToList());
            }
        }
        finally { Directory.Delete(cache, recursive: true); }
    }

    [TestMethod]
    public void Disposing_a_rule_set_that_is_never_unloaded_still_ends_its_use()
    {
        var rules = RuleSetLoader.LoadFile(Rules, new RuleSetLoadOptions { Unloadable = false });
        var batch = CsvAgencyReader.ReadFile(rules, Data);
        rules.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => rules.Score(batch));
    }
}
