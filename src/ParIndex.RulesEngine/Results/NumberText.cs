using System.Globalization;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// Numbers as text for explanations and writers: one culture per text, up to six decimals
/// without trailing zeros, and never "-0" (a value that shows as zero is shown as an unsigned 0).
/// </summary>
internal static class NumberText
{
    /// <summary>Up to six decimals, no trailing zeros: 0.125, 2, 1,25 under vi-VN.</summary>
    public static string Compact(double value, IFormatProvider culture) => Unsigned(value, value.ToString("0.######", culture), culture);

    /// <summary>Exactly <paramref name="decimals"/> decimals: 2.50.</summary>
    public static string Fixed(double value, int decimals, IFormatProvider culture) =>
        Unsigned(value, value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), culture), culture);

    /// <summary>
    /// A negative value that rounds to zero in its text ("-0", "-0.00") loses its sign; so does
    /// the negative zero itself. NaN and infinities are left as the culture writes them.
    /// </summary>
    private static string Unsigned(double value, string text, IFormatProvider culture)
    {
        if (!double.IsFinite(value)) return text;
        var minus = NumberFormatInfo.GetInstance(culture).NegativeSign;
        if (!text.StartsWith(minus, StringComparison.Ordinal)) return text;
        var rest = text.AsSpan(minus.Length);
        return rest.IndexOfAnyInRange('1', '9') < 0 ? rest.ToString() : text;
    }
}
