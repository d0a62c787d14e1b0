using System.Numerics;
using System.Runtime.CompilerServices;

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
/// <para>
/// The methods a results CSV runs for each of its cells (these and <see cref="Sinks.PointCells{T}"/>'s)
/// are compiled fully optimised at their first call instead of going through the runtime's tiers.
/// They are generic, so the ReadyToRun image holds no code for them, and a writing pass starts
/// seconds into a run, when the background compiler is busy with the scoring code: a profile of
/// a 200,000-agency run found them running their first, unoptimised code for most of the pass.
/// Only a CSV output calls them (a table or JSON does not), so a start-up pays nothing for it.
/// </para>
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
    /// <remarks>
    /// Nearly every value is decided by one try on the finest grid, 10^-6: a value on a coarser
    /// grid, the nearest double to k / 10^d, is also the nearest double to K / 10^6 with
    /// K = k·10^(6−d) (the same rational number). While |K| ≤ 10^15 the product value·10^6 is
    /// within 10^15·2^-52 &lt; 0.5 of K, so it rounds to K exactly, and K / 10^6 of two exact
    /// operands gives back the value. The text is the same too: the fraction's trailing zeros are
    /// dropped. So when that try fails the value is off every grid whose count fits; only values
    /// of 10^9 and more, whose count at 10^-6 would pass 15 digits, go on to the coarser grids.
    /// </remarks>
    // Fully optimised at its first call: see the class's remarks on tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFormat<T>(double value, Span<T> destination, T decimalSeparator, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        written = 0;
        if (destination.Length < MaxLength || !(Math.Abs(value) < MaxCount)) return false;
        var micros = Math.Round(value * 1_000_000d);
        if (Math.Abs(micros) <= MaxCount)
        {
            if (micros / 1_000_000d != value) return false;
            written = Write((long)micros, 6, 1_000_000, destination, decimalSeparator);
            return true;
        }
        for (var decimals = 0; decimals < Powers.Length - 1; decimals++)
        {
            double power = Powers[decimals];
            var count = Math.Round(value * power);
            if (Math.Abs(count) > MaxCount) return false;
            if (count / power != value) continue;
            written = Write((long)count, decimals, Powers[decimals], destination, decimalSeparator);
            return true;
        }
        return false;
    }

    /// <summary>count ÷ <paramref name="power"/> (= 10^decimals) in digits; zero (of either sign) as "0".</summary>
    /// <remarks>Inlined so that the common call, with 10^6, divides by a constant (a multiply).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write<T>(long count, int decimals, long power, Span<T> destination, T decimalSeparator)
        where T : unmanaged, IBinaryInteger<T>
    {
        var length = 0;
        if (count < 0)
        {
            destination[length++] = T.CreateTruncating('-');
            count = -count;
        }
        var whole = (ulong)count / (ulong)power;
        var fraction = (ulong)count - whole * (ulong)power;
        length += WriteDigits(whole, 1, destination[length..]);
        if (fraction == 0) return length;
        // Drop the fraction's trailing zeros (at most five: it is not zero and has at most six
        // digits) four, two and one at a time.
        if (fraction % 10_000 == 0)
        {
            fraction /= 10_000;
            decimals -= 4;
        }
        if (fraction % 100 == 0)
        {
            fraction /= 100;
            decimals -= 2;
        }
        if (fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }
        destination[length++] = decimalSeparator;
        return length + WriteDigits(fraction, decimals, destination[length..]);
    }

    /// <summary>"00", "01", … "99": two digits a step.</summary>
    private static ReadOnlySpan<byte> DigitPairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>The digits of a number, padded with leading zeros to <paramref name="minimumDigits"/>.</summary>
    // Fully optimised at its first call: see the class's remarks on tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteDigits<T>(ulong number, int minimumDigits, Span<T> destination)
        where T : unmanaged, IBinaryInteger<T>
    {
        var digits = Math.Max(DigitCount(number), minimumDigits);
        var next = digits;
        while (number >= 100)
        {
            var pair = (int)(number % 100) * 2;
            number /= 100;
            destination[--next] = T.CreateTruncating(DigitPairs[pair + 1]);
            destination[--next] = T.CreateTruncating(DigitPairs[pair]);
        }
        if (number >= 10)
        {
            var pair = (int)number * 2;
            destination[--next] = T.CreateTruncating(DigitPairs[pair + 1]);
            destination[--next] = T.CreateTruncating(DigitPairs[pair]);
        }
        else destination[--next] = T.CreateTruncating('0' + (int)number);
        while (next > 0) destination[--next] = T.CreateTruncating('0');
        return digits;
    }

    /// <summary>Decimal digits of a number below 10^19 (the fast path's counts stay below 10^15).</summary>
    private static int DigitCount(ulong number)
    {
        var digits = 1;
        for (var bound = 10UL; number >= bound && digits < 19; bound *= 10) digits++;
        return digits;
    }
}
