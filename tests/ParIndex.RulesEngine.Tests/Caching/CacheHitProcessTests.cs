using System.Diagnostics;
using ParIndex.RulesEngine.Tests.Hardening;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// What a fresh parindex process loads: scoring from a warm cache loads neither Roslyn, the
/// schema validator nor the JSON parser of rule files, and output to a pipe never loads the
/// terminal library, and a warm start no regular-expression engine and
/// no platform cryptography (OpenSSL on Linux). The assemblies are listed inside the
/// process by a startup hook (<see cref="StartupHook"/>).
/// </summary>
[TestClass]
public sealed class CacheHitProcessTests
{
    private static readonly string[] LoadOnlyToCompile = ["Microsoft.CodeAnalysis", "NJsonSchema", "Newtonsoft"];

    [TestMethod]
    public void Scoring_from_a_warm_cache_loads_no_Roslyn_NJsonSchema_or_Newtonsoft()
    {
        var cache = CacheFixture.NewFolder();
        var (coldCode, coldOutput, cold) = Score(cache);
        // A machine so busy that the compile exceeds MaxCompileTime leaves nothing to test the hit with.
        if (coldCode != 0 && coldOutput.Contains("PAR0502", StringComparison.Ordinal)) Assert.Inconclusive(coldOutput);
        var (warmCode, warmOutput, warm) = Score(cache);

        Assert.AreEqual(0, coldCode, coldOutput);
        Assert.AreEqual(0, warmCode, warmOutput);
        Assert.AreEqual(coldOutput, warmOutput, "the same table from the cache");
        // The hook sees them when they are used: an empty cache compiles.
        foreach (var prefix in LoadOnlyToCompile)
            Assert.IsTrue(cold.Any(a => a.StartsWith(prefix, StringComparison.Ordinal)), $"{prefix} loaded to compile: {string.Join(", ", cold)}");
        var loaded = warm.Where(a => LoadOnlyToCompile.Any(p => a.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.IsEmpty(loaded, $"loaded on a cache hit: {string.Join(", ", loaded)}");
        Assert.Contains("ParIndex.RulesEngine", warm);
        // The cached kernel's check is done by hand: a warm start builds no regular expression.
        Assert.DoesNotContain("System.Text.RegularExpressions", warm);
        // The key, the entry's HMAC and the input schema's key are hashed in managed code: no OpenSSL.
        Assert.DoesNotContain("System.Security.Cryptography", warm);
        // Output is redirected here, so the table is plain text: the terminal library is never loaded.
        Assert.DoesNotContain("Spectre.Console", cold);
        Assert.DoesNotContain("Spectre.Console", warm);
    }

    /// <summary>parindex score of the 63 provinces (table output, redirected) in a new process; its exit code, output and loaded assemblies.</summary>
    private static (int ExitCode, string Output, IReadOnlyList<string> Assemblies) Score(string cache)
    {
        var list = Path.Combine(cache, "..", Path.GetFileName(cache) + "-" + Guid.NewGuid().ToString("N") + ".txt");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "parindex.dll"), "score",
            RepositoryPaths.Example("par-index-province-2019", "ruleset.json"),
            RepositoryPaths.Example("par-index-province-2019", "provinces-2018.csv"),
            "--cache-dir", cache,
        }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment[StartupHook.OutputVariable] = list;
        start.Environment["PARINDEX_CACHE_KEY"] = Path.Combine(cache, "..", Path.GetFileName(cache) + ".key");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("parindex score did not finish");
        }
        return (process.ExitCode, output + error.Result, File.ReadAllLines(list));
    }
}
