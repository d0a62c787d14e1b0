namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex score --history (files, folders, repeated) and --id-map.</summary>
[TestClass]
public sealed class CliHistoryTests
{
    private static string Example(string file) =>
        Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "provincial-internal-index", file);

    private static CliResult ScoreExample(params string[] options) =>
        CliWorkspace.Run(["score", Example("ruleset.json"), Example("units-2024.csv"), "--no-cache", "--format", "csv", .. options]);

    /// <summary>The row of an agency: the last two cells are the two award outcomes (collective, individual).</summary>
    private static string[] Row(CliResult result, string id) =>
        result.OutLines.Single(l => l.StartsWith(id + ",", StringComparison.Ordinal)).Split(',');

    [TestMethod]
    public void A_folder_of_results_gives_the_average_index_condition()
    {
        var result = ScoreExample("--history", Example("results"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Error, result.ToString());
        // Sở Y tế: 88.91% this year, average (100 + 100 + 90.28 + 88.91) / 4 = 94.80 → yes;
        // Sở Nội vụ: 100% this year, average (88 + 88 + 76.64 + 100) / 4 = 88.16 → no.
        Assert.AreEqual("true", Row(result, "SYT")[^1]);
        Assert.AreEqual("false", Row(result, "SNV")[^1]);
    }

    [TestMethod]
    public void Repeated_files_are_the_same_as_their_folder()
    {
        var folder = ScoreExample("--history", Example("results"));
        var files = ScoreExample("--history", Example("results/results-2023.csv"), "--history", Example("results/results-2021.csv"),
            "--history", Example("results/results-2022.csv"));

        Assert.AreEqual(0, files.ExitCode, files.ToString());
        Assert.AreEqual(folder.Out, files.Out);
    }

    [TestMethod]
    [DataRow("csv")]
    [DataRow("json")]
    [DataRow("table")]
    public void Streamed_with_history_is_byte_for_byte_the_in_memory_output(string format)
    {
        var streamed = ScoreExample("--history", Example("results"), "--stream", "--format", format);
        var inMemory = ScoreExample("--history", Example("results"), "--no-stream", "--format", format);

        Assert.AreEqual(0, streamed.ExitCode, streamed.ToString());
        Assert.AreEqual(0, inMemory.ExitCode, inMemory.ToString());
        // The streamed run says what it read (132 units in 3 groups: sở, huyện, xã); the in-memory run prints nothing.
        Assert.AreEqual("132 rows read, 132 scored, 0 rejected, 3 group(s).", streamed.ErrorLines.Single());
        Assert.AreEqual("", inMemory.Error);
        Assert.AreEqual(inMemory.Out, streamed.Out);
        // The history reached the stream: Sở Y tế's average (100 + 100 + 90.28 + 88.91) / 4 = 94.80 ≥ 90 (see above).
        if (format == "csv") Assert.AreEqual("true", Row(streamed, "SYT")[^1]);
    }

    [TestMethod]
    public void A_history_shorter_than_the_rules_read_is_a_warning_and_the_average_is_unknown()
    {
        var result = ScoreExample("--history", Example("results/results-2023.csv"));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.ErrorLines.Single(), "PAR0712 warning: the eligibility conditions read 3 earlier period(s) but 1 was given");
        // Nobody, not even Sở Tư pháp at 100% every year, meets AveragePercent(4) >= 90 without 3 earlier years.
        Assert.AreEqual("false", Row(result, "STP")[^1]);
    }

    [TestMethod]
    public void A_results_file_without_a_year_in_its_name_is_refused()
    {
        using var workspace = new CliWorkspace();
        var latest = workspace.Write("latest.csv", File.ReadAllText(Example("results/results-2023.csv")));

        var result = ScoreExample("--history", latest);

        Assert.AreEqual(3, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, "latest.csv(1,1): PAR0713: the period cannot be told from the file name");
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    public void An_id_map_carries_an_old_id_to_todays()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        // In 2023 A was called OLD-A and ranked 3; now A is 2nd (66.67%) → rank change +1.
        var history = workspace.Write("results-2023.csv", "agencyId,percent,rank\nOLD-A,50,3\nB,90,1\nC,70,2\n");
        var map = workspace.Write("ids.csv", "oldId,newId\nOLD-A,A\n");

        var mapped = CliWorkspace.Run(["score", rules, data, "--no-cache", "--format", "csv", "--history", history, "--id-map", map]);
        var unmapped = CliWorkspace.Run(["score", rules, data, "--no-cache", "--format", "csv", "--history", history]);

        Assert.AreEqual(0, mapped.ExitCode, mapped.ToString());
        // agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange,…
        var a = Row(mapped, "A");
        Assert.AreEqual(("2", "3", "1"), (a[7], a[9], a[10]));
        Assert.AreEqual(("", ""), (Row(unmapped, "A")[9], Row(unmapped, "A")[10]));
    }

    [TestMethod]
    public void An_id_map_without_history_is_a_usage_error()
    {
        using var workspace = new CliWorkspace();
        var map = workspace.Write("ids.csv", "oldId,newId\nX,Y\n");

        var result = ScoreExample("--id-map", map);

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, "--id-map maps the ids of earlier periods; give them with --history.");
    }
}
