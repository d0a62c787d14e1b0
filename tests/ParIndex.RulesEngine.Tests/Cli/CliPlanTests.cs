using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>parindex plan: formats, the target options and their errors.</summary>
[TestClass]
public sealed class CliPlanTests
{
    private static string Example(string file) =>
        Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "par-index-province-2019", file);

    private static CliResult Plan(params string[] options) =>
        CliWorkspace.Run(["plan", Example("ruleset.json"), Example("provinces-2018.csv"), "--no-cache", "--agency", "KTU", .. options]);

    [TestMethod]
    public void Table_gives_the_current_and_target_rank_and_the_recovery_set()
    {
        // The table follows the language of the run: Vietnamese here, English below.
        var result = Plan("--target-rank", "45", "--only-assigned", "--lang", "vi");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("", result.Error);
        Assert.AreEqual("Kế hoạch cải thiện: KTU Tỉnh Kon Tum", result.OutLines[0]);
        StringAssert.StartsWith(result.OutLines[1], "Hiện tại: 72.17/100 điểm = 72.17%, hạng 50/63");
        Assert.IsTrue(result.OutLines.Any(l => l.StartsWith("1.2     0.5      1.75     1.25         1.03       Sở Tư pháp; Sở Thông tin và Truyền thông", StringComparison.Ordinal)), result.Out);
        Assert.IsTrue(result.OutLines.Any(l => l.StartsWith("Ít tiêu chí nhất để đạt mục tiêu (8, chỉ tiêu chí đã phân công)", StringComparison.Ordinal)), result.Out);
        Assert.IsTrue(result.OutLines.Any(l => l.StartsWith("7       5.9      / mục tiêu 9      thiếu 3.1", StringComparison.Ordinal)), result.Out);

        var english = Plan("--target-rank", "45", "--only-assigned");
        Assert.AreEqual("Improvement plan: KTU Tỉnh Kon Tum", english.OutLines[0]);
        StringAssert.StartsWith(english.OutLines[1], "Now: 72.17/100 points = 72.17%, rank 50/63");
        Assert.IsTrue(english.OutLines.Any(l => l.StartsWith("7       5.9      / target 9      short by 3.1", StringComparison.Ordinal)), english.Out);
    }

    [TestMethod]
    public void Json_and_csv_carry_the_same_plan()
    {
        using var workspace = new CliWorkspace();
        var jsonPath = workspace.PathOf("plan.json");

        var json = Plan("--target-percent", "80", "--format", "json", "--out", jsonPath);
        var csv = Plan("--target-percent", "80", "--format", "csv");

        Assert.AreEqual(0, json.ExitCode, json.ToString());
        var plan = JObject.Parse(File.ReadAllText(jsonPath));
        // 80% of 100 = 80 points, 80 − 72.17 = 7.83 more.
        Assert.AreEqual((80.0, 7.83), ((double)plan["requiredTotal"]!, (double)plan["pointsNeeded"]!));
        Assert.AreEqual("percent", (string?)plan["target"]!["kind"]);
        Assert.AreEqual(0, csv.ExitCode, csv.ToString());
        Assert.AreEqual("agencyId,code,title,points,maxPoints,recoverable,totalGain,inRecoverySet,targetPoints,responsible", csv.OutLines[0]);
        Assert.AreEqual(((JArray)plan["criteria"]!).Count + 1, csv.OutLines.Count);
        var chosen = ((JArray)plan["recovery"]!["codes"]!).Select(c => (string)c!).ToHashSet();
        Assert.AreEqual(chosen.Count, csv.OutLines.Count(l => l.Contains(",true,", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow(new[] { "--target-rank", "0" }, "--target-rank '0' is not a whole number from 1.")]
    [DataRow(new[] { "--target-rank", "45", "--target-total", "80" }, "plan needs exactly one of")]
    [DataRow(new string[0], "plan needs exactly one of")]
    [DataRow(new[] { "--target-percent", "101" }, "--target-percent 101 is above 100.")]
    public void Wrong_targets_are_usage_errors(string[] options, string message)
    {
        var result = Plan(options);

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, message);
    }

    [TestMethod]
    public void An_unknown_agency_is_a_usage_error()
    {
        var result = CliWorkspace.Run(["plan", Example("ruleset.json"), Example("provinces-2018.csv"), "--no-cache", "--agency", "XYZ", "--target-rank", "1"]);

        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Error, "--agency XYZ: no scored agency has that id.");
    }
}
