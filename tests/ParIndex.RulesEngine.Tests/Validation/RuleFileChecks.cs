using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// Loads inline rule files under the name "rules.json" and asserts on the diagnostics. Every
/// failure message lists all diagnostics, so a wrong expectation shows what the engine said.
/// </summary>
internal static class RuleFileChecks
{
    public const string FileName = "rules.json";

    /// <summary>Loads the text; the compiled rule set (if any) is disposed, only the outcome is kept.</summary>
    public static (bool Success, IReadOnlyList<Diagnostic> Diagnostics) Check(string json)
    {
        var result = RuleSetLoader.TryLoadJson(json, FileName);
        result.RuleSet?.Dispose();
        return (result.Success, result.Diagnostics);
    }

    /// <summary>Loads a file that must fail and returns its diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string json)
    {
        var (success, diagnostics) = Check(json);
        Assert.IsFalse(success, "the rule file should not load; diagnostics: " + Describe(diagnostics));
        return diagnostics;
    }

    /// <summary>The one diagnostic with <paramref name="code"/>; fails when there is none or several.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.AreEqual(1, matching.Count, $"expected exactly one {code}; got: {Describe(diagnostics)}");
        return matching[0];
    }

    /// <summary>The first diagnostic with <paramref name="code"/>; fails when there is none.</summary>
    public static Diagnostic First(IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var match = diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.IsNotNull(match, $"expected a {code}; got: {Describe(diagnostics)}");
        return match;
    }

    /// <summary>Asserts line, column and (when given) JSON path of a diagnostic, in the file "rules.json".</summary>
    public static void AssertAt(Diagnostic diagnostic, int line, int column, string? jsonPath = null)
    {
        var where = diagnostic.Location;
        Assert.AreEqual(FileName, where.File, diagnostic.ToString());
        Assert.AreEqual(line, where.Line, "line of " + diagnostic);
        Assert.AreEqual(column, where.Column, "column of " + diagnostic);
        if (jsonPath is not null) Assert.AreEqual(jsonPath, where.JsonPath, "JSON path of " + diagnostic);
    }

    public static void AssertMessageContains(Diagnostic diagnostic, params string[] parts)
    {
        foreach (var part in parts)
            Assert.IsTrue(diagnostic.Message.Contains(part, StringComparison.Ordinal), $"the message should contain \"{part}\": {diagnostic}");
    }

    /// <summary>Escapes text for use inside a JSON string literal (only \ and ").</summary>
    public static string JsonEscape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        return list.Count == 0 ? "(none)" : Environment.NewLine + string.Join(Environment.NewLine, list);
    }
}
