using Microsoft.CodeAnalysis.CSharp;

namespace ParIndex.RulesEngine.Binding;

/// <summary>Names an input or variable may not take.</summary>
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
        if (ResultNames.ContainsKey(name)) return $"'{name}' is a result name that eligibility conditions use";
        if (FormulaFunctionCatalog.AllNames.Contains(name)) return $"'{name}' is a function name";
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return $"'{name}' is a C# keyword";
        if (name is "var" or "nameof" or "dynamic" or "_") return $"'{name}' has a special meaning in formulas";
        return null;
    }
}
