using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.History;
using ParIndex.RulesEngine.Results.WhatIf;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Testing;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;
using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// Previous results, history files, what-if changes, rule-file test runs and explanations speak the
/// UI culture: under en-US and vi-VN the same code, place and values, the sentence in the language
/// asked for (the Vietnamese of EngineText.vi.resx and DiagnosticMessages.vi.resx).
/// </summary>
[TestClass]
public sealed class ResultsLanguageTests
{
    private static (T English, T Vietnamese) Both<T>(Func<T> work) => (TestCulture.Language("en-US", work), TestCulture.Language("vi-VN", work));

    private static (string English, string Vietnamese) Messages<TException>(Action work) where TException : Exception =>
        Both(() => Assert.ThrowsExactly<TException>(work).Message);

    [TestMethod]
    public void A_bad_previous_results_file_names_the_same_cell_in_both_languages()
    {
        // The second row repeats agency A (line 3, column 1); the first was on line 2.
        var (english, vietnamese) = Messages<FormatException>(() => PreviousRanksReader.Read("agencyId,rank\nA,1\nA,2\n", "prev.csv"));
        Assert.AreEqual("prev.csv(3,1): agency 'A' appears twice (first on line 2).", english);
        Assert.AreEqual("prev.csv(3,1): cơ quan/đơn vị 'A' xuất hiện hai lần (lần đầu ở dòng 2).", vietnamese);
        var (enRank, viRank) = Messages<FormatException>(() => PreviousRanksReader.Read("agencyId,rank\nA,1\nB,2.5\n", "prev.csv"));
        Assert.AreEqual("prev.csv(3,3): rank '2.5' is not a whole number.", enRank);
        Assert.AreEqual("prev.csv(3,3): rank '2.5' không phải là số nguyên.", viRank);
    }

    [TestMethod]
    public void A_history_file_without_a_year_keeps_its_code_and_place()
    {
        var (english, vietnamese) = Messages<FormatException>(() => ResultsHistoryReader.ReadPeriod("latest.csv"));
        StringAssert.StartsWith(english, "latest.csv(1,1): PAR0713: the period cannot be told from the file name");
        StringAssert.StartsWith(vietnamese, "latest.csv(1,1): PAR0713: không xác định được kỳ từ tên tệp");
    }

    [TestMethod]
    public void What_if_errors_keep_their_code_in_both_languages()
    {
        var batch = CsvAgencyReader.Read(Basic, new StringReader("agencyId,score,reported,kind\nA,50,yes,so\n"), source: "data.csv");
        var (enBad, viBad) = Both(() => Assert.ThrowsExactly<InputOverrideException>(() => WhatIfAnalysis.Run(Basic, batch, [new InputOverride("score", "abc", "A")])));
        Assert.AreEqual(DiagnosticCodes.BadOverrideValue, enBad.Diagnostic.Code);
        Assert.AreEqual(enBad.Diagnostic.Code, viBad.Diagnostic.Code);
        StringAssert.StartsWith(enBad.Diagnostic.Message, "score=abc: Agency 'A', input 'score': 'abc' is not a number");
        StringAssert.StartsWith(viBad.Diagnostic.Message, "score=abc: Cơ quan/đơn vị 'A', dữ liệu đầu vào 'score': 'abc' không phải là số");

        var (enTwice, viTwice) = Both(() => Assert.ThrowsExactly<InputOverrideException>(() =>
            WhatIfAnalysis.Run(Basic, batch, [new InputOverride("score", "60", "A"), new InputOverride("score", "70", "A")])).Diagnostic);
        Assert.AreEqual(DiagnosticCodes.RepeatedOverride, viTwice.Code);
        Assert.AreEqual("'score' is set twice for agency 'A'; give each input one value per agency.", enTwice.Message);
        Assert.AreEqual("'score' được đặt hai lần cho cơ quan/đơn vị 'A'; mỗi dữ liệu đầu vào chỉ nhận một giá trị cho mỗi cơ quan/đơn vị.", viTwice.Message);

        var (enShape, viShape) = Both(() => Assert.ThrowsExactly<InputOverrideException>(() => InputOverride.Parse("score")).Diagnostic);
        Assert.AreEqual(DiagnosticCodes.MalformedOverride, viShape.Code);
        Assert.AreNotEqual(enShape.Message, viShape.Message);
    }

