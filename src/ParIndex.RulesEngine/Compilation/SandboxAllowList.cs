using Microsoft.CodeAnalysis;
using ParIndex.RulesEngine.Binding;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The symbols a formula may bind to in the generated code: locals (inputs, variables, and the
/// arrays the rewriter reads for group aggregates and criterion look-ups), the catalogued
/// functions of <see cref="FormulaFunctions"/> (plus <see cref="FormulaFunctions.ApplicableMax"/>
/// written by the rewriter, with the namespaces of its full name), and built-in operators on
/// numbers and bools; text only with == and !=. No other method, property, field, constructor or
/// type, and no string concatenation.
/// </summary>
internal sealed class SandboxAllowList(Microsoft.CodeAnalysis.Compilation compilation)
{
    private static readonly HashSet<string> RewriterHelpers = new(StringComparer.Ordinal) { nameof(FormulaFunctions.ApplicableMax) };

    private readonly INamedTypeSymbol? _functions = compilation.GetTypeByMetadataName(typeof(FormulaFunctions).FullName!);

    /// <summary>True when a formula may use the symbol.</summary>
    public bool IsAllowed(ISymbol symbol) => symbol switch
    {
        ILocalSymbol => true,
        INamespaceSymbol ns => IsNamespaceOfFunctions(ns),
        INamedTypeSymbol type => SymbolEqualityComparer.Default.Equals(type, _functions),
        IMethodSymbol method => IsAllowedMethod(method),
        _ => false,
    };

    /// <summary>True for a string concatenation, which formulas cannot use (text is compared only).</summary>
    public static bool IsStringConcatenation(IMethodSymbol method) =>
        method.MethodKind == MethodKind.BuiltinOperator && method.Name == WellKnownMemberNames.AdditionOperatorName &&
        (method.ReturnType.SpecialType == SpecialType.System_String ||
         method.Parameters.Any(p => p.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object));

    private bool IsAllowedMethod(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.BuiltinOperator => method.Parameters.All(p => IsNumberOrBool(p.Type) || IsTextComparison(p.Type, method.Name)),
        MethodKind.UserDefinedOperator => method.ContainingType.SpecialType == SpecialType.System_String && IsComparison(method.Name),
        MethodKind.Ordinary => method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, _functions) &&
            (FormulaFunctionCatalog.Plain.ContainsKey(method.Name) || RewriterHelpers.Contains(method.Name)),
        _ => false,
    };

    private static bool IsNumberOrBool(ITypeSymbol type) => type.SpecialType is SpecialType.System_Double or SpecialType.System_Boolean;

    private static bool IsTextComparison(ITypeSymbol type, string operatorName) =>
        type.SpecialType == SpecialType.System_String && IsComparison(operatorName);

    private static bool IsComparison(string operatorName) =>
        operatorName is WellKnownMemberNames.EqualityOperatorName or WellKnownMemberNames.InequalityOperatorName;

    /// <summary>
    /// The namespaces around <see cref="FormulaFunctions"/> (the rewriter writes its full name).
    /// Compared by name: the compilation's merged namespaces are not equal to a reference's own.
    /// </summary>
    private bool IsNamespaceOfFunctions(INamespaceSymbol ns)
    {
        var name = ns.ToDisplayString();
        for (var current = _functions?.ContainingNamespace; current is not null; current = current.ContainingNamespace)
            if (current.IsGlobalNamespace ? ns.IsGlobalNamespace : current.ToDisplayString() == name) return true;
        return false;
    }
}
