namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Finds a program the tests drive as a real client (Chromium, LibreOffice): an environment
/// variable naming it first, then the usual install paths; tests that need it end inconclusive
/// where it is absent, with how to install it (CI installs both).
/// </summary>
internal static class ExternalProgram
{
    public static string? Find(string variable, params string[] candidates)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured && File.Exists(configured)) return configured;
        return candidates.FirstOrDefault(File.Exists);
    }

    public static string Require(string name, string package, string variable, params string[] candidates)
    {
        var program = Find(variable, candidates);
        if (program is null) Assert.Inconclusive($"{name} is not installed (apt-get install {package}, or set {variable}); .ci/run installs it.");
        return program;
    }
}
