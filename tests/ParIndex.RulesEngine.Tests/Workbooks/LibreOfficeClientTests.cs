using System.Globalization;
using ParIndex.RulesEngine.Tests.CliTests;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>
/// LibreOffice Calc as the real client of the workbooks: it opens what parindex writes, and what
/// it saves is what parindex reads. Inconclusive where LibreOffice is not installed; CI installs it.
/// </summary>
[TestClass]
public sealed class LibreOfficeClientTests
{
    private static string Example(string name) => Path.Combine(CliWorkspace.RepositoryRoot(), "examples", "par-index-province-2019", name);

    private static List<string[]> ReadCsv(string path)
    {
        // An independent CSV reader (not the engine's), every line a row, the header included.
        using var reader = new StreamReader(path);
        using var csv = CsvHelper.CsvReader.Create(reader, new CsvHelper.CsvReaderOptions { HasHeader = false }, true);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    [TestMethod]
    public void The_template_opens_in_LibreOffice_and_converts_to_CSV_with_titles_notes_and_input_names()
    {
        LibreOffice.Require();
        using var workspace = new CliWorkspace();
        var template = workspace.PathOf("nhap-lieu.xlsx");
        var run = CliWorkspace.Run("template", Example("ruleset.json"), "--out", template, "--no-cache");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var rows = ReadCsv(LibreOffice.Convert(template, LibreOffice.CsvExport, workspace.PathOf("out")));
        using var rules = RuleSetLoader.LoadFile(Example("ruleset.json"));
        var inputs = rules.Definition.Inputs;
        Assert.HasCount(3, rows);
        CollectionAssert.AreEqual(new[] { "agencyId", "agencyName" }.Concat(inputs.Select(i => i.Name)).ToArray(), rows[2]);
        CollectionAssert.AreEqual(new[] { "Mã đơn vị", "Tên đơn vị" }.Concat(inputs.Select(i => i.Title ?? i.Name)).ToArray(), rows[0]);
        var plan = inputs.ToList().FindIndex(i => i.Name == "planCompletionRate");
        Assert.AreEqual("đơn vị: tỷ lệ (0–1); số từ 0 đến 1; bắt buộc", rows[1][2 + plan]);
    }

    [TestMethod]
    public void A_data_workbook_saved_by_LibreOffice_scores_exactly_as_the_CSV_it_was_filled_from()
    {
        LibreOffice.Require();
        using var workspace = new CliWorkspace();
        var csv = Example("provinces-2018.csv");
        // LibreOffice reads the example's CSV (typing numbers as numbers, as a person's sheet has them) and saves it as .xlsx.
        var copy = workspace.PathOf("provinces-2018.csv");
        File.Copy(csv, copy);
        var workbook = LibreOffice.Convert(copy, "xlsx", workspace.PathOf("saved"), LibreOffice.CsvImport);
        var fromCsv = CliWorkspace.Run("score", Example("ruleset.json"), csv, "--format", "csv", "--no-cache");
        var fromWorkbook = CliWorkspace.Run("score", Example("ruleset.json"), workbook, "--format", "csv", "--no-cache");
        Assert.AreEqual(0, fromCsv.ExitCode, fromCsv.ToString());
        Assert.AreEqual(0, fromWorkbook.ExitCode, fromWorkbook.ToString());
        Assert.HasCount(64, fromCsv.OutLines);
        Assert.AreEqual(fromCsv.Out, fromWorkbook.Out);
    }

    [TestMethod]
    public void The_results_workbook_ranking_converts_in_LibreOffice_to_the_numbers_of_the_CSV_results()
    {
        LibreOffice.Require();
        using var workspace = new CliWorkspace();
        var results = workspace.PathOf("ket-qua.xlsx");
        var run = CliWorkspace.Run("score", Example("ruleset.json"), Example("provinces-2018.csv"), "--format", "xlsx", "--out", results, "--no-cache");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var csvRun = CliWorkspace.Run("score", Example("ruleset.json"), Example("provinces-2018.csv"), "--format", "csv", "--no-cache");
        var expected = ReadCsv(new StringReaderPath(workspace, csvRun.Out).Path);
        var ranking = ReadCsv(LibreOffice.Convert(results, LibreOffice.CsvExport, workspace.PathOf("out")));
        Assert.AreEqual("Nhóm,Hạng,Mã đơn vị,Tên đơn vị,Tổng điểm,Điểm tối đa,Chỉ số (%),Xếp loại,Hạng chung,Hạng kỳ trước,Thay đổi hạng", string.Join(",", ranking[0]));
        var byId = ranking.Skip(1).ToDictionary(r => r[2]);
        Assert.HasCount(expected.Count - 1, byId);
        var header = expected[0].ToList();
        foreach (var row in expected.Skip(1))
        {
            var sheet = byId[row[header.IndexOf("agencyId")]];
            Assert.AreEqual(row[header.IndexOf("agencyName")], sheet[3]);
            // The CSV keeps 6 decimals, the workbook the full double: equal within half a unit of the 6th decimal.
            foreach (var (csvColumn, sheetColumn) in new[] { ("total", 4), ("maxPoints", 5), ("percent", 6) })
                Assert.AreEqual(double.Parse(row[header.IndexOf(csvColumn)], CultureInfo.InvariantCulture), double.Parse(sheet[sheetColumn], CultureInfo.InvariantCulture), 5e-7, csvColumn);
            Assert.AreEqual(row[header.IndexOf("rank")], sheet[1]);
            Assert.AreEqual(row[header.IndexOf("overallRank")], sheet[8]);
            Assert.AreEqual(row[header.IndexOf("classification")], sheet[7]);
        }
        // Sorted by rank: the sheet's ranks never decrease.
        var ranks = ranking.Skip(1).Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(ranks.Order().ToList(), ranks);
    }

    /// <summary>Text written to a file of the workspace, for the CSV parser.</summary>
    private sealed class StringReaderPath(CliWorkspace workspace, string text)
    {
        public string Path { get; } = workspace.Write("expected-" + Guid.NewGuid().ToString("N") + ".csv", text);
    }
}
