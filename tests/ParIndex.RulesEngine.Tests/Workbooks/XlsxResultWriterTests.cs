using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.RulesEngine.Results.Workbooks;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>The results workbook of three agencies of <see cref="DataTests.DataRuleSets.BasicJson"/> (precision 2).</summary>
[TestClass]
public sealed class XlsxResultWriterTests
{
    private static byte[] Results()
    {
        var builder = Basic.CreateBatch();
        // A: 4 + 5 + 1 = 10 of 20 (50 %); B: 10 + 5 + 5 = 20 of 20 (100 %); C: 2.5 + 0 = 2.5 of 15 (extra empty), 16.67 %.
        builder.Add("A", new Dictionary<string, object?> { ["score"] = 40.0, ["reported"] = true, ["kind"] = "so", ["extra"] = 1.0 }, "Sở A");
        builder.Add("B", new Dictionary<string, object?> { ["score"] = 100.0, ["reported"] = true, ["kind"] = "xa", ["extra"] = 5.0 }, "Sở B");
        builder.Add("C", new Dictionary<string, object?> { ["score"] = 25.0, ["reported"] = false, ["kind"] = "so" }, "Sở C");
        using var memory = new MemoryStream();
        XlsxResultWriter.Write(Basic.Score(builder.Build()), memory);
        return memory.ToArray();
    }

    [TestMethod]
    public void The_ranking_sheet_lists_agencies_by_rank_with_numbers_as_numbers_in_the_schemes_precision()
    {
        using var book = new WorkbookInspection(Results());
        CollectionAssert.AreEqual(new[] { "Xếp hạng", "Điểm tiêu chí", "Thiếu điểm theo đơn vị" }, book.SheetNames.ToArray());
        var sheet = book.Sheet("Xếp hạng");
        CollectionAssert.AreEqual(new[] { "B", "A", "C" }, new[] { "C2", "C3", "C4" }.Select(r => book.Text(sheet, r)).ToArray());
        CollectionAssert.AreEqual(new[] { "1", "2", "3" }, new[] { "B2", "B3", "B4" }.Select(r => book.Text(sheet, r)).ToArray());
        var percent = WorkbookInspection.Cell(sheet, "G4")!;
        Assert.IsNull(percent.DataType, "a number cell has no string type");
        // 2.5 / 15 = 16.666…%, which the engine keeps to the scheme's 2 decimals.
        Assert.AreEqual(16.67, double.Parse(percent.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        Assert.AreEqual("0.00", book.NumberFormat(percent));
        Assert.AreEqual("A1:K4", sheet.Descendants<AutoFilter>().Single().Reference?.Value);
        Assert.AreEqual(1.0, sheet.Descendants<Pane>().Single().VerticalSplit?.Value);
        var page = sheet.Descendants<PageSetup>().Single();
        Assert.AreEqual(OrientationValues.Landscape, page.Orientation?.Value);
        Assert.AreEqual(9u, page.PaperSize?.Value, "A4");
    }

    [TestMethod]
    public void The_matrix_colours_points_by_share_of_max_and_marks_what_does_not_apply()
    {
        using var book = new WorkbookInspection(Results());
        var sheet = book.Sheet("Điểm tiêu chí");
        Assert.AreEqual("1 Score", book.Text(sheet, "C1"));
        Assert.AreEqual("10", book.Text(sheet, "C2"));
        // Row 3 is A (input order): 4 of 10 is 40 % (the 25–50 % fill); 5 of 5 full marks (green); row 5 is C, whose extra does not apply.
        var partial = WorkbookInspection.Cell(sheet, "C3")!;
        var full = WorkbookInspection.Cell(sheet, "D3")!;
        Assert.AreEqual("FFFCE4D6", book.FillColour(partial));
        Assert.AreEqual("FFC6EFCE", book.FillColour(full));
        Assert.AreEqual("–", book.Text(sheet, "E5"));
    }

    [TestMethod]
    public void Shortfalls_sum_the_points_lost_per_criterion()
    {
        using var book = new WorkbookInspection(Results());
        var sheet = book.Sheet("Thiếu điểm theo đơn vị");
        // No criterion names a responsible unit. Lost: criterion 1: A 6 + C 7.5 = 13.5 (2 agencies); 3: A 4 (C does not apply); 2: C 5.
        var rows = Enumerable.Range(2, 3).Select(r => (book.Text(sheet, $"B{r}"), book.Text(sheet, $"E{r}"), book.Text(sheet, $"F{r}"))).ToList();
        CollectionAssert.AreEqual(new[] { ("1", "2", "13.5"), ("2", "1", "5"), ("3", "1", "4") }, rows);
        Assert.AreEqual("(chưa giao)", book.Text(sheet, "A2"));
    }
}
