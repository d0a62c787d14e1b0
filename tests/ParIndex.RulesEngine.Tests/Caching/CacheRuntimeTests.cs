using System.Diagnostics;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Tests.Hardening;
using ParIndex.RulesEngine.Tests.Packaging;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// A kernel is compiled against the assemblies of the runtime that compiles it, so a cache entry
/// written under .NET 10 is never loaded under .NET 8 and the other way round, even by the same
/// build of the library (a net8.0 app rolled forward onto .NET 10) and with one cache folder.
/// </summary>
[TestClass]
public sealed class CacheRuntimeTests
{
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
    }

    [TestMethod]
    public void One_cache_folder_keeps_an_entry_per_runtime_and_build_and_never_crosses_them()
    {
        if (!Net8RuntimeInstalled()) Assert.Inconclusive("the .NET 8 runtime is not installed beside dotnet (.ci/install-dotnet8-runtime installs it)");
        var cache = CacheFixture.NewFolder();

        // The net8.0 build on .NET 8: compiles and stores one entry, then finds it.
        Assert.AreEqual(1, ScoreAndCountEntries(cache, "net8.0", rollForwardToNewest: false));
        Assert.AreEqual(1, ScoreAndCountEntries(cache, "net8.0", rollForwardToNewest: false), "the same build on the same runtime hits");
        // The same net8.0 build rolled forward onto .NET 10: its kernel would reference .NET 10's
        // assemblies, so it must miss the .NET 8 entry and write its own.
        Assert.AreEqual(2, ScoreAndCountEntries(cache, "net8.0", rollForwardToNewest: true));
        // Back on .NET 8, the .NET 10 entry is not taken either.
        Assert.AreEqual(2, ScoreAndCountEntries(cache, "net8.0", rollForwardToNewest: false));
        // The net10.0 build is another engine build: a third entry.
        Assert.AreEqual(3, ScoreAndCountEntries(cache, "net10.0", rollForwardToNewest: false));
    }

    private static bool Net8RuntimeInstalled()
    {
        var root = Path.GetDirectoryName(DotnetHost())!;
        var shared = Path.Combine(root, "shared", "Microsoft.NETCore.App");
        return Directory.Exists(shared) && Directory.GetDirectories(shared, "8.0.*").Length > 0;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        // The test host runs under the dotnet muxer's runtime: shared/Microsoft.NETCore.App/<version>/ below its folder.
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Path.Combine(runtimeFolder, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
    }

    /// <summary>Runs the CLI of <paramref name="framework"/> (built beside the tests) on the bundled example; returns the entries in the cache after it.</summary>
    private static int ScoreAndCountEntries(string cache, string framework, bool rollForwardToNewest)
    {
        var cli = RepositoryPaths.Combine("src", "ParIndex.Cli", "bin", DotnetCli.Configuration, framework, "parindex.dll");
        if (!File.Exists(cli)) Assert.Inconclusive($"{cli} is not built");
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            cli, "score", RepositoryPaths.Example("par-index-province-2019", "ruleset.json"),
            RepositoryPaths.Example("par-index-province-2019", "kontum-2018.csv"), "--cache-dir", cache,
        }) start.ArgumentList.Add(argument);
        start.Environment["PARINDEX_CACHE_KEY"] = Path.Combine(cache, "..", Path.GetFileName(cache) + ".key");
        // LatestMajor runs a net8.0 app on the newest installed runtime (.NET 10) although .NET 8 is there.
        if (rollForwardToNewest) start.Environment["DOTNET_ROLL_FORWARD"] = "LatestMajor";
        else start.Environment.Remove("DOTNET_ROLL_FORWARD");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"parindex score ({framework}) did not finish");
        }
        if (process.ExitCode != 0 && error.Result.Contains("PAR0502", StringComparison.Ordinal)) Assert.Inconclusive(error.Result);
        Assert.AreEqual(0, process.ExitCode, $"parindex score ({framework}, roll forward: {rollForwardToNewest}):\n{output}{error.Result}");
        return Directory.GetFiles(cache, "*.kernel").Length;
    }
}
