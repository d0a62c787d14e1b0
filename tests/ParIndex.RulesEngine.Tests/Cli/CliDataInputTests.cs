namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>Reading data from the command line: --thousands, file-level errors (exit 3, nothing written), many rejected rows.</summary>
[TestClass]
public sealed class CliDataInputTests
{
    private static CliResult Run(CliWorkspace workspace, string dataName, string data, params string[] args)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var path = workspace.Write(dataName, data);
        return CliWorkspace.Run([args[0], rules, path, "--no-cache", .. args[1..]]);
    }

    [TestMethod]
    public void Thousands_flag_allows_groups_of_three_under_vi_VN()
    {
        using var workspace = new CliWorkspace();
        const string data = "agencyId;score;reported\nA;1.000;có\nB;0.75;có\n";
        var without = Run(workspace, "data.csv", data, "score", "--culture", "vi-VN", "--format", "csv");
        Assert.AreEqual(4, without.ExitCode, without.ToString());
        Assert.Contains("error PAR0608: Agency 'A', input 'score': '1.000' under vi-VN: '.' is the group (thousands) separator", without.Error);
        Assert.Contains("error PAR0608: Agency 'B', input 'score': '0.75' under vi-VN", without.Error);

        var with = Run(workspace, "data.csv", data, "score", "--culture", "vi-VN", "--thousands", "--format", "csv");
        Assert.AreEqual(4, with.ExitCode, with.ToString());
        // 1000 is above score's max of 100; 0.75 is still refused (a group of two digits).
        Assert.Contains("error PAR0605: Agency 'A', input 'score': 1000 is outside the allowed range [0, 100]", with.Error);
        Assert.Contains("'0.75' under vi-VN: the group separator '.' must separate groups of exactly three digits", with.Error);
    }

    [TestMethod]
    [DataRow("data.csv", "agencyId,score,reported\nA,50,true\nB,9", "PAR0610", DisplayName = "truncated CSV")]
    [DataRow("data.csv", "agencyId,score,reported,score\nA,50,true,60\n", "PAR0611", DisplayName = "repeated column")]
    [DataRow("data.json", "[{\"agencyId\":\"A\",\"score\":50,\"reported\":true}] []", "PAR0612", DisplayName = "content after the JSON value")]
    [DataRow("data.json", "[{\"agencyId\":\"A\",\"score\":50,\"reported\":true},", "PAR0601", DisplayName = "malformed JSON")]
    public void File_level_errors_exit_3_and_write_nothing(string name, string data, string code)
    {
        using var workspace = new CliWorkspace();
        var outPath = workspace.PathOf("results.csv");
        var result = Run(workspace, name, data, "score", "--format", "csv", "--out", outPath);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains($"error {code}:", result.Error);
        Assert.IsFalse(File.Exists(outPath), "no results file");
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    public void File_level_errors_exit_3_with_stream_too()
    {
        using var workspace = new CliWorkspace();
        var result = Run(workspace, "data.csv", "agencyId,score,reported\nA,50,true\nB,9", "score", "--stream");
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("error PAR0610:", result.Error);
        Assert.AreEqual("", result.Out, "no result line was written");
    }

    [TestMethod]
    public void A_duplicated_json_key_rejects_that_row_and_scores_the_others()
    {
        using var workspace = new CliWorkspace();
        var result = Run(workspace, "data.json", "[{\"agencyId\":\"A\",\"score\":50,\"score\":60,\"reported\":true},{\"agencyId\":\"B\",\"score\":70,\"reported\":true}]", "score", "--format", "csv");
        Assert.AreEqual(4, result.ExitCode, result.ToString());
        Assert.Contains("error PAR0613: The agency object at [0] has the key 'score' twice", result.Error);
        Assert.AreEqual(2, result.OutLines.Count, "header and B");
    }

    [TestMethod]
    public void Beyond_a_thousand_errors_every_rejected_agency_is_still_named()
    {
        using var workspace = new CliWorkspace();
        var data = "agencyId,score,reported\n" + string.Concat(Enumerable.Range(0, 1500).Select(i => $"X{i},abc,true\n")) + "G,50,true\n";
        var result = Run(workspace, "data.csv", data, "score", "--format", "csv");
        Assert.AreEqual(4, result.ExitCode);
        var lines = result.ErrorLines;
        Assert.AreEqual(1000, lines.Count(l => l.Contains(": error PAR0604:", StringComparison.Ordinal)));
        Assert.AreEqual(1, lines.Count(l => l.Contains("warning PAR0614: 500 more row error(s) not listed in full (the first 1,000 are): PAR0604 on 'score' ×500. 1,500 row(s) were rejected in all.", StringComparison.Ordinal)), result.Error[^2000..]);
        Assert.AreEqual(500, lines.Count(l => l.Contains(": rejected PAR0604: row ", StringComparison.Ordinal)));
        Assert.IsTrue(lines.Any(l => l.EndsWith("(1501): rejected PAR0604: row 1500, agency 'X1499'", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void A_data_file_that_cannot_be_read_exits_3_naming_it()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var folder = Directory.CreateDirectory(workspace.PathOf("data.csv")).FullName;
        var result = CliWorkspace.Run("score", rules, folder, "--no-cache");
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.StartsWith($"error: {folder}: the data file cannot be read (", result.ErrorLines.Single());
        Assert.AreEqual("", result.Out);
    }
}
