using System.Globalization;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Number formatting shared by the writers: invariant culture, no trailing zeros, never "-0".</summary>
internal static class Format
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : NumberText.Compact(value, CultureInfo.InvariantCulture);

    public static string Fixed(double value, int decimals) =>
        NumberText.Fixed(value, decimals, CultureInfo.InvariantCulture);

    public static string Change(int? change) => change switch
    {
        null => "",
        > 0 => $"↑{change}",
        < 0 => $"↓{-change}",
        _ => "=",
    };
}
