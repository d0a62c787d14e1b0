using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>Folders, keys and rule sets for the kernel cache tests.</summary>
internal static class CacheFixture
{
    /// <summary>One criterion: x / 2 of 10 (x = 7 gives 3.5).</summary>
    public const string HalfOfX = """
        {
          "id": "cache-test", "title": "Cache", "version": "1",
          "inputs": [ { "name": "x", "type": "number" } ],
          "criteria": [ { "code": "1", "title": "Half of x", "max": 10, "formula": "x / 2" } ]
        }
        """;

    /// <summary>The same scheme scoring x / 4 (x = 7 gives 1.75): a different but valid kernel.</summary>
    public static readonly string QuarterOfX = HalfOfX.Replace("x / 2", "x / 4", StringComparison.Ordinal);

    /// <summary>A new empty folder only the current user can use (0700 on Unix).</summary>
    public static string NewFolder()
    {
        // Inside the run's own folder, so the end of the run deletes it (and what tests put beside it).
        var path = Path.Combine(TestSupport.TestRun.Folder, "parindex-cache-test-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static RuleSetLoadOptions Options(string folder, byte[] key) => new() { CacheDirectory = folder, CacheKey = key };

    /// <summary>Loads and counts the Roslyn compilations the load ran (independent of LoadedFromCache).</summary>
    public static (RuleSetLoadResult Result, int Compilations) LoadCounting(string json, RuleSetLoadOptions options)
    {
        var counter = new StrongBox<int>();
        RoslynCompiler.CompilationCounter.Value = counter;
        try
        {
            // No source name, as the other loads of these tests: the source name is part of the cache key.
            return (RuleSetLoader.TryLoadJson(json, options: options), counter.Value);
        }
        finally
        {
            RoslynCompiler.CompilationCounter.Value = null;
        }
    }

    /// <summary>The total of one agency with x.</summary>
    public static double Score(CompiledRuleSet rules, double x)
    {
        var batch = rules.CreateBatch();
        batch.Add("A", new Dictionary<string, object?> { ["x"] = x });
        return rules.Score(batch.Build()).Agencies.Single().Total;
    }

    /// <summary>The cache entry path of a rule set.</summary>
    public static string EntryOf(string folder, CompiledRuleSet rules) => KernelCache.PathOf(folder, rules.CacheKey);

    /// <summary>Writes an image as the rule set's entry (with the rule set's own model), authenticated under <paramref name="key"/>.</summary>
    public static void Plant(string folder, CompiledRuleSet rules, byte[] image, byte[] key) =>
        Assert.IsTrue(KernelCache.TryWrite(folder, rules.CacheKey, CacheEntryPayload.Join(CachedModel.Write(rules.Bound, rules.Diagnostics, rules.GeneratedSource), image), key));

    /// <summary>True when ownership can be given away (only root may chown).</summary>
    public static bool CanChown => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>Gives a path to the user "nobody" (uid 65534), so the current user no longer owns it.</summary>
    public static void GiveAway(string path)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["65534", path]) { RedirectStandardError = true })!;
        chown.WaitForExit();
        Assert.AreEqual(0, chown.ExitCode, chown.StandardError.ReadToEnd());
    }

    public static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("Unix permissions: on Windows the cache folder's ACL is left to the host.");
    }
}
