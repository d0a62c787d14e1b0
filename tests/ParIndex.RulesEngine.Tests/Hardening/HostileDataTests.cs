using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using static ParIndex.RulesEngine.Tests.Hardening.HostileDataRules;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Hostile data: every bad cell is a row error naming agency and field, every bad file a
/// file-level diagnostic, and bad rows never change the results of the good ones.
/// </summary>
[TestClass]
public sealed class HostileDataTests
{
    private static CompiledRuleSet _rules = null!;

    static HostileDataTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [ClassInitialize]
    public static void Load(TestContext _) => _rules = RuleSetLoader.LoadJson(Json, "hostile-data.json");

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    [TestMethod]
    [DataRow("filesReceived", "NaN", DiagnosticCodes.WrongType, DisplayName = "NaN")]
    [DataRow("filesReceived", "Infinity", DiagnosticCodes.WrongType, DisplayName = "Infinity")]
    [DataRow("filesOnline", "-Infinity", DiagnosticCodes.WrongType, DisplayName = "-Infinity")]
    [DataRow("filesOnline", "∞", DiagnosticCodes.WrongType, DisplayName = "∞")]
    [DataRow("filesOnline", "1e309", DiagnosticCodes.WrongType, DisplayName = "1e309 (overflows to infinity)")]
    [DataRow("filesReceived", "-3", DiagnosticCodes.OutOfRange, DisplayName = "a negative count")]
    [DataRow("onTimeRate", "1.2", DiagnosticCodes.OutOfRange, DisplayName = "a ratio above 1")]
    [DataRow("filesReceived", "", DiagnosticCodes.MissingValue, DisplayName = "an empty cell")]
    [DataRow("filesReceived", "many", DiagnosticCodes.WrongType, DisplayName = "text in a number column")]
    [DataRow("reportsOnTime", "maybe", DiagnosticCodes.WrongType, DisplayName = "not a bool")]
    [DataRow("agencyType", "tinh", DiagnosticCodes.WrongType, DisplayName = "not one of the enum values")]
    [DataRow("filesReceived", "1M", DiagnosticCodes.WrongType, DisplayName = "1M characters in a number column")]
    [DataRow("agencyType", "1M", DiagnosticCodes.WrongType, DisplayName = "1M characters in an enum column")]
    [DataRow("agencyName", "1M", DiagnosticCodes.WrongType, DisplayName = "a 1M-character agency name")]
    [DataRow("agencyId", "1M", DiagnosticCodes.WrongType, DisplayName = "a 1M-character agency id")]
    [DataRow("agencyId", "", DiagnosticCodes.MissingAgencyId, DisplayName = "no agency id")]
    public void A_bad_cell_rejects_its_row_with_a_row_error_and_leaves_the_others(string column, string value, string code)
    {
        var cell = value == "1M" ? new string('7', 1_000_000) : value;
        var batch = Read(Csv([CleanRow(1), WithCell(2, column, cell), CleanRow(3)]));
        CollectionAssert.AreEqual(new[] { "A000001", "A000003" }, batch.AgencyIds.ToArray());
        var error = batch.RowErrors.SingleOrDefault();
        Assert.IsNotNull(error, string.Join("; ", batch.RowErrors.Select(e => e.Message)));
        Assert.AreEqual(code, error.Code, error.Message);
        Assert.AreEqual(2, error.Row);
        Assert.IsLessThan(500, error.Message.Length, "a message must not repeat a huge cell");
        var report = _rules.Score(batch);
        Assert.AreEqual(2, report.Agencies.Count);
        Assert.AreEqual(1, report.RowErrors.Count);
    }

    [TestMethod]
    public void A_duplicate_agency_id_rejects_the_later_row()
    {
        var batch = Read(Csv([CleanRow(1), CleanRow(2), CleanRow(1)]));
        Assert.AreEqual(2, batch.Count);
        Assert.AreEqual(DiagnosticCodes.DuplicateAgency, batch.RowErrors.Single().Code);
        Assert.AreEqual(3, batch.RowErrors.Single().Row);
    }

