using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>Agency ids are NFC-normalised; ids that only look alike are duplicates (R9).</summary>
[TestClass]
public sealed class AgencyIdTests
{
    private static AgencyBatch Read(params string[] ids) => CsvAgencyReader.Read(Basic,
        new StringReader("agencyId,score,reported,kind\n" + string.Concat(ids.Select((id, i) => $"{id},{10 * (i + 1)},true,so\n"))), DataReadOptions.Default, "data.csv");

    [TestMethod]
    public void An_id_in_decomposed_form_is_the_same_agency_as_the_precomposed_one()
    {
        // "SỞ" precomposed (U+1EDE) and decomposed (O + U+031B horn + U+0309 hook above).
        var batch = Read("SỞ-1", "SO\u031B\u0309-1");
        Assert.AreEqual("SỞ-1", batch.AgencyIds.Single());
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.DuplicateAgency, 2, "SỞ-1"), (error.Code, error.Row, error.AgencyId));
        Assert.AreEqual("Agency 'SỞ-1': the id appears more than once; only its first row is scored.", error.Message);
    }

    [TestMethod]
    [DataRow("SNV\u0421", "SNV<U+0421>", DisplayName = "Cyrillic Es for C")]
    [DataRow("SNV\u200BC", "SNV<U+200B>C", DisplayName = "zero-width space")]
    [DataRow("\uFF33NVC", "<U+FF33>NVC", DisplayName = "fullwidth S")]
    public void Ids_that_only_look_alike_are_a_duplicate_naming_both(string lookAlike, string escaped)
    {
        var batch = Read("SNVC", lookAlike);
        Assert.AreEqual("SNVC", batch.AgencyIds.Single());
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.DuplicateAgency, 2), (error.Code, error.Row));
        Assert.AreEqual($"Agency '{escaped}' looks the same as agency 'SNVC' of row 1 (the ids differ only by look-alike, invisible or compatibility characters, shown as U+XXXX); " +
            "it counts as a duplicate and only the first row is scored.", error.Message);
    }

    [TestMethod]
    public void A_plain_id_after_its_look_alike_is_the_duplicate_and_both_later_rows_name_the_first()
    {
        // The Cyrillic one comes first, so it is the agency; the plain ASCII id and a third form
        // (zero-width space) after it are duplicates of row 1.
        var batch = Read("SNV\u0421", "SNVC", "SNV\u200BC");
        Assert.AreEqual("SNV\u0421", batch.AgencyIds.Single());
        CollectionAssert.AreEqual(new[] { 2, 3 }, batch.RowErrors.Select(e => e.Row).ToArray());
        foreach (var error in batch.RowErrors)
            Assert.Contains("looks the same as agency 'SNV<U+0421>' of row 1", error.Message);
    }

    [TestMethod]
    public void The_builder_and_columns_check_ids_the_same_way()
    {
        var builder = Basic.CreateBatch();
        var row = new Dictionary<string, object?> { ["score"] = 10d, ["reported"] = true, ["kind"] = "so" };
        Assert.IsTrue(builder.Add("Sở Nội vụ", row));
        Assert.IsFalse(builder.Add("S\u1edf N\u00f4\u0323i v\u1ee5".Normalize(System.Text.NormalizationForm.FormD), row));
        Assert.AreEqual(DiagnosticCodes.DuplicateAgency, builder.RowErrors.Single().Code);

        var columns = ColumnarBatch.Create(Basic, ["A", "\u0410"], new Dictionary<string, Array>
        {
            ["score"] = new[] { 10d, 20d }, ["reported"] = new[] { true, true }, ["kind"] = new string?[] { "so", "so" },
        });
        Assert.AreEqual("A", columns.AgencyIds.Single());
        Assert.Contains("'<U+0410>' looks the same as agency 'A' of row 1", columns.RowErrors.Single().Message);
    }

    [TestMethod]
    public void In_a_file_large_enough_that_the_accepted_ids_leave_memory_repeats_and_look_alikes_of_early_rows_are_still_caught()
    {
        // 400,000 ids "A0".."A399999" take about 5 MB of records (6-byte header and the text),
        // past the 4 MiB the duplicate check keeps in memory, so the first rows' ids are read back
        // from its file. Then: a repeat of row 8's id, a Cyrillic look-alike of it, and a new id.
        const int rows = 400_000;
        var text = new System.Text.StringBuilder("agencyId,score,reported,kind\n");
        for (var i = 0; i < rows; i++) text.Append("A").Append(i).Append(",10,true,so\n");
        text.Append("A7,20,true,so\n\u0410\u0037,30,true,so\nB1,40,true,so\n");
        var path = Path.Combine(Path.GetTempPath(), $"ids-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        List<AgencyBatch> chunks;
        try { chunks = CsvAgencyReader.ReadChunks(Basic, path, DataReadOptions.Default, chunkSize: 65_536).ToList(); }
        finally { File.Delete(path); }
        var errors = chunks.SelectMany(c => c.RowErrors).ToList();
        Assert.AreEqual(rows + 1, chunks.Sum(c => c.Count), "every first row and B1 are accepted");
        Assert.AreEqual("B1", chunks[^1].AgencyIds[^1]);
        CollectionAssert.AreEqual(new[] { rows + 1, rows + 2 }, errors.Select(e => e.Row).ToArray());
        Assert.AreEqual("Agency 'A7': the id appears more than once; only its first row is scored.", errors[0].Message);
        Assert.Contains("'<U+0410>7' looks the same as agency 'A7' of row 8", errors[1].Message);
    }

    [TestMethod]
    public void Ids_from_code_longer_than_a_cell_are_accepted_and_their_repeat_is_a_duplicate()
    {
        // Columns given from code have no cell limit; a plain ASCII id of 10,001 characters does
        // not fit the compact set's records and is checked in the dictionary of other ids.
        var longId = new string('Z', InputChecks.MaxCellLength + 1);
        var columns = ColumnarBatch.Create(Basic, [longId, "B", longId], new Dictionary<string, Array>
        {
            ["score"] = new[] { 10d, 20d, 30d }, ["reported"] = new[] { true, true, true }, ["kind"] = new string?[] { "so", "so", "so" },
        });
        CollectionAssert.AreEqual(new[] { longId, "B" }, columns.AgencyIds.ToArray());
        var error = columns.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.DuplicateAgency, 3), (error.Code, error.Row));
    }

    [TestMethod]
    public void A_report_finds_an_agency_by_its_id_in_either_form()
    {
        var report = Basic.Score(Read("SỞ-1"));
        Assert.IsNotNull(report.Find("SO\u031B\u0309-1"));
    }
}
