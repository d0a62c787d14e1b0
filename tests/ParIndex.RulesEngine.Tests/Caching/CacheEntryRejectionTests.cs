using System.Text;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.CacheFixture;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// Entries holding the bound model are trusted no more than kernel images were: a changed byte
/// fails the HMAC, another format version is not read, and an authentic entry whose model does
/// not read back (truncated, overlong, a length that does not fit) is refused. Each is deleted,
/// the rule set compiled again with correct scores, and the next load hits the rebuilt entry.
/// </summary>
[TestClass]
public sealed class CacheEntryRejectionTests
{
    [TestMethod]
    public void A_byte_changed_in_the_model_fails_the_HMAC()
    {
        var (_, options, entry) = Warm();
        var bytes = File.ReadAllBytes(entry);
        bytes[8 + 32 + 4 + 3] ^= 0x01; // magic, HMAC, model length, then the model's fourth byte
        File.WriteAllBytes(entry, bytes);

        AssertRebuilt(options, "its HMAC does not match");
    }

    [TestMethod]
    public void An_entry_of_the_previous_format_is_not_read()
    {
        var (_, options, entry) = Warm();
        var bytes = File.ReadAllBytes(entry);
        Encoding.ASCII.GetBytes("PARIDXK2").CopyTo(bytes, 0);
        File.WriteAllBytes(entry, bytes);

        AssertRebuilt(options, "it is not a kernel cache entry of this format");
    }

    [TestMethod]
    public void A_file_cut_short_is_refused()
    {
        var (_, options, entry) = Warm();
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..(bytes.Length * 2 / 3)]);

        AssertRebuilt(options, "its HMAC does not match");
    }

    [TestMethod]
    public void An_authentic_entry_with_half_a_model_is_refused()
    {
        var (folder, options, _) = Warm();
        var (model, image) = Parts(options);
        Sign(folder, options, CacheEntryPayload.Join(model[..(model.Length / 2)], image));

        AssertRebuilt(options, "its model is not one this engine writes");
    }

    [TestMethod]
    public void An_authentic_entry_with_bytes_after_the_model_is_refused()
    {
        var (folder, options, _) = Warm();
        var (model, image) = Parts(options);
        Sign(folder, options, CacheEntryPayload.Join([.. model, 0], image));

        AssertRebuilt(options, "bytes follow the model");
    }

    [TestMethod]
    public void An_authentic_entry_whose_model_length_does_not_fit_is_refused()
    {
        var (folder, options, _) = Warm();
        var payload = CacheEntryPayload.Join([1, 2, 3], [4, 5]);
        payload[0] = 200; // 200 model bytes claimed, 5 present
        Sign(folder, options, payload);

        AssertRebuilt(options, "its model length does not fit the entry");
    }

    /// <summary>A folder with one valid entry for <see cref="HalfOfX"/>.</summary>
    private static (string Folder, RuleSetLoadOptions Options, string Entry) Warm()
    {
        var folder = NewFolder();
        var options = Options(folder, NewKey());
        RuleSetLoader.LoadJson(HalfOfX, options: options).Dispose();
        return (folder, options, Directory.GetFiles(folder, "*.kernel").Single());
    }

    /// <summary>The model and image of <see cref="HalfOfX"/> as the engine stores them.</summary>
    private static (byte[] Model, byte[] Image) Parts(RuleSetLoadOptions options)
    {
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options with { CacheDirectory = null });
        return (CachedModel.Write(rules.Bound, rules.Diagnostics, rules.GeneratedSource), rules.Kernel.Image);
    }

    /// <summary>Writes a payload as the entry of <see cref="HalfOfX"/>, authenticated with the user's own key.</summary>
    private static void Sign(string folder, RuleSetLoadOptions options, byte[] payload)
    {
        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options with { CacheDirectory = null });
        Assert.IsTrue(KernelCache.TryWrite(folder, rules.CacheKey, payload, options.CacheKey!));
    }

    private static void AssertRebuilt(RuleSetLoadOptions options, string problem)
    {
        var (result, compilations) = LoadCounting(HalfOfX, options);
        using (var rules = result.RuleSet!)
        {
            Assert.IsFalse(rules.LoadedFromCache);
            Assert.AreEqual(1, compilations);
            Assert.AreEqual(3.5, Score(rules, 7)); // 7 / 2
            StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected).Message, problem);
        }
        using var again = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsTrue(again.LoadedFromCache, "the refused entry was replaced by a valid one");
        Assert.IsEmpty(again.Diagnostics);
    }
}
