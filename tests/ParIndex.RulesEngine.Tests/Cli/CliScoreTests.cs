using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex score: formats, --out, --previous, --culture and the exit codes for data problems.</summary>
[TestClass]
public sealed class CliScoreTests
{
    private static CliResult Score(CliWorkspace workspace, string data, params string[] options)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var dataPath = workspace.Write(data.TrimStart().StartsWith('[') ? "data.json" : "data.csv", data);
        return CliWorkspace.Run(["score", rules, dataPath, "--no-cache", .. options]);
    }

    [TestMethod]
    public void Table_lists_agencies_from_best_to_worst()
    {
        using var workspace = new CliWorkspace();
        var result = Score(workspace, CliWorkspace.Data);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Error, result.ToString());
        var lines = result.OutLines;
        Assert.AreEqual("CLI test (cli-test 1)", lines[0]);
        Assert.IsTrue(lines[1].StartsWith("Rank", StringComparison.Ordinal), result.ToString());
        // Rows after the header and its underline: C (80%), A (66.67%), B (60%).
        var rows = lines.Skip(3).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        CollectionAssert.AreEqual(new[] { "C", "A", "B" }, rows.Select(r => r[1]).ToArray(), result.ToString());
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, rows.Select(r => r[0]).ToArray());
        Assert.Contains("80.00", lines[3]);
        Assert.Contains("Tốt", lines[3]);
        Assert.Contains("66.67", lines[4]);
    }

    [TestMethod]
    [DataRow("par-index-province-2019", "provinces-2018.csv")]
    [DataRow("provincial-internal-index", "units-2024.csv")]
    [DataRow("kontum-cchc-2025", "kontum-q1-2025.csv")]
    public void The_table_without_detail_is_the_table_of_a_fully_detailed_report(string example, string data)
    {
        // The command scores a table without --detail without the criteria's points; the table
        // written from a report with every criterion's points must be the same text.
        var rules = TestSupport.RepositoryPaths.Example(example, "ruleset.json");
        var dataPath = TestSupport.RepositoryPaths.Example(example, data);
        var result = CliWorkspace.Run("score", rules, dataPath, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());

        var language = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        try
        {
            using var ruleSet = RuleSetLoader.LoadFile(rules);
            var batch = global::ParIndex.RulesEngine.Data.CsvAgencyReader.ReadFile(ruleSet, dataPath);
            var report = ruleSet.Score(batch, new global::ParIndex.RulesEngine.Evaluation.ScoringOptions { Detail = global::ParIndex.RulesEngine.Evaluation.ScoreDetail.Full });
            Assert.AreEqual(global::ParIndex.RulesEngine.Evaluation.ScoreDetail.Full, report.Detail);
            using var expected = new StringWriter();
            global::ParIndex.RulesEngine.Results.Writers.TableResultWriter.Write(report, expected);
            Assert.AreEqual(expected.ToString(), result.Out);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = language;
        }
    }

    [TestMethod]
    public void Csv_has_one_row_per_agency_with_every_criterion()
    {
        using var workspace = new CliWorkspace();
        var result = Score(workspace, CliWorkspace.Data, "--format", "csv");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[]
        {
            "agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange,1,2",
            "A,Sở A,,10,15,66.67,Khá,2,2,,,5,5",
            "B,Sở B,,9,15,60,Khá,3,3,,,9,0",
            "C,Sở C,,12,15,80,Tốt,1,1,,,7,5",
        }, result.OutLines.ToArray(), result.ToString());
    }

    [TestMethod]
    public void Json_goes_to_the_out_file_and_not_to_standard_output()
    {
        using var workspace = new CliWorkspace();
        var outPath = workspace.PathOf("results.json");
        var result = Score(workspace, CliWorkspace.Data, "--format", "json", "--out", outPath);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Out);
        var json = JObject.Parse(File.ReadAllText(outPath));
        Assert.AreEqual("cli-test", (string?)json["ruleSet"]!["id"]);
        var agencies = (JArray)json["agencies"]!;
        Assert.AreEqual(3, agencies.Count);
        var c = agencies.Single(a => (string?)a["agencyId"] == "C");
        Assert.AreEqual(12d, (double)c["total"]!);
        Assert.AreEqual(1, (int)c["rank"]!);
        Assert.AreEqual(JTokenType.Null, c["rankChange"]!.Type);
        Assert.AreEqual(0, ((JArray)json["rowErrors"]!).Count);
    }

    [TestMethod]
    public void Previous_results_file_gives_the_rank_change()
    {
        using var workspace = new CliWorkspace();
        var previous = workspace.PathOf("previous.json");
        Assert.AreEqual(0, Score(workspace, CliWorkspace.Data, "--format", "json", "--out", previous).ExitCode);

        // This period A reaches 95 points of score: 9.5 + 5 = 14.5, rank 1 (was 2); C drops to 2 (was 1).
        var now = CliWorkspace.Data.Replace("A,Sở A,50,true", "A,Sở A,95,true", StringComparison.Ordinal);
        var json = Score(workspace, now, "--format", "json", "--previous", previous);
        Assert.AreEqual(0, json.ExitCode, json.ToString());
        var agencies = (JArray)JObject.Parse(json.Out)["agencies"]!;
        JToken Agency(string id) => agencies.Single(a => (string?)a["agencyId"] == id);
        Assert.AreEqual((1, 2, 1), ((int)Agency("A")["rank"]!, (int)Agency("A")["previousRank"]!, (int)Agency("A")["rankChange"]!));
        Assert.AreEqual((2, 1, -1), ((int)Agency("C")["rank"]!, (int)Agency("C")["previousRank"]!, (int)Agency("C")["rankChange"]!));
        Assert.AreEqual(0, (int)Agency("B")["rankChange"]!);

        var table = Score(workspace, now, "--previous", previous);
        Assert.AreEqual(0, table.ExitCode, table.ToString());
        var rowOfA = table.OutLines.Single(l => l.Contains(" A ", StringComparison.Ordinal));
        Assert.Contains("↑1", rowOfA);
        Assert.Contains("↓1", table.OutLines.Single(l => l.Contains(" C ", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Previous_ranks_may_come_from_a_csv_results_file()
    {
        using var workspace = new CliWorkspace();
        var previous = workspace.Write("previous.csv", "agencyId,rank\nA,3\nB,1\nC,2\n");
        var result = Score(workspace, CliWorkspace.Data, "--format", "csv", "--previous", previous);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        // C: was 2, now 1 → +1; A: was 3, now 2 → +1; B: was 1, now 3 → −2.
        StringAssert.EndsWith(result.OutLines.Single(l => l.StartsWith("B,", StringComparison.Ordinal)), ",3,3,1,-2,9,0");
        StringAssert.EndsWith(result.OutLines.Single(l => l.StartsWith("C,", StringComparison.Ordinal)), ",1,1,2,1,7,5");
    }

    [TestMethod]
    public void Culture_option_reads_decimal_commas()
    {
        using var workspace = new CliWorkspace();
        var result = Score(workspace, "agencyId;score;reported\nA;75,5;có\n", "--culture", "vi-VN", "--format", "csv");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.OutLines[1], "A,,,12.55,15,83.67,Tốt,1,1,,,7.55,5");
    }

    [TestMethod]
    public void Rejected_rows_give_exit_4_and_are_printed_with_location()
    {
        // B's score ("abc") is the third field of line 3.
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data.Replace("B,Sở B,90,false", "B,Sở B,abc,false", StringComparison.Ordinal);
        var result = Score(workspace, data, "--format", "csv");
        Assert.AreEqual(4, result.ExitCode, result.ToString());
        var rejected = result.ErrorLines.Single();
        StringAssert.StartsWith(rejected, $"{workspace.PathOf("data.csv")}(3,3): error PAR0604: Agency 'B', input 'score'");
        Assert.AreEqual(3, result.OutLines.Count, "header, A and C: " + result);

        var table = Score(workspace, data);
        Assert.AreEqual(4, table.ExitCode, table.ToString());
        Assert.Contains("PAR0604", table.Out + table.Error);
    }

    [TestMethod]
    [DataRow("""{ "agencies": 5 }""", "data.json", DisplayName = "JSON that is not an array")]
    [DataRow("agencyId,score\nA,50\n", "data.csv", DisplayName = "CSV without a required column")]
    [DataRow("", "data.csv", DisplayName = "empty CSV")]
    public void Unusable_data_file_gives_exit_3(string content, string fileName)
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write(fileName, content);
        var result = CliWorkspace.Run("score", rules, data, "--no-cache");
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("error PAR0601", result.Error);
    }

    [TestMethod]
    public void Missing_data_file_gives_exit_3()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var result = CliWorkspace.Run("score", rules, workspace.PathOf("none.csv"), "--no-cache");
        Assert.AreEqual(3, result.ExitCode, result.ToString());
    }

    [TestMethod]
    public void Unreadable_previous_results_give_exit_3()
    {
        using var workspace = new CliWorkspace();
        var previous = workspace.Write("previous.json", """{ "agencies": [ { "agencyId": "A" } ] }""");
        var result = Score(workspace, CliWorkspace.Data, "--previous", previous);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.Contains("rank", result.Error);
    }

    [TestMethod]
    public void Invalid_rule_file_gives_exit_1_when_scoring()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules.Replace("\"score / 10\"", "\"scor / 10\"", StringComparison.Ordinal));
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var result = CliWorkspace.Run("score", rules, data, "--no-cache");
        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.ErrorLines.Single(), $"{rules}(9,19): error PAR0301: ");
        Assert.AreEqual("", result.Out);
    }

    [TestMethod]
    public void Bundled_example_scores_Kon_Tum_2018()
    {
        // examples/par-index-province-2019: one row, KTU, total 72.17 of 100 (see its README).
        var folder = Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "par-index-province-2019");
        var result = CliWorkspace.Run("score", Path.Combine(folder, "ruleset.json"), Path.Combine(folder, "kontum-2018.csv"), "--format", "csv", "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var header = result.OutLines[0].Split(',');
        var row = result.OutLines[1].Split(',');
        Assert.AreEqual("KTU", row[Array.IndexOf(header, "agencyId")]);
        Assert.AreEqual("72.17", row[Array.IndexOf(header, "total")]);
        Assert.AreEqual("100", row[Array.IndexOf(header, "maxPoints")]);
        Assert.AreEqual("Trung bình", row[Array.IndexOf(header, "classification")]);
    }
}
