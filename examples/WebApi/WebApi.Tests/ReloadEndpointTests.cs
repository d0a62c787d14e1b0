using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebApi.Tests;

[TestClass]
public sealed class ReloadEndpointTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly object[] OneRow = [new { agencyId = "A", done = 6, planned = 10 }];

    [TestMethod]
    public async Task RuleFileEditIsPickedUpWithoutRestart()
    {
        await using var api = new ApiFixture();
        Assert.AreEqual(0.6, (await ScoreAsync(api)).Total, 1e-9); // 1 * 6 / 10
        File.WriteAllText(api.RulesPath, ApiFixture.Rules("v2", 2));
        var health = await api.WaitForHealthAsync(h => h.Version == 2);
        Assert.AreEqual("Healthy", health.Status);
        var (version, total) = await ScoreAsync(api);
        Assert.AreEqual(2L, version);
        Assert.AreEqual(1.2, total, 1e-9); // 2 * 6 / 10
    }

    [TestMethod]
    public async Task BrokenEditKeepsTheOldVersion()
    {
        await using var api = new ApiFixture();
        File.WriteAllText(api.RulesPath, ApiFixture.BrokenRules);
        var health = await api.WaitForHealthAsync(h => h.LastReloadError is not null);
        Assert.AreEqual("Degraded", health.Status);
        Assert.AreEqual(1L, health.Version);
        StringAssert.Contains(health.LastReloadError, "PAR0301");
        StringAssert.Contains(health.LastReloadError, api.RulesPath);
        var (version, total) = await ScoreAsync(api);
        Assert.AreEqual(1L, version);
        Assert.AreEqual(0.6, total, 1e-9);
    }

    [TestMethod]
    public async Task ConcurrentRequestsDuringAReloadEachSeeOneVersion()
    {
        await using var api = new ApiFixture();
        // 50 requests of 200 rows each, fired while the file changes from factor 1 to factor 2:
        // every row of a response must carry the factor of the version that response names.
        var rows = Enumerable.Range(1, 200).Select(i => new { agencyId = $"A{i}", done = i % 10, planned = 10 }).ToArray();
        File.WriteAllText(api.RulesPath, ApiFixture.Rules("v2", 2));
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var response = await api.PostAsync(rows);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<ScoreResponse>(Web))!;
        }));
        foreach (var response in responses)
        {
            Assert.IsTrue(response.Version is 1 or 2, $"version {response.Version}");
            var factor = response.Version;
            foreach (var agency in response.Agencies)
            {
                var i = int.Parse(agency.AgencyId[1..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.AreEqual(factor * (i % 10) / 10.0, agency.Total, 1e-9, $"{agency.AgencyId} in a response of version {response.Version}");
            }
        }
        // Once the reload is done, every new request is answered by version 2.
        await api.WaitForHealthAsync(h => h.Version == 2);
        Assert.AreEqual(2L, (await ScoreAsync(api)).Version);
    }

    private static async Task<(long Version, double Total)> ScoreAsync(ApiFixture api)
    {
        var response = await api.PostAsync(OneRow);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<ScoreResponse>(Web))!;
        return (body.Version, body.Agencies.Single().Total);
    }
}
