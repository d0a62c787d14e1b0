using System.Globalization;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Number formatting shared by the writers: invariant culture, no trailing zeros.</summary>
internal static class Format
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : NoNegativeZero(value.ToString("0.######", CultureInfo.InvariantCulture));

    public static string Fixed(double value, int decimals) =>
        NoNegativeZero(value.ToString("F" + decimals, CultureInfo.InvariantCulture));

    /// <summary>"-0" or "-0.00" (from −0, or a tiny negative rounded away by the format) is printed without its sign.</summary>
    private static string NoNegativeZero(string text) =>
        text.Length > 1 && text[0] == '-' && text.AsSpan(1).Trim("0.").IsEmpty ? text[1..] : text;

    public static string Change(int? change) => change switch
    {
        null => "",
        > 0 => $"↑{change}",
        < 0 => $"↓{-change}",
        _ => "=",
    };
}
