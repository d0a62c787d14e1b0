using System.Runtime.Versioning;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.CacheFixture;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Whoever can write the cache folder must not be able to choose the code the next load runs:
/// entries are authenticated with an HMAC under the user's key, the folder and the key file must
/// be the user's alone, and a refused entry is deleted and compiled again with correct results.
/// </summary>
[TestClass]
public sealed class KernelCacheTrustTests
{
    [TestMethod]
    public void An_authenticated_entry_is_loaded_without_compiling()
    {
        var folder = NewFolder();
        var options = Options(folder, NewKey());
        var (first, firstCompilations) = LoadCounting(HalfOfX, options);
        first.RuleSet!.Dispose();
        var (second, secondCompilations) = LoadCounting(HalfOfX, options);
        using var rules = second.RuleSet!;

        Assert.AreEqual(1, firstCompilations);
        Assert.AreEqual(0, secondCompilations, "a cache hit runs no Roslyn compilation");
        Assert.IsTrue(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7)); // 7 / 2
        Assert.IsEmpty(rules.Diagnostics);
    }

    [TestMethod]
    public void Another_valid_kernel_signed_with_a_wrong_key_is_refused_and_recompiled()
    {
        var folder = NewFolder();
        var key = NewKey();
        var options = Options(folder, key);
        using (var half = RuleSetLoader.LoadJson(HalfOfX, options: options))
        using (var quarter = RuleSetLoader.LoadJson(QuarterOfX))
            // The attacker's kernel scores x / 4, signed with a key that is not the user's.
            Plant(folder, half, quarter.Kernel.Image, NewKey());

        var (result, compilations) = LoadCounting(HalfOfX, options);
        using var rules = result.RuleSet!;

        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(1, compilations);
        Assert.AreEqual(3.5, Score(rules, 7), "7 / 2 from the recompiled kernel, not 7 / 4 = 1.75 from the planted one");
        var warning = rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected);
        Assert.AreEqual(DiagnosticSeverity.Warning, warning.Severity);
        StringAssert.Contains(warning.Message, "its HMAC does not match");
        StringAssert.Contains(warning.Message, EntryOf(folder, rules));
        using var again = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsTrue(again.LoadedFromCache, "the planted entry was replaced by a valid one");
    }

    [TestMethod]
    public void An_authentic_entry_of_another_rule_set_moved_under_this_name_is_refused()
    {
        var folder = NewFolder();
        var options = Options(folder, NewKey());
        string halfEntry;
        using (var half = RuleSetLoader.LoadJson(HalfOfX, options: options)) halfEntry = EntryOf(folder, half);
        using (var quarter = RuleSetLoader.LoadJson(QuarterOfX, options: options))
            // Signed by the user's own engine, but for the key of the other rule set: the HMAC covers the key.
            File.Copy(EntryOf(folder, quarter), halfEntry, overwrite: true);

        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7)); // 7 / 2, not the x / 4 kernel's 1.75
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected).Message, "HMAC does not match");
    }

    [TestMethod]
    public void An_authenticated_entry_of_garbage_is_discarded_and_recompiled()
    {
        var folder = NewFolder();
        var key = NewKey();
        var options = Options(folder, key);
        CompiledRuleSet source;
        using (var first = RuleSetLoader.LoadJson(HalfOfX, options: options)) source = first;
        Plant(folder, source, "MZ this is not an assembly, but its HMAC is right"u8.ToArray(), key);

        var (result, compilations) = LoadCounting(HalfOfX, options);
        using var rules = result.RuleSet!;
        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(1, compilations);
        Assert.AreEqual(3.5, Score(rules, 7));
        var warning = rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected);
        StringAssert.Contains(warning.Message, "is not a readable assembly");
    }

    [TestMethod]
    public void An_authenticated_truncated_kernel_is_discarded_and_recompiled()
    {
        var folder = NewFolder();
        var key = NewKey();
        var options = Options(folder, key);
        CompiledRuleSet source;
        byte[] image;
        using (var first = RuleSetLoader.LoadJson(HalfOfX, options: options)) (source, image) = (first, first.Kernel.Image);
        Plant(folder, source, image[..(image.Length / 2)], key);

        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7));
        Assert.AreEqual(1, rules.Diagnostics.Count(d => d.Code == DiagnosticCodes.CacheEntryRejected));
    }

    [TestMethod]
    [DataRow(0b111_111_111, "0777", DisplayName = "world-writable 0777")]
    [DataRow(0b111_111_000, "0770", DisplayName = "group-writable 0770")]
    [DataRow(0b111_101_011, "0753", DisplayName = "others may write 0753")]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_cache_folder_others_can_write_is_not_used(int mode, string octal)
    {
        SkipOnWindows();
        var folder = NewFolder();
        File.SetUnixFileMode(folder, (UnixFileMode)mode);
        var options = Options(folder, NewKey());

        RuleSetLoader.LoadJson(HalfOfX, options: options).Dispose();
        var (result, compilations) = LoadCounting(HalfOfX, options);
        using var rules = result.RuleSet!;

        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(1, compilations);
        Assert.AreEqual(3.5, Score(rules, 7));
        Assert.IsEmpty(Directory.GetFiles(folder), "nothing is written to a folder others can write");
        var warning = rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheFolderRefused);
        Assert.AreEqual(DiagnosticSeverity.Warning, warning.Severity);
        Assert.AreEqual($"The cache folder '{folder}' is not used: it has mode {octal}, so other users can write kernels into it; make it 0700 (chmod 700). The rule set is compiled without the cache.", warning.Message);
    }

    [TestMethod]
    public void A_cache_folder_owned_by_another_user_is_not_used()
    {
        SkipOnWindows();
        if (!CanChown) Assert.Inconclusive("Giving a folder to another user needs root.");
        var folder = NewFolder();
        GiveAway(folder);

        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: Options(folder, NewKey()));
        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7));
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheFolderRefused).Message, "it is not owned by the current user");
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_missing_cache_folder_is_created_for_the_owner_only()
    {
        SkipOnWindows();
        var folder = Path.Combine(NewFolder(), "new", "cache");
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: Options(folder, NewKey()));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var entry = Directory.GetFiles(folder, "*.kernel").Single();
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(entry));
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_key_file_others_can_read_is_refused()
    {
        SkipOnWindows();
        var folder = NewFolder();
        var keyFile = Path.Combine(NewFolder(), "cache.key");
        File.WriteAllBytes(keyFile, NewKey());
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var options = new RuleSetLoadOptions { CacheDirectory = folder, CacheKeyFile = keyFile };

        RuleSetLoader.LoadJson(HalfOfX, options: options).Dispose();
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options);

        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7));
        Assert.IsEmpty(Directory.GetFiles(folder));
        var warning = rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheKeyRefused);
        Assert.AreEqual($"The cache folder '{folder}' is not used: the cache key file '{keyFile}' has mode 0644, so other users can read or change it; make it 0600 (chmod 600). The rule set is compiled without the cache.", warning.Message);
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_key_file_owned_by_another_user_is_refused()
    {
        SkipOnWindows();
        if (!CanChown) Assert.Inconclusive("Giving a file to another user needs root.");
        var folder = NewFolder();
        var keyFile = Path.Combine(NewFolder(), "cache.key");
        File.WriteAllBytes(keyFile, NewKey());
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        GiveAway(keyFile);

        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: new RuleSetLoadOptions { CacheDirectory = folder, CacheKeyFile = keyFile });
        Assert.IsFalse(rules.LoadedFromCache);
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheKeyRefused).Message, "is not owned by the current user");
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    public void A_key_file_inside_the_cache_folder_is_refused()
    {
        var folder = NewFolder();
        var keyFile = Path.Combine(folder, "cache.key");
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: new RuleSetLoadOptions { CacheDirectory = folder, CacheKeyFile = keyFile });
        Assert.IsFalse(rules.LoadedFromCache);
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheKeyRefused).Message, "is inside the cache folder");
        Assert.IsFalse(File.Exists(keyFile), "no key is created where entries are written");
    }

    [TestMethod]
    public void A_short_key_from_code_is_refused()
    {
        var folder = NewFolder();
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: Options(folder, new byte[16]));
        Assert.IsFalse(rules.LoadedFromCache);
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheKeyRefused).Message,
            "RuleSetLoadOptions.CacheKey has 16 bytes; at least 32 are needed");
    }

    [TestMethod]
    [UnsupportedOSPlatform("windows")] // skipped there: Unix permissions
    public void A_missing_key_file_is_created_with_32_random_bytes_for_the_owner_only()
    {
        SkipOnWindows();
        var folder = NewFolder();
        var keyFolder = Path.Combine(NewFolder(), "parindex");
        var keyFile = Path.Combine(keyFolder, "cache.key");
        var options = new RuleSetLoadOptions { CacheDirectory = folder, CacheKeyFile = keyFile };

        RuleSetLoader.LoadJson(HalfOfX, options: options).Dispose();
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options);

        Assert.IsTrue(rules.LoadedFromCache, "the second load reads the same key and accepts the first load's entry");
        Assert.AreEqual(32, new FileInfo(keyFile).Length);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keyFolder));
        // Signing with the file's bytes is what made the entry valid.
        Plant(folder, rules, rules.Kernel.Image, File.ReadAllBytes(keyFile));
        using var planted = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsTrue(planted.LoadedFromCache);
    }

    [TestMethod]
    public void The_default_key_file_lives_in_the_user_data_folder_outside_any_cache()
    {
        var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "parindex", "cache.key");
        Assert.AreEqual(expected, KernelCacheSecret.DefaultFile());
    }
}
