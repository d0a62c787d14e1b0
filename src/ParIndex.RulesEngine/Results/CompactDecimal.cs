using System.Numerics;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// The fast path of <see cref="NumberText.Compact"/> in the invariant culture: the same text as
/// <c>value.ToString("0.######")</c> without its minus sign on a zero, written straight into a
/// buffer of bytes or chars. Points and percents sit on the 10^-precision grid, so nearly every
/// value a results file holds takes this path; the rest return false and are formatted by .NET.
/// </summary>
/// <remarks>
/// Why the text is identical: .NET formats a double with a custom format by first rounding it to
/// 15 significant digits, then rounding that to the pattern's six decimals. The fast path takes a
/// value only when it is the double nearest to k / 10^d for an integer k of at most 15 digits and
/// d ≤ 6 (the IEEE division of the two exact operands gives back the value itself). A decimal of
/// at most 15 significant digits is recovered exactly when its nearest double is rounded to 15
/// digits (a double carries more than 15.9 digits), so .NET's digits are those of k, and rounding
/// them to six decimals changes nothing. Trailing zeros are dropped, as '#' does.
/// </remarks>
internal static class CompactDecimal
{
    /// <summary>Characters the longest text of the fast path takes: '-', 15 digits, '.', and a leading "0".</summary>
    public const int MaxLength = 18;

    private const long MaxCount = 999_999_999_999_999;

    /// <summary>10^d for d = 0…6, each exact in a double and a long.</summary>
    private static ReadOnlySpan<long> Powers => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>
    /// Writes <paramref name="value"/> as "0.######" would, with <paramref name="decimalSeparator"/>;
    /// false (nothing written) when the value is off every grid up to six decimals, too large,
    /// NaN or infinite, or when <paramref name="destination"/> is shorter than <see cref="MaxLength"/>.
    /// </summary>
    public static bool TryFormat<T>(double value, Span<T> destination, T decimalSeparator, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        written = 0;
        if (destination.Length < MaxLength || !(Math.Abs(value) < MaxCount)) return false;
        for (var decimals = 0; decimals < Powers.Length; decimals++)
        {
            double power = Powers[decimals];
            var count = Math.Round(value * power);
            if (Math.Abs(count) > MaxCount) return false;
            if (count / power != value) continue;
            written = Write((long)count, decimals, destination, decimalSeparator);
            return true;
        }
        return false;
    }

    /// <summary>count ÷ 10^decimals in digits; zero (of either sign) as "0".</summary>
    private static int Write<T>(long count, int decimals, Span<T> destination, T decimalSeparator)
        where T : unmanaged, IBinaryInteger<T>
    {
        var length = 0;
        if (count < 0)
        {
            destination[length++] = T.CreateTruncating('-');
            count = -count;
        }
        var power = Powers[decimals];
        var whole = count / power;
        var fraction = count - whole * power;
        length += WriteDigits(whole, 1, destination[length..]);
        if (fraction == 0) return length;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }
        destination[length++] = decimalSeparator;
        return length + WriteDigits(fraction, decimals, destination[length..]);
    }

    /// <summary>The digits of a non-negative number, padded with leading zeros to <paramref name="minimumDigits"/>.</summary>
    private static int WriteDigits<T>(long number, int minimumDigits, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        var digits = 1;
        for (var rest = number / 10; rest > 0; rest /= 10) digits++;
        digits = Math.Max(digits, minimumDigits);
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = T.CreateTruncating('0' + (int)(number % 10));
            number /= 10;
        }
        return digits;
    }
}
