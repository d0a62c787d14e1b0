using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// A bad quoted field never swallows rows: a record over several lines is accepted only when well
/// formed with the header's field count; otherwise its first line is a row error with the range
/// the quote covered, and every other line is read as usual.
/// </summary>
[TestClass]
public sealed class CsvQuoteTests
{
    private const string Header = "agencyId,agencyName,score,reported,kind,extra";

    private static AgencyBatch Read(string csv) => CsvAgencyReader.Read(Basic, new StringReader(csv), DataReadOptions.Default, "data.csv");

    [TestMethod]
    public void An_unterminated_quote_rejects_its_line_with_the_range_and_the_rows_after_it_are_read()
    {
        // Line 3 opens a quote in the name; the next quote is the opening quote of D's name on
        // line 6, where the quote closes and "Sở D" follows it: malformed. Lines 4-6 are read alone.
        var csv = string.Join("\n", Header,
            "A,Sở A,50,true,so,1",
            "B,\"Sở B,60,true,so,1",
            "C,Sở C,70,true,xa,1",
            "E,Sở E,80,false,xa,1",
            "D,\"Sở D\",90,true,huyen,1",
            "");
        var batch = Read(csv);
        CollectionAssert.AreEqual(new[] { "A", "C", "E", "D" }, batch.AgencyIds.ToArray(), Describe(batch));
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.BadQuote, "B", 3, 2), (error.Code, error.AgencyId, error.Location.Line, error.Location.Column));
        Assert.StartsWith("Lines 3–6: a character ('S') follows the closing quote of field 2", error.Message);
        Assert.EndsWith("Line 3 (agency 'B') is not scored; lines 4–6 are read as rows of their own.", error.Message);
    }

    [TestMethod]
    public void A_quote_still_open_at_the_end_of_the_file_rejects_its_line_only()
    {
        var csv = string.Join("\n", Header, "A,\"Sở A,50,true,so,1", "B,Sở B,60,true,so,1", "C,Sở C,70,true,xa,1", "");
        var batch = Read(csv);
        CollectionAssert.AreEqual(new[] { "B", "C" }, batch.AgencyIds.ToArray(), Describe(batch));
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.BadQuote, "A", 2), (error.Code, error.AgencyId, error.Location.Line));
        Assert.StartsWith("Lines 2–4: the quoted field opened in field 2 is still open at the end of the file.", error.Message);
        Assert.AreEqual(0, batch.Diagnostics.Count, Describe(batch));
    }

    [TestMethod]
    public void A_well_formed_quoted_line_break_is_kept()
    {
        var csv = string.Join("\n", Header, "A,\"Sở A\nphòng 2\",50,true,so,1", "B,\"Sở \"\"B\"\"\",60,false,xa,", "");
        var batch = Read(csv);
        Assert.AreEqual(2, batch.Count, Describe(batch));
        CollectionAssert.AreEqual(new[] { "Sở A\nphòng 2", "Sở \"B\"" }, batch.AgencyNames.ToArray());
    }

    [TestMethod]
    public void A_record_over_several_lines_with_the_wrong_field_count_rejects_its_first_line()
    {
        // The quote opened on line 2 closes on line 3 at a field end, but lines 2–3 then hold
        // A, the quoted field, and the five fields after C": 7 where the header has 6.
        var csv = string.Join("\n", Header, "A,\"Sở A,50,true,so,1", "C\",Sở C,70,true,xa,1", "");
        var batch = Read(csv);
        var error = batch.RowErrors.First();
        Assert.AreEqual((DiagnosticCodes.BadQuote, "A", 2), (error.Code, error.AgencyId, error.Location.Line));
        Assert.Contains("Lines 2–3: the quoted field opened in field 2 is closed on line 3, but the lines 2–3 then hold 7 fields where the header has 6", error.Message);
        // Line 3 alone: 'C"' has a quote inside an unquoted value.
        var second = batch.RowErrors[1];
        Assert.AreEqual((DiagnosticCodes.BadQuote, 3), (second.Code, second.Location.Line));
        Assert.Contains("field 1 has a quote inside an unquoted value", second.Message);
        Assert.AreEqual(2, batch.RejectedCount);
    }

    [TestMethod]
    public void A_bad_quote_before_the_id_still_rejects_the_row_without_naming_an_agency()
    {
        var batch = Read(string.Join("\n", "agencyName,agencyId,score,reported,kind,extra", "\"Sở A\"x,A,50,true,so,1", "Sở B,B,60,true,so,1", ""));
        var error = batch.RowErrors.Single();
        Assert.IsNull(error.AgencyId);
        Assert.AreEqual("Line 2: a character ('x') follows the closing quote of field 1; a quoted field must end at a delimiter or the line end; the row is not scored.", error.Message);
        CollectionAssert.AreEqual(new[] { "B" }, batch.AgencyIds.ToArray());
    }

    [TestMethod]
    public void A_quote_open_for_more_than_the_record_limit_ends_its_range_there_and_every_later_line_is_read()
    {
        // 30,000 lines of about 50 characters after the open quote: the 1,048,576-character
        // limit is passed after about 21,000 of them; the range ends there, and every one of the
        // 30,000 lines is still read as a row of its own.
        var rows = Enumerable.Range(0, 20_000).Select(i => $"R{i},Sở có tên khá dài để vượt giới hạn,50,true,so,1");
        var lines = new List<string> { Header, "A,\"Sở A,50,true,so,1" };
        lines.AddRange(rows);
        lines.AddRange(Enumerable.Range(0, 10_000).Select(i => $"S{i},Sở có tên khá dài để vượt giới hạn,50,true,so,1"));
        var batch = Read(string.Join("\n", lines) + "\n");
        Assert.AreEqual(30_000, batch.Count, "every line after the bad one is a row");
        var error = batch.RowErrors.Single();
        Assert.AreEqual((DiagnosticCodes.BadQuote, "A", 2), (error.Code, error.AgencyId, error.Location.Line));
        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex(@"^Lines 2–\d+: the quoted field opened in field 2 is still open after 1,048,576 characters \(line \d+\)\."));
    }
}
