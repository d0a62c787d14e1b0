using System.Globalization;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>Checks shared by every way of building a batch (rows, columns, files).</summary>
internal static class InputChecks
{
    /// <summary>Why a number is outside the input's declared range, or null when it is inside.</summary>
    public static string? OutOfRange(InputDefinition input, double number)
    {
        if (!(number < input.Min) && !(number > input.Max)) return null;
        static string Show(double? bound, string infinity) => bound?.ToString(CultureInfo.InvariantCulture) ?? infinity;
        return EngineText.Format("ValueOutOfRange", number.ToString(CultureInfo.InvariantCulture), Show(input.Min, "−∞"), Show(input.Max, "+∞"));
    }

    /// <summary>Why a missing value is refused (policy 'error'), in the current UI culture.</summary>
    public static string MissingRequired => EngineText.Get("ValueMissingRequired");

    /// <summary>Longest cell accepted (ids, names, values): 10,000 characters; a 1M-character cell is an error, not data.</summary>
    public const int MaxCellLength = 10_000;

    /// <summary>"is 1,000,000 characters long; the limit is 10,000" when the text is too long, else null.</summary>
    public static string? TooLong(string? text) =>
        text is { Length: > MaxCellLength } ? EngineText.Format("TextTooLong", text.Length, MaxCellLength) : null;

    /// <summary>"Agency 'a', input 'x': problem." in the current UI culture, the frame of every value's row error.</summary>
    public static string AgencyInput(string? agencyId, string input, string problem) => EngineText.Format("RowAgencyInput", agencyId, input, problem);

    /// <summary>At most 40 characters of <paramref name="text"/>, for messages.</summary>
    public static string Shorten(string? text) => text is null ? "?" : text.Length <= 40 ? text : text[..37] + "...";
}
