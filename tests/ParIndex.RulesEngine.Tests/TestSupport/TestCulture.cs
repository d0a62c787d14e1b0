using System.Globalization;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Runs the whole suite under the culture named by PARINDEX_TEST_CULTURE (e.g. vi-VN, where the
/// decimal separator is a comma), as current and UI culture of every thread, so that a result
/// depending on the machine's culture shows up as a failing test. CI runs the suite once without
/// it and once with vi-VN. Without the variable nothing changes.
/// </summary>
[TestClass]
public static class TestCulture
{
    /// <summary>The environment variable naming the culture.</summary>
    public const string Variable = "PARINDEX_TEST_CULTURE";

    /// <summary>The culture asked for, or null when the variable is not set.</summary>
    public static CultureInfo? Requested =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? CultureInfo.GetCultureInfo(name.Trim()) : null;

    /// <summary>Sets the requested culture before any test runs.</summary>
    [AssemblyInitialize]
    public static void Apply(TestContext context)
    {
        if (Requested is not { } culture) return;
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        context.WriteLine($"{Variable}={culture.Name}: tests run with current culture and UI culture {culture.Name}.");
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
        Assert.AreEqual(culture.Name, CultureInfo.CurrentUICulture.Name);
        Assert.AreEqual(culture.Name, Task.Run(() => CultureInfo.CurrentCulture.Name).Result, "a thread-pool thread");
    }
}
