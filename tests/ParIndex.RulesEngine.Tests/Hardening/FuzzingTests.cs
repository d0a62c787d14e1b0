using System.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Seeded mutation fuzzing of rule files and data files built from the examples. The only
/// outcomes allowed are a valid rule set, diagnostics, or a scored batch with row and file
/// diagnostics: never an unhandled exception, a hang or a crash. The CI run does 10,000 cases;
/// set PARINDEX_FUZZ_CASES (e.g. 100000) for a long run, PARINDEX_FUZZ_SEED to change the
/// mutants, PARINDEX_FUZZ_COMPILES for how many valid mutants are compiled and scored.
/// </summary>
[TestClass]
public sealed class FuzzingTests
{
    private static readonly int Seed = Setting("PARINDEX_FUZZ_SEED", 20_251_123);
    private static readonly int Cases = Setting("PARINDEX_FUZZ_CASES", 10_000);
    private static readonly int Compiles = Setting("PARINDEX_FUZZ_COMPILES", 12);

    /// <summary>Rule-file cases: 40 % (each runs the schema check on a 25–46 KB file); the rest are data files.</summary>
    private static readonly int RuleCases = Cases * 2 / 5;

    public TestContext TestContext { get; set; } = null!;

    /// <summary>Every examples/*/ruleset.json, by example name.</summary>
    private static IReadOnlyDictionary<string, string> RuleSeeds() =>
        Directory.GetDirectories(RepositoryPaths.Combine("examples"))
            .Where(d => File.Exists(Path.Combine(d, "ruleset.json")))
            .ToDictionary(d => Path.GetFileName(d)!, d => File.ReadAllText(Path.Combine(d, "ruleset.json")));

    /// <summary>Every CSV next to an example's rule file, keyed by example name.</summary>
    private static IReadOnlyList<(string Example, string Csv)> DataSeeds() =>
        RuleSeeds().Keys.SelectMany(name => Directory.GetFiles(RepositoryPaths.Combine("examples", name), "*.csv")
            .Select(path => (name, File.ReadAllText(path)))).ToList();

    [TestMethod]
    public void Rule_file_mutants_give_a_rule_set_or_diagnostics_never_a_crash()
    {
        var seeds = RuleSeeds();
        Assert.IsNotEmpty(seeds);
        var data = DataSeeds().GroupBy(d => d.Example).ToDictionary(g => g.Key, g => g.First().Csv);
        var clock = Stopwatch.StartNew();
        var statistics = FuzzHarness.RunRuleFiles(new RuleFileFuzzer(seeds.Select(s => (s.Key, s.Value)), Seed), RuleCases, Compiles, data);
        Report("rule files", statistics, clock.Elapsed, seeds.Count);
        Assert.IsEmpty(statistics.Crashes, string.Join(Environment.NewLine, statistics.Crashes));
        Assert.AreEqual(RuleCases, statistics.Cases);
    }

    [TestMethod]
    public void Data_file_mutants_give_scores_or_diagnostics_never_a_crash()
    {
        var seeds = DataSeeds();
        Assert.IsNotEmpty(seeds);
        var rules = seeds.Select(s => s.Example).Distinct().ToDictionary(name => name,
            name => RuleSetLoader.LoadFile(RepositoryPaths.Example(name, "ruleset.json")));
        try
        {
            var clock = Stopwatch.StartNew();
            var statistics = FuzzHarness.RunDataFiles(new DataFileFuzzer(seeds, Seed), Cases - RuleCases, rules);
            Report("data files", statistics, clock.Elapsed, seeds.Count);
            Assert.IsEmpty(statistics.Crashes, string.Join(Environment.NewLine, statistics.Crashes));
            Assert.AreEqual(Cases - RuleCases, statistics.Cases);
        }
        finally
        {
            foreach (var set in rules.Values) set.Dispose();
        }
    }

    [TestMethod]
    public void The_same_seed_gives_the_same_mutants()
    {
        var seeds = RuleSeeds().Select(s => (s.Key, s.Value)).ToList();
        var first = new RuleFileFuzzer(seeds, Seed);
        var second = new RuleFileFuzzer(seeds, Seed);
        for (var i = 0; i < 50; i++) Assert.AreEqual(first.Case(i).Text, second.Case(i).Text);
        var data = DataSeeds();
        for (var i = 0; i < 50; i++) Assert.AreEqual(new DataFileFuzzer(data, Seed).Case(i).Case.Text, new DataFileFuzzer(data, Seed).Case(i).Case.Text);
    }

    private void Report(string what, FuzzStatistics statistics, TimeSpan elapsed, int seeds)
    {
        TestContext.WriteLine($"Fuzzing {what}: seed {Seed}, {statistics.Cases:N0} cases from {seeds} seed files in {elapsed.TotalSeconds:N1} s on {Environment.ProcessorCount} cores, {statistics.Crashes.Count} crashes");
        TestContext.WriteLine(statistics.ToString());
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
