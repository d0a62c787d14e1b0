// Not "ParIndex.RulesEngine.Tests.Cli": a namespace named Cli would hide the ParIndex.Cli.Cli class.
namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>The outcome of one in-process run of the parindex command.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Out}--- stderr ---{Environment.NewLine}{Error}";

    /// <summary>Non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    /// <summary>Non-empty lines of standard output.</summary>
    public IReadOnlyList<string> OutLines => Lines(Out);

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}

/// <summary>A temporary folder holding the files of one test, deleted afterwards.</summary>
internal sealed class CliWorkspace : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("parindex-cli-tests-");

    public string Folder => _directory.FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Runs the command in-process. Its compile cache is the test run's own (<see cref="TestSupport.TestRun"/>),
    /// so nothing is written into the user's cache. The messages are pinned to English (<c>--lang en</c>, the command's default
    /// being Vietnamese) unless the test gives <c>--lang</c> itself.
    /// </summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        if (args.Length > 0 && !args.Any(a => a == "--lang" || a.StartsWith("--lang=", StringComparison.Ordinal))) args = [args[0], "--lang", "en", .. args[1..]];
        var exit = global::ParIndex.Cli.Cli.Run(args, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>The repository root: the folder above the test assembly that holds RulesEngine.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "RulesEngine.sln"))) return directory.FullName;
        throw new InvalidOperationException("RulesEngine.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Two criteria (score / 10 of 10, reported: 5), responsible units, and two classes.
    /// The formula of criterion 1 is alone on line 9 (opening quote in column 18).
    /// </summary>
    public const string Rules = """
        {
          "id": "cli-test", "title": "CLI test", "version": "1",
          "inputs": [
            { "name": "score", "type": "number", "min": 0, "max": 100 },
            { "name": "reported", "type": "bool" }
          ],
          "criteria": [
            { "code": "1", "title": "Điểm", "max": 10, "responsible": ["Sở Nội vụ"],
              "formula": "score / 10" },
            { "code": "2", "title": "Báo cáo", "max": 5, "yesNo": "reported", "responsible": ["Sở Tư pháp"] }
          ],
          "classification": [ { "label": "Tốt", "minPercent": 80 }, { "label": "Khá", "minPercent": 0 } ]
        }
        """;

    /// <summary>C: 7 + 5 = 12 of 15 (80%, rank 1); A: 5 + 5 = 10 (66.67%, rank 2); B: 9 + 0 = 9 (60%, rank 3).</summary>
    public const string Data = """
        agencyId,agencyName,score,reported
        A,Sở A,50,true
        B,Sở B,90,false
        C,Sở C,70,true
        """;
}
