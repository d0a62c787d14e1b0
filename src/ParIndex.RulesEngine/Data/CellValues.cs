using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Bool words and enum values read from a span of the input without making a string: the same
/// answers as <see cref="ValueConverter"/> gives for the cell's text, or none when in doubt (the
/// caller then takes the text path, which words the error).
/// </summary>
internal static class CellValues
{
    /// <summary>Longest bool word ("không đạt" and the like).</summary>
    private const int LongestWord = 16;

    /// <summary>True when <paramref name="cell"/> (trimmed), lower-cased as <see cref="string.ToLowerInvariant()"/> does, is one of the bool words.</summary>
    public static bool TryBool(ReadOnlySpan<char> cell, out bool value)
    {
        value = false;
        // The words as the engine writes them, without lowering the cell first: nearly every cell.
        if (cell.SequenceEqual("true")) return value = true;
        if (cell.SequenceEqual("false")) return true;
        if (cell.Length > LongestWord) return false;
        Span<char> lower = stackalloc char[cell.Length];
        cell.ToLowerInvariant(lower);
        foreach (var word in ValueConverter.TrueWords)
            if (lower.SequenceEqual(word)) return value = true;
        foreach (var word in ValueConverter.FalseWords)
            if (lower.SequenceEqual(word)) return true;
        return false;
    }

    /// <summary>The declared value <paramref name="cell"/> (trimmed) stands for: equal, else equal ignoring case (the first such); null when none.</summary>
    public static string? EnumValue(ReadOnlySpan<char> cell, InputDefinition input)
    {
        foreach (var value in input.Values)
            if (cell.SequenceEqual(value)) return value;
        foreach (var value in input.Values)
            if (cell.Equals(value, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
