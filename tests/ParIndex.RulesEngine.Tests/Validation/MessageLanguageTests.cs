using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>One broken rule file loaded with an English and a Vietnamese UI culture: same codes and places, messages in the language asked for.</summary>
[TestClass]
public sealed class MessageLanguageTests
{
    // An unknown name (line 6), a repeated criterion code (line 7), an unknown function (line 8),
    // an input with min above max (line 3), a variable in a cycle with itself (line 4).
    private const string Broken = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number", "min": 5, "max": 1 } ],
          "variables": [ { "name": "v", "formula": "v + 1" } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 1, "formula": "y" },
            { "code": "1", "title": "B", "max": 1, "formula": "x" },
            { "code": "2", "title": "C", "max": 1, "formula": "Maxx(x, 1)" }
          ]
        }
        """;

    [TestMethod]
    public void The_same_broken_rule_file_reads_in_English_and_in_Vietnamese()
    {
        var english = TestCulture.Language("en-US", () => Errors(Broken));
        var vietnamese = TestCulture.Language("vi-VN", () => Errors(Broken));

        Assert.AreEqual("Unknown name 'y' in the formula of criterion 1. Did you mean 'x'?", Single(english, DiagnosticCodes.UnknownName).Message);
        Assert.AreEqual("Tên 'y' trong công thức của tiêu chí 1 chưa được khai báo. Có phải là 'x'?", Single(vietnamese, DiagnosticCodes.UnknownName).Message);

        Assert.AreEqual("The criterion code '1' is used more than once.", Single(english, DiagnosticCodes.DuplicateName).Message);
        Assert.AreEqual("Mã tiêu chí '1' được dùng nhiều lần.", Single(vietnamese, DiagnosticCodes.DuplicateName).Message);

        Assert.AreEqual("Unknown function 'Maxx' in the formula of criterion 2. Did you mean 'Max'?", Single(english, DiagnosticCodes.UnknownFunction).Message);
        Assert.AreEqual("Hàm 'Maxx' trong công thức của tiêu chí 2 không tồn tại. Có phải là 'Max'?", Single(vietnamese, DiagnosticCodes.UnknownFunction).Message);

        Assert.AreEqual("The input 'x' has min 5 above max 1.", Single(english, DiagnosticCodes.InvalidSetting).Message);
        Assert.AreEqual("Dữ liệu đầu vào 'x' có min 5 lớn hơn max 1.", Single(vietnamese, DiagnosticCodes.InvalidSetting).Message);

        Assert.AreEqual("The variables depend on each other in a cycle: v → v.", Single(english, DiagnosticCodes.Cycle).Message);
        Assert.AreEqual("Các biến phụ thuộc lẫn nhau theo vòng: v → v.", Single(vietnamese, DiagnosticCodes.Cycle).Message);

        // Only the words change: the same codes, severities and places in both runs.
        CollectionAssert.AreEqual(english.Select(d => (d.Code, d.Severity, d.Location)).ToList(), vietnamese.Select(d => (d.Code, d.Severity, d.Location)).ToList());
    }

    [TestMethod]
    public void A_culture_of_another_language_gets_the_English_messages()
    {
        var french = TestCulture.Language("fr-FR", () => Errors(Broken));
        Assert.AreEqual("Unknown name 'y' in the formula of criterion 1. Did you mean 'x'?", Single(french, DiagnosticCodes.UnknownName).Message);
    }
}
