using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// One broken rule file per area (schema, bands, test cases, Excel habits, forbidden constructs,
/// the kernel cache) loaded under en-US and vi-VN: the same codes, severities and places, every
/// message in the language asked for. The Vietnamese texts asserted exactly are the resources'
/// sentences with the rule file's names and numbers in their placeholders.
/// </summary>
[TestClass]
public sealed partial class RuleFileMessageLanguageTests
{
    [TestMethod]
    public void Schema_violations_read_in_both_languages_with_their_JSON_paths()
    {
        // No "version" (required), an unknown property "colour", a max written as text.
        const string json = """
            {
              "id": "t", "title": "T",
              "inputs": [ { "name": "x", "type": "number", "colour": "red" } ],
              "criteria": [ { "code": "1", "title": "A", "max": "ten", "formula": "x" } ]
            }
            """;
        var (english, vietnamese) = BothLanguages(json);
        Assert.IsTrue(english.All(d => d.Code == DiagnosticCodes.SchemaViolation), Show(english));

        Assert.AreEqual("The required property 'version' is missing.", WithMessageContaining(english, "'version'").Message);
        Assert.AreEqual("Thiếu thuộc tính bắt buộc 'version'.", WithMessageContaining(vietnamese, "'version'").Message);

        var colour = WithMessageContaining(vietnamese, "'colour'");
        Assert.AreEqual("Thuộc tính 'colour' không có trong lược đồ; hãy kiểm tra chính tả theo tài liệu tham chiếu của tệp quy tắc.", colour.Message);
        Assert.AreEqual("inputs[0].colour", colour.Location.JsonPath);
        Assert.AreEqual("Unknown property 'colour'; check its spelling against the rule-file reference.", WithMessageContaining(english, "'colour'").Message);

        var max = WithMessageContaining(vietnamese, "'max'");
        Assert.AreEqual("criteria[0].max", max.Location.JsonPath);
    }

