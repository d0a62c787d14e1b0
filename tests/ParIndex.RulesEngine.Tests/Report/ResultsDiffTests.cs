using System.Globalization;
using ParIndex.RulesEngine.Results.Diff;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// parindex diff's library part: results files written by JsonResultWriter, read back and
/// compared by agency and by criterion.
/// </summary>
[TestClass]
public sealed class ResultsDiffTests
{
    private const string Criteria = """
        [
          { "code": "1", "title": "Chỉ đạo, điều hành", "max": 10, "formula": "a" },
          { "code": "2", "title": "Thủ tục hành chính", "max": 10, "formula": "b" }
        ]
        """;

    private const string Inputs = """
        [ { "name": "a", "type": "number" }, { "name": "b", "type": "number" } ]
        """;

    /// <summary>Scores CSV rows "id,a,b" and returns the results file as JsonResultWriter writes it.</summary>
    private static ResultsFile Results(string source, string rows, string criteria = Criteria, string version = "1")
    {
        var json = $$"""
            { "id": "diff-test", "title": "Diff test", "version": "{{version}}", "inputs": {{Inputs}}, "criteria": {{criteria}} }
            """;
        using var rules = RuleSetLoader.LoadJson(json, "diff-test.json");
        var report = rules.Score(Data.CsvAgencyReader.Read(rules, new StringReader("agencyId,agencyName,a,b\n" + rows), CultureInfo.InvariantCulture));
        var text = new StringWriter();
        JsonResultWriter.Write(report, text);
        return ResultsFile.Read(new StringReader(text.ToString()), source);
    }

    // Before: A 9+9=18 (1st), B 5+5=10 (2nd), C 2+2=4 (3rd), X 1+1 (4th).
    private static ResultsFile Before() => Results("2023.json", "A,Sở A,9,9\nB,Sở B,5,5\nC,Sở C,2,2\nX,Sở X,1,1\n");

    // After: A 9+5=14 (2nd), B 8+9=17 (1st), C 2+3=5 (3rd), Y new.
    private static ResultsFile After() => Results("2024.json", "A,Sở A,9,5\nB,Sở B,8,9\nC,Sở C,2,3\nY,Sở Y,0,0\n");

    [TestMethod]
    public void Reads_back_what_the_json_writer_wrote_with_criterion_titles()
    {
        var before = Before();
        Assert.AreEqual("diff-test 1", before.RuleSetLabel);
        Assert.HasCount(4, before.Agencies);
        var a = before.Agencies[0];
        Assert.AreEqual(("A", "Sở A", 18.0, 90.0, 1), (a.AgencyId, a.Name, a.Total, a.Percent, a.Rank));
        Assert.AreEqual("Thủ tục hành chính", a.Criteria.Single(c => c.Code == "2").Title);
    }

    [TestMethod]
    public void Agencies_in_both_files_get_score_and_rank_change()
    {
        var comparison = ResultsComparer.Compare(Before(), After());
        CollectionAssert.AreEqual(new[] { "B", "A", "C" }, comparison.Agencies.Select(a => a.AgencyId).ToArray(), "by rank after");
        var b = comparison.Agencies[0];
        Assert.AreEqual(7, b.TotalChange, 1e-9);
        Assert.AreEqual(35, b.PercentChange, 1e-9);
        Assert.AreEqual((2, 1, 1), (b.RankBefore, b.RankAfter, b.RankChange));
        var a = comparison.Agencies[1];
        Assert.AreEqual(-4, a.TotalChange, 1e-9);
        Assert.AreEqual(-1, a.RankChange, "A fell from 1st to 2nd");
        Assert.AreEqual(0, comparison.Agencies[2].RankChange);
        CollectionAssert.AreEqual(new[] { "X" }, comparison.OnlyBefore.ToArray());
        CollectionAssert.AreEqual(new[] { "Y" }, comparison.OnlyAfter.ToArray());
    }

    [TestMethod]
    public void Criteria_are_ordered_by_mean_absolute_change()
    {
        // Criterion 1: A 0, B +3, C 0 → mean |Δ| 1, mean Δ +1.
        // Criterion 2: A −4, B +4, C +1 → mean |Δ| 3, mean Δ +1/3; largest |Δ| 4 (A first, in file order).
        var comparison = ResultsComparer.Compare(Before(), After());
        Assert.AreEqual(2, comparison.CriteriaCompared);
        CollectionAssert.AreEqual(new[] { "2", "1" }, comparison.Criteria.Select(c => c.Code).ToArray());
        var two = comparison.Criteria[0];
        Assert.AreEqual(3, two.MeanAbsoluteChange, 1e-9);
        Assert.AreEqual(1.0 / 3, two.MeanChange, 1e-6);
        Assert.AreEqual(-4, two.LargestChange, 1e-9);
        Assert.AreEqual("A", two.LargestChangeAgencyId);
        Assert.AreEqual((3, 3), (two.Agencies, two.AgenciesChanged));
        var one = comparison.Criteria[1];
        Assert.AreEqual(1, one.MeanAbsoluteChange, 1e-9);
        Assert.AreEqual((3, 1), (one.Agencies, one.AgenciesChanged));
        Assert.AreEqual("Chỉ đạo, điều hành", one.Title);
    }

