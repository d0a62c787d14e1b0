using System.Reflection;
using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Loading the scheme from the disk compile cache (RuleSetLoadOptions.CacheDirectory) once the
/// library has it: the cache is primed in GlobalSetup, then each load finds the emitted assembly
/// and skips Roslyn. Found by reflection, so this project builds with or without the feature;
/// the class is filtered out of the run when the property does not exist.
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

/// <summary>Access to the library's disk compile cache by reflection (it may not exist yet).</summary>
public static class CompileCache
{
    /// <summary>RuleSetLoadOptions.CacheDirectory, or null when the library does not have it.</summary>
    public static PropertyInfo? Property => typeof(RuleSetLoadOptions).GetProperty("CacheDirectory");

    /// <summary>True when the library has a disk compile cache.</summary>
    public static bool Available => Property is { CanWrite: true };

    /// <summary>Load options with the cache in <paramref name="directory"/>.</summary>
    public static RuleSetLoadOptions Options(string directory)
    {
        var property = Property ?? throw new InvalidOperationException("RuleSetLoadOptions.CacheDirectory does not exist in this build of the library.");
        var options = new RuleSetLoadOptions();
        object value = property.PropertyType == typeof(DirectoryInfo) ? new DirectoryInfo(directory) : directory;
        property.SetValue(options, value);
        return options;
    }
}
