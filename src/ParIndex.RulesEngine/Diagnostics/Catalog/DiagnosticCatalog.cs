using System.Collections.Frozen;
using System.Reflection;

namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// Every <see cref="DiagnosticDescriptor"/>, one per code of <see cref="DiagnosticCodes"/>, named
/// as the code's constant. The descriptors are declared by area in the other parts of this class
/// (reading and schema, rule-file structure, formulas, compilation, data, results).
/// </summary>
public static partial class DiagnosticCatalog
{
    // Built on first use by reflection over the fields, so a new descriptor cannot be left out of it.
    private static readonly Lazy<FrozenDictionary<string, DiagnosticDescriptor>> ById = new(() =>
        typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToFrozenDictionary(d => d.Id, StringComparer.Ordinal));

    /// <summary>All descriptors, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => ById.Value.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>The descriptor of <paramref name="code"/>, or null when no code is so named.</summary>
    public static DiagnosticDescriptor? Find(string code) => ById.Value.GetValueOrDefault(code);
}
