using System.Globalization;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Runs the whole suite under the culture named by PARINDEX_TEST_CULTURE (e.g. vi-VN, where the
/// decimal separator is a comma) as current culture of every thread, so that a result depending
/// on the machine's number format shows up as a failing test. CI runs the suite once without it
/// and once with vi-VN. The UI culture, which chooses the language of messages, is English for
/// every test whatever the variable or the machine says: tests assert English messages, and the
/// tests of Vietnamese messages set the UI culture themselves (<see cref="Language"/>).
/// </summary>
[TestClass]
public static class TestCulture
{
    /// <summary>The environment variable naming the culture.</summary>
    public const string Variable = "PARINDEX_TEST_CULTURE";

    /// <summary>The culture asked for, or null when the variable is not set.</summary>
    public static CultureInfo? Requested =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? CultureInfo.GetCultureInfo(name.Trim()) : null;

    /// <summary>The UI culture of every test: messages in English.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Sets the requested culture and the English UI culture (called once before any test runs, <see cref="TestRun"/>).</summary>
    public static void Apply(TestContext context)
    {
        CultureInfo.DefaultThreadCurrentUICulture = English;
        CultureInfo.CurrentUICulture = English;
        if (Requested is not { } culture) return;
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.CurrentCulture = culture;
        context.WriteLine($"{Variable}={culture.Name}: tests run with current culture {culture.Name}, UI culture {English.Name}.");
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="uiCulture"/> as UI culture (the language of messages), then restores the test's.</summary>
    public static T Language<T>(string uiCulture, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(uiCulture);
        try { return work(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }
}

/// <summary>The culture switch itself works: a test method sees the requested culture.</summary>
[TestClass]
public sealed class TestCultureTests
{
    [TestMethod]
    public void TestsRunUnderTheRequestedCulture()
    {
        if (TestCulture.Requested is not { } culture)
        {
            // Without the variable the initializer leaves the machine's culture alone.
            Assert.IsNull(CultureInfo.DefaultThreadCurrentCulture);
            return;
        }
        Assert.AreEqual(culture.Name, CultureInfo.CurrentCulture.Name);
        Assert.AreEqual(culture.Name, Task.Run(() => CultureInfo.CurrentCulture.Name).Result, "a thread-pool thread");
    }

    [TestMethod]
    public void Messages_are_English_under_every_requested_culture()
    {
        Assert.AreEqual(TestCulture.English.Name, CultureInfo.CurrentUICulture.Name);
        Assert.AreEqual(TestCulture.English.Name, Task.Run(() => CultureInfo.CurrentUICulture.Name).Result, "a thread-pool thread");
    }
}
