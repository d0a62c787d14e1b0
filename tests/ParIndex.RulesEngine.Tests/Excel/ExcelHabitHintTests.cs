using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Excel;

/// <summary>
/// A spreadsheet habit gets a hint for that habit, not the nearest-name guess ("Unknown function
/// 'IF' … Did you mean 'Min'?" misled).
/// </summary>
[TestClass]
public sealed class ExcelHabitHintTests
{
    private const string Template = """
        {
          "id": "t", "title": "T", "version": "1",STYLE
          "inputs": [ { "name": "plan", "type": "number" }, { "name": "kind", "type": "enum", "values": ["xa", "phuong"] } ],
          "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "FORMULA" } ]
        }
        """;

    private static IReadOnlyList<Diagnostic> ErrorsOf(string formula, bool excel = false) =>
        Errors(Template.Replace("STYLE", excel ? " \"formulaStyle\": \"excel\"," : "", StringComparison.Ordinal)
            .Replace("FORMULA", JsonEscape(formula), StringComparison.Ordinal));

    [TestMethod]
    [DataRow("IF(plan > 0.9, 1, 0)", "condition ? a : b", DisplayName = "IF in the C# style")]
    [DataRow("AND(plan > 0.9, plan < 1) ? 1 : 0", "'&&'", DisplayName = "AND in the C# style")]
    [DataRow("OR(plan > 0.9, plan < 1) ? 1 : 0", "'||'", DisplayName = "OR in the C# style")]
    [DataRow("NOT(plan > 0.9) ? 1 : 0", "'!'", DisplayName = "NOT in the C# style")]
    [DataRow("round(plan, 1)", "case-sensitive: write Round", DisplayName = "a function in the wrong case")]
    public void Csharp_style_function_habit_names_the_csharp_form_and_the_excel_style(string formula, string part)
    {
        var error = Single(ErrorsOf(formula), DiagnosticCodes.UnknownFunction);
        AssertMessageContains(error, part, "\"formulaStyle\": \"excel\"");
        Assert.IsFalse(error.Message.Contains("Did you mean", StringComparison.Ordinal), error.ToString());
    }

    [TestMethod]
    [DataRow("SUM(plan, plan)", "a + b + c", DisplayName = "SUM")]
    [DataRow("VLOOKUP(plan, plan, 2)", "do not look up cells", DisplayName = "VLOOKUP")]
    [DataRow("ROUNDUP(plan)", "Ceiling", DisplayName = "ROUNDUP")]
    public void Spreadsheet_function_gets_the_formula_language_way_in_both_styles(string formula, string part)
    {
        AssertMessageContains(Single(ErrorsOf(formula), DiagnosticCodes.UnknownFunction), part);
        AssertMessageContains(Single(ErrorsOf(formula, excel: true), DiagnosticCodes.UnknownFunction), part);
    }

    [TestMethod]
    public void Equals_sign_in_the_csharp_style_says_to_write_double_equals()
    {
        var error = First(ErrorsOf("kind = \"xa\" ? 1 : 0"), DiagnosticCodes.ForbiddenConstruct);
        AssertMessageContains(error, "Assignment", "To compare, write ==");
    }

    [TestMethod]
    [DataRow("plan <> 1 ? 1 : 0", false, "write !=", DisplayName = "<> in the C# style")]
    [DataRow("plan > 90% ? 1 : 0", false, "write 90 / 100", DisplayName = "90% in the C# style")]
    [DataRow("kind == 'xa' ? 1 : 0", false, "double quotes", DisplayName = "'xa' in the C# style")]
    [DataRow("plan > 0,9 ? 1 : 0", false, "write 0.9", DisplayName = "0,9 in the C# style")]
    [DataRow("IF(plan > 0,9, 1, 0)", true, "write 0.9", DisplayName = "0,9 in the Excel style")]
    [DataRow("IF(plan > 0.9; 1; 0)", true, "write ',' between them", DisplayName = "; in the Excel style")]
    [DataRow("Max(plan; 1)", false, "write ',' between them", DisplayName = "; in the C# style")]
    [DataRow("SUM(A1:B2)", true, "'A1:B2' is a range of cells", DisplayName = "a cell range")]
    public void Syntax_and_argument_errors_name_the_habit(string formula, bool excel, string part)
    {
        var errors = ErrorsOf(formula, excel);
        Assert.IsTrue(errors.Any(e => e.Message.Contains(part, StringComparison.Ordinal)), $"a message should contain \"{part}\": {Describe(errors)}");
    }

    [TestMethod]
    public void Cell_reference_far_from_every_name_is_named_as_one()
    {
        AssertMessageContains(Single(ErrorsOf("B12 * 2"), DiagnosticCodes.UnknownName), "'B12' looks like a cell reference");
        // A near declared name still wins: plan1 is one letter from plan.
        AssertMessageContains(Single(ErrorsOf("plan1 * 2"), DiagnosticCodes.UnknownName), "Did you mean 'plan'?");
    }
}
