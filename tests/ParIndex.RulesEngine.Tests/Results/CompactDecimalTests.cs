using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The fast number path of the results CSV against its reference, .NET's own
/// <c>ToString("0.######")</c> (through <see cref="NumberText.Compact"/>, which drops the sign of a
/// zero): the grid values it takes must give the same text, and every other value must be left
/// to .NET, never written differently.
/// </summary>
[TestClass]
public sealed class CompactDecimalTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [TestMethod]
    public void Every_value_on_a_grid_of_up_to_six_decimals_takes_the_fast_path_with_the_text_of_dotnet()
    {
        var random = new Random(20261204);
        var mismatches = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            var decimals = random.Next(0, 7);
            // Counts of every length from 1 to 15 digits, both signs.
            var digits = random.Next(1, 16);
            var count = random.NextInt64(0, (long)Math.Pow(10, digits));
            if (random.Next(2) == 0) count = -count;
            var value = count / Math.Pow(10, decimals);
            if (!Fast(value, '.', out var fast)) mismatches.Add($"{count}/10^{decimals}: not taken");
            else if (fast != NumberText.Compact(value, Invariant)) mismatches.Add($"{count}/10^{decimals}: {fast} vs {NumberText.Compact(value, Invariant)}");
        }
        Assert.IsEmpty(mismatches, string.Join("; ", mismatches.Take(10)));
    }

    [TestMethod]
    public void Any_double_is_written_as_dotnet_writes_it_whether_or_not_it_is_on_a_grid()
    {
        var random = new Random(4);
        var values = new List<double>();
        // Arbitrary bit patterns (mostly huge or tiny), sums that leave the grid, and values near
        // the rounding edges of the sixth decimal.
        for (var i = 0; i < 20_000; i++) values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()));
        for (var i = 0; i < 20_000; i++) values.Add(Math.Round(random.NextDouble() * 100, 2) + Math.Round(random.NextDouble() * 10, 3));
        for (var i = 0; i < 20_000; i++) values.Add((random.Next(0, 2_000_000) + 0.5) / 1e6 * (random.Next(2) == 0 ? 1 : -1));
        values.AddRange([0.1 + 0.2, -0.0000001, -0.0000005, 1e15, -1e15, 999_999_999_999_999, 999_999_999_999_999 / 1e6,
            1_000_000_000_000_000 / 1e6, 1e-7, 123456789.1234567, double.Epsilon, double.MaxValue, double.MinValue]);
        var mismatches = new List<string>();
        foreach (var value in values)
        {
            var expected = NumberText.Compact(value, Invariant);
            var written = Written(text => text.WriteCompact(value, decimalComma: false));
            if (written != expected) mismatches.Add($"{value:R}: {written} vs {expected}");
        }
        Assert.IsEmpty(mismatches, string.Join("; ", mismatches.Take(10)));
    }

    [TestMethod]
    [DataRow(0d, "0")]
    [DataRow(-0d, "0")]
    [DataRow(-0.0000001, "0")]
    [DataRow(2.5, "2,5")]
    [DataRow(-12.125, "-12,125")]
    [DataRow(0.1 + 0.2, "0,3")]
    [DataRow(1234567.5, "1234567,5")]
    public void A_decimal_comma_replaces_only_the_point(double value, string expected)
    {
        Assert.AreEqual(expected, Written(text => text.WriteCompact(value, decimalComma: true)));
    }

    [TestMethod]
    [DataRow(0.1 + 0.2)]
    [DataRow(1e-7)]
    [DataRow(1e15)]
    [DataRow(double.NaN)]
    [DataRow(double.PositiveInfinity)]
    public void Values_off_the_grid_or_too_large_are_left_to_dotnet(double value)
    {
        Assert.IsFalse(Fast(value, '.', out _));
    }

    [TestMethod]
    public void A_buffer_too_short_for_the_longest_text_is_refused_not_overrun()
    {
        Span<char> small = stackalloc char[CompactDecimal.MaxLength - 1];
        Assert.IsFalse(CompactDecimal.TryFormat(1.5, small, '.', out var written));
        Assert.AreEqual(0, written);
    }

    /// <summary>The fast path alone, into chars and into bytes; asserts both give the same text.</summary>
    private static bool Fast(double value, char separator, out string text)
    {
        Span<char> chars = stackalloc char[CompactDecimal.MaxLength];
        Span<byte> bytes = stackalloc byte[CompactDecimal.MaxLength];
        var taken = CompactDecimal.TryFormat(value, chars, separator, out var charCount);
        Assert.AreEqual(taken, CompactDecimal.TryFormat(value, bytes, (byte)separator, out var byteCount));
        text = chars[..charCount].ToString();
        Assert.AreEqual(text, Encoding.ASCII.GetString(bytes[..byteCount]));
        return taken;
    }

    private static string Written(Action<ResultText> write) => ResultTextTests.BothWays(write);
}
