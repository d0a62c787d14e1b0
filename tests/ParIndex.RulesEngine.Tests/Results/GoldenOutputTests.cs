using System.IO.Compression;
using ParIndex.RulesEngine.Tests.CliTests;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The results files of `parindex score` must not change by a byte when the writers change: the
/// files in Golden/ were written by the score command before the writers became sinks (every
/// example data file, with --previous where the examples use it, and a fixture of hostile text:
/// quotes, commas, line breaks, formula starts, control characters, U+2028, an emoji, rejected
/// rows). Each format is compared byte for byte, in memory and streamed.
/// </summary>
[TestClass]
public sealed class GoldenOutputTests
{
    private static readonly (string Name, string Rules, string Data, string? Previous)[] Cases =
    [
        ("kontum-q1-2025", Example("kontum-cchc-2025", "ruleset.json"), Example("kontum-cchc-2025", "kontum-q1-2025.csv"), null),
        ("kontum-2018", Example("par-index-province-2019", "ruleset.json"), Example("par-index-province-2019", "kontum-2018.csv"), null),
        ("provinces-2018", Example("par-index-province-2019", "ruleset.json"), Example("par-index-province-2019", "provinces-2018.csv"), null),
        ("provinces-2019", Example("par-index-province-2019", "ruleset.json"), Example("par-index-province-2019", "provinces-2019.csv"), "provinces-2018.json"),
        ("units-2023", Example("provincial-internal-index", "ruleset.json"), Example("provincial-internal-index", "units-2023.csv"), null),
        ("units-2024", Example("provincial-internal-index", "ruleset.json"), Example("provincial-internal-index", "units-2024.csv"), "units-2023.csv"),
        ("tricky", Golden("tricky-rules.json"), Golden("tricky-data.csv"), null),
    ];

    private static readonly (string Suffix, string[] Options)[] Formats =
    [
        (".csv", ["--format", "csv"]),
        (".noescape.csv", ["--format", "csv", "--no-csv-escape"]),
        (".json", ["--format", "json"]),
        (".table", ["--format", "table"]),
    ];

    [TestMethod]
    [DataRow("--no-stream")]
    [DataRow("--stream")]
    public void Every_format_of_every_example_is_byte_for_byte_what_it_was(string mode)
    {
        using var workspace = new CliWorkspace();
        var differences = new List<string>();
        foreach (var (name, rules, data, previous) in Cases)
            foreach (var (suffix, options) in Formats)
            {
                var output = workspace.PathOf(name + suffix);
                var previousArgs = previous is null ? [] : new[] { "--previous", Expand(workspace, previous) };
                // A cache of the workspace's own: each rule set is compiled once, not 28 times.
                var result = CliWorkspace.Run(["score", rules, data, "--cache-dir", workspace.PathOf("cache"), mode, "--out", output, .. options, .. previousArgs]);
                Assert.AreEqual(name == "tricky" ? 4 : 0, result.ExitCode, $"{name}{suffix} {mode}: {result}");
                var expected = GoldenBytes(name + suffix);
                // Row errors name the data file as it was given: the golden run gave it relative to the repository.
                if (suffix == ".json")
                    expected = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(expected)
                        .Replace("\"location\": \"" + GoldenRelative, "\"location\": \"" + Golden("x")[..^1].Replace("\\", "\\\\"), StringComparison.Ordinal));
                var actual = File.ReadAllBytes(output);
                if (!expected.AsSpan().SequenceEqual(actual))
                    differences.Add($"{name}{suffix}: {FirstDifference(expected, actual)}");
            }
        Assert.IsEmpty(differences, string.Join(Environment.NewLine, differences));
    }

    internal static string Example(string example, string file) => RepositoryPaths.Example(example, file);

    private const string GoldenRelative = "tests/ParIndex.RulesEngine.Tests/Results/Golden/";

    internal static string Golden(string file) => RepositoryPaths.Combine("tests", "ParIndex.RulesEngine.Tests", "Results", "Golden", file);

    /// <summary>A golden file's bytes; the large JSON files are stored compressed.</summary>
    internal static byte[] GoldenBytes(string file)
    {
        if (File.Exists(Golden(file))) return File.ReadAllBytes(Golden(file));
        using var zipped = new GZipStream(File.OpenRead(Golden(file + ".gz")), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        zipped.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>A golden file as a plain file in the workspace (for --previous).</summary>
    private static string Expand(CliWorkspace workspace, string file)
    {
        var path = workspace.PathOf("previous-" + file);
        if (!File.Exists(path)) File.WriteAllBytes(path, GoldenBytes(file));
        return path;
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        string Around(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(bytes.Length, at + 60) - Math.Max(0, at - 60));
        return $"first difference at byte {at} (lengths {expected.Length} and {actual.Length}); expected …{Around(expected)}… got …{Around(actual)}…";
    }
}
