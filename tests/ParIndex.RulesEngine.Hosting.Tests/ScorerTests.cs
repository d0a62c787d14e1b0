using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Hosting.Tests.ReloadTests;

namespace ParIndex.RulesEngine.Hosting.Tests;

[TestClass]
public sealed class ScorerTests
{
    private static async Task<(IHost Host, IParIndexScorer Scorer, RuleFiles Files)> StartAsync()
    {
        var files = new RuleFiles();
        var path = files.Write("province.json", RuleFiles.Rules("1"));
        var (host, _) = TestHost.Build(o => o.RuleSets["province"] = path);
        await host.StartAsync();
        return (host, host.Services.GetRequiredService<IParIndexScorer>(), files);
    }

    [TestMethod]
    public async Task BadRowIsNamedAndTheOthersAreScored()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            // score / 10: 20 → 2 points, 35 → 3.5; row 2 exceeds the input's max of 100.
            var result = await scorer.ScoreJsonAsync("province", Json("""
                [ { "agencyId": "A", "score": 20 },
                  { "agencyId": "B", "score": 250 },
                  { "agencyId": "C", "score": 35 } ]
                """));
            Assert.IsFalse(result.Succeeded);
            CollectionAssert.AreEqual(new[] { "A", "C" }, result.Agencies.Select(a => a.AgencyId).ToArray());
            Assert.AreEqual(2.0, result.Agencies[0].Total, 1e-9);
            Assert.AreEqual(3.5, result.Agencies[1].Total, 1e-9);
            var problem = result.Problems.Single();
            Assert.AreEqual(ScoringProblemKind.Row, problem.Kind);
            Assert.AreEqual(2, problem.Row);
            Assert.AreEqual("B", problem.AgencyId);
            Assert.AreEqual("score", problem.Field);
            Assert.AreEqual(DiagnosticCodes.OutOfRange, problem.Code);

            var document = JsonSerializer.SerializeToElement(result.ToProblemDocument(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.AreEqual(400, document.GetProperty("status").GetInt32());
            Assert.AreEqual(2, document.GetProperty("scored").GetInt32());
            var error = document.GetProperty("errors")[0];
            Assert.AreEqual(2, error.GetProperty("row").GetInt32());
            Assert.AreEqual("score", error.GetProperty("field").GetString());
            StringAssert.Contains(document.GetProperty("detail").GetString(), "B");
        }
    }

    [TestMethod]
    public async Task BoundRowsTakeJsonNumbersAsNumbers()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            // What ASP.NET binds a JSON array of objects to.
            var rows = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>("""[ { "agencyId": "A", "agencyName": "Sở A", "score": 24 } ]""")!;
            var result = await scorer.ScoreRowsAsync("province", rows);
            Assert.IsTrue(result.Succeeded, string.Join("\n", result.Problems));
            Assert.AreEqual("Sở A", result.Agencies.Single().Name);
            Assert.AreEqual(2.4, result.Agencies.Single().Total, 1e-9); // 24 / 10
            Assert.AreEqual(1L, result.Version);
            Assert.IsNotNull(result.Report);
        }
    }

    [TestMethod]
    public async Task CsvIsScored()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            var result = await scorer.ScoreCsvAsync("province", Json("agencyId,score\nA,20\nB,x\n"));
            Assert.AreEqual(2.0, result.Agencies.Single().Total, 1e-9);
            var problem = result.Problems.Single();
            Assert.AreEqual((2, "B", "score", DiagnosticCodes.WrongType), (problem.Row, problem.AgencyId, problem.Field, problem.Code));
            Assert.AreEqual(3, problem.Line); // header is line 1
        }
    }

    [TestMethod]
    public async Task MalformedJsonIsAFileProblemAndNothingIsScored()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            var result = await scorer.ScoreJsonAsync("province", Json("""[ { "agencyId": "A", "score": 20 }, { "agencyId": """));
            Assert.IsFalse(result.Succeeded);
            Assert.IsEmpty(result.Agencies);
            Assert.IsTrue(result.Problems.Any(p => p.Kind == ScoringProblemKind.File && p.IsError), string.Join("\n", result.Problems));
        }
    }

    [TestMethod]
    public async Task UnknownRuleSetIsARuleProblemNamingTheKnownOnes()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            var result = await scorer.ScoreJsonAsync("provnce", Json("[]"));
            var problem = result.Problems.Single();
            Assert.AreEqual(ScoringProblemKind.Rule, problem.Kind);
            StringAssert.Contains(problem.Message, "'provnce'");
            StringAssert.Contains(problem.Message, "province");
            Assert.AreEqual(0L, result.Version);
        }
    }

    [TestMethod]
    public async Task CancelledRequestIsCancelled()
    {
        var (host, scorer, files) = await StartAsync();
        using (files)
        using (host)
        {
            await Assert.ThrowsAsync<OperationCanceledException>(() =>
                scorer.ScoreJsonAsync("province", Json("""[ { "agencyId": "A", "score": 20 } ]"""), new CancellationToken(canceled: true)));
        }
    }

    [TestMethod]
    public async Task HealthIsUnhealthyWhenTheRulesCannotLoad()
    {
        using var files = new RuleFiles();
        var broken = files.Write("broken.json", RuleFiles.Broken);
        var (host, _) = TestHost.Build(o => o.RuleSets["province"] = broken);
        using (host)
        {
            var health = await TestHost.HealthAsync(host);
            Assert.AreEqual(HealthStatus.Unhealthy, health.Status);
            Assert.IsInstanceOfType<RuleSetException>(health.Entries["parindex-rules"].Exception);
        }
    }
}
