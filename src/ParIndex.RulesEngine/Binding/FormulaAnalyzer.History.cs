using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class FormulaAnalyzer
{
    /// <summary>
    /// PreviousPercent(k), PreviousRank(k), RankChange(k), AveragePercent(n): only after ranking
    /// (earlier periods are matched to agencies that have a rank), and only with a whole-number
    /// literal, so the number of earlier periods a rule set reads is known when it is compiled.
    /// </summary>
    private void AnalyzeHistoryCall(InvocationExpressionSyntax invocation, string name)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (_scope != FormulaScope.Eligibility)
        {
            Fail(DiagnosticCodes.HistoryBeforeRanking, invocation.SpanStart,
                $"{name}(…) reads earlier periods' results and can only be used in eligibility conditions, not in the formula of {_owner} ('{Snippet(invocation.ToString())}').");
            return;
        }
        var max = FormulaFunctionCatalog.MaxHistoryPeriods;
        if (arguments.Count == 1
            && arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal
            && literal.Token.Value is int periods && periods >= 1 && periods <= max)
        {
            _history.Add(new HistoryUse(name, periods, invocation.SpanStart, invocation.Span.Length));
            return;
        }
        var what = name == "AveragePercent" ? "n, the number of periods averaged (this one and the n − 1 before it)" : "k, how many periods back (1 = the latest earlier period)";
        Fail(DiagnosticCodes.HistoryArgument, invocation.SpanStart,
            $"{name} takes one whole number from 1 to {max} written as a literal: {what}, e.g. {name}(2); not '{Snippet(invocation.ToString())}' in the formula of {_owner}.");
    }
}
