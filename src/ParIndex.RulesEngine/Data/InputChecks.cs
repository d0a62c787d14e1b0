using System.Globalization;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>Checks shared by every way of building a batch (rows, columns, files).</summary>
internal static class InputChecks
{
    /// <summary>Why a number is outside the input's declared range, or null when it is inside.</summary>
    public static string? OutOfRange(InputDefinition input, double number)
    {
        if (!(number < input.Min) && !(number > input.Max)) return null;
        static string Show(double? bound, string infinity) => bound?.ToString(CultureInfo.InvariantCulture) ?? infinity;
        return $"{number.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [{Show(input.Min, "−∞")}, {Show(input.Max, "+∞")}]";
    }

    public const string MissingRequired = "the value is missing and this input requires one";
}
