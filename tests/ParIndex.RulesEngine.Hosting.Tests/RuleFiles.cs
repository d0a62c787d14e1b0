namespace ParIndex.RulesEngine.Hosting.Tests;

/// <summary>A temporary folder of rule files that a test edits, deleted afterwards.</summary>
internal sealed class RuleFiles : IDisposable
{
    public RuleFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "parindex-hosting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>
    /// One criterion, max 10, worth <c>score / divisor</c> points, declaring version
    /// <paramref name="version"/>. With divisor 10 a score of 20 gives 2 points, with divisor 5
    /// it gives 4: the total tells which file scored a row.
    /// </summary>
    public static string Rules(string version, int divisor = 10) => $$"""
        {
          "id": "hosting-test", "title": "Hosting test", "version": "{{version}}",
          "inputs": [ { "name": "score", "type": "number", "min": 0, "max": 100 } ],
          "criteria": [ { "code": "1", "title": "Score", "max": 10, "formula": "score / {{divisor}}" } ]
        }
        """;

    /// <summary>Two unknown names on lines 5 and 6: two PAR0301 errors.</summary>
    public const string Broken = """
        {
          "id": "hosting-test", "title": "Hosting test", "version": "broken",
          "inputs": [ { "name": "score", "type": "number", "min": 0, "max": 100 } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 5, "formula": "scor / 10" },
            { "code": "2", "title": "B", "max": 5, "formula": "scroe / 10" }
          ]
        }
        """;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a watcher may still hold the folder; the temp folder is cleaned later */ }
    }
}
