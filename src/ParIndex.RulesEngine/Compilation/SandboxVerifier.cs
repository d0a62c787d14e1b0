using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Second sandbox layer, after the syntax check of each formula (<see cref="FormulaAnalyzer"/>)
/// and before anything is emitted. It reads the WHOLE generated file:
/// <list type="bullet">
/// <item>the file has the generator's outline (<see cref="GeneratedCodeShape"/>): one static class
/// of static methods, no attribute, directive or stray line break, so rule text cannot have
/// become code outside a formula;</item>
/// <item>outside formulas, by syntax: no construct that loops forever, allocates or hides code,
/// and only the kernel's vocabulary of members (<see cref="GeneratorVocabulary"/>);</item>
/// <item>inside formulas, with the compiler's semantic model: only formula syntax, and every name,
/// call and operator binds to a symbol of <see cref="SandboxAllowList"/> (locals, catalogued
/// functions, operators on numbers and bools, text compared with == and !=).</item>
/// </list>
/// Anything else fails the load with PAR0501 naming the formula's owner and the symbol.
/// </summary>
internal static class SandboxVerifier
{
    /// <summary>Formula syntax: what <see cref="FormulaAnalyzer"/> allows plus what the rewriter adds.</summary>
    private static readonly HashSet<SyntaxKind> FormulaSyntax =
    [
        SyntaxKind.NumericLiteralExpression, SyntaxKind.StringLiteralExpression, SyntaxKind.TrueLiteralExpression, SyntaxKind.FalseLiteralExpression,
        SyntaxKind.IdentifierName, SyntaxKind.ParenthesizedExpression, SyntaxKind.ConditionalExpression,
        SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression, SyntaxKind.ModuloExpression,
        SyntaxKind.LogicalAndExpression, SyntaxKind.LogicalOrExpression, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression,
        SyntaxKind.LessThanExpression, SyntaxKind.LessThanOrEqualExpression, SyntaxKind.GreaterThanExpression, SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.UnaryMinusExpression, SyntaxKind.UnaryPlusExpression, SyntaxKind.LogicalNotExpression,
        SyntaxKind.InvocationExpression, SyntaxKind.ArgumentList, SyntaxKind.Argument,
        // Added by FormulaRewriter: group aggregates and criterion look-ups become array reads.
        SyntaxKind.ElementAccessExpression, SyntaxKind.BracketedArgumentList, SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.AliasQualifiedName,
    ];

    public static void Verify(CSharpCompilation compilation, SyntaxTree tree, GeneratedSource source, DiagnosticBag diagnostics, CancellationToken cancellation = default)
    {
        var report = new Reporter(tree.GetText(cancellation), source, diagnostics);
        var root = tree.GetCompilationUnitRoot(cancellation);
        if (!GeneratedCodeShape.Check(root, source.Text, source, report.Outside)) return;

        var kernelMethods = GeneratedCodeShape.KernelMethods(root);
        var model = compilation.GetSemanticModel(tree);
        var allow = new SandboxAllowList(compilation);
        var spans = new SpanCursor(source.Spans);
        var count = 0;
        foreach (var node in root.DescendantNodes())
        {
            if (++count % 1024 == 0) cancellation.ThrowIfCancellationRequested();
            var span = spans.Containing(node);
            if (span is null)
            {
                if (GeneratedCodeShape.ProblemOutsideFormulas(node, kernelMethods) is { } problem) report.Outside(node.SpanStart, $"{problem} ('{Snippet(node)}')");
                continue;
            }
            if (!FormulaSyntax.Contains(node.Kind()))
            {
                report.Inside(span, node, "Construct", null, span.Formula.Owner, Original(span, node), node.Kind());
                continue;
            }
            if (!BindsSymbol(node)) continue;
            var symbol = model.GetSymbolInfo(node, cancellation).Symbol;
            if (symbol is null || allow.IsAllowed(symbol)) continue;
            if (symbol is IMethodSymbol method && SandboxAllowList.IsStringConcatenation(method))
                report.Inside(span, node, "TextConcatenation", "+text", span.Formula.Owner, Original(span, node));
            else
                report.Inside(span, node, "Symbol", null, span.Formula.Owner, symbol.ToDisplayString());
        }
    }

    private static bool BindsSymbol(SyntaxNode node) => node is SimpleNameSyntax or MemberAccessExpressionSyntax
        or InvocationExpressionSyntax or BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or ElementAccessExpressionSyntax;

    private static string Snippet(SyntaxNode node) => Shorten(node.ToString());

    /// <summary>The formula text as the author wrote it for a node of the rewritten formula.</summary>
    private static string Original(FormulaSpan span, SyntaxNode node)
    {
        var start = span.OriginalOffset(node.SpanStart);
        var end = Math.Clamp(span.OriginalOffset(node.Span.End - 1) + 1, start, span.Formula.Text.Length);
        return Shorten(span.Formula.Text[start..end]);
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..57] + "..." : text;

    /// <summary>Turns findings into PAR0501 diagnostics, each once.</summary>
    private sealed class Reporter(Microsoft.CodeAnalysis.Text.SourceText text, GeneratedSource source, DiagnosticBag diagnostics)
    {
        private readonly HashSet<string> _outside = new(StringComparer.Ordinal);
        private readonly HashSet<(AnalyzedFormula, string)> _inside = new();
        private readonly string? _file = source.Spans.FirstOrDefault()?.Formula.Source.Location.File;

        public void Outside(int position, string what)
        {
            var line = text.Lines.GetLinePosition(position).Line + 1;
            if (_outside.Add($"{line}:{what}"))
                diagnostics.Add(DiagnosticCatalog.SandboxViolation, "Outside", new SourceLocation(_file, null, 0, 0), line, what);
        }

        /// <summary>A formula can stand in several stages of the generated code; each finding is reported once.</summary>
        /// <param name="span">The formula the finding is in.</param>
        /// <param name="node">The construct found.</param>
        /// <param name="situation">The PAR0501 situation (its resource) that words the finding.</param>
        /// <param name="key">What makes two findings one (default: the message).</param>
        /// <param name="arguments">The situation's format arguments.</param>
        public void Inside(FormulaSpan span, SyntaxNode node, string situation, string? key, params object?[] arguments)
        {
            var found = Diagnostics.Diagnostic.Create(DiagnosticCatalog.SandboxViolation, situation, DiagnosticCatalog.SandboxViolation.DefaultSeverity,
                span.Formula.LocationAt(span.OriginalOffset(node.SpanStart)), arguments);
            if (_inside.Add((span.Formula, key ?? found.Message))) diagnostics.Add(found);
        }
    }

    /// <summary>Walks the formula spans alongside a document-order walk of the nodes.</summary>
    private sealed class SpanCursor(IReadOnlyList<FormulaSpan> spans)
    {
        private int _index;

        public FormulaSpan? Containing(SyntaxNode node)
        {
            while (_index < spans.Count && spans[_index].End <= node.SpanStart) _index++;
            if (_index >= spans.Count) return null;
            var span = spans[_index];
            return span.Start <= node.SpanStart && node.Span.End <= span.End ? span : null;
        }
    }
}
