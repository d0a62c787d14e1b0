namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>Random choices and the hostile values shared by the rule-file and data-file fuzzers.</summary>
internal static class FuzzValues
{
    /// <summary>Numbers written as JSON or CSV text: overflow, underflow, NaN, ±∞, huge integers, negative zero.</summary>
    public static readonly string[] HugeNumbers =
    [
        "1e308", "-1e308", "1e999", "-1e999", "1e-400", "4.9e-324", "1.7976931348623157e308", "-0.0", "0", "-1",
        "99999999999999999999999999999999", "9223372036854775807", "-9223372036854775809", "NaN", "Infinity", "-Infinity", "0.1e1", "1E+2",
    ];

    /// <summary>Characters that break naive text handling: controls, line separators, BOM, bidi, lone surrogates, quotes, comment markers.</summary>
    public static readonly string[] NastyText =
    [
        "\u0000", "\u0001", "\u001F", "\u007F", "\u0085", "\u2028", "\u2029", "\uFEFF", "\u202E", "\u200B", "\uD800", "\uDC00", "😀",
        "\u0301", "ạ", "Đ", "\r\n", "\n", "\r", "\t", "\"", "\\", "'", "*/", "/*", "//", "#if X", "{0}", "%s", "</script>", "=cmd|'/C calc'!A0",
    ];

    /// <summary>Fragments inserted into formulas: operators, brackets, names of the generated code, dangerous API names, escapes.</summary>
    public static readonly string[] FormulaTokens =
    [
        "(", ")", "+", "-", "*", "/", "%", "?", ":", "==", "!=", "<", ">", "<=", "&&", "||", "!", ".", ",", "\"", "'", "@", "$", "#",
        "\\", ";", "{", "}", "[", "]", "=>", "=", "++", "new ", "typeof(", "default", "null", "__f", "__i", "__P0[__i]", "0", "1e308",
        "1e999", "0x1F", "1L", "Ratio(", "GroupMax(", "Points(\"1\")", "MaxPoints(\"1\")", "System.", "File", "\\u0053", "\u2028",
        "//", "/*", "\n#if X\n", "nameof(", "is ", " with { }", "switch", "stackalloc ", "checked(", "__arglist", "global::", "\"\"\"",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A string of <paramref name="length"/> characters, mostly 'x'.</summary>
    public static string Long(int length) => new('x', length);

    /// <summary>Inserts <paramref name="piece"/> at a random position of <paramref name="text"/>.</summary>
    public static string InsertAtRandom(this Random random, string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    /// <summary>Deterministic per-case generator: the same seed and case index give the same mutant on every run.</summary>
    public static Random ForCase(int seed, int index) => new(unchecked((seed * 1_000_003) ^ (index * 7_919) ^ 0x5EED));
}
