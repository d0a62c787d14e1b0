using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The one grammar of numbers written as text in data, per culture:
/// <c>[sign] digits [decimal-separator digits] [(e|E) [sign] digits]</c>, ASCII digits only.
/// Group separators are refused unless allowed; then they may only stand between groups of
/// exactly three digits after a first group of one to three digits, and never in a number that
/// also has a decimal separator. <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/>
/// with <see cref="NumberStyles.AllowThousands"/> is not used because it accepts a group
/// separator anywhere: under vi-VN it read "1.5" as 15 and "1.2.3" as 123.
/// </summary>
internal static class NumberGrammar
{
    /// <summary>Parses <paramref name="text"/> (already trimmed); on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string text, CultureInfo culture, bool allowThousands, out double value, out string? problem, out bool separatorProblem)
    {
        value = double.NaN;
        problem = null;
        separatorProblem = false;
        var format = culture.NumberFormat;
        var point = format.NumberDecimalSeparator;
        var group = format.NumberGroupSeparator;
        var name = CultureName(culture);
        var normal = new StringBuilder(text.Length);
        var i = 0;
        if (TryTake(text, ref i, "-") || TryTake(text, ref i, format.NegativeSign)) normal.Append('-');
        else if (!TryTake(text, ref i, "+")) TryTake(text, ref i, format.PositiveSign);

        // Integer part, with the positions of group separators.
        var groups = new List<int>();
        var digitsInGroup = 0;
        var sawGroup = false;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                normal.Append(text[i++]);
                digitsInGroup++;
            }
            else if (group.Length > 0 && string.CompareOrdinal(text, i, group, 0, group.Length) == 0 && group != point)
            {
                groups.Add(digitsInGroup);
                digitsInGroup = 0;
                sawGroup = true;
                i += group.Length;
            }
            else break;
        }
        groups.Add(digitsInGroup);
        var integerDigits = groups.Sum();
        var sawPoint = false;
        if (i < text.Length && point.Length > 0 && string.CompareOrdinal(text, i, point, 0, point.Length) == 0)
        {
            sawPoint = true;
            i += point.Length;
            normal.Append('.');
            var fraction = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { normal.Append(text[i++]); fraction++; }
            if (fraction == 0) return Separator($"'{Show(text)}' under {name}: the decimal separator '{point}' must be followed by digits", out problem, out separatorProblem);
        }
        if (integerDigits == 0 && !sawGroup)
            return Fail($"'{Show(text)}' is not a number under {name}: it must start with a digit (decimal separator '{point}'{ThousandsNote(group, allowThousands)})", out problem, out separatorProblem);
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var start = i++;
            normal.Append('e');
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) normal.Append(text[i++]);
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { normal.Append(text[i++]); exponent++; }
            if (exponent == 0) i = start;
        }
        if (i < text.Length)
        {
            if (sawPoint && IsSeparatorAt(text, i, group)) return Separator(GroupAfterPoint(text, name, group, point), out problem, out separatorProblem);
            if (IsSeparatorAt(text, i, point) && sawPoint)
                return Separator($"'{Show(text)}' under {name}: the decimal separator '{point}' appears more than once", out problem, out separatorProblem);
            return Fail($"'{Show(text)}' is not a number under {name} (decimal separator '{point}'{ThousandsNote(group, allowThousands)})", out problem, out separatorProblem);
        }
        if (sawGroup)
        {
            if (!allowThousands)
                return Separator($"'{Show(text)}' under {name}: '{group}' is the group (thousands) separator, and group separators are not allowed; " +
                    $"the decimal separator is '{point}' (to read '{group}' as thousands, turn on grouping: --thousands or DataReadOptions.AllowThousands)", out problem, out separatorProblem);
            if (sawPoint) return Separator($"'{Show(text)}' under {name}: a number with the decimal separator '{point}' cannot also have group separators '{group}'", out problem, out separatorProblem);
            if (groups[0] is < 1 or > 3 || groups.Skip(1).Any(g => g != 3))
                return Separator($"'{Show(text)}' under {name}: the group separator '{group}' must separate groups of exactly three digits (as in 1{group}234{group}567)", out problem, out separatorProblem);
        }
        if (!double.TryParse(normal.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return Fail($"'{Show(text)}' is not a number under {name}", out problem, out separatorProblem);
        return true;
    }

    private static string GroupAfterPoint(string text, string name, string group, string point) =>
        $"'{Show(text)}' under {name}: '{group}' (the group separator) cannot follow the decimal separator '{point}'";

    private static bool IsSeparatorAt(string text, int i, string separator) =>
        separator.Length > 0 && i + separator.Length <= text.Length && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0;

    private static bool TryTake(string text, ref int i, string sign)
    {
        if (sign.Length == 0 || !IsSeparatorAt(text, i, sign)) return false;
        i += sign.Length;
        return true;
    }

    private static string ThousandsNote(string group, bool allowThousands) =>
        allowThousands ? $", group separator '{group}' between groups of three digits" : ", no group separators";

    private static bool Fail(string message, out string? problem, out bool separatorProblem)
    {
        problem = message;
        separatorProblem = false;
        return false;
    }

    /// <summary>A failure about separators (code PAR0608), as opposed to text that is no number at all.</summary>
    private static bool Separator(string message, out string? problem, out bool separatorProblem)
    {
        problem = message;
        separatorProblem = true;
        return false;
    }

    public static string CultureName(CultureInfo culture) => culture.Name.Length == 0 ? "the invariant culture" : culture.Name;

    private static string Show(string text) => ValueConverter.Shorten(text);
}
