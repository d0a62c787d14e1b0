using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebApi.Tests;

[TestClass]
public sealed class ScoreEndpointTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [TestMethod]
    public async Task PostedRowsAreScored()
    {
        await using var api = new ApiFixture();
        var response = await api.PostAsync(new object[]
        {
            new { agencyId = "A", agencyName = "Sở A", done = 6, planned = 10 },
            new { agencyId = "B", done = 15, planned = 10 },
        });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<ScoreResponse>(Web))!;
        Assert.AreEqual(1L, body.Version);
        // 1 * 6 / 10 = 0.6 points for A, 1 * 15 / 10 = 1.5 for B (max 20, no capping reached).
        Assert.AreEqual(0.6, body.Agencies.Single(a => a.AgencyId == "A").Total, 1e-9);
        Assert.AreEqual("Sở A", body.Agencies.Single(a => a.AgencyId == "A").Name);
        Assert.AreEqual(1.5, body.Agencies.Single(a => a.AgencyId == "B").Total, 1e-9);
        Assert.AreEqual(1, body.Agencies.Single(a => a.AgencyId == "B").Rank);
    }

    [TestMethod]
    public async Task RawStreamIsScored()
    {
        await using var api = new ApiFixture();
        using var content = new StringContent("""[ { "agencyId": "A", "done": 3, "planned": 4 } ]""", System.Text.Encoding.UTF8, "application/json");
        var response = await api.Client.PostAsync("/score/province-2019/stream", content);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<ScoreResponse>(Web))!;
        Assert.AreEqual(0.75, body.Agencies.Single().Total, 1e-9); // 1 * 3 / 4
    }

    [TestMethod]
    public async Task BadRowIsAnsweredWithAProblemDocumentNamingRowAndField()
    {
        await using var api = new ApiFixture();
        var response = await api.PostAsync(new object[]
        {
            new { agencyId = "A", done = 6, planned = 10 },
            new { agencyId = "B", done = 6, planned = "ten" },
        });
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        Assert.AreEqual(400, root.GetProperty("status").GetInt32());
        Assert.AreEqual(1, root.GetProperty("scored").GetInt32());
        var error = root.GetProperty("errors").EnumerateArray().Single();
        Assert.AreEqual(2, error.GetProperty("row").GetInt32());
        Assert.AreEqual("B", error.GetProperty("agencyId").GetString());
        Assert.AreEqual("planned", error.GetProperty("field").GetString());
        StringAssert.EndsWith(error.GetProperty("jsonPath").GetString(), "[1].planned");
    }

    [TestMethod]
    public async Task UnknownRuleSetIsNotFound()
    {
        await using var api = new ApiFixture();
        var response = await api.Client.PostAsJsonAsync("/score/province-2091", Array.Empty<object>());
        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "province-2019");
    }
}