    [TestMethod]
    public void Band_and_classification_problems_read_in_both_languages()
    {
        // Band 1 gives more than the max (warning); band 2 lies inside band 1 (unreachable);
        // band 3 partly overlaps band 1; band 4 is empty (error). Two classifications share 50%.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "bands": { "of": "x", "steps": [
                    { "atLeast": 10, "points": 2 },
                    { "atLeast": 20, "points": 0.5 },
                    { "atLeast": 5, "below": 15, "points": 0.25 },
                    { "atLeast": 3, "below": 3, "points": 0.1 }
                  ] } }
              ],
              "classification": [ { "label": "Tốt", "minPercent": 50 }, { "label": "Khá", "minPercent": 50 }, { "label": "Yếu", "minPercent": 0 } ]
            }
            """;
        var (english, vietnamese) = BothLanguages(json);

        Assert.AreEqual("Band 1 of criterion 1 gives 2 points, above the criterion's max 1; it will be capped.", At(english, "criteria[0].bands.steps[0]").Message);
        Assert.AreEqual("Khoảng 1 của tiêu chí 1 cho 2 điểm, vượt điểm tối đa 1 của tiêu chí; số điểm sẽ bị giới hạn ở mức tối đa.", At(vietnamese, "criteria[0].bands.steps[0]").Message);
        Assert.AreEqual(DiagnosticSeverity.Warning, At(vietnamese, "criteria[0].bands.steps[0]").Severity);

        Assert.AreEqual("Khoảng 2 của tiêu chí 1 (từ 20 đến dưới +∞) không bao giờ khớp: các khoảng trước đó đã bao trùm toàn bộ.", At(vietnamese, "criteria[0].bands.steps[1]").Message);
        Assert.AreEqual(DiagnosticCodes.OverlappingBand, At(vietnamese, "criteria[0].bands.steps[2]").Code);

        var empty = At(vietnamese, "criteria[0].bands.steps[3]");
        Assert.AreEqual("Khoảng 4 của tiêu chí 1 rỗng: atLeast 3 không nhỏ hơn 3.", empty.Message);
        Assert.AreEqual(DiagnosticSeverity.Error, empty.Severity);
        Assert.AreEqual("Band 4 of criterion 1 is empty: atLeast 3 is not below 3.", At(english, "criteria[0].bands.steps[3]").Message);

        Assert.AreEqual("Classifications 'Tốt' and 'Khá' share the threshold 50%; only the first can ever be given.", At(english, "classification[1]").Message);
        Assert.AreEqual("Các mức xếp loại 'Tốt' và 'Khá' có cùng ngưỡng 50%; chỉ mức đầu tiên có thể được xếp.", At(vietnamese, "classification[1]").Message);
    }

    [TestMethod]
    public void Test_case_problems_read_in_both_languages()
    {
        // Case 1: an input of the wrong type, an unknown criterion, an expected total finer than
        // the precision (2). Case 2: the same name, agency A twice, an unknown classification.
        var json = With(
            Case("c", """{ "criteria": { "1.3": 5.4 }, "total": 15.405 }""", agency: """{ "id": "A", "inputs": { "kind": "so", "plan": "high", "reports": true } }"""),
            Case("c", """{ "classification": "Kha" }""", others: Agency));
        var (english, vietnamese) = BothLanguages(json);

        Assert.AreEqual("Ca kiểm thử 'c' kỳ vọng điểm của tiêu chí '1.3', nhưng bộ quy tắc không khai báo tiêu chí này. Có phải là '1.1'?",
            OneUnder(vietnamese, DiagnosticCodes.TestUnknownTarget, "tests[0]").Message);
        Assert.AreEqual("Test case 'c' expects points of criterion '1.3', which the rule set does not declare. Did you mean '1.1'?",
            OneUnder(english, DiagnosticCodes.TestUnknownTarget, "tests[0]").Message);
        Assert.AreEqual("Ca kiểm thử 'c': giá trị của dữ liệu đầu vào 'plan' không phù hợp: dữ liệu đầu vào này là kiểu số, còn giá trị là văn bản \"high\".",
            WithMessageContaining(vietnamese, "'plan'").Message);
        Assert.AreEqual("Test case 'c': the value of input 'plan' does not fit: it is a number input, and the value is the text \"high\".",
            WithMessageContaining(english, "'plan'").Message);
        Assert.AreEqual("Có hai ca kiểm thử cùng tên 'c'; tên ca kiểm thử không được trùng nhau.", WithMessageContaining(vietnamese, "cùng tên").Message);
        Assert.AreEqual("Ca kiểm thử 'c' kỳ vọng xếp loại 'Kha', nhưng đây không phải một mức xếp loại của bộ quy tắc (Tốt, Khá, Yếu).",
            OneUnder(vietnamese, DiagnosticCodes.TestUnknownTarget, "tests[1]").Message);
        StringAssert.Contains(OneUnder(vietnamese, DiagnosticCodes.TestValueType, "tests[0].expect").Message, "15.405");
    }

    [TestMethod]
    public void Excel_habits_and_forbidden_constructs_read_in_both_languages()
    {
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1, "formula": "IF(x > 1, 1, 0)" },
                { "code": "2", "title": "B", "max": 1, "formula": "Math.Abs(x)" },
                { "code": "3", "title": "C", "max": 1, "formula": "max(x, 1)" },
                { "code": "4", "title": "D", "max": 1, "formula": "x /* note */ + 1" }
              ]
            }
            """;
        var (english, vietnamese) = BothLanguages(json);

        Assert.AreEqual("Unknown function 'IF' in the formula of criterion 1. Use the conditional 'condition ? a : b' (or set \"formulaStyle\": \"excel\" to write formulas as in a spreadsheet).",
            At(english, "criteria[0].formula").Message);
        Assert.AreEqual("Hàm 'IF' trong công thức của tiêu chí 1 không tồn tại. Hãy dùng biểu thức điều kiện 'điều kiện ? a : b' (hoặc đặt \"formulaStyle\": \"excel\" để viết công thức như trong bảng tính).",
            At(vietnamese, "criteria[0].formula").Message);
        Assert.AreEqual("Truy cập thành viên không được phép trong công thức ('Math.Abs' trong công thức của tiêu chí 2).", At(vietnamese, "criteria[1].formula").Message);
        Assert.AreEqual(DiagnosticCodes.ForbiddenConstruct, At(vietnamese, "criteria[1].formula").Code);
        Assert.AreEqual("Hàm 'max' trong công thức của tiêu chí 3 không tồn tại. Tên hàm phân biệt chữ hoa, chữ thường: hãy viết Max (hoặc đặt \"formulaStyle\": \"excel\" để viết công thức như trong bảng tính).",
            At(vietnamese, "criteria[2].formula").Message);
        Assert.AreEqual("Công thức không được chứa chú thích ('/* note */' trong công thức của tiêu chí 4); hãy ghi phần giải thích vào 'description'.", At(vietnamese, "criteria[3].formula").Message);
    }

    [TestMethod]
    public void Excel_style_argument_counts_read_in_both_languages()
    {
        const string json = """
            {
              "id": "t", "title": "T", "version": "1", "formulaStyle": "excel",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1, "formula": "IF(x > 1, 1)" },
                { "code": "2", "title": "B", "max": 1, "formula": "IF(AND(x > 1, ), 1, 0)" }
              ]
            }
            """;
        var (english, vietnamese) = BothLanguages(json);

        Assert.AreEqual("In the formula of criterion 1, IF takes 3 arguments, not 2: write IF(condition, value if true, value if false).", At(english, "criteria[0].formula").Message);
        Assert.AreEqual("Trong công thức của tiêu chí 1, IF nhận 3 đối số, không phải 2: hãy viết IF(điều kiện, giá trị nếu đúng, giá trị nếu sai).", At(vietnamese, "criteria[0].formula").Message);
        Assert.AreEqual("Trong công thức của tiêu chí 2, đối số thứ 2 của AND để trống: hãy viết AND(điều kiện, điều kiện, …).", At(vietnamese, "criteria[1].formula").Message);
    }

    [TestMethod]
    public void The_exception_of_a_failed_load_sums_up_in_the_language_asked_for()
    {
        const string json = """
            { "id": "t", "title": "T", "version": "1", "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "Maxx(x, 1)" } ] }
            """;
        string Summary() => Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadJson(json, FileName)).Message;
        var english = TestCulture.Language("en-US", Summary);
        var vietnamese = TestCulture.Language("vi-VN", Summary);
        Assert.AreEqual("The rule set has 1 error(s).", english.Split(Environment.NewLine)[0]);
        Assert.AreEqual("Bộ quy tắc có 1 lỗi.", vietnamese.Split(Environment.NewLine)[0]);
        StringAssert.Contains(vietnamese, "Hàm 'Maxx' trong công thức của tiêu chí 1 không tồn tại. Có phải là 'Max'?");
    }

    [TestMethod]
    public void A_refused_cache_folder_is_reported_in_the_language_asked_for()
    {
        const string json = """
            { "id": "t", "title": "T", "version": "1", "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "x" } ] }
            """;
        var file = Path.GetTempFileName(); // a file where the cache folder should be
        try
        {
            var options = new RuleSetLoadOptions { CacheDirectory = file };
            Diagnostic Refusal()
            {
                var result = RuleSetLoader.TryLoadJson(json, FileName, options);
                result.RuleSet?.Dispose();
                Assert.IsTrue(result.Success, Show(result.Diagnostics));
                return Single(result.Diagnostics, DiagnosticCodes.CacheFolderRefused);
            }
            var english = TestCulture.Language("en-US", Refusal);
            var vietnamese = TestCulture.Language("vi-VN", Refusal);
            Assert.AreEqual($"The cache folder '{file}' is not used: it is a file. The rule set is compiled without the cache.", english.Message);
            Assert.AreEqual($"Không dùng thư mục bộ đệm '{file}': đây là một tệp, không phải thư mục. Bộ quy tắc được biên dịch không qua bộ đệm.", vietnamese.Message);
            Assert.AreEqual(english.Location, vietnamese.Location);
            Assert.AreEqual(DiagnosticSeverity.Warning, vietnamese.Severity);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Loads <paramref name="json"/> in English and in Vietnamese and checks what must hold for
    /// every diagnostic: same code, severity and place; a different message; no English sentence
    /// left in the Vietnamese one.
    /// </summary>
    private static (IReadOnlyList<Diagnostic> English, IReadOnlyList<Diagnostic> Vietnamese) BothLanguages(string json)
    {
        var english = TestCulture.Language("en-US", () => Check(json).Diagnostics);
        var vietnamese = TestCulture.Language("vi-VN", () => Check(json).Diagnostics);
        Assert.IsNotEmpty(english);
        CollectionAssert.AreEqual(english.Select(d => (d.Code, d.Severity, d.Location)).ToList(), vietnamese.Select(d => (d.Code, d.Severity, d.Location)).ToList(), Show(english));
        for (var i = 0; i < english.Count; i++)
        {
            Assert.AreNotEqual(english[i].Message, vietnamese[i].Message, $"{english[i].Code} is not translated: {english[i].Message}");
            Assert.IsFalse(EnglishWords().IsMatch(vietnamese[i].Message), $"English left in {vietnamese[i].Code}: {vietnamese[i].Message}");
        }
        return (english, vietnamese);
    }

    /// <summary>Words of the English sentences that no name, formula or value in these rule files contains.</summary>
    [GeneratedRegex(@"\b(the|is|are|must|cannot|does|not|Did you mean|Use)\b")]
    private static partial Regex EnglishWords();

    private static Diagnostic At(IReadOnlyList<Diagnostic> diagnostics, string jsonPath)
    {
        var matching = diagnostics.Where(d => d.Location.JsonPath == jsonPath).ToList();
        Assert.HasCount(1, matching, $"at {jsonPath}: {Show(diagnostics)}");
        return matching[0];
    }

    private static Diagnostic OneUnder(IReadOnlyList<Diagnostic> diagnostics, string code, string jsonPathPrefix)
    {
        var matching = diagnostics.Where(d => d.Code == code && (d.Location.JsonPath ?? "").StartsWith(jsonPathPrefix, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, matching, $"{code} under {jsonPathPrefix}: {Show(diagnostics)}");
        return matching[0];
    }

    private static Diagnostic WithMessageContaining(IReadOnlyList<Diagnostic> diagnostics, string part)
    {
        var matching = diagnostics.Where(d => d.Message.Contains(part, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, matching, $"a message with {part}: {Show(diagnostics)}");
        return matching[0];
    }

    private static string Show(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics);
}
