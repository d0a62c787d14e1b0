using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Diff;
using ParIndex.RulesEngine.Results.Writers;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// Previous results and diff files through one reader: results JSON as Json.NET writes it
/// (<c>72.0</c>) and as System.Text.Json writes it (<c>72</c>), results CSV with the data's
/// separator and culture rules (vi-VN: ';' and decimal commas).
/// </summary>
[TestClass]
public sealed class ResultsFileFormatsTests
{
    private static readonly DataReadOptions Vietnamese = new() { Culture = CultureInfo.GetCultureInfo("vi-VN") };

    // Two agencies of Basic (score / 10 + 5 when reported): A 72.5 → 7.25 + 5 = 12.25 points of 15
    // (81.67 %), rank 2; B 80 → 13, rank 1. Written as a vi-VN spreadsheet would: ';' and decimal commas.
    private const string VietnameseCsv =
        "agencyId;agencyName;group;total;maxPoints;percent;classification;rank;overallRank;previousRank;rankChange;1;2;3\r\n" +
        "A;Sở A;;12,25;15;81,67;;2;2;;;7,25;5;n/a\r\n" +
        "B;\"Sở B; mới\";;13;15;86,67;;1;1;;;8;5;n/a\r\n";

    [TestMethod]
    public void A_vietnamese_previous_csv_is_read_with_the_data_culture()
    {
        var ranks = PreviousRanksReader.Read(VietnameseCsv, "prev.csv", Vietnamese);
        Assert.AreEqual((2, 2), (ranks.Find("A")!.GroupRank, ranks.Find("A")!.OverallRank));
        Assert.AreEqual(1, ranks.Find("B")!.GroupRank);

        var file = ResultsFile.Read(new StringReader(VietnameseCsv), "prev.csv", Vietnamese);
        var a = file.Agencies[0];
        Assert.AreEqual(("A", 12.25, 15.0, 81.67, 2), (a.AgencyId, a.Total, a.MaxPoints, a.Percent, a.Rank));
        Assert.AreEqual((7.25, true), (a.Criteria[0].Points, a.Criteria[0].IsApplicable));
        Assert.IsFalse(a.Criteria[2].IsApplicable, "n/a");
        Assert.AreEqual("Sở B; mới", file.Agencies[1].Name, "a quoted separator stays in its field");
    }

    [TestMethod]
    public void Decimal_commas_under_the_invariant_culture_are_an_error_at_the_cell()
    {
        // Line 2: `A;Sở A;;12,25`: A 1, ';' 2, "Sở A" 3-6, ';' 7, the empty group at 8, ';' 8, the total from 9.
        var error = Assert.ThrowsExactly<FormatException>(() => ResultsFile.Read(new StringReader(VietnameseCsv), "prev.csv"));
        StringAssert.StartsWith(error.Message, "prev.csv(2,9): total: '12,25' under the invariant culture");
    }

    [TestMethod]
    public void Whole_numbers_written_72_0_by_Json_NET_and_72_by_System_Text_Json_read_the_same()
    {
        const string newtonsoft = """{ "agencies": [ { "agencyId": "A", "total": 72.0, "maxPoints": 100.0, "percent": 72.0, "rank": 3, "criteria": [ { "code": "1", "points": 40.0, "maxPoints": 50.0 } ] } ] }""";
        var systemTextJson = newtonsoft.Replace(".0", "", StringComparison.Ordinal);
        var (before, after) = (ResultsFile.Read(new StringReader(newtonsoft), "a.json"), ResultsFile.Read(new StringReader(systemTextJson), "b.json"));
        static string Show(ResultsFile f) => string.Join(";", f.Agencies.Select(a => string.Create(CultureInfo.InvariantCulture,
            $"{a.AgencyId} {a.Total} {a.MaxPoints} {a.Percent} {a.Rank} ") + string.Join(",", a.Criteria.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Code}={c.Points}/{c.MaxPoints}")))));
        Assert.AreEqual("A 72 100 72 3 1=40/50", Show(before));
        Assert.AreEqual(Show(before), Show(after));
        Assert.AreEqual(3, PreviousRanksReader.Read("""[ { "agencyId": "A", "rank": 3.0 } ]""", "prev.json").Find("A")!.GroupRank, "a rank written 3.0 is the whole number 3");
    }

    [TestMethod]
    public void A_results_csv_reads_back_as_the_results_json_of_the_same_report()
    {
        var report = Basic.Score(CsvAgencyReader.Read(Basic, new StringReader("agencyId,agencyName,score,reported,kind,extra\nA,\"=Sở, A\",72.5,true,so,\nB,Sở B,80,false,xa,2.5\n")));
        var json = new StringWriter();
        JsonResultWriter.Write(report, json);
        var csv = new StringWriter();
        CsvResultWriter.Write(report, csv);
        var fromJson = ResultsFile.Read(new StringReader(json.ToString()), "r.json");
        var fromCsv = ResultsFile.Read(new StringReader(csv.ToString()), "r.csv");
        // The CSV writes six decimals at most (81.666667 for 81.666…), so numbers are compared at that precision.
        static string N(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);
        static string Show(ResultsFile f) => string.Join(";", f.Agencies.Select(a =>
            $"{a.AgencyId} {a.Name} {N(a.Total)} {N(a.MaxPoints)} {N(a.Percent)} {a.Rank} {a.OverallRank} " + string.Join(",", a.Criteria.Select(c => $"{c.Code}={N(c.Points)}/{c.IsApplicable}"))));
        Assert.AreEqual(Show(fromJson), Show(fromCsv));
        // A: 7.25 + 5, extra missing (criterion 3 not applicable); B: 8 + 0 + 2.5.
        StringAssert.StartsWith(Show(fromCsv), "A =Sở, A 12.25 ");
        Assert.AreEqual(10.5, fromCsv.Agencies.Single(a => a.AgencyId == "B").Total, 1e-9);
        Assert.AreEqual("data-test", fromJson.RuleSetId);
        Assert.AreEqual("", fromCsv.RuleSetId, "a CSV does not name its rule set");
    }

    [TestMethod]
    public void A_previous_file_in_UTF_16_with_a_byte_order_mark_is_read()
    {
        using var file = WriteTemp("prev.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("agencyId,rank\nĐơn vị A,4\n")]);
        Assert.AreEqual(4, PreviousRanksReader.ReadFile(file.Path).Find("Đơn vị A")!.GroupRank);
    }

    [TestMethod]
    public void Bad_json_in_a_previous_file_names_line_and_character_column()
    {
        // Line 2: `{"agencyId": "Ả", "rank": 1 x}`: x is column 29.
        var error = Assert.ThrowsExactly<FormatException>(() => PreviousRanksReader.Read("[\n{\"agencyId\": \"Ả\", \"rank\": 1 x}\n]", "prev.json"));
        StringAssert.StartsWith(error.Message, "prev.json(2,29): not valid JSON: ");
        Assert.DoesNotContain("BytePositionInLine", error.Message);
    }
}
