using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using XlsxAgencyReader = ParIndex.RulesEngine.Data.XlsxAgencyReader;
using ParIndex.RulesEngine.Results.Workbooks;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>The data-entry template of <see cref="DataTests.DataRuleSets.BasicJson"/>: layout, validation, instructions, and reading it back filled in.</summary>
[TestClass]
public sealed class DataEntryTemplateTests
{
    private static byte[] Template()
    {
        using var memory = new MemoryStream();
        DataEntryTemplate.Write(Basic, memory);
        return memory.ToArray();
    }

    [TestMethod]
    public void Titles_notes_and_the_hidden_row_of_input_names_head_the_data_sheet()
    {
        using var book = new WorkbookInspection(Template());
        CollectionAssert.AreEqual(new[] { "Nhập liệu", "Hướng dẫn" }, book.SheetNames.ToArray());
        var sheet = book.Sheet("Nhập liệu");
        // No input of BasicJson has a title: the name is the title.
        CollectionAssert.AreEqual(new[] { "Mã đơn vị", "Tên đơn vị", "score", "reported", "kind", "extra" },
            new[] { "A1", "B1", "C1", "D1", "E1", "F1" }.Select(r => book.Text(sheet, r)).ToArray());
        Assert.AreEqual("số từ 0 đến 100; bắt buộc", book.Text(sheet, "C2"));
        Assert.AreEqual("Có/Không; bắt buộc", book.Text(sheet, "D2"));
        Assert.AreEqual("một trong: so, huyen, xa; bắt buộc", book.Text(sheet, "E2"));
        Assert.AreEqual("số; để trống: tiêu chí dùng nó không áp dụng", book.Text(sheet, "F2"));
        var names = WorkbookInspection.Row(sheet, 3);
        Assert.IsTrue(names.Hidden?.Value);
        CollectionAssert.AreEqual(new[] { "agencyId", "agencyName", "score", "reported", "kind", "extra" },
            new[] { "A3", "B3", "C3", "D3", "E3", "F3" }.Select(r => book.Text(sheet, r)).ToArray());
        var pane = sheet.Descendants<Pane>().Single();
        Assert.AreEqual("C4", pane.TopLeftCell?.Value);
        Assert.AreEqual(OrientationValues.Landscape, sheet.Descendants<PageSetup>().Single().Orientation?.Value);
        Assert.AreEqual("'Nhập liệu'!$A$3:$F$3", book.Workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "parindex_inputs").Text);
    }

    [TestMethod]
    public void Enums_and_booleans_get_drop_downs_and_bounded_numbers_limits()
    {
        using var book = new WorkbookInspection(Template());
        var validations = book.Sheet("Nhập liệu").Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!);
        Assert.HasCount(3, validations);
        var score = validations["C4:C10003"];
        Assert.AreEqual(DataValidationValues.Decimal, score.Type?.Value);
        Assert.AreEqual(DataValidationOperatorValues.Between, score.Operator?.Value);
        Assert.AreEqual("0", score.Formula1!.Text);
        Assert.AreEqual("100", score.Formula2!.Text);
        var reported = validations["D4:D10003"];
        Assert.AreEqual(DataValidationValues.List, reported.Type?.Value);
        Assert.AreEqual("\"Có,Không\"", reported.Formula1!.Text);
        Assert.AreEqual("\"so,huyen,xa\"", validations["E4:E10003"].Formula1!.Text);
        // "extra" has no limits: nothing to check.
        Assert.IsFalse(validations.ContainsKey("F4:F10003"));
    }

    [TestMethod]
    public void The_instructions_list_every_criterion_with_its_max_and_rule()
    {
        using var book = new WorkbookInspection(Template());
        var sheet = book.Sheet("Hướng dẫn");
        var rows = sheet.Descendants<Row>().ToList();
        var headingRow = rows.Single(r => book.Text(sheet, $"A{r.RowIndex}") == "Mã").RowIndex!.Value;
        var expected = new[] { ("1", "Score", "10", "score / 10"), ("2", "Reported", "5", "reported ? 5 : 0"), ("3", "Extra", "5", "extra") };
        for (var i = 0; i < expected.Length; i++)
        {
            var row = headingRow + 1 + (uint)i;
            Assert.AreEqual(expected[i].Item1, book.Text(sheet, $"A{row}"));
            Assert.AreEqual(expected[i].Item2, book.Text(sheet, $"B{row}"));
            Assert.AreEqual(expected[i].Item3, book.Text(sheet, $"C{row}"));
            Assert.AreEqual(expected[i].Item4, book.Text(sheet, $"E{row}"));
        }
        Assert.AreEqual(headingRow + 3, rows.Max(r => r.RowIndex!.Value));
    }

    [TestMethod]
    public void A_filled_template_is_read_through_its_row_of_names_even_with_the_titles_changed()
    {
        using var memory = new MemoryStream();
        memory.Write(Template());
        using (var document = SpreadsheetDocument.Open(memory, true))
        {
            var part = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<Row>().Any(r => r.Hidden?.Value == true));
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            // A person renames a title; the reader binds row 3, not row 1.
            data.Elements<Row>().First().Elements<Cell>().ElementAt(2).InlineString = new InlineString(new Text("Điểm tự chấm"));
            data.Append(new Row(
                Inline("A4", "S01"), Inline("B4", "Sở Tư pháp"), new Cell { CellReference = "C4", CellValue = new CellValue("64") },
                Inline("D4", "Có"), Inline("E4", "so")) { RowIndex = 4 });
        }
        var batch = XlsxAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(memory.ToArray()), null, "nhap-lieu.xlsx");
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        Assert.AreEqual(0, batch.RowErrors.Count, Describe(batch));
        // 64 / 10 + 5 (Có) = 11.4 of 15 (extra empty: not applicable).
        var agency = Basic.Score(batch).Find("S01")!;
        Assert.AreEqual("Sở Tư pháp", agency.Name);
        Assert.AreEqual(11.4, agency.Total, 1e-9);
        Assert.AreEqual(15, agency.MaxPoints, 1e-9);
    }

    private static Cell Inline(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
