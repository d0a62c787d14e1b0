using ParIndex.RulesEngine.Data;

// Not "ParIndex.RulesEngine.Tests.Data": that namespace would hide ParIndex.RulesEngine.Data
// for code elsewhere in the test project that writes "Data.CsvAgencyReader".
namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>Rule sets shared by the data tests, compiled once per test run (they are thread-safe).</summary>
internal static class DataRuleSets
{
    /// <summary>
    /// One input of each kind: a bounded number, a bool, an enum, and a number that is
    /// "notApplicable" when missing. Points: score / 10 (max 10), reported (5), extra (5).
    /// </summary>
    public const string BasicJson = """
        {
          "id": "data-test", "title": "Data test", "version": "1",
          "inputs": [
            { "name": "score", "type": "number", "min": 0, "max": 100 },
            { "name": "reported", "type": "bool" },
            { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "extra", "type": "number", "missing": "notApplicable" }
          ],
          "criteria": [
            { "code": "1", "title": "Score", "max": 10, "formula": "score / 10" },
            { "code": "2", "title": "Reported", "max": 5, "yesNo": "reported" },
            { "code": "3", "title": "Extra", "max": 5, "formula": "extra" }
          ]
        }
        """;

    /// <summary>
    /// Points relative to the best agency of the batch (GroupMax), so any row that leaked into the
    /// computation would change everyone's points.
    /// </summary>
    public const string RelativeJson = """
        {
          "id": "relative", "title": "Relative", "version": "1",
          "inputs": [
            { "name": "done", "type": "number", "min": 0, "max": 1000 },
            { "name": "planned", "type": "number", "min": 0 }
          ],
          "criteria": [
            { "code": "1", "title": "Done vs planned", "max": 10, "formula": "10 * done / planned" },
            { "code": "2", "title": "Done vs best", "max": 5,
              "proportional": { "value": "done", "target": "GroupMax(done)" } }
          ]
        }
        """;

    private static readonly Lazy<CompiledRuleSet> BasicRules = new(() => RuleSetLoader.LoadJson(BasicJson, "basic.json"));
    private static readonly Lazy<CompiledRuleSet> RelativeRules = new(() => RuleSetLoader.LoadJson(RelativeJson, "relative.json"));

    public static CompiledRuleSet Basic => BasicRules.Value;

    public static CompiledRuleSet Relative => RelativeRules.Value;

    public static string Describe(AgencyBatch batch) =>
        $"ids [{string.Join(", ", batch.AgencyIds)}]; row errors: {Lines(batch.RowErrors)}; diagnostics: {Lines(batch.Diagnostics)}";

    public static string Lines<T>(IEnumerable<T> items)
    {
        var list = items.Select(i => i?.ToString()).ToList();
        return list.Count == 0 ? "(none)" : Environment.NewLine + string.Join(Environment.NewLine, list);
    }

    /// <summary>Writes text to a new temporary file (deleted by the caller through the returned scope).</summary>
    public static TempFile WriteTemp(string fileName, byte[] content)
    {
        var directory = Directory.CreateTempSubdirectory("parindex-data-tests-");
        var path = Path.Combine(directory.FullName, fileName);
        File.WriteAllBytes(path, content);
        return new TempFile(path, directory);
    }

    public sealed class TempFile(string path, DirectoryInfo directory) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => directory.Delete(recursive: true);
    }
}
