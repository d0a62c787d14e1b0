using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// CSV data against <see cref="DataRuleSets.BasicJson"/>. Line numbers count the header as line 1;
/// a row error's column is the 1-based position of the field in the header.
/// </summary>
[TestClass]
public sealed class CsvAgencyReaderTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static AgencyBatch Read(string csv, CultureInfo? culture = null) =>
        CsvAgencyReader.Read(Basic, new StringReader(csv), culture, "data.csv");

    [TestMethod]
    public void Vietnamese_file_with_semicolons_and_decimal_commas_is_read_with_vi_VN()
    {
        const string csv = """
            agencyId;agencyName;score;reported;kind;extra
            A;Sở A;75,5;có;so;2,25
            B;Sở B;80;không;huyen;
            """;
        var batch = Read(csv, Vietnamese);
        Assert.AreEqual(2, batch.Count, Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        var report = Basic.Score(batch);
        var a = report.Find("A")!;
        Assert.AreEqual("Sở A", a.Name);
        // 75.5 / 10 = 7.55, reported 5, extra 2.25: 14.8 of 20 = 74%.
        Assert.AreEqual(7.55, a["1"].Points, 1e-9);
        Assert.AreEqual(2.25, a["3"].Points, 1e-9);
        Assert.AreEqual(14.8, a.Total, 1e-9);
        Assert.AreEqual(74, a.Percent, 1e-9);
        // B: 8 + 0, and "extra" is empty, so criterion 3 does not apply: 8 of 15.
        var b = report.Find("B")!;
        Assert.IsFalse(b["3"].IsApplicable);
        Assert.AreEqual(8, b.Total, 1e-9);
        Assert.AreEqual(15, b.MaxPoints, 1e-9);
    }

    [TestMethod]
    public void In_vi_VN_a_dot_groups_thousands_only_with_grouping_on()
    {
        // "1.234" is one thousand two hundred thirty-four with --thousands: above score's max of 100.
        const string csv = """
            agencyId;score;reported;kind;extra
            A;1.234;có;so;1
            """;
        var grouped = CsvAgencyReader.Read(Basic, new StringReader(csv), new DataReadOptions { Culture = Vietnamese, AllowThousands = true }, "data.csv");
        var error = grouped.RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.OutOfRange, error.Code);
        Assert.Contains("1234 is outside", error.Message);
        // Without grouping the dot is refused, naming the cell.
        var refused = Read(csv, Vietnamese).RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.NumberSeparator, "score", 2, 2), (refused.Code, refused.Field, refused.Location.Line, refused.Location.Column));
    }

    [TestMethod]
    public void Invariant_file_gives_the_same_scores_as_the_Vietnamese_one()
    {
        const string csv = """
            agencyId,agencyName,score,reported,kind,extra
            A,"Sở A, tỉnh X",75.5,true,so,2.25
            B,Sở B,80,false,huyen,
            """;
        var batch = Read(csv);
        Assert.AreEqual(2, batch.Count, Describe(batch));
        var report = Basic.Score(batch);
        Assert.AreEqual("Sở A, tỉnh X", report.Find("A")!.Name);
        Assert.AreEqual(14.8, report.Find("A")!.Total, 1e-9);
        Assert.AreEqual(8, report.Find("B")!.Total, 1e-9);
    }

    [TestMethod]
    public void Decimal_comma_read_with_the_invariant_culture_is_not_silently_misread()
    {
        // A Vietnamese file read without --culture vi-VN: "2,25" must not become 225 (the
        // invariant culture's ',' is a thousands separator). Rejecting the row is fine; scoring
        // it as 225 (capped to the max 5) is not.
        const string csv = """
            agencyId;score;reported;kind;extra
            A;75;có;so;2,25
            """;
        var batch = Read(csv);
        if (batch.Count == 0) return;
        Assert.AreEqual(2.25, Basic.Score(batch).Find("A")!["3"].Points, 1e-9, "\"2,25\" was read as a different number");
    }

    [TestMethod]
    public void Missing_required_value_rejects_only_that_row_naming_agency_field_and_line()
    {
        // B's score (third column) is empty on line 3.
        const string csv = """
            agencyId,score,reported,kind,extra
            A,50,true,so,1
            B,,true,so,1
            C,70,false,xa,1
            """;
        var batch = Read(csv);
        var error = batch.RowErrors.Single();
        Assert.AreEqual("B", error.AgencyId);
        Assert.AreEqual("score", error.Field);
        Assert.AreEqual(DiagnosticCodes.MissingValue, error.Code);
        Assert.AreEqual(2, error.Row, "second data row");
        Assert.AreEqual(("data.csv", 3, 2), (error.Location.File, error.Location.Line, error.Location.Column));
        Assert.Contains("'B'", error.Message);
        Assert.Contains("'score'", error.Message);
        Assert.AreEqual("data.csv(3,2): error PAR0603: " + error.Message, error.ToString());

        var report = Basic.Score(batch);
        CollectionAssert.AreEqual(new[] { "A", "C" }, report.Agencies.Select(a => a.AgencyId).ToArray());
        Assert.AreSame(error, report.RowErrors.Single());
    }

    [TestMethod]
    [DataRow("score", "abc", 2, "'abc' is not a number", DisplayName = "text for a number")]
    [DataRow("reported", "maybe", 3, "'maybe' is not true/false", DisplayName = "maybe for a bool")]
    [DataRow("kind", "tinh", 4, "'tinh' is not one of so, huyen, xa", DisplayName = "value not in the enum")]
    [DataRow("kind", "huyn", 4, "Did you mean 'huyen'?", DisplayName = "misspelt enum value with a suggestion")]
    public void Value_of_the_wrong_type_is_a_row_error(string field, string value, int column, string messagePart)
    {
        var values = new Dictionary<string, string> { ["score"] = "50", ["reported"] = "true", ["kind"] = "so", ["extra"] = "1" };
        values[field] = value;
        var csv = "agencyId,score,reported,kind,extra\nA,50,true,so,1\n" +
                  $"B,{values["score"]},{values["reported"]},{values["kind"]},{values["extra"]}\n";
        var batch = Read(csv);
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("B", field, DiagnosticCodes.WrongType), (error.AgencyId, error.Field, error.Code));
        Assert.AreEqual((3, column), (error.Location.Line, error.Location.Column));
        Assert.Contains(messagePart, error.Message);
        CollectionAssert.AreEqual(new[] { "A" }, batch.AgencyIds.ToArray());
    }

    [TestMethod]
    public void Every_problem_of_a_row_is_listed()
    {
        const string csv = """
            agencyId,score,reported,kind,extra
            B,abc,maybe,tinh,1
            """;
        var errors = Read(csv).RowErrors;
        CollectionAssert.AreEqual(new[] { "score", "reported", "kind" }, errors.Select(e => e.Field).ToArray());
        Assert.IsTrue(errors.All(e => e.AgencyId == "B" && e.Row == 1 && e.Location.Line == 2));
    }

    [TestMethod]
    [DataRow("150", "150 is outside the allowed range [0, 100]")]
    [DataRow("-1", "-1 is outside the allowed range [0, 100]")]
    public void Number_outside_min_max_is_a_row_error(string value, string messagePart)
    {
        var batch = Read($"agencyId,score,reported,kind,extra\nD,{value},true,so,1\n");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("D", "score", DiagnosticCodes.OutOfRange), (error.AgencyId, error.Field, error.Code));
        Assert.Contains(messagePart, error.Message);
        Assert.AreEqual(0, batch.Count);
    }

    [TestMethod]
    public void Duplicate_agency_id_keeps_the_first_row_and_rejects_the_second()
    {
        const string csv = """
            agencyId,score,reported,kind,extra
            B,50,true,so,1
            B,60,true,so,1
            """;
        var batch = Read(csv);
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("B", "agencyId", DiagnosticCodes.DuplicateAgency, 2), (error.AgencyId, error.Field, error.Code, error.Row));
        Assert.AreEqual((3, 1), (error.Location.Line, error.Location.Column));
        Assert.AreEqual(5, Basic.Score(batch).Find("B")!["1"].Points, 1e-9, "the first row (score 50) is the one scored");
    }

    [TestMethod]
    public void Row_without_agency_id_is_rejected()
    {
        const string csv = """
            agencyId,score,reported,kind,extra
            A,50,true,so,1
            ,70,true,so,1
            """;
        var batch = Read(csv);
        var error = batch.RowErrors.Single();
        Assert.IsNull(error.AgencyId);
        Assert.AreEqual(("agencyId", DiagnosticCodes.MissingAgencyId, 2, 3), (error.Field, error.Code, error.Row, error.Location.Line));
        Assert.AreEqual(1, batch.Count);
    }

    [TestMethod]
    public void Unknown_column_is_a_warning_with_a_suggestion_and_is_ignored()
    {
        // "extras" is the sixth column.
        const string csv = """
            agencyId,score,reported,kind,extra,extras
            A,50,true,so,1,99
            """;
        var batch = Read(csv);
        Assert.AreEqual(1, batch.Count, Describe(batch));
        var warning = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Warning, DiagnosticCodes.UnknownColumn), (warning.Severity, warning.Code));
        Assert.AreEqual(6, warning.Location.Column);
        Assert.Contains("'extras'", warning.Message);
        Assert.Contains("Did you mean 'extra'?", warning.Message);
    }

    [TestMethod]
    public void Missing_not_applicable_column_is_a_warning_and_its_criteria_do_not_apply()
    {
        const string csv = """
            agencyId,score,reported,kind
            A,50,true,so
            B,60,false,xa
            """;
        var batch = Read(csv);
        var warning = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Warning, DiagnosticCodes.DataFile, 1), (warning.Severity, warning.Code, warning.Location.Line));
        Assert.Contains("'extra'", warning.Message);
        var report = Basic.Score(batch);
        Assert.AreEqual(2, report.Agencies.Count, Describe(batch));
        foreach (var agency in report.Agencies)
        {
            Assert.IsFalse(agency["3"].IsApplicable, agency.AgencyId);
            Assert.AreEqual(15, agency.MaxPoints, 1e-9);
        }
    }

    [TestMethod]
    public void Missing_required_column_is_an_error_and_every_row_is_rejected()
    {
        const string csv = """
            agencyId,score,kind,extra
            A,50,so,1
            B,60,xa,2
            """;
        var batch = Read(csv);
        var error = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Error, DiagnosticCodes.DataFile), (error.Severity, error.Code));
        Assert.Contains("'reported'", error.Message);
        Assert.AreEqual(0, batch.Count);
        Assert.AreEqual(2, batch.RowErrors.Count);
        Assert.IsTrue(batch.RowErrors.All(e => e.Field == "reported" && e.Code == DiagnosticCodes.MissingValue), Describe(batch));
        CollectionAssert.AreEqual(new[] { "A", "B" }, batch.RowErrors.Select(e => e.AgencyId).ToArray());
    }

    [TestMethod]
    public void Byte_order_mark_at_the_start_of_the_file_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("agencyId,score,reported,kind,extra\nA,50,true,so,1\n")).ToArray();
        using var file = WriteTemp("bom.csv", bytes);
        var batch = CsvAgencyReader.ReadFile(Basic, file.Path);
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
        Assert.AreEqual("A", batch.AgencyIds[0]);
    }

    [TestMethod]
    [DataRow("NaN")]
    [DataRow("Infinity")]
    [DataRow("-Infinity")]
    [DataRow("∞")]
    public void Not_a_finite_number_is_rejected(string value)
    {
        // "extra" has no range, so only the finiteness check can catch these.
        var batch = Read($"agencyId,score,reported,kind,extra\nA,50,true,so,{value}\n");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("A", "extra", DiagnosticCodes.WrongType), (error.AgencyId, error.Field, error.Code), Describe(batch));
    }
}
