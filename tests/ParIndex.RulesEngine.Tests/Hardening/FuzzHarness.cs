using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>What a fuzz run saw: outcome counts, crashes (unhandled exceptions) and the slowest case.</summary>
internal sealed class FuzzStatistics
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private long _slowestTicks;

    public ConcurrentBag<string> Crashes { get; } = new();

    public int Cases => _outcomes.Where(o => o.Key.StartsWith("case:", StringComparison.Ordinal)).Sum(o => o.Value);

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public void Count(string outcome) => _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public int this[string outcome] => _outcomes.GetValueOrDefault(outcome);

    public void Took(TimeSpan elapsed)
    {
        for (var seen = Interlocked.Read(ref _slowestTicks); elapsed.Ticks > seen; seen = Interlocked.Read(ref _slowestTicks))
            if (Interlocked.CompareExchange(ref _slowestTicks, elapsed.Ticks, seen) == seen) break;
    }

    public override string ToString() =>
        string.Join(Environment.NewLine, _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"  {o.Key,-40} {o.Value,8:N0}"))
        + Environment.NewLine + $"  slowest case: {Slowest.TotalMilliseconds:N0} ms";
}

/// <summary>
/// Runs fuzz cases in parallel. Rule files go through validation (cheap); a mutant that passes
/// is generated, and compiled and scored only if its code is new and the compile budget allows.
/// Data files are read and scored with the examples' compiled rule sets. Any exception that
/// escapes the engine is a crash: recorded with the case number and the mutant saved to disk.
/// </summary>
internal static class FuzzHarness
{
    private static readonly string CrashFolder = Path.Combine(Path.GetTempPath(), "parindex-fuzz-crashes");

    public static FuzzStatistics RunRuleFiles(RuleFileFuzzer fuzzer, int cases, int maxCompiles, IReadOnlyDictionary<string, string> dataBySeed)
    {
        var statistics = new FuzzStatistics();
        var compiledCode = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var compiles = 0;
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var mutant = fuzzer.Case(index);
            Guard(statistics, "rules", index, mutant, () =>
            {
                var (bound, diagnostics) = RuleSetLoader.TryBind(mutant.Text, "fuzz.json");
                if (bound is null)
                {
                    statistics.Count("case:rules rejected");
                    statistics.Count("first error " + (diagnostics.FirstOrDefault(d => d.IsError)?.Code ?? "(none!)"));
                    return;
                }
                statistics.Count("case:rules valid");
                var source = KernelGenerator.Generate(bound);
                if (!compiledCode.TryAdd(CodeKey(source.Text), true)) { statistics.Count("valid: same code as an earlier case"); return; }
                if (Interlocked.Increment(ref compiles) > maxCompiles) { statistics.Count("valid: not compiled (budget)"); return; }
                CompileAndScore(statistics, mutant, dataBySeed);
            });
        });
        return statistics;
    }

    public static FuzzStatistics RunDataFiles(DataFileFuzzer fuzzer, int cases, IReadOnlyDictionary<string, CompiledRuleSet> rulesBySeed)
    {
        var statistics = new FuzzStatistics();
        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        {
            var data = fuzzer.Case(index);
            Guard(statistics, "data", index, data.Case, () =>
            {
                var rules = rulesBySeed[data.Case.Seed];
                using var reader = data.Bytes is { } bytes
                    ? new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
                    : (TextReader)new StringReader(data.Case.Text);
                var batch = data.IsJson ? JsonAgencyReader.Read(rules, reader, source: "fuzz") : CsvAgencyReader.Read(rules, reader, source: "fuzz");
                Score(statistics, rules, batch, writeResults: index % 10 == 0);
                statistics.Count(data.IsJson ? "case:data JSON" : "case:data CSV");
            });
        });
        return statistics;
    }

    private static void CompileAndScore(FuzzStatistics statistics, FuzzCase mutant, IReadOnlyDictionary<string, string> dataBySeed)
    {
        var result = RuleSetLoader.TryLoadJson(mutant.Text, "fuzz.json");
        using var rules = result.RuleSet;
        if (rules is null)
        {
            statistics.Count("valid: refused at compilation " + result.Diagnostics.First(d => d.IsError).Code);
            return;
        }
        statistics.Count("valid: compiled");
        if (!dataBySeed.TryGetValue(mutant.Seed, out var csv)) return;
        Score(statistics, rules, CsvAgencyReader.Read(rules, new StringReader(csv), source: "fuzz.csv"), writeResults: true);
    }

    private static void Score(FuzzStatistics statistics, CompiledRuleSet rules, AgencyBatch batch, bool writeResults)
    {
        if (batch.HasFileErrors)
        {
            // Documented: a batch with file-level errors is refused unless the caller opts in.
            Assert.ThrowsExactly<DataFileErrorException>(() => rules.Score(batch));
            statistics.Count("refused: file errors");
        }
        var report = rules.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = 1, AllowFileErrors = true });
        statistics.Count(report.Agencies.Count > 0 ? "scored: some agencies" : "scored: no agency");
        if (report.RowErrors.Count > 0) statistics.Count("scored: with row errors");
        if (batch.Diagnostics.Any(d => d.IsError)) statistics.Count("scored: with file errors");
        if (writeResults) JsonResultWriter.Write(report, new StringWriter());
    }

    /// <summary>Runs one case: an exception is a crash; a case over 20 s is a hang.</summary>
    private static void Guard(FuzzStatistics statistics, string kind, int index, FuzzCase mutant, Action run)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            run();
        }
        catch (Exception ex)
        {
            statistics.Crashes.Add($"{kind} case {index} ({mutant.Seed}; {string.Join(", ", mutant.Mutations)}): {ex.GetType().Name}: {ex.Message} -> {Save(kind, index, mutant)}{Environment.NewLine}{ex.StackTrace}");
        }
        statistics.Took(clock.Elapsed);
        if (clock.Elapsed > TimeSpan.FromSeconds(20))
            statistics.Crashes.Add($"{kind} case {index} took {clock.Elapsed.TotalSeconds:N0} s (a hang?) -> {Save(kind, index, mutant)}");
    }

    private static string Save(string kind, int index, FuzzCase mutant)
    {
        Directory.CreateDirectory(CrashFolder);
        var path = Path.Combine(CrashFolder, $"{kind}-{index}.txt");
        File.WriteAllText(path, mutant.Text);
        return path;
    }

    /// <summary>The generated code without its comment lines (titles), hashed.</summary>
    private static string CodeKey(string source)
    {
        var code = string.Join('\n', source.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
    }
}