    [TestMethod]
    public void A_failing_and_a_rejected_test_case_are_reported_in_the_asked_language()
    {
        // The hand calculation of TestCaseRules gives agency A 15.4 points, so 16 fails; plan 1.5
        // is above the input's max 1, so the second case's row is rejected.
        var bad = """{ "id": "X", "inputs": { "kind": "so", "plan": 1.5, "reports": true, "online": 0.3 } }""";
        using var rules = RuleSetLoader.LoadJson(With(Case("wrong total", """{ "total": 16 }"""), Case("bad", """{ "total": 15.4 }""", bad)), "rules.json");
        var (english, vietnamese) = Both(() => RuleSetTests.Run(rules));
        var (enFail, viFail) = (english.Cases[0].Failures.Single(), vietnamese.Cases[0].Failures.Single());
        Assert.AreEqual(DiagnosticCodes.TestCaseFailed, viFail.Code);
        Assert.AreEqual(enFail.Location, viFail.Location);
        Assert.AreEqual("total: expected 16.00, actual 15.40.", enFail.Message);
        Assert.AreEqual("total: kỳ vọng 16.00, thực tế 15.40.", viFail.Message);
        StringAssert.EndsWith(viFail.ToString(), ": PAR0730: total: kỳ vọng 16.00, thực tế 15.40.");

        var (enRejected, viRejected) = (english.Cases[1].Failures.Single(), vietnamese.Cases[1].Failures.Single());
        Assert.AreEqual(DiagnosticCodes.TestCaseRejected, viRejected.Code);
        Assert.AreEqual("agency X", enRejected.What);
        Assert.AreEqual("cơ quan/đơn vị X", viRejected.What);
        Assert.AreEqual("Cơ quan/đơn vị 'X', dữ liệu đầu vào 'plan': 1.5 nằm ngoài khoảng cho phép [0, 1].", viRejected.Actual);
        StringAssert.StartsWith(viRejected.Message, "cơ quan/đơn vị X: dòng dữ liệu bị loại nên không chấm được ca kiểm thử: ");
        Assert.AreEqual(enRejected.Location, viRejected.Location);
    }

    [TestMethod]
    public void An_explanation_keeps_its_machine_fields_and_words_its_text_in_the_asked_language()
    {
        // B has no "extra" (policy notApplicable), so criterion 3 does not apply; criterion 1 reads score 75 → 7.5 of 10.
        var report = Basic.Score(CsvAgencyReader.Read(Basic, new StringReader("agencyId,score,reported,kind,extra\nB,75,no,so,\n"), source: "data.csv"));
        var (english, vietnamese) = Both(() => report.Explain("B", "3"));
        Assert.AreEqual(english.NotApplicableReason, vietnamese.NotApplicableReason);
        Assert.AreEqual("extra", vietnamese.MissingInput);
        Assert.AreEqual(english.ScoringForm, vietnamese.ScoringForm);
        Assert.AreEqual("input extra is missing (policy notApplicable)", english.NotApplicableText);
        Assert.AreEqual("thiếu dữ liệu đầu vào extra (chính sách notApplicable)", vietnamese.NotApplicableText);

        var (enText, viText) = Both(() => report.Explain("B", "1").ToString());
        Assert.AreEqual(string.Join(Environment.NewLine,
            "1 Score — agency B",
            "  scoring: formula: score / 10",
            "  score = 75",
            "  points: 7.5 before cap → 7.5 of 10 (declared max 10)"), enText);
        Assert.AreEqual(string.Join(Environment.NewLine,
            "1 Score — cơ quan/đơn vị B",
            "  cách chấm: formula: score / 10",
            "  score = 75",
            "  điểm: 7.5 trước khi áp mức trần → 7.5 trên 10 (điểm tối đa khai báo 10)"), viText);

        var (enMissing, viMissing) = Messages<KeyNotFoundException>(() => report.Explain("Z", "1"));
        Assert.AreNotEqual(enMissing, viMissing);
        StringAssert.StartsWith(viMissing, "Không có cơ quan/đơn vị 'Z' trong dữ liệu đã chấm điểm.");
    }

    [TestMethod]
    public void The_shortfall_table_reads_in_the_asked_language()
    {
        // A scores 50 → 5 of 10 on criterion 1 (5 points lost), reported → 5 of 5, extra 1 → 1 of 5 (4 lost): 9 lost in all.
        var report = Basic.Score(CsvAgencyReader.Read(Basic, new StringReader("agencyId,score,reported,kind,extra\nA,50,yes,so,1\n"), source: "data.csv"));
        string Table(string language) => TestCulture.Language(language, () =>
        {
            using var text = new StringWriter();
            ShortfallWriter.Write(report, "A", text);
            return text.ToString();
        });
        var (english, vietnamese) = (Table("en-US"), Table("vi-VN"));
        StringAssert.StartsWith(english, "Shortfalls of A: 2 criteria below their maximum, 9 points lost.");
        StringAssert.StartsWith(vietnamese, "Điểm bị mất của A: 2 tiêu chí dưới điểm tối đa, mất 9 điểm.");
        StringAssert.Contains(vietnamese, "Tiêu chí");
        StringAssert.Contains(vietnamese, "Đơn vị phụ trách");
    }
}
