using System.Globalization;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Turns a raw cell (string from CSV, number/bool/string from JSON or code) into the input's
/// type, or explains why it cannot. Missing means null, DBNull or blank text.
/// </summary>
internal static class ValueConverter
{
    internal static readonly string[] TrueWords = ["true", "yes", "y", "1", "x", "có", "co", "đạt", "dat"];
    internal static readonly string[] FalseWords = ["false", "no", "n", "0", "không", "khong", "chưa đạt", "chua dat", "không đạt", "khong dat"];

    public static bool IsMissing(object? raw) => raw is null or DBNull || (raw is string s && string.IsNullOrWhiteSpace(s));

    public static bool TryNumber(object raw, CultureInfo culture, bool allowThousands, out double value, out string? problem, out bool separatorProblem)
    {
        problem = null;
        separatorProblem = false;
        switch (raw)
        {
            case double d: value = d; break;
            case float f: value = f; break;
            case decimal m: value = (double)m; break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                value = Convert.ToDouble(raw, CultureInfo.InvariantCulture); break;
            // Text follows one strict grammar per culture (NumberGrammar): under vi-VN "1.5" is
            // an error, not 15, and "2,25" under the invariant culture is an error, not 225.
            case string s:
                if (!NumberGrammar.TryParse(s.Trim(), culture, allowThousands, out value, out problem, out separatorProblem)) return false;
                break;
            default:
                value = double.NaN;
                problem = $"'{Shorten(raw)}' is not a number";
                return false;
        }
        if (!double.IsFinite(value))
        {
            problem = $"'{Shorten(raw)}' is not a finite number";
            return false;
        }
        return true;
    }

    public static bool TryBool(object raw, out bool value, out string? problem)
    {
        problem = null;
        switch (raw)
        {
            case bool b: value = b; return true;
            case int or long when Convert.ToInt64(raw, CultureInfo.InvariantCulture) is 0 or 1:
                value = Convert.ToInt64(raw, CultureInfo.InvariantCulture) == 1; return true;
            case double d when d is 0 or 1:
                value = d == 1; return true;
            case string s:
                var word = s.Trim().ToLowerInvariant();
                if (TrueWords.Contains(word)) { value = true; return true; }
                if (FalseWords.Contains(word)) { value = false; return true; }
                break;
        }
        value = false;
        problem = $"'{Shorten(raw)}' is not true/false (also accepted: yes/no, 1/0, có/không)";
        return false;
    }

    public static bool TryText(object raw, InputDefinition input, out string value, out string? problem)
    {
        problem = null;
        value = raw switch
        {
            string s => s.Trim(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString() ?? "",
        };
        if (input.Type != InputType.Enum || input.Values.Contains(value)) return true;
        var given = value;
        var exact = input.Values.FirstOrDefault(v => string.Equals(v, given, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) { value = exact; return true; }
        problem = $"'{Shorten(value)}' is not one of {string.Join(", ", input.Values)}" + Binding.NameSuggester.Hint(value, input.Values);
        return false;
    }

    public static string Shorten(object? raw)
    {
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "";
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}
