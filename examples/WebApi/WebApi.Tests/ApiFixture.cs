using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebApi.Tests;

/// <summary>
/// The API in memory, scoring with a rule file of its own that a test rewrites. The rule set has
/// two inputs, <c>done</c> and <c>planned</c>, and one criterion (max 20) worth
/// <c>factor * done / planned</c> points: 1 for version "v1", 2 for "v2"; so done 6 of planned 10
/// gives 6 points under v1 and 12 under v2, and the total tells which version scored a row.
/// </summary>
internal sealed class ApiFixture : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public ApiFixture()
    {
        Folder = Directory.CreateTempSubdirectory("parindex-webapi-").FullName;
        RulesPath = Path.Combine(Folder, "rules.json");
        File.WriteAllText(RulesPath, Rules("v1", 1));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ParIndex:RuleSets:province-2019", RulesPath)
            .UseSetting("ParIndex:ReloadDelay", "00:00:00.100"));
        Client = _factory.CreateClient();
    }

    public string Folder { get; }

    public string RulesPath { get; }

    public HttpClient Client { get; }

    public static string Rules(string version, int factor) => $$"""
        {
          "id": "webapi-test", "title": "Web API test", "version": "{{version}}",
          "inputs": [
            { "name": "done", "type": "number", "min": 0 },
            { "name": "planned", "type": "number", "min": 1 }
          ],
          "criteria": [ { "code": "1", "title": "Done vs planned", "max": 20, "formula": "{{factor}} * done / planned" } ]
        }
        """;

    /// <summary>A rule file with an unknown name in its formula (PAR0301).</summary>
    public static string BrokenRules => Rules("broken", 1).Replace("done / planned", "dne / planned", StringComparison.Ordinal);

    public Task<HttpResponseMessage> PostAsync(object rows) => Client.PostAsJsonAsync("/score/province-2019", rows);

    /// <summary>The rule set's entry in /health: overall status, version in use, last reload error.</summary>
    public async Task<(string Status, long Version, string? LastReloadError)> HealthAsync()
    {
        using var health = JsonDocument.Parse(await Client.GetStringAsync("/health"));
        var data = health.RootElement.GetProperty("checks").GetProperty("parindex-rules").GetProperty("data").GetProperty("province-2019");
        var error = data.GetProperty("lastReloadError");
        return (health.RootElement.GetProperty("status").GetString()!, data.GetProperty("version").GetInt64(),
            error.ValueKind == JsonValueKind.Null ? null : error.GetString());
    }

    /// <summary>Waits (at most 20 s, for a loaded machine) until /health satisfies <paramref name="done"/>.</summary>
    public async Task<(string Status, long Version, string? LastReloadError)> WaitForHealthAsync(Func<(string Status, long Version, string? LastReloadError), bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var health = await HealthAsync();
            if (done(health)) return health;
            if (DateTime.UtcNow > deadline) Assert.Fail($"/health never reached the expected state; last: {health}");
            await Task.Delay(50);
        }
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* the temp folder is cleaned later */ }
    }
}
