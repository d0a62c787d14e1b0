using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Hints for mistakes a spreadsheet user makes out of habit (IF in the C# style, = meaning
/// comparison, &lt;&gt;, 90%, 'text', 0,9, ';' between arguments, cell references, VLOOKUP …),
/// given instead of the nearest-name guess, which would only mislead ("Did you mean 'Min'?").
/// Each hint is a sentence that starts with a space, ready to append to a message.
/// </summary>
internal static partial class ExcelHabits
{
    private static string OrExcel => EngineText.Get("HintOrExcel");

    /// <summary>A hint for calling an unknown function, or null when the name is not a spreadsheet habit.</summary>
    public static string? ForFunction(string name, bool excelStyle)
    {
        var upper = name.ToUpperInvariant();
        if (!excelStyle && upper switch
            {
                "IF" => "HintIf",
                "AND" => "HintAnd",
                "OR" => "HintOr",
                "NOT" => "HintNot",
                "IFERROR" => "HintIfError",
                _ => null,
            } is { } conditional)
            return EngineText.Get(conditional) + OrExcel + ".";
        if (!excelStyle && FormulaFunctionCatalog.AllNames.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } spelling)
            return EngineText.Format("HintCase", spelling, OrExcel);
        var hint = upper switch
        {
            "SUM" => "HintSum",
            "AVERAGE" or "AVG" => "HintAverage",
            "COUNT" or "COUNTA" or "COUNTIF" or "COUNTIFS" or "SUMIF" or "SUMIFS" or "AVERAGEIF" => "HintCount",
            "VLOOKUP" or "HLOOKUP" or "XLOOKUP" or "LOOKUP" or "INDEX" or "MATCH" or "INDIRECT" or "OFFSET" => "HintLookup",
            "ROUNDUP" => "HintRoundUp",
            "ROUNDDOWN" or "INT" or "TRUNC" => "HintRoundDown",
            "MEDIAN" or "STDEV" or "RANK" => "HintGroupStatistics",
            _ => null,
        };
        return hint is null ? null : EngineText.Get(hint);
    }

    /// <summary>A hint for an unknown name that looks like a cell reference (A1, BC12), or null.</summary>
    public static string? ForName(string name) =>
        CellReference().IsMatch(name) ? EngineText.Format("HintCellReference", name) : null;

    /// <summary>A hint for '=' in the C# style, where it is an assignment.</summary>
    public static string ForAssignment(bool excelStyle) =>
        excelStyle ? "" : EngineText.Get("HintCompare") + OrExcel + ".";

    /// <summary>
    /// Hints for a formula that does not parse or has a call with the wrong number of arguments,
    /// from the text itself: the habits that make such errors.
    /// </summary>
    public static string ForText(string text, bool excelStyle)
    {
        var hints = new List<string>();
        if (DecimalComma().Match(text) is { Success: true } comma)
            hints.Add(EngineText.Format("HintDecimalComma", comma.Value, comma.Value.Replace(',', '.')));
        if (text.Contains(';'))
            hints.Add(EngineText.Get("HintSemicolon"));
        if (CellRange().Match(text) is { Success: true } range)
            hints.Add(EngineText.Format("HintRange", range.Value));
        if (!excelStyle)
        {
            if (text.Contains("<>", StringComparison.Ordinal)) hints.Add(EngineText.Get("HintNotEqual") + OrExcel + ".");
            if (Percent().Match(text) is { Success: true } percent)
                hints.Add(EngineText.Format("HintPercent", percent.Value, percent.Groups[1].Value, OrExcel));
            if (text.Contains('\'')) hints.Add(EngineText.Get("HintDoubleQuotes") + OrExcel + ".");
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
