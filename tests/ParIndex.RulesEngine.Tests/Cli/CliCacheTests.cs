using System.Runtime.Versioning;
namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>The command line shows why it did not use the compile cache, and still scores.</summary>
[TestClass]
public sealed class CliCacheTests
{
    [TestMethod]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_world_writable_cache_folder_is_refused_with_a_warning_and_the_run_succeeds()
    {
        if (OperatingSystem.IsWindows()) Assert.Inconclusive("Unix permissions.");
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var cache = workspace.PathOf("shared-cache");
        Directory.CreateDirectory(cache);
        File.SetUnixFileMode(cache, (UnixFileMode)0b111_111_111);

        var result = CliWorkspace.Run("score", rules, data, "--cache-dir", cache);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.Contains(result.ErrorLines.ToList(), $"{cache}: warning PAR0503: The cache folder '{cache}' is not used: it has mode 0777, so other users can write kernels into it; make it 0700 (chmod 700). The rule set is compiled without the cache.", result.ToString());
        Assert.IsEmpty(Directory.GetFileSystemEntries(cache), "nothing is written to a shared folder");
        Assert.IsTrue(result.OutLines.Any(line => line.Contains("Sở C", StringComparison.Ordinal)), result.ToString());
    }
}
