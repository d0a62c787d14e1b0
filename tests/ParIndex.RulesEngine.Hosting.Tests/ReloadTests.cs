using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting.Tests;

[TestClass]
public sealed class ReloadTests
{
    private const string Row = """[ { "agencyId": "A", "score": 20 } ]""";

    [TestMethod]
    public async Task BurstOfWritesGivesOneReloadOfTheLastContent()
    {
        using var files = new RuleFiles();
        var path = files.Write("province.json", RuleFiles.Rules("1"));
        var (host, _) = TestHost.Build(o => { o.RuleSets["province"] = path; o.ReloadDelay = TimeSpan.FromMilliseconds(1500); });
        using (host)
        {
            await host.StartAsync();
            var ruleSets = host.Services.GetRequiredService<ParIndexRuleSets>();
            // Three saves 100 ms apart (well inside the delay): only the last must be compiled.
            File.WriteAllText(path, RuleFiles.Rules("2"));
            await Task.Delay(100);
            File.WriteAllText(path, RuleFiles.Rules("3"));
            await Task.Delay(100);
            File.WriteAllText(path, RuleFiles.Rules("4", divisor: 5));
            var status = await TestHost.WaitForAsync(ruleSets, "province", s => s.Version > 1);
            Assert.AreEqual("4", status.RuleSetVersion);
            // Without the debounce each save (and each of its change events) would reload once more.
            await Task.Delay(2000);
            Assert.AreEqual(2L, ruleSets.Status("province")!.Version);

            // The new rules score: 20 / 5 = 4 points.
            var result = await host.Services.GetRequiredService<IParIndexScorer>().ScoreJsonAsync("province", Json(Row));
            Assert.AreEqual(2L, result.Version);
            Assert.AreEqual(4.0, result.Agencies.Single().Total, 1e-9);
            await host.StopAsync();
        }
    }

    [TestMethod]
    public async Task BrokenEditKeepsTheOldRulesLogsEveryDiagnosticAndDegradesHealth()
    {
        using var files = new RuleFiles();
        var path = files.Write("province.json", RuleFiles.Rules("1"));
        var (host, logs) = TestHost.Build(o => { o.RuleSets["province"] = path; o.ReloadDelay = TimeSpan.FromMilliseconds(100); });
        using (host)
        {
            await host.StartAsync();
            var ruleSets = host.Services.GetRequiredService<ParIndexRuleSets>();
            var scorer = host.Services.GetRequiredService<IParIndexScorer>();
            Assert.AreEqual(HealthStatus.Healthy, (await TestHost.HealthAsync(host)).Status);

            File.WriteAllText(path, RuleFiles.Broken);
            var failed = await TestHost.WaitForAsync(ruleSets, "province", s => s.ReloadFailed);
            Assert.AreEqual(1L, failed.Version);
            Assert.AreEqual("1", failed.RuleSetVersion);
            Assert.HasCount(2, failed.LastReloadErrors.Where(d => d.Code == DiagnosticCodes.UnknownName).ToList());

            // Still scored by version 1: 20 / 10 = 2 points.
            var result = await scorer.ScoreJsonAsync("province", Json(Row));
            Assert.IsTrue(result.Succeeded);
            Assert.AreEqual(1L, result.Version);
            Assert.AreEqual(2.0, result.Agencies.Single().Total, 1e-9);

            var logged = logs.Entries.Where(e => e.Level == LogLevel.Error && Equals(e.Fields.GetValueOrDefault("Code"), DiagnosticCodes.UnknownName)).ToList();
            CollectionAssert.AreEquivalent(new[] { 5, 6 }, logged.Select(e => (int)e.Fields["Line"]!).ToArray());
            Assert.IsTrue(logged.All(e => e.Text.StartsWith(path + "(", StringComparison.Ordinal)), string.Join("\n", logged));

            var health = await TestHost.HealthAsync(host);
            Assert.AreEqual(HealthStatus.Degraded, health.Status);
            var data = (IReadOnlyDictionary<string, object?>)health.Entries["parindex-rules"].Data["province"];
            Assert.AreEqual(1L, data["version"]);
            StringAssert.Contains((string)data["lastReloadError"]!, DiagnosticCodes.UnknownName);

            // Fixed: version 2 in use, healthy again, no error left.
            File.WriteAllText(path, RuleFiles.Rules("2", divisor: 5));
            var fixedStatus = await TestHost.WaitForAsync(ruleSets, "province", s => s.Version == 2);
            Assert.IsFalse(fixedStatus.ReloadFailed);
            health = await TestHost.HealthAsync(host);
            Assert.AreEqual(HealthStatus.Healthy, health.Status);
            data = (IReadOnlyDictionary<string, object?>)health.Entries["parindex-rules"].Data["province"];
            Assert.AreEqual(2L, data["version"]);
            Assert.IsNull(data["lastReloadError"]);
            await host.StopAsync();
        }
    }

    [TestMethod]
    public async Task NoWatchingWhenSwitchedOff()
    {
        using var files = new RuleFiles();
        var path = files.Write("province.json", RuleFiles.Rules("1"));
        var (host, _) = TestHost.Build(o => { o.RuleSets["province"] = path; o.WatchForChanges = false; o.ReloadDelay = TimeSpan.Zero; });
        using (host)
        {
            await host.StartAsync();
            var ruleSets = host.Services.GetRequiredService<ParIndexRuleSets>();
            File.WriteAllText(path, RuleFiles.Rules("2"));
            await Task.Delay(1000);
            Assert.AreEqual(1L, ruleSets.Status("province")!.Version);
            // An explicit reload still works.
            Assert.IsTrue(ruleSets.Reload("province"));
            Assert.AreEqual("2", ruleSets.Status("province")!.RuleSetVersion);
            await host.StopAsync();
        }
    }

    internal static MemoryStream Json(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
