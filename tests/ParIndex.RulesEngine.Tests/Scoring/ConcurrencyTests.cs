using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>One compiled rule set scores from many threads, and chunked parallel scoring equals a serial run.</summary>
[TestClass]
public sealed class ConcurrencyTests
{
    /// <summary>A rule set touching every stage: variables, a group aggregate, bands, ranking groups, eligibility.</summary>
    private static CompiledRuleSet Rules() => RuleSets.Load(
        inputs: """
        [ { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
          { "name": "done", "type": "number" }, { "name": "planned", "type": "number" },
          { "name": "online", "type": "number" }, { "name": "late", "type": "number" },
          { "name": "published", "type": "bool" } ]
        """,
        variables: """
        [ { "name": "doneShare", "formula": "Ratio(done, planned)" },
          { "name": "vsBest", "formula": "Ratio(online, GroupMax(online))" } ]
        """,
        ranking: """{ "groupBy": "kind" }""",
        classification: """[ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 70 }, { "label": "Yếu", "minPercent": 0 } ]""",
        eligibility: """[ { "id": "top", "title": "Top 3", "conditions": [ { "title": "rank ≤ 3", "when": "rank <= 3" } ] } ]""",
        criteria: """
        [ { "code": "1", "title": "Plan", "max": 4, "children": [
            { "code": "1.1", "title": "Done", "max": 2, "proportional": { "value": "doneShare", "target": 0.9 } },
            { "code": "1.2", "title": "Published", "max": 1, "yesNo": "published" },
            { "code": "1.3", "title": "Late", "max": 1, "appliesTo": "kind != \"xa\"",
              "bands": { "of": "late", "steps": [ { "below": 1, "points": 1 }, { "atLeast": 1, "below": 5, "points": 0.5 } ] } },
            { "code": "1.P", "title": "Very late", "kind": "penalty", "max": 1, "count": { "value": "late", "pointsPerItem": 0.05 } } ] },
          { "code": "2", "title": "Online", "max": 2, "formula": "2 * vsBest" } ]
        """);

    /// <summary>Deterministic pseudo-random agencies (a fixed linear congruential sequence).</summary>
    private static AgencyBatch Batch(CompiledRuleSet rules, int count)
    {
        var builder = rules.CreateBatch();
        var kinds = new[] { "so", "huyen", "xa" };
        uint state = 12345;
        int Next(int bound) { state = state * 1664525 + 1013904223; return (int)(state >> 8) % bound; }
        for (var i = 0; i < count; i++)
        {
            builder.Add($"AG{i:D4}", new Dictionary<string, object?>
            {
                ["kind"] = kinds[Next(3)],
                ["done"] = (double)Next(101),
                ["planned"] = 100.0,
                ["online"] = (double)Next(1000),
                ["late"] = (double)Next(8),
                ["published"] = Next(2) == 1,
            });
        }
        return builder.Build();
    }

    private static string Fingerprint(ScoreReport report) => string.Join("\n", report.Agencies.Select(a =>
        $"{a.AgencyId}|{a.Total:R}|{a.MaxPoints:R}|{a.Percent:R}|{a.Classification}|{a.Rank}|{a.OverallRank}|" +
        string.Join(",", a.Criteria.Select(c => $"{c.Points:R}/{c.MaxPoints:R}")) + "|" +
        string.Join(",", a.Eligibility.Select(e => e.IsEligible))));

    [TestMethod]
    public async Task EightTasksScoringTheSameBatch_GetTheResultOfASingleRun()
    {
        using var rules = Rules();
        var batch = Batch(rules, 300);
        var expected = Fingerprint(rules.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = 1 }));

        var runs = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => Fingerprint(rules.Score(batch, new ScoringOptions { ChunkSize = 16 }))))
            .ToArray();
        var results = await Task.WhenAll(runs);

        Assert.HasCount(300, expected.Split('\n'));
        foreach (var result in results) Assert.AreEqual(expected, result);
    }

    [TestMethod]
    public void SerialAndChunkedParallelRuns_GiveIdenticalTotalsAndRanks()
    {
        using var rules = Rules();
        var batch = Batch(rules, 1000);

        var serial = rules.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = 1 });
        var parallel = rules.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = 8, ChunkSize = 7 });

        Assert.IsEmpty(serial.RowErrors);
        Assert.HasCount(1000, serial.Agencies);
        Assert.HasCount(1000, parallel.Agencies);
        for (var i = 0; i < serial.Agencies.Count; i++)
        {
            var s = serial.Agencies[i];
            var p = parallel.Agencies[i];
            Assert.AreEqual(s.AgencyId, p.AgencyId);
            Assert.AreEqual(s.Total, p.Total, $"total of {s.AgencyId}");
            Assert.AreEqual(s.Percent, p.Percent, $"percent of {s.AgencyId}");
            Assert.AreEqual(s.Rank, p.Rank, $"rank of {s.AgencyId}");
            Assert.AreEqual(s.OverallRank, p.OverallRank, $"overall rank of {s.AgencyId}");
        }
        Assert.AreEqual(Fingerprint(serial), Fingerprint(parallel));
    }

    [TestMethod]
    public void ChunkedRun_SeesGroupAggregatesOverTheWholeBatch()
    {
        using var rules = Rules();
        var batch = Batch(rules, 1000);

        var report = rules.Score(batch, new ScoringOptions { MaxDegreeOfParallelism = 8, ChunkSize = 7 });

        // area 2 = 2 × online / best-in-group: the best of each group has 2 points, so exactly one
        // agency (or a tie) per group reaches 2 even though no chunk of 7 rows holds a whole group
        foreach (var group in report.Groups)
        {
            var members = report.Agencies.Where(a => a.Group == group).ToList();
            Assert.IsTrue(members.Any(a => a["2"].Points == 2.0), $"group {group} has an agency with full points on area 2");
            Assert.IsTrue(members.All(a => a["2"].Points <= 2.0));
        }
    }
}
