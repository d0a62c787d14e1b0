using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Token-level checks of the first sandbox layer: what may sit between tokens (only spaces and
/// line breaks), how numbers, strings and names are written.
/// </summary>
internal sealed partial class FormulaAnalyzer
{
    /// <summary>
    /// Only spaces and line breaks may separate tokens. Comments, preprocessor directives and the
    /// text they disable are refused: the compiler would read them in a different context than
    /// this check does, so nothing may hide there.
    /// </summary>
    private bool CheckTrivia(ExpressionSyntax expression, string text)
    {
        // Trivia after the last line of the expression belongs to the end-of-file token, outside
        // the expression node, yet the generated code would contain it: it must be blank.
        var end = expression.FullSpan.End;
        if (expression.FullSpan.Start != 0 || (end < text.Length && !string.IsNullOrWhiteSpace(text[end..])))
        {
            Fail(DiagnosticCatalog.ForbiddenConstruct, "TrailingComment", end, Snippet(text[end..]), _owner);
            return false;
        }
        foreach (var trivia in expression.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia) || trivia.IsKind(SyntaxKind.EndOfLineTrivia)) continue;
            var situation = trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia) ? "Directive" : "Comment";
            Fail(DiagnosticCatalog.ForbiddenConstruct, situation, trivia.SpanStart, Snippet(trivia.ToFullString()), _owner);
            return false;
        }
        return true;
    }

    /// <summary>Nesting refused from the text alone whatever MaxExpressionDepth says: the parser's own recursion is at stake.</summary>
    private const int ParserNestingCap = 500;

    /// <summary>Longest formula parsed whatever MaxFormulaLength says; some keyword chains ("not not …") recurse without brackets.</summary>
    private const int ParserLengthCap = 100_000;

    /// <summary>
    /// Roslyn's parser recurses once per nesting level, and some of its paths (the look-ahead over
    /// parentheses, type argument lists) have no stack guard. A formula nested deeper than the
    /// limit in brackets, or in a chain of '&lt;' that could be read as type arguments, is refused
    /// from its text before the parser sees it. Any formula refused here would fail the
    /// expression-depth check anyway.
    /// </summary>
    private bool CheckNestingBeforeParsing(string text)
    {
        var limit = Math.Min(_limits.MaxExpressionDepth, ParserNestingCap);
        int brackets = 0, angles = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{': brackets++; break;
                case ')' or ']' or '}': brackets = Math.Max(0, brackets - 1); break;
                case '<': angles++; break;
                case '>': angles = Math.Max(0, angles - 1); break;
                // Characters that end a type argument list: a comparison chain stops here.
                case '&' or '|' or '=' or '+' or '-' or '/' or '%' or '!' or '^' or '~' or '"' or '\'' or ';': angles = 0; break;
            }
            if (brackets <= limit && angles <= limit) continue;
            Fail(DiagnosticCatalog.ForbiddenConstruct, "TooDeep", i, _owner, limit);
            return false;
        }
        return true;
    }

    /// <summary>A regular "..." literal: not verbatim (@"..."), raw ("""...""") or UTF-8 ("..."u8).</summary>
    private static bool IsPlainString(SyntaxToken token) =>
        token.IsKind(SyntaxKind.StringLiteralToken) && token.Text.StartsWith('"');

    private void VisitNumber(LiteralExpressionSyntax literal)
    {
        var text = literal.Token.Text;
        var body = text.EndsWith('d') || text.EndsWith('D') ? text[..^1] : text;
        var isDecimalNotation = body.Length > 0 && body.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_');
        if (!isDecimalNotation || body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            Fail(DiagnosticCatalog.ForbiddenConstruct, "Number", literal.SpanStart, text, _owner);
            return;
        }
        if (literal.Token.Value is int or long or uint or ulong)
            _integerEnds.Add(literal.Span.End);
    }

    /// <summary>
    /// A name in a formula is spelt exactly as declared names are: an ASCII letter, then letters,
    /// digits or '_'. That refuses verbatim (@x) and escaped (\u0053ystem) identifiers, other
    /// scripts, and names starting with '_', which belong to the generated code (__f, __i, __P0).
    /// </summary>
    /// <param name="identifier">The name as written.</param>
    /// <param name="situation">NameSpelling or FunctionNameSpelling: which kind of name the message speaks of.</param>
    private bool CheckNameSpelling(SyntaxToken identifier, string situation)
    {
        var text = identifier.Text;
        if (ReservedNames.IsName(text)) return true;
        var why = EngineText.Get(text.StartsWith('@') ? "NameVerbatim"
            : text.Contains('\\') ? "NameEscape"
            : text.StartsWith('_') ? "NameUnderscore"
            : "NameAscii");
        Fail(DiagnosticCatalog.ForbiddenConstruct, situation, identifier.SpanStart, Snippet(text), _owner, why);
        return false;
    }

    private static string Snippet(string text)
    {
        text = text.Trim();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
