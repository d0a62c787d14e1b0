using System.Globalization;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Number formatting shared by the writers: invariant culture, no trailing zeros.</summary>
internal static class Format
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Change(int? change) => change switch
    {
        null => "",
        > 0 => $"↑{change}",
        < 0 => $"↓{-change}",
        _ => "=",
    };
}
