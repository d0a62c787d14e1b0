using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;
using ParIndex.RulesEngine.Caching;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// Authenticating the 150-leaf scheme's cache entry, the largest hash a warm start computes: the
/// engine's managed HMAC-SHA256 against the platform's (OpenSSL on Linux), in a process where
/// both are already loaded. What the managed hash saves is the platform's loading on a fresh start
/// (the fresh-process measurements); this is what it costs per byte once running.
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(3)]
[IterationCount(10)]
public class CacheHashBenchmarks
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private byte[] _entry = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "parindex-bench-hash-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "benchmark-scheme-150.json");
        File.WriteAllText(path, SchemeGenerator.Scheme.Json);
        var cache = Path.Combine(_directory, "cache");
        RuleSetLoader.LoadFile(path, CompileCache.Options(cache)).Dispose();
        _entry = File.ReadAllBytes(Directory.GetFiles(cache, "*.kernel").Single());
        Console.WriteLine($"// cache entry of the 150-leaf scheme: {_entry.Length:N0} bytes");
        if (!HMACSHA256.HashData(_secret, _entry).AsSpan().SequenceEqual(Managed()))
            throw new InvalidOperationException("The managed HMAC and the platform's disagree.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }

    /// <summary>The platform's HMAC-SHA256 (what the engine used before).</summary>
    [Benchmark(Baseline = true, Description = "HMAC-SHA256 of the entry, platform")]
    public byte[] Platform() => HMACSHA256.HashData(_secret, _entry);

    /// <summary>The engine's managed HMAC-SHA256.</summary>
    [Benchmark(Description = "HMAC-SHA256 of the entry, managed")]
    public byte[] Managed()
    {
        var hmac = new HmacSha256(_secret);
        hmac.Append(_entry);
        return hmac.Finish();
    }
}
