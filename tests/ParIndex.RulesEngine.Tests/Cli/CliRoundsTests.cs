using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// score --self, report --self, shortfall --round and score --set on the CLI test scheme
/// (1 = score / 10 of 10; 2 = 5 when reported). Worked by hand:
/// appraised (<see cref="CliWorkspace.Data"/>): A 5 + 5 = 10 (rank 2), B 9 + 0 = 9 (3), C 7 + 5 = 12 (1);
/// self-assessed: A score 80 → 8 + 5 = 13 (rank 2), B reported → 9 + 5 = 14 (1), C as appraised, 12 (3).
/// So the appraisal cuts A's criterion 1 by 3 and B's criterion 2 by 5.
/// </summary>
[TestClass]
public sealed class CliRoundsTests
{
    private const string Appraised = """
        agencyId,agencyName,score,reported,score#note,reported#note
        A,Sở A,50,true,Biên bản chỉ chứng minh 50 điểm,
        B,Sở B,90,false,,"Báo cáo gửi muộn, không được tính"
        C,Sở C,70,true,,
        """;

    private const string Self = """
        agencyId,agencyName,score,reported
        A,Sở A,80,true
        B,Sở B,90,true
        C,Sở C,70,true
        """;

    private const string Paired = """
        agencyId,agencyName,score,score#self,reported,reported#self,reported#note
        A,Sở A,50,80,true,true,
        B,Sở B,90,90,false,true,Báo cáo gửi muộn
        C,Sở C,70,70,true,true,
        """;

    private static (string Rules, string Appraised, string Self) Files(CliWorkspace workspace) =>
        (workspace.Write("rules.json", CliWorkspace.Rules), workspace.Write("appraised.csv", Appraised), workspace.Write("self.csv", Self));

    [TestMethod]
    public void Score_with_self_prints_the_cuts_per_agency_with_the_notes()
    {
        using var workspace = new CliWorkspace();
        var (rules, appraised, self) = Files(workspace);
        var result = CliWorkspace.Run("score", rules, appraised, "--self", self, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Error, result.ToString());
        var lines = result.OutLines;
        Assert.Contains("3 agencies in both rounds: 2 cut, 0 raised, 1 unchanged", result.Out);
        // The summary row of B: 14 self, 9 appraised, -5; rank 1 → 3.
        var b = lines.Single(l => l.StartsWith("B ", StringComparison.Ordinal) && !l.Contains(':')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(new[] { "B", "Sở", "B", "14.00", "9.00", "-5.00", "93.33", "60.00", "1", "3", "↓2" }, b, result.ToString());
        var cutOfA = lines.Single(l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains("-3.00"));
        Assert.Contains("score: Biên bản chỉ chứng minh 50 điểm", cutOfA);
        var cutOfB = lines.Single(l => l.StartsWith("2 ", StringComparison.Ordinal) && l.Contains("-5.00"));
        Assert.Contains("reported: Báo cáo gửi muộn, không được tính", cutOfB);
        Assert.DoesNotContain("C Sở C:", result.Out, "C has no change");
    }

    [TestMethod]
    public void Csv_and_json_give_both_rounds_and_the_differences()
    {
        using var workspace = new CliWorkspace();
        var (rules, appraised, self) = Files(workspace);
        var csv = CliWorkspace.Run("score", rules, appraised, "--self", self, "--format", "csv", "--no-cache");
        Assert.AreEqual(0, csv.ExitCode, csv.ToString());
        var header = csv.OutLines[0].Split(',');
        CollectionAssert.AreEqual(new[] { "rounds", "agencyId" }, header[..2]);
        var a = csv.OutLines.Single(l => l.StartsWith("both,A,", StringComparison.Ordinal)).Split(',');
        string Cell(string column) => a[Array.IndexOf(header, column)];
        Assert.AreEqual(("13", "10", "-3"), (Cell("selfTotal"), Cell("appraisedTotal"), Cell("totalDiff")));
        Assert.AreEqual(("8", "5", "-3"), (Cell("1:self"), Cell("1:appraised"), Cell("1:diff")));
        Assert.AreEqual("score: Biên bản chỉ chứng minh 50 điểm", Cell("notes"));

        var json = CliWorkspace.Run("score", rules, appraised, "--self", self, "--format", "json", "--no-cache");
        Assert.AreEqual(0, json.ExitCode, json.ToString());
        var b = JObject.Parse(json.Out)["agencies"]!.Single(x => (string?)x["agencyId"] == "B");
        Assert.AreEqual(-5, (double)b["totalDifference"]!);
        Assert.AreEqual((1, 3), ((int)b["self"]!["rank"]!, (int)b["appraised"]!["rank"]!));
        var two = b["criteria"]!.Single(c => (string?)c["code"] == "2");
        Assert.AreEqual("Báo cáo gửi muộn, không được tính", (string?)two["notes"]![0]!["text"]);
    }

    [TestMethod]
    public void Self_naming_the_data_file_reads_its_self_columns()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var paired = workspace.Write("paired.csv", Paired);
        var result = CliWorkspace.Run("score", rules, paired, "--self", paired, "--format", "csv", "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Error, "no unknown-column warning for the #self and #note columns");
        var header = result.OutLines[0].Split(',');
        var diffs = result.OutLines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[Array.IndexOf(header, "totalDiff")]);
        Assert.AreEqual(("-3", "-5", "0"), (diffs["A"], diffs["B"], diffs["C"]));
    }

