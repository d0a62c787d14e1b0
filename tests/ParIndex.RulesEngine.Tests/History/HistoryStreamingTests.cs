using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.History;
using ParIndex.RulesEngine.Results.Sinks;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.History;

/// <summary>
/// Streaming applies a history exactly as the in-memory path does (the history columns after
/// ranking, before eligibility; the latest period's ranks for previousRank without --previous),
/// and without one the history functions are missing there, never 0.
/// </summary>
[TestClass]
public sealed class HistoryStreamingTests
{
    private const string Example = "provincial-internal-index";
    private const string Individual = "ca-nhan-dieu-kien-don-vi";

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(4096)]
    public void Streamed_with_history_equals_the_in_memory_writers_on_the_internal_index_example(int chunkSize)
    {
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(Example, "ruleset.json"));
        var data = RepositoryPaths.Example(Example, "units-2024.csv");
        var history = ResultsHistoryReader.ReadFiles([RepositoryPaths.Example(Example, "results")]);
        var withHistory = rules.Score(CsvAgencyReader.ReadFile(rules, data), new ScoringOptions { History = history });
        var without = rules.Score(CsvAgencyReader.ReadFile(rules, data));

        // The fixture must make the history matter, or an engine that ignored it would pass:
        // Sở Y tế (88.91% in 2024) meets the individual award's average condition only with its
        // three earlier years ((100 + 100 + 90.28 + 88.91) / 4 = 94.80, see
        // ProvincialInternalIndexHistoryTests), and the 2023 ranks give previousRank.
        Assert.AreEqual(3, history.Periods.Count);
        Assert.IsTrue(Eligible(withHistory, "SYT"));
        Assert.IsFalse(Eligible(without, "SYT"));
        Assert.IsTrue(withHistory.Agencies.All(a => a.PreviousRank is not null), "every 2024 unit has a 2023 rank");
        Assert.AreNotEqual(Csv(without), Csv(withHistory));

        foreach (var format in new[] { ResultFormat.Csv, ResultFormat.Json, ResultFormat.Table })
        {
            using var output = new StringWriter();
            var summary = StreamingScorer.ScoreCsvFile(rules, data, output,
                new StreamingOptions { ChunkSize = chunkSize, Format = format, History = history, MaxDegreeOfParallelism = 2 });

            Assert.AreEqual(InMemory(withHistory, format), output.ToString(), $"{format}, chunks of {chunkSize}");
            Assert.AreEqual(withHistory.Agencies.Count, summary.Scored);
        }
    }

    [TestMethod]
    public void Streamed_previous_ranks_win_over_the_history_latest_ranks_as_in_memory()
    {
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(Example, "ruleset.json"));
        var data = RepositoryPaths.Example(Example, "units-2024.csv");
        var history = ResultsHistoryReader.ReadFiles([RepositoryPaths.Example(Example, "results")]);
        // Every unit was 1st "last year" by --previous; the history says otherwise (SNV was 13th in 2023).
        var previous = new PreviousRanks(CsvAgencyReader.ReadFile(rules, data).AgencyIds.ToDictionary(id => id, _ => new PreviousRank(1, null)));
        var report = rules.Score(CsvAgencyReader.ReadFile(rules, data), new ScoringOptions { Previous = previous, History = history });
        Assert.AreEqual(1, report.Find("SNV")!.PreviousRank);

        using var output = new StringWriter();
        StreamingScorer.ScoreCsvFile(rules, data, output, new StreamingOptions { ChunkSize = 7, Previous = previous, History = history });

        Assert.AreEqual(Csv(report), output.ToString());
    }

    [TestMethod]
    public void Streamed_history_functions_are_missing_so_conditions_on_them_are_false()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            eligibility: """[ { "id": "was", "title": "W", "conditions": [ { "title": "earlier ≥ 0", "when": "PreviousPercent(1) >= 0 || AveragePercent(2) >= 0 || RankChange(1) <= 0" } ] } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""");
        var path = Path.Combine(Path.GetTempPath(), $"parindex-history-stream-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "agencyId,x\nA,9\nB,5\n");
        try
        {
            using var output = new StringWriter();
            StreamingScorer.ScoreCsvFile(rules, path, output);

            // Zeros would make every comparison hold (0 ≥ 0, 0 − rank ≤ 0); missing values make none hold.
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.HasCount(3, lines);
            Assert.IsTrue(lines.Skip(1).All(l => l.TrimEnd('\r').EndsWith(",false", StringComparison.Ordinal)), output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static bool Eligible(ScoreReport report, string id) => report.Find(id)!.Eligibility.Single(e => e.Id == Individual).IsEligible;

    private static string Csv(ScoreReport report) => InMemory(report, ResultFormat.Csv);

    private static string InMemory(ScoreReport report, ResultFormat format)
    {
        using var writer = new StringWriter();
        switch (format)
        {
            case ResultFormat.Csv: CsvResultWriter.Write(report, writer); break;
            case ResultFormat.Json: JsonResultWriter.Write(report, writer); break;
            default: TableResultWriter.Write(report, writer); break;
        }
        return writer.ToString();
    }
}
