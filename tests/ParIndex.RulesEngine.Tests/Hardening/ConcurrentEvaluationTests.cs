using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// One compiled rule set used from 8 threads at once (each reading its data, scoring with the
/// default parallel chunks, writing and explaining results, and all reading one shared report)
/// gives exactly the results of a single-threaded run.
/// </summary>
[TestClass]
public sealed class ConcurrentEvaluationTests
{
    private const int Threads = 8;
    private const int Rounds = 4;

    [TestMethod]
    public void The_province_example_scored_from_8_threads_equals_a_single_threaded_run()
    {
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"));
        var csv = File.ReadAllText(RepositoryPaths.Example("par-index-province-2019", "provinces-2019.csv"));
        AssertSameFromManyThreads(rules, csv);
    }

    [TestMethod]
    public void A_10000_row_batch_with_group_aggregates_scored_from_8_threads_equals_a_single_threaded_run()
    {
        using var rules = RuleSetLoader.LoadJson(HostileDataRules.Json, "hostile-data.json");
        var csv = HostileDataRules.Csv(Enumerable.Range(1, 10_000).Select(HostileDataRules.CleanRow));
        AssertSameFromManyThreads(rules, csv);
    }

    private static void AssertSameFromManyThreads(CompiledRuleSet rules, string csv)
    {
        var serial = rules.Score(Read(rules, csv), new ScoringOptions { MaxDegreeOfParallelism = 1 });
        var expected = Render(serial);
        var shared = rules.Score(Read(rules, csv));
        var start = new Barrier(Threads);
        var results = new string[Threads, Rounds + 1];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
                results[t, round] = Render(rules.Score(Read(rules, csv), new ScoringOptions { ChunkSize = 256 + 97 * t }));
            results[t, Rounds] = Render(shared);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        for (var t = 0; t < Threads; t++)
            for (var round = 0; round <= Rounds; round++)
                Assert.AreEqual(expected, results[t, round], $"thread {t}, round {round}");
    }

    private static AgencyBatch Read(CompiledRuleSet rules, string csv) => CsvAgencyReader.Read(rules, new StringReader(csv), source: "data.csv");

    /// <summary>Everything a caller can read: JSON results, every explanation and shortfall of a few agencies.</summary>
    private static string Render(ScoreReport report)
    {
        var text = new StringWriter();
        JsonResultWriter.Write(report, text);
        foreach (var agency in report.Agencies.Where((_, i) => i % 997 == 0))
        {
            foreach (var explanation in report.ExplainAll(agency.AgencyId))
                text.WriteLine($"{explanation.Code} {explanation.Points} {explanation.PointsBeforeCap} {explanation.IsApplicable} {explanation.MatchedBand} {string.Join(",", explanation.Values.Select(v => $"{v.Name}={v.Value}"))}");
            foreach (var shortfall in report.Shortfalls(agency.AgencyId)) text.WriteLine($"{shortfall.Code} {shortfall.Lost}");
        }
        return text.ToString();
    }
}