    [TestMethod]
    public void An_unknown_column_is_a_file_warning_and_the_rows_still_score()
    {
        var csv = (Header + ",secret\n") + CleanRow(1) + ",x\n";
        var batch = Read(csv);
        Assert.AreEqual(1, batch.Count);
        var warning = batch.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.UnknownColumn, warning.Code);
        StringAssert.Contains(warning.Message, "'secret'");
    }

    [TestMethod]
    public void A_missing_required_column_is_a_file_error_and_every_row_an_error()
    {
        var header = Header.Replace(",onTimeRate", "", StringComparison.Ordinal);
        var row = string.Join(',', CleanRow(1).Split(',').Where((_, i) => i != 4));
        var batch = Read(header + "\n" + row + "\n");
        Assert.AreEqual(0, batch.Count);
        Assert.IsTrue(batch.Diagnostics.Any(d => d.IsError && d.Code == DiagnosticCodes.DataFile && d.Message.Contains("'onTimeRate'", StringComparison.Ordinal)));
        Assert.AreEqual(DiagnosticCodes.MissingValue, batch.RowErrors.Single().Code);
    }

    [TestMethod]
    public void A_byte_order_mark_is_read_as_nothing_in_text_and_in_files()
    {
        var plain = Read(Csv([CleanRow(1)]));
        var withBom = Read("\uFEFF" + Csv([CleanRow(1)]));
        var file = ReadBytes([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv([CleanRow(1)]))], json: false);
        foreach (var batch in new[] { withBom, file })
        {
            Assert.IsEmpty(batch.Diagnostics);
            Assert.IsEmpty(batch.RowErrors);
            Assert.AreEqual(plain.AgencyIds.Single(), batch.AgencyIds.Single());
            Assert.AreEqual("Đơn vị 1", batch.AgencyNames.Single());
        }
    }

    [TestMethod]
    [DataRow(false, DisplayName = "CSV")]
    [DataRow(true, DisplayName = "JSON")]
    public void A_file_in_Windows_1258_gets_a_file_warning_naming_the_encoding(bool json)
    {
        var text = json
            ? """[{"agencyId":"A1","agencyName":"Đơn vị Sở Nội vụ","filesReceived":10,"filesOnline":5,"onTimeRate":0.5,"reportsOnTime":true,"agencyType":"so"}]"""
            : Csv([CleanRow(1)]);
        var batch = ReadBytes(Encoding.GetEncoding(1258).GetBytes(text), json);
        var warning = batch.Diagnostics.SingleOrDefault(d => d.Code == DiagnosticCodes.DataFile);
        Assert.IsNotNull(warning, "no diagnostic for a file that is not UTF-8");
        StringAssert.Contains(warning.Message, "not valid UTF-8");
        Assert.AreEqual(1, batch.Count, "the numbers are still readable");
    }

    [TestMethod]
    public void A_UTF8_file_gets_no_encoding_warning()
    {
        var batch = ReadBytes(Encoding.UTF8.GetBytes(Csv([CleanRow(1)])), json: false);
        Assert.IsEmpty(batch.Diagnostics);
    }

    [TestMethod]
    [DataRow("NaN", DisplayName = "NaN literal")]
    [DataRow("-Infinity", DisplayName = "-Infinity literal")]
    [DataRow("1e999", DisplayName = "1e999")]
    [DataRow("99999999999999999999999999999999", DisplayName = "a 32-digit integer")]
    [DataRow("\"12\"", DisplayName = "a number as text (accepted)")]
    [DataRow("[1]", DisplayName = "an array")]
    [DataRow("{\"v\":1}", DisplayName = "an object")]
    public void A_bad_JSON_value_is_a_row_error_or_a_clean_conversion(string value)
    {
        var json = "[" + Row("A1", value) + "," + Row("A2", "10") + "]";
        var batch = JsonAgencyReader.Read(_rules, new StringReader(json), source: "data.json");
        Assert.IsTrue(batch.AgencyIds.Contains("A2"));
        if (value == "\"12\"") Assert.AreEqual(2, batch.Count);
        else Assert.AreEqual("filesReceived", batch.RowErrors.Single().Field);
    }

    [TestMethod]
    public void Ten_percent_corrupted_rows_in_100000_leave_every_clean_result_identical()
    {
        const int total = 100_000;
        var rows = new List<string>(total);
        var clean = new List<string>(total);
        var corrupted = 0;
        for (var i = 1; i <= total; i++)
        {
            if (i % 10 == 5)
            {
                rows.Add(Corrupt(i, corrupted++));
                continue;
            }
            rows.Add(CleanRow(i));
            clean.Add(CleanRow(i));
        }
        var dirtyBatch = Read(Csv(rows));
        var cleanBatch = Read(Csv(clean));
        Assert.AreEqual(total / 10, corrupted);
        Assert.AreEqual(clean.Count, dirtyBatch.Count, "every corrupted row is rejected, every clean row accepted");
        Assert.AreEqual(corrupted, dirtyBatch.RejectedCount);
        Assert.AreEqual(corrupted, dirtyBatch.RowErrorLog.Rejected.Select(e => e.Row).Distinct().Count());
        Assert.AreEqual(DataReadOptions.Default.MaxRowErrors, dirtyBatch.RowErrors.Count, "the first 1,000 errors are kept in full");
        Assert.IsEmpty(cleanBatch.RowErrors);

        var dirty = _rules.Score(dirtyBatch);
        var expected = _rules.Score(cleanBatch);
        Assert.AreEqual(expected.Agencies.Count, dirty.Agencies.Count);
        var scored = dirty.Agencies.ToDictionary(a => a.AgencyId);
        foreach (var want in expected.Agencies)
        {
            var got = scored.GetValueOrDefault(want.AgencyId) ?? throw new AssertFailedException($"{want.AgencyId} missing");
            Assert.AreEqual(Describe(want), Describe(got), want.AgencyId);
        }
    }

    private static string Row(string id, string filesReceived) =>
        $$"""{"agencyId":"{{id}}","filesReceived":{{filesReceived}},"filesOnline":5,"onTimeRate":0.5,"reportsOnTime":true,"agencyType":"so"}""";

    /// <summary>Corruption number <paramref name="n"/> of row <paramref name="i"/>: each kind in turn.</summary>
    private static string Corrupt(int i, int n) => (n % 14) switch
    {
        0 => WithCell(i, "filesReceived", "NaN"),
        1 => WithCell(i, "filesOnline", "Infinity"),
        2 => WithCell(i, "filesOnline", "-Infinity"),
        3 => WithCell(i, "filesReceived", "-12"),
        4 => WithCell(i, "onTimeRate", "1.7"),
        5 => WithCell(i, "filesReceived", ""),
        6 => WithCell(i, "filesOnline", "many"),
        7 => WithCell(i, "reportsOnTime", "perhaps"),
        8 => WithCell(i, "agencyType", "tinh"),
        9 => WithCell(i, "satisfaction", "250"),
        10 => CleanRow(i - 1 - i % 4).Replace(",", ",9", StringComparison.Ordinal), // an earlier clean id again, other values
        11 => WithCell(i, "agencyId", ""),
        12 => WithCell(i, "agencyName", new string('x', n < 100 ? 1_000_000 : 20_000)),
        _ => WithCell(i, "onTimeRate", "0,5;1"),
    };

    private static string Describe(AgencyScore score) =>
        $"{score.Group} {score.Total} {score.MaxPoints} {score.Percent} {score.Classification} {score.Rank} {score.OverallRank} " +
        string.Join(" ", score.Criteria.Select(c => $"{c.Code}={c.Points}/{c.MaxPoints}/{c.IsApplicable}")) + " " +
        string.Join(" ", score.Eligibility.Select(e => $"{e.Id}={e.IsEligible}"));

    private static AgencyBatch Read(string csv) => CsvAgencyReader.Read(_rules, new StringReader(csv), source: "data.csv");

    private static AgencyBatch ReadBytes(byte[] bytes, bool json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"parindex-data-{Guid.NewGuid():N}.{(json ? "json" : "csv")}");
        File.WriteAllBytes(path, bytes);
        try
        {
            return json ? JsonAgencyReader.ReadFile(_rules, path) : CsvAgencyReader.ReadFile(_rules, path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
