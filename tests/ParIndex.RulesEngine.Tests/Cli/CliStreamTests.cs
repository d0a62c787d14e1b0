using ParIndex.Cli;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>When `score` streams: --stream, or CSV data of 32 MiB or more unless --no-stream or --detail; JSON data never.</summary>
[TestClass]
public sealed class CliStreamTests
{
    [TestMethod]
    public void Csv_data_from_the_threshold_up_is_streamed_by_default()
    {
        using var workspace = new CliWorkspace();
        // Sparse files: only their length matters here.
        var below = Sized(workspace, "below.csv", StreamCommand.Threshold - 1);
        var at = Sized(workspace, "at.csv", StreamCommand.Threshold);
        var json = Sized(workspace, "at.json", StreamCommand.Threshold);
        Assert.IsFalse(StreamCommand.Chosen(Line("score", "r.json", below), below));
        Assert.IsTrue(StreamCommand.Chosen(Line("score", "r.json", at), at));
        Assert.IsFalse(StreamCommand.Chosen(Line("score", "r.json", at, "--no-stream"), at));
        Assert.IsFalse(StreamCommand.Chosen(Line("score", "r.json", at, "--detail"), at), "--detail needs the in-memory explanations");
        Assert.IsFalse(StreamCommand.Chosen(Line("score", "r.json", json), json), "JSON data is read in memory");
        Assert.IsTrue(StreamCommand.Chosen(Line("score", "r.json", below, "--stream"), below));
    }

    [TestMethod]
    [DataRow("--no-stream", "contradict")]
    [DataRow("--detail", "--detail")]
    public void Stream_with_a_contradicting_option_is_a_usage_error(string option, string expected)
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var result = CliWorkspace.Run("score", rules, data, "--no-cache", "--stream", option);
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        Assert.Contains(expected, result.Error);
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    public void Stream_refuses_json_data_and_writes_every_format_for_csv()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var json = workspace.Write("data.json", """[{"agencyId":"A","score":50,"reported":true}]""");
        var refused = CliWorkspace.Run("score", rules, json, "--no-cache", "--stream");
        Assert.AreEqual(2, refused.ExitCode, refused.ToString());
        Assert.Contains("--stream reads CSV data", refused.Error);

        // The data of CliWorkspace: C 12 of 15 (rank 1), A 10 (rank 2), B 9 (rank 3).
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var table = CliWorkspace.Run("score", rules, data, "--no-cache", "--stream", "--format", "table");
        Assert.AreEqual(0, table.ExitCode, table.ToString());
        Assert.AreEqual(CliWorkspace.Run("score", rules, data, "--no-cache", "--format", "table").Out, table.Out);
        StringAssert.StartsWith(table.OutLines[3].TrimStart(), "1          C");
    }

    private static CommandLine Line(params string[] args) => CommandLine.Parse(args);

    private static string Sized(CliWorkspace workspace, string name, long length)
    {
        var path = workspace.PathOf(name);
        using var file = File.Create(path);
        file.SetLength(length);
        return path;
    }
}
