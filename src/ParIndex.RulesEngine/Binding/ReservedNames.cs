using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>Names an input or variable may not take, and the spelling every name and code must have.</summary>
internal static class ReservedNames
{
    /// <summary>The values eligibility conditions see besides inputs and variables.</summary>
    public static readonly IReadOnlyDictionary<string, Definition.ValueKind> ResultNames = new Dictionary<string, Definition.ValueKind>(StringComparer.Ordinal)
    {
        ["total"] = Definition.ValueKind.Number,
        ["maxPoints"] = Definition.ValueKind.Number,
        ["percent"] = Definition.ValueKind.Number,
        ["rank"] = Definition.ValueKind.Number,
        ["overallRank"] = Definition.ValueKind.Number,
        ["previousRank"] = Definition.ValueKind.Number,
        ["rankChange"] = Definition.ValueKind.Number,
        ["classification"] = Definition.ValueKind.Text,
        ["group"] = Definition.ValueKind.Text,
    };

    /// <summary>Why a name cannot be used, or null when it can.</summary>
    public static string? Reason(string name)
    {
        // The schema's pattern ends in '$', which .NET also matches before a final line break, so
        // "x\n" would pass it; the names end up in generated code, so check the spelling exactly.
        if (!IsName(name)) return EngineText.Format("ReservedNotName", Printable(name));
        if (ResultNames.ContainsKey(name)) return EngineText.Format("ReservedResultName", name);
        if (FormulaFunctionCatalog.AllNames.Contains(name)) return EngineText.Format("ReservedFunction", name);
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return EngineText.Format("ReservedKeyword", name);
        if (name is "var" or "nameof" or "dynamic") return EngineText.Format("ReservedSpecial", name);
        return null;
    }

    /// <summary>True for <c>^[A-Za-z][A-Za-z0-9_]*$</c> with nothing after the last character.</summary>
    public static bool IsName(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }

    /// <summary>True for a criterion code, <c>^[A-Za-z0-9][A-Za-z0-9._-]*$</c>, with nothing after the last character.</summary>
    public static bool IsCode(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetterOrDigit(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')) return false;
        return true;
    }

    /// <summary>The text with control and line-break characters shown as \uXXXX, for messages.</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString()));
}
