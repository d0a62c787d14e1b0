using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// Row errors and data-file diagnostics follow the UI culture: the same file read under en-US and
/// vi-VN gives the same codes, agency ids, fields and places, with the sentences in the language
/// asked for. The Vietnamese texts are the resources' own (EngineText.vi.resx, DiagnosticMessages.vi.resx).
/// </summary>
[TestClass]
public sealed class RowErrorLanguageTests
{
    // Against DataRuleSets.Basic (score 0–100, reported bool, kind so/huyen/xa, extra n/a when missing):
    // A and E are good; B is above score's max, C has no bool, row 4 has no id, D has no enum value,
    // F has text for a number; "note" is no input (PAR0602).
    private const string Csv = """
        agencyId,score,reported,kind,extra,note
        A,50,yes,so,1,x
        B,150,yes,so,1,x
        C,40,maybe,so,1,x
        ,30,no,xa,,x
        D,60,no,tinh,,x
        E,70,no,huyen,,x
        F,abc,no,huyen,,x
        """;

    private static AgencyBatch Read(string language) =>
        TestCulture.Language(language, () => CsvAgencyReader.Read(Basic, new StringReader(Csv), source: "data.csv"));

    [TestMethod]
    public void Bad_rows_amid_good_ones_keep_codes_ids_fields_and_places_in_both_languages()
    {
        var english = Read("en-US");
        var vietnamese = Read("vi-VN");
        CollectionAssert.AreEqual(new[] { "A", "E" }, english.AgencyIds.ToArray(), Describe(english));
        CollectionAssert.AreEqual(english.AgencyIds.ToArray(), vietnamese.AgencyIds.ToArray(), Describe(vietnamese));
        Assert.HasCount(5, english.RowErrors, Describe(english));
        Assert.HasCount(english.RowErrors.Count, vietnamese.RowErrors, Describe(vietnamese));
        for (var i = 0; i < english.RowErrors.Count; i++)
        {
            var (en, vi) = (english.RowErrors[i], vietnamese.RowErrors[i]);
            Assert.AreEqual(en with { Message = "" }, vi with { Message = "" }, $"row error {i}: everything but the sentence is the same");
            Assert.AreNotEqual(en.Message, vi.Message, $"row error {i} is translated: {vi.Message}");
        }
        CollectionAssert.AreEqual(
            new[] { DiagnosticCodes.OutOfRange, DiagnosticCodes.WrongType, DiagnosticCodes.MissingAgencyId, DiagnosticCodes.WrongType, DiagnosticCodes.WrongType },
            english.RowErrors.Select(e => e.Code).ToArray());
        Assert.HasCount(1, vietnamese.Diagnostics, Describe(vietnamese));
        Assert.AreEqual(DiagnosticCodes.UnknownColumn, vietnamese.Diagnostics[0].Code);
        Assert.AreEqual(english.Diagnostics[0].Location, vietnamese.Diagnostics[0].Location);
        Assert.AreNotEqual(english.Diagnostics[0].Message, vietnamese.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Vietnamese_row_errors_read_as_the_resources_say()
    {
        var english = Read("en-US").RowErrors;
        var vietnamese = Read("vi-VN").RowErrors;
        // Line 3 (B): 150 > max 100.
        Assert.AreEqual("Agency 'B', input 'score': 150 is outside the allowed range [0, 100].", english[0].Message);
        Assert.AreEqual("Cơ quan/đơn vị 'B', dữ liệu đầu vào 'score': 150 nằm ngoài khoảng cho phép [0, 100].", vietnamese[0].Message);
        Assert.AreEqual(new SourceLocation("data.csv", null, 3, 2), vietnamese[0].Location);
        // Line 5: the fourth data row has an empty id.
        Assert.AreEqual("Row 4 has no agency id ('agencyId').", english[2].Message);
        Assert.AreEqual("Dòng 4 không có mã cơ quan/đơn vị (cột 'agencyId').", vietnamese[2].Message);
        // Line 6 (D): "tinh" is not one of the enum's values.
        StringAssert.StartsWith(vietnamese[3].Message, "Cơ quan/đơn vị 'D', dữ liệu đầu vào 'kind': 'tinh' không thuộc các giá trị so, huyen, xa");
        // Line 8 (F): the number grammar of the invariant culture.
        StringAssert.StartsWith(vietnamese[4].Message, "Cơ quan/đơn vị 'F', dữ liệu đầu vào 'score': 'abc' không phải là số theo quy ước bất biến (invariant culture)");
        Assert.AreEqual("F", vietnamese[4].AgencyId);
        Assert.AreEqual("score", vietnamese[4].Field);
    }

    [TestMethod]
    public void Json_duplicate_key_and_trailing_content_are_translated_at_the_same_place()
    {
        const string json = """
            [ { "agencyId": "A", "score": 1, "score": 2, "reported": true, "kind": "so" } ] x
            """;
        AgencyBatch Json(string language) => TestCulture.Language(language, () => JsonAgencyReader.Read(Basic, new StringReader(json), source: "data.json"));
        var (english, vietnamese) = (Json("en-US"), Json("vi-VN"));
        var enKey = english.RowErrors.Single(e => e.Code == DiagnosticCodes.DuplicateKey);
        var viKey = vietnamese.RowErrors.Single(e => e.Code == DiagnosticCodes.DuplicateKey);
        Assert.AreEqual(enKey with { Message = "" }, viKey with { Message = "" });
        StringAssert.Contains(enKey.Message, "has the key 'score' twice");
        StringAssert.Contains(viKey.Message, "có khóa 'score' hai lần");
        var enAfter = english.Diagnostics.Single(d => d.Code == DiagnosticCodes.ContentAfterJson);
        var viAfter = vietnamese.Diagnostics.Single(d => d.Code == DiagnosticCodes.ContentAfterJson);
        Assert.AreEqual(enAfter.Location, viAfter.Location);
        StringAssert.StartsWith(viAfter.Message, "Tệp dữ liệu còn nội dung sau giá trị JSON (từ dòng 1, cột ");
    }

    [TestMethod]
    public void A_number_separator_problem_names_no_command_line_option()
    {
        // Under vi-VN "1.234" has a group separator where grouping is off (PAR0608); the remedy
        // names the library's option only.
        var batch = CsvAgencyReader.Read(Basic, new StringReader("agencyId;score;reported;kind\nA;1.234;có;so\n"),
            System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), "data.csv");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, error.Code);
        StringAssert.Contains(error.Message, "DataReadOptions.AllowThousands");
        Assert.DoesNotContain("--", error.Message);
    }
}
