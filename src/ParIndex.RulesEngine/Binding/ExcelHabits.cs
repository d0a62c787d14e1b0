using System.Text.RegularExpressions;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Hints for mistakes a spreadsheet user makes out of habit (IF in the C# style, = meaning
/// comparison, &lt;&gt;, 90%, 'text', 0,9, ';' between arguments, cell references, VLOOKUP …),
/// given instead of the nearest-name guess, which would only mislead ("Did you mean 'Min'?").
/// Each hint is a sentence that starts with a space, ready to append to a message.
/// </summary>
internal static partial class ExcelHabits
{
    private const string OrExcel = " (or set \"formulaStyle\": \"excel\" to write formulas as in a spreadsheet)";

    /// <summary>A hint for calling an unknown function, or null when the name is not a spreadsheet habit.</summary>
    public static string? ForFunction(string name, bool excelStyle)
    {
        var upper = name.ToUpperInvariant();
        if (!excelStyle && upper switch
            {
                "IF" => " Use the conditional 'condition ? a : b'",
                "AND" => " Use '&&' between conditions: a && b",
                "OR" => " Use '||' between conditions: a || b",
                "NOT" => " Use '!' before a condition: !a",
                "IFERROR" => " Use IfMissing(value, fallback) for a missing value",
                _ => null,
            } is { } conditional)
            return conditional + OrExcel + ".";
        if (!excelStyle && FormulaFunctionCatalog.AllNames.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } spelling)
            return $" Function names are case-sensitive: write {spelling}{OrExcel}.";
        return upper switch
        {
            "SUM" => " Add the values by name with '+': a + b + c.",
            "AVERAGE" or "AVG" => " Write the average by name: (a + b) / 2; GroupMean(name) is the mean over the agency's ranking group.",
            "COUNT" or "COUNTA" or "COUNTIF" or "COUNTIFS" or "SUMIF" or "SUMIFS" or "AVERAGEIF" =>
                " Formulas see one agency's inputs by name, not ranges of cells: count or add with IF and '+', or declare the figure as an input.",
            "VLOOKUP" or "HLOOKUP" or "XLOOKUP" or "LOOKUP" or "INDEX" or "MATCH" or "INDIRECT" or "OFFSET" =>
                " Formulas do not look up cells or tables: declare the value as an input (it may be computed in the workbook), or use a 'bands' scoring for a table of steps.",
            "ROUNDUP" => " Use Ceiling(x) (whole numbers).",
            "ROUNDDOWN" or "INT" or "TRUNC" => " Use Floor(x) (whole numbers).",
            "MEDIAN" or "STDEV" or "RANK" => " Only GroupMax, GroupMin and GroupMean are computed over the ranking group; ranks are results, used in eligibility conditions as 'rank'.",
            _ => null,
        };
    }

    /// <summary>A hint for an unknown name that looks like a cell reference (A1, BC12), or null.</summary>
    public static string? ForName(string name) =>
        CellReference().IsMatch(name) ? $" '{name}' looks like a cell reference: formulas read an agency's inputs by their declared names." : null;

    /// <summary>A hint for '=' in the C# style, where it is an assignment.</summary>
    public static string ForAssignment(bool excelStyle) =>
        excelStyle ? "" : " To compare, write ==" + OrExcel + ".";

    /// <summary>
    /// Hints for a formula that does not parse or has a call with the wrong number of arguments,
    /// from the text itself: the habits that make such errors.
    /// </summary>
    public static string ForText(string text, bool excelStyle)
    {
        var hints = new List<string>();
        if (DecimalComma().Match(text) is { Success: true } comma)
            hints.Add($" '{comma.Value}': the decimal separator in formulas is '.' whatever the culture (write {comma.Value.Replace(',', '.')}); ',' separates arguments.");
        if (text.Contains(';'))
            hints.Add(" ';' does not separate arguments: write ',' between them.");
        if (CellRange().Match(text) is { Success: true } range)
            hints.Add($" '{range.Value}' is a range of cells: formulas read an agency's inputs by name, e.g. a + b.");
        if (!excelStyle)
        {
            if (text.Contains("<>", StringComparison.Ordinal)) hints.Add(" '<>' is a spreadsheet's 'not equal': write !=" + OrExcel + ".");
            if (Percent().Match(text) is { Success: true } percent)
                hints.Add($" '{percent.Value}' is a spreadsheet percent: write {percent.Groups[1].Value} / 100{OrExcel}.");
            if (text.Contains('\'')) hints.Add(" Text is written in double quotes, \"xa\"" + OrExcel + ".");
        }
        return string.Concat(hints);
    }

    [GeneratedRegex(@"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$")]
    private static partial Regex CellReference();

    [GeneratedRegex(@"\$?[A-Za-z]{1,3}\$?[0-9]{1,7}:\$?[A-Za-z]{1,3}\$?[0-9]{1,7}")]
    private static partial Regex CellRange();

    /// <summary>0,9 with nothing between the comma and the digits, as a vi-VN spreadsheet writes a decimal.</summary>
    [GeneratedRegex(@"(?<![\w.])[0-9]+,[0-9]+(?![\w.])")]
    private static partial Regex DecimalComma();

    /// <summary>90% not followed by an operand, so not the modulo operator.</summary>
    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)%(?=\s*(?:$|[),<>=!&|*/+\-?:]))")]
    private static partial Regex Percent();
}