    [TestMethod]
    public void Top_keeps_only_the_criteria_that_changed_most()
    {
        var comparison = ResultsComparer.Compare(Before(), After(), topCriteria: 1);
        CollectionAssert.AreEqual(new[] { "2" }, comparison.Criteria.Select(c => c.Code).ToArray());
        Assert.AreEqual(2, comparison.CriteriaCompared);
    }

    [TestMethod]
    public void Two_rule_set_versions_report_criteria_only_in_one_of_them()
    {
        const string version2 = """
            [
              { "code": "1", "title": "Chỉ đạo, điều hành", "max": 10, "formula": "a" },
              { "code": "3", "title": "Chuyển đổi số", "max": 10, "formula": "b" }
            ]
            """;
        var before = Before();
        var after = Results("v2.json", "A,Sở A,9,9\nB,Sở B,5,5\nC,Sở C,2,2\nX,Sở X,1,1\n", version2, "2");
        var comparison = ResultsComparer.Compare(before, after);
        CollectionAssert.AreEqual(new[] { "2" }, comparison.CriteriaOnlyBefore.ToArray());
        CollectionAssert.AreEqual(new[] { "3" }, comparison.CriteriaOnlyAfter.ToArray());
        Assert.AreEqual(0, comparison.Criteria.Single().MeanAbsoluteChange, 1e-9);
        Assert.IsNull(comparison.Criteria.Single().LargestChangeAgencyId, "nothing changed");

        var text = new StringWriter();
        ResultsDiffWriter.Write(comparison, text);
        StringAssert.Contains(text.ToString(), "The rule sets differ");
        StringAssert.Contains(text.ToString(), "Criteria only before: 2");
        StringAssert.Contains(text.ToString(), "Criteria only after: 3");
    }

    [TestMethod]
    public void Text_output_has_one_row_per_agency_and_per_top_criterion()
    {
        var text = new StringWriter();
        ResultsDiffWriter.Write(ResultsComparer.Compare(Before(), After()), text);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.AreEqual("Before: 2023.json (diff-test 1)", lines[0]);
        Assert.AreEqual("3 agencies in both files, 1 only before, 1 only after.", lines[2]);
        var b = lines.Single(l => l.StartsWith("B ", StringComparison.Ordinal)).Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToList();
        CollectionAssert.AreEqual(new[] { "B", "Sở B", "10", "17", "+7", "50", "85", "+35", "2", "1", "↑1" }, b);
        var two = lines.Single(l => l.StartsWith("2 ", StringComparison.Ordinal)).Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToList();
        CollectionAssert.AreEqual(new[] { "2", "Thủ tục hành chính", "3", "+0.3333", "-4", "A", "3/3" }, two);
    }

    [TestMethod]
    public void Json_output_can_be_read_by_tools()
    {
        var text = new StringWriter();
        ResultsDiffWriter.WriteJson(ResultsComparer.Compare(Before(), After()), text);
        var json = Newtonsoft.Json.Linq.JObject.Parse(text.ToString());
        Assert.AreEqual("B", (string?)json["agencies"]![0]!["agencyId"]);
        Assert.AreEqual(1, (int)json["agencies"]![0]!["rankChange"]!);
        Assert.AreEqual("2", (string?)json["criteria"]![0]!["code"]);
        Assert.AreEqual(3.0, (double)json["criteria"]![0]!["meanAbsoluteChange"]!, 1e-9);
    }

    [TestMethod]
    [DataRow("{ not json", "(1,", DisplayName = "not JSON")]
    [DataRow("[1, 2]", "expected an object with an \"agencies\" array", DisplayName = "not a results file")]
    [DataRow("{ \"agencies\": [ { \"agencyId\": \"A\", \"total\": 1, \"percent\": 1 } ] }", "needs an integer \"rank\"", DisplayName = "no rank")]
    [DataRow("{ \"agencies\": [ { \"agencyId\": \"A\", \"total\": \"x\", \"percent\": 1, \"rank\": 1 } ] }", "\"total\" must be a number", DisplayName = "text total")]
    [DataRow("{ \"agencies\": [ { \"agencyId\": \"A\", \"total\": 1, \"percent\": 1, \"rank\": 1 }, { \"agencyId\": \"A\", \"total\": 1, \"percent\": 1, \"rank\": 1 } ] }", "appears twice", DisplayName = "duplicate agency")]
    public void A_file_that_is_not_a_results_file_is_a_format_error_naming_the_file(string json, string expected)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => ResultsFile.Read(new StringReader(json), "bad.json"));
        StringAssert.StartsWith(error.Message, "bad.json");
        StringAssert.Contains(error.Message, expected);
    }
}
