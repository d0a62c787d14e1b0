using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Second sandbox layer, after the syntax check: with the compiler's semantic model, every name
/// and call inside a formula must bind to a local of the generated code, a method of
/// <see cref="FormulaFunctions"/>, or a built-in operator on numbers, bools or strings. Anything
/// else (an inherited object method, a type, a field) is rejected before the assembly is emitted.
/// </summary>
internal static class SandboxVerifier
{
    public static void Verify(CSharpCompilation compilation, SyntaxTree tree, GeneratedSource source, DiagnosticBag diagnostics)
    {
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var functions = compilation.GetTypeByMetadataName(typeof(FormulaFunctions).FullName!);
        foreach (var span in source.Spans)
        {
            var nodes = root.DescendantNodes(new Microsoft.CodeAnalysis.Text.TextSpan(span.Start, span.End - span.Start))
                .Where(n => n.SpanStart >= span.Start && n.Span.End <= span.End);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in nodes)
            {
                var symbol = node switch
                {
                    IdentifierNameSyntax or InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax => model.GetSymbolInfo(node).Symbol,
                    _ => null,
                };
                if (symbol is null || IsAllowed(symbol, functions) || !reported.Add(symbol.ToDisplayString())) continue;
                var offset = span.OriginalOffset(node.SpanStart);
                diagnostics.Error(DiagnosticCodes.SandboxViolation,
                    $"The formula uses '{symbol.ToDisplayString()}', which formulas may not reach.",
                    span.Formula.LocationAt(offset));
            }
        }
    }

    private static bool IsAllowed(ISymbol symbol, INamedTypeSymbol? functions) => symbol switch
    {
        ILocalSymbol => true,
        IMethodSymbol { MethodKind: MethodKind.BuiltinOperator } => true,
        IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op => op.ContainingType.SpecialType == SpecialType.System_String,
        IMethodSymbol method => SymbolEqualityComparer.Default.Equals(method.ContainingType, functions),
        _ => false,
    };
}
