using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Tests.Hardening;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// A kernel is compiled against the assemblies of the runtime that compiles it, so a cache entry
/// written under .NET 10 is never loaded under .NET 8 and the other way round, even by the same
/// build of the library (a net8.0 app rolled forward onto .NET 10) in one cache folder: the
/// runtime is part of the entry's name.
/// </summary>
[TestClass]
public sealed class CacheRuntimeTests
{
    private static readonly Version Net8 = new(8, 0, 31);
    private static readonly Version Net10 = new(10, 0, 12);

    [TestMethod]
    [DataRow(8, 0, 31, ".NET 8.0")]
    [DataRow(8, 0, 0, ".NET 8.0")]
    [DataRow(10, 0, 12, ".NET 10.0")]
    public void The_runtime_in_the_key_is_its_major_and_minor_version(int major, int minor, int patch, string expected)
    {
        // Patch releases keep the framework assemblies' identity (8.0.0.0), so an update keeps the cache.
        Assert.AreEqual(expected, RuleSetCacheKey.RuntimeIdentity(new Version(major, minor, patch)));
    }

    [TestMethod]
    public void The_engine_identity_names_the_runtime_this_test_runs_on()
    {
#if NET10_0
        const string expected = ".NET 10.0";
#elif NET8_0
        const string expected = ".NET 8.0";
#endif
        // The test assembly targets one framework and runs on it: the key must say which.
        StringAssert.EndsWith(RuleSetCacheKey.EngineIdentity, "/" + expected);
        Assert.AreEqual(RuleSetCacheKey.EngineIdentityOn(Environment.Version), RuleSetCacheKey.EngineIdentity);
    }

    [TestMethod]
    public void The_same_rule_text_is_named_apart_on_NET_8_and_NET_10_and_alike_across_patches()
    {
        var options = RuleSetLoadOptions.Default;
        var on8 = RuleSetCacheKey.Of(CacheFixture.HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOn(Net8));
        var on10 = RuleSetCacheKey.Of(CacheFixture.HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOn(Net10));
        var onLaterPatch = RuleSetCacheKey.Of(CacheFixture.HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOn(new Version(8, 0, 40)));

        Assert.AreNotEqual(on8, on10);
        Assert.AreEqual(on8, onLaterPatch);
    }

    [TestMethod]
    public void A_load_writes_its_entry_under_this_runtime_and_finds_none_of_the_other()
    {
        var folder = CacheFixture.NewFolder();
        var options = CacheFixture.Options(folder, CacheFixture.NewKey());
        var other = Environment.Version.Major >= 10 ? Net8 : Net10;
        string key;
        using (var first = RuleSetLoader.LoadJson(CacheFixture.HalfOfX, "rules.json", options))
        {
            Assert.IsFalse(first.LoadedFromCache);
            key = first.CacheKey;
        }

        Assert.AreEqual(RuleSetCacheKey.Of(CacheFixture.HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOn(Environment.Version)), key);
        Assert.IsTrue(File.Exists(KernelCache.PathOf(folder, key)));
        // The other runtime would look for (and write) another file, so it never meets this kernel.
        var keyOnTheOther = RuleSetCacheKey.Of(CacheFixture.HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOn(other));
        Assert.AreNotEqual(key, keyOnTheOther);
        Assert.IsFalse(File.Exists(KernelCache.PathOf(folder, keyOnTheOther)));
        using var second = RuleSetLoader.LoadJson(CacheFixture.HalfOfX, "rules.json", options);
        Assert.IsTrue(second.LoadedFromCache, "this runtime finds its own entry");
    }
}
