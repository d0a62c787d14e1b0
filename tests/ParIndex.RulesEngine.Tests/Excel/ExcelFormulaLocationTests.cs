using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Excel;

/// <summary>
/// Every diagnostic on an Excel-style formula points at the line and column of the text as
/// written in the rule file, through the lowering to C# and through JSON escapes.
/// </summary>
[TestClass]
public sealed class ExcelFormulaLocationTests
{
    // The formula is alone on line 9: six spaces, "formula" in 7-15, ':' 16, space 17, opening
    // quote 18, so offset k inside the formula as written in the file is column 19 + k.
    private const string Template = """
        {
          "id": "t", "title": "T", "version": "1", "formulaStyle": "excel",
          "inputs": [ { "name": "plan", "type": "number" },
                      { "name": "kind", "type": "enum", "values": ["xa", "phuong"] },
                      { "name": "ok", "type": "bool" },
                      { "name": "s", "type": "text" } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 10,
              "formula": "FORMULA" }
          ]
        }
        """;

    private const int Line = 9;
    private const int Column0 = 19;

    /// <summary>The rule file with the formula written as given (already JSON text: escapes stay escapes).</summary>
    private static string WithWritten(string written) => Template.Replace("FORMULA", written, StringComparison.Ordinal);

    [TestMethod]
    // Each offset is counted by hand in the formula as written, from 0.
    [DataRow("IF(plan > 0.5, 1, bogus)", 18, DisplayName = "IF: third argument")]
    [DataRow("IF(plan > 90%, bogus, 0)", 15, DisplayName = "after 90%")]
    [DataRow("IF(AND(ok, bogus), 1, 0)", 11, DisplayName = "AND")]
    [DataRow("IF(OR(NOT(bogus), ok), 1, 0)", 10, DisplayName = "OR and NOT")]
    [DataRow("IFERROR(bogus / 2, 0)", 8, DisplayName = "IFERROR's value (written twice when lowered, reported once)")]
    [DataRow("IFERROR(plan / 2, bogus)", 18, DisplayName = "IFERROR's fallback")]
    [DataRow("if(Plan = TRUE, 1, bogus)", 19, DisplayName = "any case, = and TRUE")]
    [DataRow("IF(kind <> 'xa', bogus, 0)", 17, DisplayName = "<> and 'text'")]
    [DataRow("= IF(ok, bogus, 0)", 9, DisplayName = "leading =")]
    [DataRow("IF(s = 'a''b', bogus, 0)", 15, DisplayName = "a doubled quote inside 'text'")]
    public void Unknown_name_is_at_its_written_column(string formula, int offset)
    {
        var error = Single(Errors(WithWritten(formula)), DiagnosticCodes.UnknownName);
        AssertAt(error, Line, Column0 + offset, "criteria[0].formula");
        AssertMessageContains(error, "'bogus'");
    }

    [TestMethod]
    // IF(kind = \"xa\", ... : the escapes \" take two columns each, so bogus at text offset 16 is written offset 18.
    [DataRow("IF(kind = \\\"xa\\\", bogus, 0)", 18, DisplayName = "after \\\" escapes")]
    // 'b\u00e1' is the text bá: the escape takes six columns for one character, bogus at text offset 13 is written offset 18.
    [DataRow("IF(s = 'b\\u00e1', bogus, 0)", 18, DisplayName = "after a \\u escape")]
    public void Unknown_name_is_at_its_written_column_through_json_escapes(string written, int offset)
    {
        var error = Single(Errors(WithWritten(written)), DiagnosticCodes.UnknownName);
        AssertAt(error, Line, Column0 + offset);
    }

    [TestMethod]
    public void Impossible_enum_value_is_at_the_opening_quote()
    {
        // kind = 'xaa': the literal's quote is at offset 10.
        var error = Single(Errors(WithWritten("IF(kind = 'xaa', 1, 0)")), DiagnosticCodes.ImpossibleEnumValue);
        AssertAt(error, Line, Column0 + 10);
        AssertMessageContains(error, "\"xaa\"", "xa, phuong");
    }

    [TestMethod]
    public void Syntax_error_in_an_argument_is_at_the_written_comma()
    {
        // IF(plan > , 1, 0): lowered to ((plan > ) ? (1) : (0)); the parser stops at the ')'
        // the lowering wrote for the first comma, offset 10.
        var error = First(Errors(WithWritten("IF(plan > , 1, 0)")), DiagnosticCodes.FormulaSyntax);
        AssertAt(error, Line, Column0 + 10);
    }

    [TestMethod]
    public void Type_error_found_by_the_compiler_is_at_the_written_operator()
    {
        // plan + ok: number plus bool; the compiler reports the sum, which starts at "plan", offset 10.
        var error = First(Errors(WithWritten("IF(ok, 1, plan + ok)")), DiagnosticCodes.FormulaType);
        AssertAt(error, Line, Column0 + 10);
    }

    [TestMethod]
    [DataRow("IF(plan > 1, 2)", 0, "IF takes 3 arguments, not 2", DisplayName = "IF with two arguments")]
    [DataRow("1 + NOT(ok, ok)", 4, "NOT takes 1 argument, not 2", DisplayName = "NOT with two arguments")]
    [DataRow("IF(AND(), 1, 0)", 3, "AND takes at least 1 argument, not 0", DisplayName = "AND without arguments")]
    [DataRow("IF(ok, , 0)", 0, "argument 2 of IF is empty", DisplayName = "an empty argument")]
    [DataRow("IFERROR(plan)", 0, "IFERROR takes 2 arguments, not 1", DisplayName = "IFERROR with one argument")]
    public void Wrong_arguments_of_an_excel_function_are_at_its_name(string formula, int offset, string message)
    {
        var error = Single(Errors(WithWritten(formula)), DiagnosticCodes.FormulaType);
        AssertAt(error, Line, Column0 + offset);
        AssertMessageContains(error, message);
    }

    [TestMethod]
    public void Unclosed_text_is_at_its_opening_quote()
    {
        var error = Single(Errors(WithWritten("IF(kind = 'xa, 1, 0)")), DiagnosticCodes.FormulaSyntax);
        AssertAt(error, Line, Column0 + 10);
        AssertMessageContains(error, "not closed");
    }

    [TestMethod]
    public void Names_that_differ_only_in_case_are_a_load_error_at_the_second()
    {
        const string json = """
            {
              "id": "t", "title": "T", "version": "1", "formulaStyle": "excel",
              "inputs": [ { "name": "plan", "type": "number" },
                          { "name": "Plan", "type": "number" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "plan" } ]
            }
            """;
        var error = Single(Errors(json), DiagnosticCodes.DuplicateName);
        AssertAt(error, 4, 15, "inputs[1]");
        AssertMessageContains(error, "'Plan'", "'plan'", "only in case");
    }

    [TestMethod]
    public void Names_that_differ_only_in_case_are_fine_in_the_csharp_style()
    {
        var json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "plan", "type": "number" }, { "name": "Plan", "type": "number" } ],
              "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "plan" } ]
            }
            """;
        Assert.IsTrue(Check(json).Success, Describe(Check(json).Diagnostics));
    }
}
