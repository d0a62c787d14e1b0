using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.Workbooks;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// Column headings matched against an input's name, its <c>column</c> alias or its title.
/// Points: criterion 1 = 10 × onlineShare (max 10), criterion 2 = 5 when reported (max 5).
/// Assertions use codes, input names and headings, never wording, so they hold in either language.
/// </summary>
[TestClass]
public sealed class ColumnAliasTests
{
    private const string Alias = "Tỷ lệ hồ sơ trực tuyến";
    private const string OnlineTitle = "Tỷ lệ hồ sơ được xử lý trực tuyến";
    private const string ReportedTitle = "Đã báo cáo đúng hạn";

    private static readonly string AliasJson = $$"""
        {
          "id": "alias-test", "title": "Alias test", "version": "1",
          "inputs": [
            { "name": "onlineShare", "title": "{{OnlineTitle}}", "column": "{{Alias}}", "type": "number", "min": 0, "max": 1 },
            { "name": "reported", "title": "{{ReportedTitle}}", "type": "bool" }
          ],
          "criteria": [
            { "code": "1", "title": "Online", "max": 10, "formula": "10 * onlineShare" },
            { "code": "2", "title": "Reported", "max": 5, "yesNo": "reported" }
          ]
        }
        """;

    private static readonly Lazy<CompiledRuleSet> Rules = new(() => RuleSetLoader.LoadJson(AliasJson, "alias.json"));

    private static AgencyBatch Read(string csv) => CsvAgencyReader.Read(Rules.Value, new StringReader(csv), (System.Globalization.CultureInfo?)null, "data.csv");

    [TestMethod]
    public void Alias_and_title_headings_read_as_the_inputs()
    {
        var batch = Read($"agencyId,{Alias},{ReportedTitle}\nA,0.8,true\nB,0.25,false\n");
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        var report = Rules.Value.Score(batch);
        // A: 10 × 0.8 = 8, reported 5: 13. B: 10 × 0.25 = 2.5, not reported: 2.5.
        Assert.AreEqual(13, report.Find("A")!.Total, 1e-9);
        Assert.AreEqual(2.5, report.Find("B")!.Total, 1e-9);
    }

    [TestMethod]
    public void A_heading_in_decomposed_form_matches_the_composed_alias()
    {
        var decomposed = Alias.Normalize(NormalizationForm.FormD);
        Assert.AreNotEqual(Alias, decomposed, "the test needs a heading whose code points differ");
        var batch = Read($"agencyId,{decomposed},reported\nA,0.5,true\n");
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        // 10 × 0.5 = 5, reported 5: 10.
        Assert.AreEqual(10, Rules.Value.Score(batch).Find("A")!.Total, 1e-9);
    }

    [TestMethod]
    public void A_heading_differing_in_case_is_unknown_and_the_warning_lists_every_inputs_headings()
    {
        var batch = Read($"agencyId,tỷ lệ hồ sơ trực tuyến,reported\nA,0.5,true\n");
        var unknown = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownColumn);
        Assert.Contains("'tỷ lệ hồ sơ trực tuyến'", unknown.Message);
        Assert.Contains($"'onlineShare' / '{Alias}' / '{OnlineTitle}'", unknown.Message);
        Assert.Contains($"'reported' / '{ReportedTitle}'", unknown.Message);
        Assert.AreEqual(2, unknown.Location.Column);
        // onlineShare is then missing (policy error): the file names it.
        Assert.IsTrue(batch.Diagnostics.Any(d => d.Code == DiagnosticCodes.DataFile && d.Message.Contains("'onlineShare'")), Describe(batch));
    }

    [TestMethod]
    public void Name_and_alias_of_one_input_in_one_header_is_a_file_error_naming_both_headings()
    {
        var batch = Read($"agencyId,onlineShare,reported,{Alias}\nA,0.5,true,0.6\n");
        var error = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.RepeatedColumn);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'onlineShare' (", error.Message);
        Assert.Contains($"'{Alias}' (", error.Message);
        Assert.AreEqual(4, error.Location.Column);
        // Which column holds onlineShare is not known, so the file is not scored.
        Assert.ThrowsExactly<DataFileErrorException>(() => Rules.Value.Score(batch));
    }

    [TestMethod]
    public void A_heading_that_is_the_title_of_two_inputs_is_a_file_error_naming_both()
    {
        const string twins = """
            {
              "id": "twins", "title": "Twins", "version": "1",
              "inputs": [
                { "name": "planned", "title": "Số lượng", "type": "number" },
                { "name": "done", "title": "Số lượng", "type": "number" }
              ],
              "criteria": [ { "code": "1", "title": "Done", "max": 10, "formula": "planned > 0 ? 10 * done / planned : 0" } ]
            }
            """;
        var rules = RuleSetLoader.LoadJson(twins, "twins.json");
        var batch = CsvAgencyReader.Read(rules, new StringReader("agencyId,Số lượng,done\nA,4,2\n"), (System.Globalization.CultureInfo?)null, "data.csv");
        var error = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.AmbiguousColumn);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'planned'", error.Message);
        Assert.Contains("'done'", error.Message);
        Assert.AreEqual("data.csv", error.Location.File);
        Assert.AreEqual((1, 2), (error.Location.Line, error.Location.Column));
        Assert.ThrowsExactly<DataFileErrorException>(() => rules.Score(batch));
    }

    [TestMethod]
    public void An_alias_equal_to_another_inputs_title_is_a_load_error_at_the_alias()
    {
        var clashing = AliasJson.Replace($"\"column\": \"{Alias}\"", $"\"column\": \"{ReportedTitle}\"");
        var exception = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadJson(clashing, "clash.json"));
        var clash = exception.Diagnostics.Single(d => d.Code == DiagnosticCodes.ColumnAliasClash);
        Assert.Contains($"'{ReportedTitle}'", clash.Message);
        Assert.Contains("'onlineShare'", clash.Message);
        Assert.Contains("'reported'", clash.Message);
        Assert.AreEqual("inputs[0].column", clash.Location.JsonPath);
        // Independently: the line holding the alias, and the 1-based column just after its opening quote.
        var lines = clashing.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"column\""));
        var column = lines[line].IndexOf($"\"{ReportedTitle}\"", StringComparison.Ordinal) + 2;
        Assert.AreEqual((line + 1, column), (clash.Location.Line, clash.Location.Column));
    }

    [TestMethod]
    public void An_alias_equal_to_another_inputs_name_is_a_load_error()
    {
        var clashing = AliasJson.Replace($"\"column\": \"{Alias}\"", "\"column\": \"reported\"");
        var exception = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadJson(clashing, "clash.json"));
        Assert.AreEqual(DiagnosticCodes.ColumnAliasClash, exception.Diagnostics.Single().Code);
    }

    [TestMethod]
    public void A_workbook_headed_by_Vietnamese_titles_reads_as_the_inputs()
    {
        var workbook = new TestWorkbook().Sheet("Nhập liệu").Rows(1, ["agencyId", OnlineTitle, ReportedTitle])
            .Text("A2", "A").Number("B2", 0.7).Bool("C2", true);
        var batch = XlsxAgencyReader.ReadStream(Rules.Value.InputSchema, new MemoryStream(workbook.ToBytes()), DataReadOptions.For(null), "data.xlsx");
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        // 10 × 0.7 = 7, reported 5: 12.
        Assert.AreEqual(12, Rules.Value.Score(batch).Find("A")!.Total, 1e-9);
    }
}
