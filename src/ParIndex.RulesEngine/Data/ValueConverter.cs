using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Turns a raw cell (string from CSV; number, bool or string from JSON; any of these, a CLR
/// number, a <see cref="JsonElement"/> or a <see cref="JsonNode"/> from code) into the input's
/// type, or explains why it cannot. The rules (docs/api.md, "Values from code"):
/// <list type="bullet">
/// <item>Missing: null, <see cref="DBNull"/>, blank text, JSON null (element or node).</item>
/// <item>Integers of every size (sbyte … ulong, Int128, UInt128, nint, nuint, BigInteger, and
/// JSON numbers written without fraction or exponent) are accepted when a double holds them
/// exactly (always up to 2^53); beyond that an integer that would change is a row error, so two
/// different counts or codes never become the same number.</item>
/// <item>decimal becomes the nearest double, as its text would (0.1m is 0.1).</item>
/// <item>float and Half are taken at their shortest decimal form (0.7f is 0.7, not
/// 0.699999988…), as a person wrote them; NaN and ±∞ of any floating type are row errors
/// ("not a finite number"), never missing.</item>
/// <item>Text (also a JSON string in an element or node) holding a number follows the data's
/// culture and grammar (<see cref="NumberGrammar"/>).</item>
/// </list>
/// </summary>
internal static class ValueConverter
{
    internal static readonly string[] TrueWords = ["true", "yes", "y", "1", "x", "có", "co", "đạt", "dat"];
    internal static readonly string[] FalseWords = ["false", "no", "n", "0", "không", "khong", "chưa đạt", "chua dat", "không đạt", "khong dat"];

    public static bool IsMissing(object? raw) => FromJson(raw, forText: false) switch
    {
        null or DBNull => true,
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    public static bool TryNumber(object raw, CultureInfo culture, bool allowThousands, out double value, out string? problem, out bool separatorProblem)
    {
        problem = null;
        separatorProblem = false;
        raw = FromJson(raw, forText: false)!;
        switch (raw)
        {
            case double d: value = d; break;
            case float f: value = ViaText(f); break;
            case Half h: value = ViaText(h); break;
            // (double)m is not always the nearest double (1234567890.123456789m gave ...123457); its text is.
            case decimal m: value = ViaText(m); break;
            case sbyte or byte or short or ushort or int or uint: value = Convert.ToDouble(raw, CultureInfo.InvariantCulture); break;
            case long or ulong or nint or nuint or Int128 or UInt128 or BigInteger:
                if (!TryInteger(raw, out value, out problem)) return false;
                break;
            case UnrepresentableNumber bad:
                (value, problem) = (double.NaN, bad.Problem);
                return false;
            // Text follows one strict grammar per culture (NumberGrammar): under vi-VN "1.5" is
            // an error, not 15, and "2,25" under the invariant culture is an error, not 225.
            case string s:
                if (!NumberGrammar.TryParse(s.Trim(), culture, allowThousands, out value, out problem, out separatorProblem)) return false;
                break;
            default:
                value = double.NaN;
                problem = EngineText.Format("ValueNotNumber", Shorten(raw));
                return false;
        }
        if (!double.IsFinite(value))
        {
            problem = EngineText.Format("ValueNotFinite", Shorten(raw));
            return false;
        }
        return true;
    }

    public static bool TryBool(object raw, out bool value, out string? problem)
    {
        problem = null;
        raw = FromJson(raw, forText: false)!;
        switch (raw)
        {
            case bool b: value = b; return true;
            case string s:
                var word = s.Trim().ToLowerInvariant();
                if (TrueWords.Contains(word)) { value = true; return true; }
                if (FalseWords.Contains(word)) { value = false; return true; }
                break;
            case not UnrepresentableNumber when IsNumeric(raw) && TryNumber(raw, CultureInfo.InvariantCulture, false, out var number, out _, out _) && number is 0 or 1:
                value = number == 1;
                return true;
        }
        value = false;
        problem = EngineText.Format("ValueNotBool", Shorten(raw));
        return false;
    }

    public static bool TryText(object raw, InputDefinition input, out string value, out string? problem)
    {
        problem = null;
        raw = FromJson(raw, forText: true)!;
        value = raw switch
        {
            string s => s.Trim(),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString() ?? "",
        };
        if (input.Type != InputType.Enum || input.Values.Contains(value)) return true;
        var given = value;
        var exact = input.Values.FirstOrDefault(v => string.Equals(v, given, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) { value = exact; return true; }
        problem = EngineText.Format("ValueNotEnum", Shorten(value), string.Join(", ", input.Values)) + Binding.NameSuggester.Hint(value, input.Values);
        return false;
    }

    /// <summary>
    /// A JSON number token for a number or bool input, read from its UTF-8 bytes (no string for a
    /// valid number): a boxed double, or an <see cref="UnrepresentableNumber"/> when it overflows
    /// (1e999) or is an integer a double cannot hold exactly.
    /// </summary>
    public static object JsonNumber(ReadOnlySpan<byte> literal)
    {
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            var text = Encoding.UTF8.GetString(literal);
            return new UnrepresentableNumber(text, EngineText.Format("ValueNotFinite", Shorten(text)));
        }
        // Up to 15 digits every integer is exact; longer integer literals are checked.
        if (literal.Length > 15 && literal.IndexOfAny(".eE"u8) < 0)
        {
            var text = Encoding.UTF8.GetString(literal);
            if (!TryInteger(BigInteger.Parse(text, CultureInfo.InvariantCulture), out _, out var problem)) return new UnrepresentableNumber(text, problem!);
        }
        return value;
    }

    /// <summary>A JSON number token for a text input, the agency id or name: an integer as written, any other number in its shortest form.</summary>
    public static string JsonNumberText(ReadOnlySpan<byte> literal) =>
        literal.IndexOfAny(".eE"u8) < 0 || !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
            ? Encoding.UTF8.GetString(literal)
            : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A column of another type than the input's own (<c>double[]</c>, <c>bool[]</c>, <c>string?[]</c>)
    /// converted to it by the rules above: any CLR numeric array (nullable too) or <c>object?[]</c>,
    /// <c>JsonElement[]</c>, <c>JsonNode?[]</c> for numbers; <c>bool?[]</c> and those three for
    /// bools; the three for text. A missing value becomes NaN (numbers) or null (text), the
    /// missing marks of those columns, and in a typed floating-point array NaN is missing too, as
    /// in <c>double[]</c>. Bool columns have no missing mark, so a missing bool is passed to
    /// <paramref name="missingBool"/> (row) for the input's policy. A value that cannot be
    /// converted calls <paramref name="reject"/> (row, code, problem). Other columns are returned
    /// as they are (the caller refuses a wrong type).
    /// </summary>
    public static Array? ToInputColumn(InputDefinition input, Array? column, Action<int, string, string> reject, Action<int> missingBool)
    {
        if (column is null or double[] or bool[] or string[]) return column;
        var fromJsonOrObjects = column is object?[] or JsonElement[] or JsonNode?[];
        var n = column.Length;
        switch (input.Type)
        {
            case InputType.Number when fromJsonOrObjects || IsNumeric(column.GetType().GetElementType()!):
                var numbers = new double[n];
                for (var r = 0; r < n; r++)
                {
                    var raw = column.GetValue(r);
                    if (IsMissing(raw) || (!fromJsonOrObjects && IsNaN(raw))) numbers[r] = double.NaN;
                    else if (TryNumber(raw!, CultureInfo.InvariantCulture, false, out var value, out var problem, out var separators)) numbers[r] = value;
                    else reject(r, separators ? Diagnostics.DiagnosticCodes.NumberSeparator : Diagnostics.DiagnosticCodes.WrongType, problem!);
                }
                return numbers;
            case InputType.Bool when fromJsonOrObjects || column is Nullable<bool>[]:
                var bools = new bool[n];
                for (var r = 0; r < n; r++)
                {
                    var raw = column.GetValue(r);
                    if (IsMissing(raw)) missingBool(r);
                    else if (TryBool(raw!, out var flag, out var problem)) bools[r] = flag;
                    else reject(r, Diagnostics.DiagnosticCodes.WrongType, problem!);
                }
                return bools;
            case InputType.Enum or InputType.Text when fromJsonOrObjects:
                var texts = new string?[n];
                for (var r = 0; r < n; r++)
                {
                    var raw = column.GetValue(r);
                    if (IsMissing(raw)) continue;
                    if (TryText(raw!, input, out var text, out var problem)) texts[r] = text;
                    else reject(r, Diagnostics.DiagnosticCodes.WrongType, problem!);
                }
                return texts;
            default:
                return column;
        }
    }

    public static string Shorten(object? raw)
    {
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "";
        return text.Length <= 40 ? text : text[..37] + "...";
    }

    /// <summary>
    /// A <see cref="JsonElement"/> or <see cref="JsonNode"/> as the JSON file reader would have
    /// read it: string, bool, null, a number (a double or <see cref="UnrepresentableNumber"/>; its
    /// literal text when <paramref name="forText"/>), or the JSON text of an array or object (which
    /// then fails the type checks). Anything else is returned as it is.
    /// </summary>
    private static object? FromJson(object? raw, bool forText) => raw switch
    {
        JsonElement element => element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => forText ? JsonNumberText(JsonMarshal.GetRawUtf8Value(element)) : JsonNumber(JsonMarshal.GetRawUtf8Value(element)),
            _ => element.GetRawText(),
        },
        JsonValue node => node.TryGetValue<JsonElement>(out var element) ? FromJson(element, forText) : node.TryGetValue<object>(out var inner) ? FromJson(inner, forText) : null,
        JsonNode node => node.ToJsonString(),
        _ => raw,
    };

    /// <summary>An integer as a double, when the double holds it exactly.</summary>
    private static bool TryInteger(object integer, out double value, out string? problem)
    {
        var big = integer switch
        {
            long l => (BigInteger)l,
            ulong u => u,
            nint i => i,
            nuint u => u,
            Int128 i => (BigInteger)i,
            UInt128 u => (BigInteger)u,
            _ => (BigInteger)integer,
        };
        value = (double)big;
        problem = null;
        if (double.IsFinite(value) && new BigInteger(value) == big) return true;
        var text = big.ToString(CultureInfo.InvariantCulture);
        problem = double.IsFinite(value)
            ? EngineText.Format("ValueIntegerNotExact", Shorten(text), value.ToString("R", CultureInfo.InvariantCulture))
            : EngineText.Format("ValueNotFinite", Shorten(text));
        return false;
    }

    /// <summary>The double nearest to the value's invariant text: the shortest form of a float or Half, every digit of a decimal.</summary>
    private static double ViaText<T>(T value) where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[64];
        return value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture)
            && double.TryParse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
    }

    private static bool IsNaN(object? raw) => raw is float f && float.IsNaN(f) || raw is Half h && Half.IsNaN(h);

    private static bool IsNumeric(object raw) => raw is sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint
        or Int128 or UInt128 or BigInteger or float or double or decimal or Half;

    private static bool IsNumeric(Type type) => type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort)
        || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong) || type == typeof(nint) || type == typeof(nuint)
        || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(BigInteger) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half)
        || Nullable.GetUnderlyingType(type) is { } inner && IsNumeric(inner);
}

/// <summary>A number as given that no double represents faithfully (1e999, an integer beyond 2^53 that would change); its text, and why.</summary>
/// <param name="Text">The number as written.</param>
/// <param name="Problem">Why it is refused.</param>
internal sealed record UnrepresentableNumber(string Text, string Problem)
{
    /// <summary>The number as written (for messages and text inputs).</summary>
    public override string ToString() => Text;
}
