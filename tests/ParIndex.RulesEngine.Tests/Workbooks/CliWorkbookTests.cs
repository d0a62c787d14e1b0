using ParIndex.RulesEngine.Tests.CliTests;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>The command line with workbooks: template → fill → score, .xlsx data for every command, and refusals.</summary>
[TestClass]
public sealed class CliWorkbookTests
{
    /// <summary><see cref="CliWorkspace.Data"/> as a workbook on a Vietnamese-named sheet, B's score typed as text "90", C's reported as "Có".</summary>
    private static byte[] DataWorkbook(string bScore = "90") => new TestWorkbook().Sheet("Nhập liệu")
        .Rows(1, ["agencyId", "agencyName", "score", "reported"])
        .Text("A2", "A").Text("B2", "Sở A").Number("C2", 50).Bool("D2", true)
        .Text("A3", "B").Text("B3", "Sở B").Text("C3", bScore).Bool("D3", false)
        .Text("A4", "C").Text("B4", "Sở C").Number("C4", 70).Text("D4", "Có")
        .ToBytes();

    [TestMethod]
    public void Score_explain_and_shortfall_read_a_workbook_as_they_read_the_CSV()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var csv = workspace.Write("data.csv", CliWorkspace.Data);
        var xlsx = workspace.PathOf("data.xlsx");
        File.WriteAllBytes(xlsx, DataWorkbook());
        foreach (var command in new[] { new[] { "score", "--format", "csv" }, ["explain", "--agency", "B"], ["shortfall", "--agency", "A"] })
        {
            var fromCsv = CliWorkspace.Run([command[0], rules, csv, .. command[1..], "--no-cache"]);
            var fromXlsx = CliWorkspace.Run([command[0], rules, xlsx, .. command[1..], "--no-cache"]);
            Assert.AreEqual(0, fromXlsx.ExitCode, fromXlsx.ToString());
            Assert.AreEqual(fromCsv.Out, fromXlsx.Out, command[0]);
        }
        // C: 7 + 5 = 12 of 15, rank 1.
        StringAssert.Contains(CliWorkspace.Run("score", rules, xlsx, "--format", "csv", "--no-cache").Out, "C,Sở C,,12,15,80,Tốt,1,1");
    }

    [TestMethod]
    public void A_bad_cell_is_reported_with_sheet_and_cell_and_the_other_rows_are_scored()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var xlsx = workspace.PathOf("data.xlsx");
        File.WriteAllBytes(xlsx, DataWorkbook(bScore: "chín mươi"));
        var run = CliWorkspace.Run("score", rules, xlsx, "--format", "csv", "--no-cache");
        Assert.AreEqual(4, run.ExitCode, run.ToString());
        StringAssert.StartsWith(run.ErrorLines.Single(), $"{xlsx}(Nhập liệu!C3): error PAR0604: Agency 'B', input 'score': 'chín mươi' is not a number");
        Assert.HasCount(3, run.OutLines, run.ToString());
    }

    [TestMethod]
    public void Template_then_fill_then_score()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var template = workspace.PathOf("nhap-lieu.xlsx");
        var made = CliWorkspace.Run("template", rules, "--out", template, "--no-cache");
        Assert.AreEqual(0, made.ExitCode, made.ToString());
        StringAssert.Contains(made.Error, "2 input column(s)");
        // Filling: what a person types under the hidden row of names (row 3), as text cells.
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(template, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Any(r => r.Hidden?.Value == true));
            var data = sheet.Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
            var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = 4 };
            foreach (var (reference, text) in new[] { ("A4", "X"), ("B4", "Sở X"), ("C4", "80"), ("D4", "Không") })
                row.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
                {
                    CellReference = reference, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                    InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
                });
            data.Append(row);
        }
        var scored = CliWorkspace.Run("score", rules, template, "--format", "csv", "--no-cache");
        Assert.AreEqual(0, scored.ExitCode, scored.ToString());
        // X: 8 + 0 = 8 of 15 = 53.33 %, Khá.
        StringAssert.Contains(scored.Out, "X,Sở X,,8,15,53.33,Khá,1,1");
    }

    [TestMethod]
    public void Workbook_outputs_need_out_never_overwrite_an_input_and_do_not_stream()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var csv = workspace.Write("data.csv", CliWorkspace.Data);
        var noOut = CliWorkspace.Run("template", rules, "--no-cache");
        Assert.AreEqual(2, noOut.ExitCode, noOut.ToString());
        StringAssert.Contains(noOut.Error, "give --out <file.xlsx>");
        var overInput = CliWorkspace.Run("template", rules, "--out", rules, "--no-cache");
        Assert.AreEqual(2, overInput.ExitCode, overInput.ToString());
        Assert.AreEqual(CliWorkspace.Rules, File.ReadAllText(rules));
        var resultsNoOut = CliWorkspace.Run("score", rules, csv, "--format", "xlsx", "--no-cache");
        Assert.AreEqual(2, resultsNoOut.ExitCode, resultsNoOut.ToString());
        var streamed = CliWorkspace.Run("score", rules, csv, "--format", "xlsx", "--stream", "--out", workspace.PathOf("r.xlsx"), "--no-cache");
        Assert.AreEqual(2, streamed.ExitCode, streamed.ToString());
        Assert.IsFalse(File.Exists(workspace.PathOf("r.xlsx")));
        Assert.AreEqual(0, Directory.GetFiles(workspace.Folder, "*.tmp").Length, "no temporary file left");
    }

    [TestMethod]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_unusable_data_with_a_clear_message()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var fake = workspace.Write("data.xlsx", CliWorkspace.Data);
        var run = CliWorkspace.Run("score", rules, fake, "--no-cache");
        Assert.AreEqual(3, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Error, "is not a readable .xlsx workbook");
        Assert.DoesNotContain("internal error", run.Error);
    }
}
