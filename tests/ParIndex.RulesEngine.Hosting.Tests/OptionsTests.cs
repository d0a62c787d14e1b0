using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting.Tests;

[TestClass]
public sealed class OptionsTests
{
    [TestMethod]
    public async Task MissingFileAndFolderStopTheStartNamingEach()
    {
        using var files = new RuleFiles();
        var (host, _) = TestHost.Build(o =>
        {
            o.RuleSets["province"] = Path.Combine(files.Folder, "missing.json");
            o.Folders.Add(Path.Combine(files.Folder, "no-such-folder"));
        });
        using (host)
        {
            var ex = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.HasCount(2, ex.Failures);
            Assert.IsTrue(ex.Failures.Any(f => f.Contains("ParIndex:RuleSets:province") && f.Contains("missing.json")), string.Join("\n", ex.Failures));
            Assert.IsTrue(ex.Failures.Any(f => f.Contains("ParIndex:Folders:0") && f.Contains("no-such-folder")), string.Join("\n", ex.Failures));
        }
    }

    [TestMethod]
    public async Task NoRuleSetAndBadNumbersStopTheStart()
    {
        var (host, _) = TestHost.Build(o => { o.MaxDegreeOfParallelism = 0; o.ReloadDelay = TimeSpan.FromSeconds(-1); });
        using (host)
        {
            var ex = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.IsTrue(ex.Failures.Any(f => f.Contains("no rule set configured")), string.Join("\n", ex.Failures));
            Assert.IsTrue(ex.Failures.Any(f => f.Contains("MaxDegreeOfParallelism")), string.Join("\n", ex.Failures));
            Assert.IsTrue(ex.Failures.Any(f => f.Contains("ReloadDelay")), string.Join("\n", ex.Failures));
        }
    }

    [TestMethod]
    public async Task BrokenRuleFileStopsTheStartWithEveryDiagnosticLogged()
    {
        using var files = new RuleFiles();
        var broken = files.Write("broken.json", RuleFiles.Broken);
        var (host, logs) = TestHost.Build(o => o.RuleSets["province"] = broken);
        using (host)
        {
            var ex = await Assert.ThrowsExactlyAsync<RuleSetException>(() => host.StartAsync());
            var errors = ex.Diagnostics.Where(d => d.IsError).ToList();
            Assert.HasCount(2, errors, ex.Message);
            Assert.IsTrue(errors.All(d => d.Code == DiagnosticCodes.UnknownName), ex.Message);
            // Lines 5 and 6 of the file hold the two bad formulas.
            CollectionAssert.AreEquivalent(new[] { 5, 6 }, errors.Select(d => d.Location.Line).ToArray(), ex.Message);
            var logged = logs.Entries.Where(e => e.Level == LogLevel.Error && Equals(e.Fields.GetValueOrDefault("Code"), DiagnosticCodes.UnknownName)).ToList();
            Assert.HasCount(2, logged);
            Assert.IsTrue(logged.All(e => Equals(e.Fields["File"], broken) && (int)e.Fields["Column"]! > 0), string.Join("\n", logged));
            CollectionAssert.AreEquivalent(new[] { 5, 6 }, logged.Select(e => (int)e.Fields["Line"]!).ToArray());
        }
    }

    [TestMethod]
    public async Task ConfigurationSectionNamesFilesAndFolders()
    {
        using var files = new RuleFiles();
        var single = files.Write("single.json", RuleFiles.Rules("1"));
        var folder = Directory.CreateDirectory(Path.Combine(files.Folder, "more")).FullName;
        File.WriteAllText(Path.Combine(folder, "district.json"), RuleFiles.Rules("d"));
        File.WriteAllText(Path.Combine(folder, "commune.json"), RuleFiles.Rules("c"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a rule file");

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ParIndex:RuleSets:province"] = single,
            ["ParIndex:Folders:0"] = folder,
            ["ParIndex:ReloadDelay"] = "00:00:02",
            ["ParIndex:MaxDegreeOfParallelism"] = "3",
        });
        builder.Services.AddParIndexRules(builder.Configuration.GetSection("ParIndex"));
        using var host = builder.Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ParIndexRulesOptions>>().Value;
        Assert.AreEqual(TimeSpan.FromSeconds(2), options.ReloadDelay);
        Assert.AreEqual(3, options.MaxDegreeOfParallelism);
        var ruleSets = host.Services.GetRequiredService<ParIndexRuleSets>();
        // Files first, then each folder's *.json files by ordinal name.
        CollectionAssert.AreEqual(new[] { "province", "commune", "district" }, ruleSets.Names.ToArray());
        Assert.AreEqual("d", ruleSets.Status("district")!.RuleSetVersion);
        Assert.AreEqual(1L, ruleSets.Status("province")!.Version);
        await host.StopAsync();
    }

    [TestMethod]
    public async Task SameNameTwiceStopsTheStart()
    {
        using var files = new RuleFiles();
        var folder = Directory.CreateDirectory(Path.Combine(files.Folder, "more")).FullName;
        File.WriteAllText(Path.Combine(folder, "province.json"), RuleFiles.Rules("f"));
        var single = files.Write("single.json", RuleFiles.Rules("1"));
        var (host, _) = TestHost.Build(o => { o.RuleSets["province"] = single; o.Folders.Add(folder); });
        using (host)
        {
            var ex = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.IsTrue(ex.Failures.Single().Contains("'province' is given twice"), ex.Message);
        }
    }
}
