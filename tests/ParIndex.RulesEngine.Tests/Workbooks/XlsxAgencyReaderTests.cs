using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.Workbooks;

/// <summary>
/// Workbooks against <see cref="DataTests.DataRuleSets.BasicJson"/> (score 0–100 → score/10 points,
/// reported → 5, extra → its value, not applicable when empty). Every expected figure is worked
/// out in the comment beside it.
/// </summary>
[TestClass]
public sealed class XlsxAgencyReaderTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static AgencyBatch Read(TestWorkbook workbook, CultureInfo? culture = null) =>
        XlsxAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(workbook.ToBytes()), DataReadOptions.For(culture), "data.xlsx");

    private static TestWorkbook Header(string sheet = "Nhập liệu") =>
        new TestWorkbook().Sheet(sheet).Rows(1, ["agencyId", "agencyName", "score", "reported", "kind", "extra"]);

    [TestMethod]
    public void Vietnamese_titled_sheet_with_typed_and_text_cells_is_read_under_vi_VN()
    {
        var workbook = Header()
            .Text("A2", "A").Text("B2", "Sở Nội vụ").Number("C2", 75.5).Bool("D2", true).Text("E2", "so").Text("F2", "2,25")
            .Inline("A3", "B").Inline("B3", "UBND huyện").Text("C3", "80,5").Text("D3", "Không").Text("E3", "huyen");
        var batch = Read(workbook, Vietnamese);
        Assert.AreEqual(2, batch.Count, Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        var report = Basic.Score(batch);
        // A: typed 75.5 → 7.55; typed TRUE → 5; text "2,25" in vi-VN → 2.25: 14.8 of 20.
        var a = report.Find("A")!;
        Assert.AreEqual("Sở Nội vụ", a.Name);
        Assert.AreEqual(7.55, a["1"].Points, 1e-9);
        Assert.AreEqual(5, a["2"].Points, 1e-9);
        Assert.AreEqual(14.8, a.Total, 1e-9);
        // B (inline strings): text "80,5" → 8.05; "Không" → 0; extra empty → criterion 3 does not apply: 8.05 of 15.
        var b = report.Find("B")!;
        Assert.AreEqual("UBND huyện", b.Name);
        Assert.AreEqual(8.05, b.Total, 1e-9);
        Assert.AreEqual(15, b.MaxPoints, 1e-9);
        Assert.IsFalse(b["3"].IsApplicable);
    }

    [TestMethod]
    public void Typed_numbers_do_not_depend_on_the_culture_but_text_follows_it()
    {
        // A typed 0.5 is 0.5 in both cultures; the text "0.5" is an error under vi-VN (the dot groups thousands).
        var workbook = Header().Text("A2", "A").Number("C2", 0.5).Bool("D2", false).Text("E2", "xa")
            .Text("A3", "B").Text("C3", "0.5").Bool("D3", false).Text("E3", "xa");
        var invariant = Read(workbook);
        Assert.AreEqual(2, invariant.Count, Describe(invariant));
        var vietnamese = Read(workbook, Vietnamese);
        Assert.AreEqual(1, vietnamese.Count, Describe(vietnamese));
        Assert.AreEqual(0.05, Basic.Score(vietnamese).Find("A")!.Total, 1e-12);
        var error = vietnamese.RowErrors.Single();
        Assert.AreEqual("B", error.AgencyId);
        Assert.AreEqual("score", error.Field);
        Assert.AreEqual("Nhập liệu!C3", error.Location.Cell);
    }

    [TestMethod]
    public void A_bad_value_names_sheet_cell_agency_and_input_and_the_other_rows_are_scored()
    {
        var workbook = Header()
            .Text("A2", "A").Number("C2", 50).Bool("D2", true).Text("E2", "so")
            .Text("A3", "B").Number("C3", 150).Bool("D3", true).Text("E3", "tinh")
            .Text("A4", "C").Number("C4", 60).Text("D4", "có").Text("E4", "xa");
        var batch = Read(workbook);
        CollectionAssert.AreEqual(new[] { "A", "C" }, batch.AgencyIds.ToArray(), Describe(batch));
        var errors = batch.RowErrors.OrderBy(e => e.Location.Column).ToList();
        Assert.HasCount(2, errors, Describe(batch));
        Assert.AreEqual(DiagnosticCodes.OutOfRange, errors[0].Code);
        Assert.AreEqual("Nhập liệu!C3", errors[0].Location.Cell);
        Assert.AreEqual(DiagnosticCodes.WrongType, errors[1].Code);
        Assert.AreEqual("Nhập liệu!E3", errors[1].Location.Cell);
        Assert.StartsWith("data.xlsx(Nhập liệu!E3): error PAR0604: Agency 'B', input 'kind': 'tinh' is not one of so, huyen, xa", errors[1].ToString());
        Assert.AreEqual(3, errors[0].Location.Line);
        Assert.AreEqual(3, errors[0].Location.Column);
    }

    [TestMethod]
    public void An_error_value_rejects_its_row_once_with_the_cell_and_a_formula_gives_its_cached_value()
    {
        var workbook = Header()
            .Text("A2", "A").Formula("C2", "G2*2", 42).Bool("D2", true).Text("E2", "so")
            .Text("A3", "B").Error("C3", "G3/0", "#DIV/0!").Bool("D3", true).Text("E3", "so")
            .Text("A4", "C").Number("C4", 10).Bool("D4", false).Text("E4", "so").Error("F4", "NA()", "#N/A");
        var batch = Read(workbook);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToArray(), Describe(batch));
        // The cached 42 of the formula → 4.2 points, plus 5: 9.2.
        Assert.AreEqual(9.2, Basic.Score(batch).Find("A")!.Total, 1e-9);
        var b = batch.RowErrors.Single(e => e.AgencyId == "B");
        Assert.AreEqual("Nhập liệu!C3", b.Location.Cell);
        Assert.Contains("#DIV/0!", b.Message);
        var c = batch.RowErrors.Single(e => e.AgencyId == "C");
        Assert.AreEqual("Nhập liệu!F4", c.Location.Cell);
        Assert.Contains("#N/A", c.Message);
        Assert.HasCount(2, batch.RowErrors, Describe(batch));
    }

    [TestMethod]
    public void Merged_header_cells_and_trailing_empty_rows()
    {
        // Row 1: "Mã" over A1:A2 and "Kết quả" over C1:D1 with the input names below it in row 2.
        var workbook = new TestWorkbook().Sheet("Dữ liệu")
            .Text("A1", "agencyId").Merge("A1:A2")
            .Text("B1", "agencyName").Merge("B1:B2")
            .Text("C1", "Kết quả").Merge("C1:D1").Text("C2", "score").Text("D2", "reported")
            .Text("E1", "kind").Merge("E1:E2")
            .Text("A3", "A").Number("C3", 20).Bool("D3", true).Text("E3", "so")
            .Text("A4", "B").Number("C4", 30).Bool("D4", false).Text("E4", "xa")
            .Empty("A5").Empty("C9").Empty("E40");
        var batch = Read(workbook);
        CollectionAssert.AreEqual(new[] { "A", "B" }, batch.AgencyIds.ToArray(), Describe(batch));
        Assert.AreEqual(0, batch.RowErrors.Count, Describe(batch));
        // "extra" has no column: one warning, nothing else.
        Assert.AreEqual("PAR0601", batch.Diagnostics.Single().Code, Describe(batch));
        Assert.Contains("no column 'extra'", batch.Diagnostics.Single().Message);
        // A: 2 + 5 of 15 (extra missing → not applicable).
        Assert.AreEqual(7, Basic.Score(batch).Find("A")!.Total, 1e-9);
    }

    [TestMethod]
    public void The_row_of_input_names_wins_over_titles_above_it_and_a_hidden_first_sheet_is_passed_over()
    {
        var workbook = new TestWorkbook().Sheet("Cũ", hidden: true).Rows(1, ["agencyId", "score"], ["Z", "1"])
            .Sheet("Nhập liệu")
            .Rows(1, ["Mã đơn vị", "Tên đơn vị", "Điểm", "Báo cáo", "Loại", "Thêm"])
            .Rows(2, ["", "", "0–100", "Có/Không", "so, huyen, xa", ""])
            .Rows(3, ["agencyId", "agencyName", "score", "reported", "kind", "extra"])
            .Rows(4, ["A", "Sở A", "40", "có", "so", "1"]);
        var batch = Read(workbook);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToArray(), Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        // 4 + 5 + 1 = 10.
        Assert.AreEqual(10, Basic.Score(batch).Find("A")!.Total, 1e-9);
    }

    [TestMethod]
    public void A_file_that_is_not_a_workbook_or_is_cut_short_is_a_file_error_naming_it()
    {
        var valid = Header().Text("A2", "A").Number("C2", 1).Bool("D2", true).Text("E2", "so").ToBytes();
        foreach (var (label, bytes) in new[] { ("csv text", "agencyId,score\nA,1\n"u8.ToArray()), ("truncated", valid[..(valid.Length / 2)]), ("empty", Array.Empty<byte>()) })
        {
            var batch = XlsxAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(bytes), null, "data.xlsx");
            Assert.IsTrue(batch.HasFileErrors, label);
            Assert.AreEqual(0, batch.Count, label);
            var error = batch.Diagnostics.Single(d => d.IsError);
            Assert.AreEqual(DiagnosticCodes.DataFile, error.Code, label);
            Assert.Contains("'data.xlsx' is not a readable .xlsx workbook", error.Message, label);
        }
    }

    [TestMethod]
    public void A_damaged_part_inside_a_real_workbook_is_named_and_no_row_of_it_is_scored()
    {
        // 300 rows, so the damage comes after rows that did read: none of them may be scored,
        // because what was read may not be all the sheet holds.
        var workbook = Header();
        for (var r = 2; r <= 301; r++) workbook.Text($"A{r}", $"A{r}").Number($"C{r}", 50).Bool($"D{r}", true).Text($"E{r}", "so");
        var valid = workbook.ToBytes();
        Assert.AreEqual(300, Read(workbook).Count, "the undamaged workbook reads every row");

        var sheet = "/" + EntryName(valid, "xl/worksheets/");
        var strings = "/" + EntryName(valid, "xl/sharedStrings");
        var cases = new (string Label, byte[] Bytes, string Part, string Cause)[]
        {
            // The sheet's XML cut at two thirds: the parser meets the end of the part inside an element.
            ("sheet XML cut short", Rewrite(valid, sheet, xml => xml[..(xml.Length * 2 / 3)]), $"{sheet} (the sheet 'Nhập liệu')", ""),
            // Every shared string removed: cell A1 (the header's "agencyId") refers to string 0.
            ("shared strings emptied", Rewrite(valid, strings, _ => "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
                $"{sheet} (the sheet 'Nhập liệu')", "cell A1 refers to shared string 0, which the workbook does not have"),
            // The shared strings part is not XML at all.
            ("shared strings not XML", Rewrite(valid, strings, _ => "<sst"), strings, ""),
            // Bytes in the middle of the sheet's compressed data overwritten: it no longer inflates to what it was.
            ("sheet bytes overwritten", Scramble(valid, sheet[1..]), $"{sheet} (the sheet 'Nhập liệu')", ""),
        };
        foreach (var (label, bytes, part, cause) in cases)
        {
            var batch = XlsxAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(bytes), null, "data.xlsx");
            Assert.AreEqual(0, batch.Count, label);
            Assert.IsTrue(batch.HasFileErrors, label);
            var error = batch.Diagnostics.Single(d => d.IsError);
            Assert.AreEqual(DiagnosticCodes.DataFile, error.Code, label);
            Assert.Contains($"'data.xlsx' is an .xlsx workbook, but its part {part} is damaged (", error.Message, label);
            Assert.Contains(cause, error.Message, label);
            Assert.DoesNotContain("not a readable", error.Message, label);
        }
    }

    private static string EntryName(byte[] zip, string prefix)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries.Single(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)).FullName;
    }

    /// <summary>The workbook with one part's text replaced, the zip otherwise rewritten as it was.</summary>
    private static byte[] Rewrite(byte[] zip, string part, Func<string, string> change)
    {
        var memory = new MemoryStream();
        memory.Write(zip);
        using (var archive = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(part[1..])!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(part[1..]).Open());
            writer.Write(change(text));
        }
        return memory.ToArray();
    }

    /// <summary>
    /// The workbook with 64 bytes in the middle of one entry's compressed data set to 0xA5; the
    /// zip's directory is untouched, so the package still opens. The entry's data starts after its
    /// local header (30 bytes, the name, the extra field: APPNOTE 4.3.7).
    /// </summary>
    private static byte[] Scramble(byte[] zip, string entryName)
    {
        long offset = -1, length;
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip)))
            length = archive.GetEntry(entryName)!.CompressedLength;
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        for (var at = 0; at + 30 < zip.Length; at++)
            if (zip[at] == 'P' && zip[at + 1] == 'K' && zip[at + 2] == 3 && zip[at + 3] == 4
                && zip.AsSpan(at + 30, Math.Min(name.Length, zip.Length - at - 30)).SequenceEqual(name))
            {
                offset = at + 30 + name.Length + BitConverter.ToUInt16(zip, at + 28);
                break;
            }
        Assert.IsGreaterThan(-1L, offset, $"local header of {entryName}");
        Assert.IsGreaterThan(200L, length, "the compressed sheet is long enough to scramble its middle");
        var scrambled = (byte[])zip.Clone();
        for (var i = 0; i < 64; i++) scrambled[offset + length / 2 - 32 + i] = 0xA5;
        return scrambled;
    }

    [TestMethod]
    public async Task Stream_that_cannot_seek_file_and_async_overloads_read_the_same_and_cancellation_stops()
    {
        var bytes = Header().Text("A2", "A").Number("C2", 10).Bool("D2", true).Text("E2", "so").ToBytes();
        using var file = WriteTemp("data.xlsx", bytes);
        var fromFile = XlsxAgencyReader.ReadFile(Basic, file.Path);
        var fromPipe = XlsxAgencyReader.ReadStream(Basic.InputSchema, new ForwardOnlyStream(bytes), null, "pipe");
        var fromAsync = await XlsxAgencyReader.ReadFileAsync(Basic.InputSchema, file.Path);
        foreach (var batch in new[] { fromFile, fromPipe, fromAsync })
            Assert.AreEqual(6, Basic.Score(batch).Find("A")!.Total, 1e-9, Describe(batch));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => XlsxAgencyReader.ReadStreamAsync(Basic.InputSchema, new MemoryStream(bytes), cancellationToken: cancelled.Token));
    }

    /// <summary>A stream that reads forward only, as a pipe or a network body does.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
