using System.Globalization;
using ParIndex.RulesEngine.Resources;

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
    /// <remarks>
    /// Runs once per numeric cell, so a valid number costs no allocation: the text is checked in
    /// one pass while its invariant form (sign, digits, '.', exponent) is copied to a stack
    /// buffer, which the runtime's parser then reads. Messages are built only on failure.
    /// </remarks>
    public static bool TryParse(string text, CultureInfo culture, bool allowThousands, out double value, out string? problem, out bool separatorProblem) =>
        TryParse(text.AsSpan(), culture, allowThousands, out value, out problem, out separatorProblem);

    /// <summary>Parses <paramref name="text"/> (already trimmed) straight from a span of the input, e.g. a CSV cell.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, CultureInfo culture, bool allowThousands, out double value, out string? problem, out bool separatorProblem)
    {
        value = double.NaN;
        problem = null;
        separatorProblem = false;
        var format = culture.NumberFormat;
        var point = format.NumberDecimalSeparator;
        var group = format.NumberGroupSeparator;
        // The invariant form is never longer than the text: each separator or sign becomes one character.
        Span<char> normal = text.Length < 256 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
        var n = 0;
        var i = 0;
        if (TryTake(text, ref i, "-") || TryTake(text, ref i, format.NegativeSign)) normal[n++] = '-';
        else if (!TryTake(text, ref i, "+")) TryTake(text, ref i, format.PositiveSign);

        // Integer part; group separators are checked as they come: a first group of one to three
        // digits, then groups of exactly three.
        var digitsInGroup = 0;
        var integerDigits = 0;
        var sawGroup = false;
        var groupsOfThree = true;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                normal[n++] = text[i++];
                digitsInGroup++;
                integerDigits++;
            }
            else if (group.Length > 0 && group != point && IsSeparatorAt(text, i, group))
            {
                if (sawGroup ? digitsInGroup != 3 : digitsInGroup is < 1 or > 3) groupsOfThree = false;
                digitsInGroup = 0;
                sawGroup = true;
                i += group.Length;
            }
            else break;
        }
        if (sawGroup && digitsInGroup != 3) groupsOfThree = false;
        var sawPoint = false;
        if (IsSeparatorAt(text, i, point))
        {
            sawPoint = true;
            i += point.Length;
            normal[n++] = '.';
            var fraction = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { normal[n++] = text[i++]; fraction++; }
            if (fraction == 0) return Separator(EngineText.Format("NumberPointWithoutDigits", Show(text), CultureName(culture), point), out problem, out separatorProblem);
        }
        if (integerDigits == 0 && !sawGroup)
            return Fail(EngineText.Format("NumberNoLeadingDigit", Show(text), CultureName(culture), point, ThousandsNote(group, allowThousands)), out problem, out separatorProblem);
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var (start, written) = (i++, n);
            normal[n++] = 'e';
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) normal[n++] = text[i++];
            var exponent = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i])) { normal[n++] = text[i++]; exponent++; }
            if (exponent == 0) (i, n) = (start, written);
        }
        if (i < text.Length)
        {
            var name = CultureName(culture);
            if (sawPoint && IsSeparatorAt(text, i, group)) return Separator(GroupAfterPoint(text, name, group, point), out problem, out separatorProblem);
            if (IsSeparatorAt(text, i, point) && sawPoint)
                return Separator(EngineText.Format("NumberPointTwice", Show(text), name, point), out problem, out separatorProblem);
            return Fail(EngineText.Format("NumberNotNumberNote", Show(text), name, point, ThousandsNote(group, allowThousands)), out problem, out separatorProblem);
        }
        if (sawGroup)
        {
            var name = CultureName(culture);
            if (!allowThousands)
                return Separator(EngineText.Format("NumberGroupingOff", Show(text), name, group, point), out problem, out separatorProblem);
            if (sawPoint) return Separator(EngineText.Format("NumberGroupWithPoint", Show(text), name, point, group), out problem, out separatorProblem);
            if (!groupsOfThree)
                return Separator(EngineText.Format("NumberGroupsOfThree", Show(text), name, group), out problem, out separatorProblem);
        }
        if (!double.TryParse(normal[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return Fail(EngineText.Format("NumberNotNumber", Show(text), CultureName(culture)), out problem, out separatorProblem);
        return true;
    }

    /// <summary>
    /// The common case without looking at the culture: <c>[-]digits[.digits]</c> (the point only
    /// when the culture's decimal separator is '.'), which the grammar reads exactly as the
    /// runtime parser reads the text itself. False, with nothing decided, for anything else; the
    /// caller then uses <see cref="TryParse(ReadOnlySpan{char}, CultureInfo, bool, out double, out string?, out bool)"/>.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<char> text, bool pointIsDot, out double value)
    {
        value = double.NaN;
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        // The digits as one integer while it stays exact in a double (below 2^53).
        ulong mantissa = 0;
        var exact = true;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++) exact = Accumulate(ref mantissa, text[i], exact);
        if (i == start) return false;
        var decimals = 0;
        if (i < text.Length)
        {
            if (!pointIsDot || text[i] != '.') return false;
            var fraction = ++i;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++) exact = Accumulate(ref mantissa, text[i], exact);
            if (i == fraction || i < text.Length) return false;
            decimals = i - fraction;
        }
        if (exact && decimals < ExactPowersOfTen.Length)
        {
            // Both operands are exact, and IEEE division rounds the exact quotient once, to the
            // nearest double: the value the runtime's parser gives for the same text (Clinger's fast path).
            var magnitude = mantissa / ExactPowersOfTen[decimals];
            value = start == 1 ? -magnitude : magnitude;
            return true;
        }
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>10^0 … 10^22, every one exact in a double.</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    private const ulong LargestExactInteger = 1UL << 53;

    /// <summary>Appends a digit to <paramref name="mantissa"/>; false from the first digit that takes it past 2^53.</summary>
    private static bool Accumulate(ref ulong mantissa, char digit, bool exact)
    {
        if (!exact) return false;
        mantissa = mantissa * 10 + (uint)(digit - '0');
        return mantissa <= LargestExactInteger;
    }

    private static string GroupAfterPoint(ReadOnlySpan<char> text, string name, string group, string point) =>
        EngineText.Format("NumberGroupAfterPoint", Show(text), name, group, point);

    private static bool IsSeparatorAt(ReadOnlySpan<char> text, int i, string separator) =>
        separator.Length > 0 && i + separator.Length <= text.Length && text.Slice(i, separator.Length).SequenceEqual(separator);

    private static bool TryTake(ReadOnlySpan<char> text, ref int i, string sign)
    {
        if (sign.Length == 0 || !IsSeparatorAt(text, i, sign)) return false;
        i += sign.Length;
        return true;
    }

    private static string ThousandsNote(string group, bool allowThousands) =>
        allowThousands ? EngineText.Format("NumberNoteGroups", group) : EngineText.Get("NumberNoteNoGroups");

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

    public static string CultureName(CultureInfo culture) => culture.Name.Length == 0 ? EngineText.Get("CultureInvariant") : culture.Name;

    private static string Show(ReadOnlySpan<char> text) => ValueConverter.Shorten(text.ToString());
}