    [TestMethod]
    public void Report_with_self_shows_self_appraised_and_difference_per_agency()
    {
        using var workspace = new CliWorkspace();
        var (rules, appraised, self) = Files(workspace);
        var out_ = workspace.PathOf("report.html");
        var result = CliWorkspace.Run("report", rules, appraised, "--self", self, "--out", out_, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var page = File.ReadAllText(out_);
        StringAssert.Contains(page, "<section id=\"tham-dinh\">");
        StringAssert.Contains(page, "<th class=\"num\">Tự chấm</th><th class=\"num\">Thẩm định</th><th class=\"num\">Chênh lệch</th>");
        StringAssert.Contains(page, "Sở B (B): tự chấm 14,00, thẩm định 9,00, chênh lệch −5,00");
        StringAssert.Contains(page, "Báo cáo gửi muộn, không được tính");
        var plain = workspace.PathOf("plain.html");
        Assert.AreEqual(0, CliWorkspace.Run("report", rules, appraised, "--out", plain, "--no-cache").ExitCode);
        Assert.DoesNotContain("tham-dinh", File.ReadAllText(plain));
    }

    [TestMethod]
    public void Shortfall_is_computed_on_the_round_asked_for()
    {
        using var workspace = new CliWorkspace();
        var (rules, appraised, self) = Files(workspace);
        // A loses 15 − 13 = 2 points as self-assessed, 15 − 10 = 5 as appraised.
        var selfRound = CliWorkspace.Run("shortfall", rules, appraised, "--self", self, "--round", "self", "--agency", "A", "--no-cache");
        Assert.AreEqual(0, selfRound.ExitCode, selfRound.ToString());
        StringAssert.StartsWith(selfRound.OutLines[0], "Shortfalls of A: 1 criteria below their maximum, 2 points lost.");
        var appraisedRound = CliWorkspace.Run("shortfall", rules, appraised, "--self", self, "--round", "appraised", "--agency", "A", "--no-cache");
        StringAssert.StartsWith(appraisedRound.OutLines[0], "Shortfalls of A: 1 criteria below their maximum, 5 points lost.");
        Assert.AreEqual(2, CliWorkspace.Run("shortfall", rules, appraised, "--round", "self", "--agency", "A", "--no-cache").ExitCode);
        Assert.AreEqual(2, CliWorkspace.Run("shortfall", rules, appraised, "--self", self, "--round", "both", "--agency", "A", "--no-cache").ExitCode);
    }

    [TestMethod]
    public void An_agency_of_one_round_is_warned_about_and_listed()
    {
        using var workspace = new CliWorkspace();
        var (rules, appraised, _) = Files(workspace);
        var self = workspace.Write("self-ab.csv", string.Join('\n', Self.Split('\n').Take(3)) + "\n");
        var result = CliWorkspace.Run("score", rules, appraised, "--self", self, "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("PAR0702", result.Error);
        Assert.Contains("Agency 'C' is scored in the appraised data", result.Error);
        Assert.Contains("Scored in the appraised data only:", result.Out);
    }

    [TestMethod]
    public void Set_rescored_one_agency_and_prints_the_change_in_points_and_rank()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        // A with score 100: 10 + 5 = 15 (+5), above C's 12: rank 2 → 1; C falls to 2.
        var result = CliWorkspace.Run("score", rules, data, "--set", "score=100", "--agency", "A", "--no-cache");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.Contains("A Sở A: total 10.00 → 15.00 (+5.00), percent 66.67 → 100.00 (+33.33), rank 2 → 1 (↑1), overall 2 → 1 (↑1)", result.Out);
        Assert.Contains("C Sở C (inputs unchanged): total 12.00 → 12.00 (0.00)", result.Out);
        Assert.DoesNotContain("B Sở B", result.Out);

        var json = CliWorkspace.Run("score", rules, data, "--set", "score=100", "--set", "reported=no", "--agency", "A", "--format", "json", "--no-cache");
        var a = JObject.Parse(json.Out)["agencies"]!.Single(x => (string?)x["agencyId"] == "A");
        Assert.AreEqual(0, (double)a["totalDifference"]!);  // +5 on criterion 1, −5 on criterion 2
        Assert.HasCount(2, (JArray)a["criteria"]!);
    }

    [TestMethod]
    public void A_wrong_set_is_one_line_with_its_code_and_exit_2()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var unknown = CliWorkspace.Run("score", rules, data, "--set", "scor=1", "--no-cache");
        Assert.AreEqual(2, unknown.ExitCode);
        Assert.AreEqual("error PAR0703: --set: 'scor' is not an input of rule set 'cli-test'. Did you mean 'score'?", unknown.ErrorLines.Single());
        var bad = CliWorkspace.Run("score", rules, data, "--set", "reported=maybe", "--agency", "B", "--no-cache");
        Assert.AreEqual(2, bad.ExitCode);
        StringAssert.StartsWith(bad.ErrorLines.Single(), "error PAR0704: --set: reported=maybe: Agency 'B', input 'reported'");
        Assert.AreEqual(2, CliWorkspace.Run("score", rules, data, "--set", "score=1", "--self", data, "--no-cache").ExitCode);
    }
}
