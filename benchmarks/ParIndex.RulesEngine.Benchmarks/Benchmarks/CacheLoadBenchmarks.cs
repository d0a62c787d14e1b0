using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Loading the scheme from the disk compile cache (RuleSetLoadOptions.CacheDirectory) once the
/// library has it: the cache is primed in GlobalSetup, then each load reads the authenticated
/// entry (the bound model and the kernel image) and runs neither the JSON parser, the schema
/// check, the binder nor Roslyn: the cache key is the rule text with the engine's identity.
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(3)]
[IterationCount(10)]
public class CacheLoadBenchmarks
{
    private string _path = null!;
    private RuleSetLoadOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parindex-bench-cache-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, "benchmark-scheme-150.json");
        File.WriteAllText(_path, SchemeGenerator.Scheme.Json);
        _options = CompileCache.Options(Path.Combine(directory, "cache"));
        RuleSetLoader.LoadFile(_path, _options).Dispose();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(Path.GetDirectoryName(_path)!, true); } catch (IOException) { }
    }

    /// <summary>LoadFile with the cache primed: no Roslyn.</summary>
    [Benchmark(Description = "warm load from disk cache (LoadFile)")]
    public int WarmLoadFromCache()
    {
        using var ruleSet = RuleSetLoader.LoadFile(_path, _options);
        return ruleSet.Criteria.Count;
    }
}

/// <summary>Load options with the library's disk compile cache (RuleSetLoadOptions.CacheDirectory).</summary>
public static class CompileCache
{
    /// <summary>True when the library has a disk compile cache (it does since the lead's cache commit; kept for older builds).</summary>
    public static bool Available => typeof(RuleSetLoadOptions).GetProperty(nameof(RuleSetLoadOptions.CacheDirectory)) is not null;

    /// <summary>Load options with the cache in <paramref name="directory"/>.</summary>
    public static RuleSetLoadOptions Options(string directory) => new() { CacheDirectory = directory };
}
