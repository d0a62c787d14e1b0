using System.Globalization;

namespace ParIndex.RulesEngine.Hosting.Tests;

/// <summary>Runs the tests under the culture named by PARINDEX_TEST_CULTURE (CI runs them again under vi-VN).</summary>
[TestClass]
public static class TestCulture
{
    [AssemblyInitialize]
    public static void Apply(TestContext context)
    {
        if (Environment.GetEnvironmentVariable("PARINDEX_TEST_CULTURE") is not { Length: > 0 } name) return;
        var culture = CultureInfo.GetCultureInfo(name.Trim());
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
    }
}
