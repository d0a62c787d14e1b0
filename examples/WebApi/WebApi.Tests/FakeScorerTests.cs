using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.RulesEngine.Hosting;

namespace WebApi.Tests;

/// <summary>
/// The endpoints tested with <see cref="IParIndexScorer"/> replaced by a fake, which scores
/// nothing: this is how an app tests its own answers (status codes, problem documents) apart from
/// the engine. The rule file is there only because the options are checked at start.
/// </summary>
[TestClass]
public sealed class FakeScorerTests
{
    [TestMethod]
    public async Task A_fake_scorer_replaces_the_engine_and_its_problems_are_answered_as_a_problem_document()
    {
        var fake = new FakeScorer(ScoringResult.Failed("province-2019", 7,
            [new ScoringProblem(ScoringProblemKind.Row, "PAR0604", "Agency 'B': the value of 'planned' is not a number.", Row: 2, AgencyId: "B", Field: "planned", JsonPath: "$[1].planned")]));
        var folder = Directory.CreateTempSubdirectory("parindex-fake-scorer-").FullName;
        var rules = Path.Combine(folder, "rules.json");
        await File.WriteAllTextAsync(rules, ApiFixture.Rules("v1", 1));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ParIndex:RuleSets:province-2019", rules)
            .UseSetting("ParIndex:WatchForChanges", "false")
            .ConfigureTestServices(services => services.AddSingleton<IParIndexScorer>(fake)));
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/score/province-2019", new object[] { new { agencyId = "A", done = 24 }, new { agencyId = "B", planned = "x" } });

        // The endpoint handed the fake what ASP.NET bound: the rule-set name and both rows, 24 still a JSON number.
        Assert.AreEqual("province-2019", fake.RuleSet);
        Assert.HasCount(2, fake.Rows);
        Assert.AreEqual(JsonValueKind.Number, fake.Rows[0]["done"].ValueKind);
        Assert.AreEqual(24, fake.Rows[0]["done"].GetInt32());
        // A row problem is a bad request, answered with the fake's problem as it is.
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.AreEqual(400, problem.RootElement.GetProperty("status").GetInt32());
        var text = problem.RootElement.ToString();
        StringAssert.Contains(text, "Agency 'B': the value of 'planned' is not a number.");
        StringAssert.Contains(text, "$[1].planned");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Records what it was given and answers with a fixed result.</summary>
    private sealed class FakeScorer(ScoringResult answer) : IParIndexScorer
    {
        public string? RuleSet { get; private set; }

        public List<IReadOnlyDictionary<string, JsonElement>> Rows { get; } = [];

        public Task<ScoringResult> ScoreRowsAsync(string ruleSet, IEnumerable<IReadOnlyDictionary<string, JsonElement>> rows, CancellationToken cancellationToken = default)
        {
            RuleSet = ruleSet;
            Rows.AddRange(rows.Select(r => (IReadOnlyDictionary<string, JsonElement>)r.ToDictionary(p => p.Key, p => p.Value.Clone())));
            return Task.FromResult(answer);
        }

        public Task<ScoringResult> ScoreJsonAsync(string ruleSet, Stream json, CancellationToken cancellationToken = default) => Task.FromResult(answer);

        public Task<ScoringResult> ScoreCsvAsync(string ruleSet, Stream csv, CancellationToken cancellationToken = default) => Task.FromResult(answer);
    }
}
