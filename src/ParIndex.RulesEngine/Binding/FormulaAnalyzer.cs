using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>Where a formula stands decides which special functions it may call.</summary>
internal enum FormulaScope
{
    /// <summary>Variables, criteria and conditions evaluated per agency.</summary>
    Row,
    /// <summary>Eligibility conditions, evaluated after ranking.</summary>
    Eligibility,
}

/// <summary>
/// Parses a formula with Roslyn's parser and checks it against the formula language: only
/// literals, declared names, arithmetic, comparison, logic, the conditional operator and calls to
/// catalogued functions are allowed. Everything else (member access, new, typeof, lambdas, casts,
/// assignments …) is rejected here, before any code is generated: the first sandbox layer.
/// </summary>
internal sealed partial class FormulaAnalyzer
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The formula as the analyzer reads it: the written one, or its lowering from the Excel style.</summary>
    private Formula _formula;
    private readonly Formula _written;
    private readonly Func<string, string?>? _excelNames;
    private readonly FormulaScope _scope;
    private readonly BindingLimits _limits;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _owner;
    private readonly List<NameUse> _names = new();
    private readonly List<AggregateUse> _aggregates = new();
    private readonly List<CriterionLookup> _lookups = new();
    private readonly List<HistoryUse> _history = new();
    private readonly List<TextComparison> _textComparisons = new();
    private readonly List<int> _integerEnds = new();
    private bool _valid = true;

    private FormulaAnalyzer(Formula formula, FormulaScope scope, BindingLimits limits, string owner, DiagnosticBag diagnostics, Func<string, string?>? excelNames)
    {
        _formula = formula;
        _written = formula;
        _excelNames = excelNames;
        _scope = scope;
        _limits = limits;
        _owner = owner;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Analyzes one formula; <c>owner</c> names it in messages ("criterion 1.2", "variable onlineShare").
    /// With <paramref name="excelNames"/> (the declared spelling of a name written in any case) the
    /// formula is in the Excel style and is lowered to the C# subset first.
    /// </summary>
    public static AnalyzedFormula Analyze(Formula formula, FormulaScope scope, BindingLimits limits, string owner, DiagnosticBag diagnostics,
        Func<string, string?>? excelNames = null) =>
        new FormulaAnalyzer(formula, scope, limits, owner, diagnostics, excelNames).Run();

    private AnalyzedFormula Run()
    {
        var syntax = Lower() ? Parse() : null;
        if (syntax is not null) Visit(syntax, 0);
        return new AnalyzedFormula
        {
            Source = _formula,
            Owner = _owner,
            Syntax = _valid ? syntax : null,
            NameUses = _names,
            Aggregates = _aggregates,
            Lookups = _lookups,
            HistoryUses = _history,
            TextComparisons = _textComparisons,
            IntegerLiteralEnds = _integerEnds,
            IsValid = _valid && syntax is not null,
        };
    }

    /// <summary>An Excel-style formula becomes C# text whose offsets map back to the written text; false when it cannot.</summary>
    private bool Lower()
    {
        if (_excelNames is null || string.IsNullOrWhiteSpace(_formula.Text) || _formula.Text.Length > _limits.MaxFormulaLength) return true;
        var written = _formula;
        var lowered = ExcelFormulaLowering.Lower(written, _excelNames, _owner, (descriptor, situation, offset, arguments) =>
        {
            _valid = false;
            _diagnostics.Add(descriptor, situation, written.LocationAt(offset), arguments);
        });
        if (lowered is null) return false;
        _formula = lowered;
        return true;
    }

    private ExpressionSyntax? Parse()
    {
        var text = _formula.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(DiagnosticCatalog.FormulaSyntax, "Empty", 0, _owner);
            return null;
        }
        var maxLength = Math.Min(_limits.MaxFormulaLength, ParserLengthCap);
        if (text.Length > maxLength)
        {
            Fail(DiagnosticCatalog.FormulaSyntax, "TooLong", 0, _owner, text.Length, maxLength);
            return null;
        }
        if (!CheckNestingBeforeParsing(text)) return null;
        ExpressionSyntax expression;
        try
        {
            expression = SyntaxFactory.ParseExpression(text, 0, ParseOptions, consumeFullText: true);
        }
        catch (InsufficientExecutionStackException)
        {
            Fail(DiagnosticCatalog.FormulaSyntax, "TooDeep", 0, _owner);
            return null;
        }
        var errors = expression.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        var hint = errors.Count > 0 ? ExcelHabits.ForText(WrittenText, IsExcelStyle) : "";
        foreach (var error in errors.Take(3))
        {
            Fail(DiagnosticCatalog.FormulaSyntax, null, error.Location.SourceSpan.Start, _owner, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + hint);
            hint = ""; // once per formula
        }
        if (errors.Count > 0) return null;
        return CheckTrivia(expression, text) ? expression : null;
    }

    private void Visit(ExpressionSyntax node, int depth)
    {
        if (depth > _limits.MaxExpressionDepth)
        {
            Fail(DiagnosticCatalog.ForbiddenConstruct, "TooDeep", node.SpanStart, _owner, _limits.MaxExpressionDepth);
            return;
        }
        switch (node)
        {
            case LiteralExpressionSyntax literal:
                VisitLiteral(literal);
                break;
            case IdentifierNameSyntax identifier:
                VisitIdentifier(identifier);
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                Visit(parenthesized.Expression, depth + 1);
                break;
            case BinaryExpressionSyntax binary when AllowedBinary(binary.Kind()):
                if (binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression) NoteTextComparison(binary);
                Visit(binary.Left, depth + 1);
                Visit(binary.Right, depth + 1);
                break;
            case PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression:
                Visit(unary.Operand, depth + 1);
                break;
            case ConditionalExpressionSyntax conditional:
                Visit(conditional.Condition, depth + 1);
                Visit(conditional.WhenTrue, depth + 1);
                Visit(conditional.WhenFalse, depth + 1);
                break;
            case InvocationExpressionSyntax invocation:
                VisitInvocation(invocation, depth);
                break;
            default:
                Forbid(node);
                break;
        }
    }

    /// <summary>Remembers <c>name == "text"</c> and <c>"text" != name</c> (brackets allowed) so the binder can check enum values.</summary>
    private void NoteTextComparison(BinaryExpressionSyntax binary)
    {
        var left = Unwrap(binary.Left);
        var right = Unwrap(binary.Right);
        if (left is LiteralExpressionSyntax) (left, right) = (right, left);
        if (left is IdentifierNameSyntax name && right is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal && IsPlainString(literal.Token))
            _textComparisons.Add(new TextComparison(name.Identifier.ValueText, literal.Token.ValueText, literal.SpanStart));

        static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            return expression;
        }
    }

    private static bool AllowedBinary(SyntaxKind kind) => kind is
        SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or
        SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression or
        SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or
        SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or
        SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or
        SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;

    private void VisitLiteral(LiteralExpressionSyntax literal)
    {
        switch (literal.Kind())
        {
            case SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression:
                return;
            case SyntaxKind.StringLiteralExpression when IsPlainString(literal.Token):
                return;
            case SyntaxKind.StringLiteralExpression or SyntaxKind.Utf8StringLiteralExpression:
                Fail(DiagnosticCatalog.ForbiddenConstruct, "StringLiteral", literal.SpanStart, Snippet(literal.ToString()), _owner);
                return;
            case SyntaxKind.NumericLiteralExpression:
                VisitNumber(literal);
                return;
            default:
                Forbid(literal);
                return;
        }
    }

    private void VisitIdentifier(IdentifierNameSyntax identifier)
    {
        if (!CheckNameSpelling(identifier.Identifier, "NameSpelling")) return;
        var name = identifier.Identifier.ValueText;
        if (!ReservedNames.ResultNames.ContainsKey(name) && ReservedNames.Reason(name) is { } reason)
        {
            // A function used without a call, or var/nameof/dynamic: never a value.
            Fail(DiagnosticCatalog.ForbiddenConstruct, "StandaloneName", identifier.SpanStart, name, _owner, reason);
            return;
        }
        _names.Add(new NameUse(name, identifier.SpanStart));
    }

    private void VisitInvocation(InvocationExpressionSyntax invocation, int depth)
    {
        if (invocation.Expression is not IdentifierNameSyntax callee)
        {
            if (invocation.Expression is ParenthesizedExpressionSyntax called)
            {
                // ((Func<double>)(() => x))(): say what is wrong inside, then that it is called.
                Visit(called, depth + 1);
                Fail(DiagnosticCatalog.ForbiddenConstruct, "CalledExpression", invocation.SpanStart, Snippet(invocation.ToString()), _owner);
            }
            else
            {
                Forbid(invocation.Expression);
            }
            return;
        }
        if (!CheckNameSpelling(callee.Identifier, "FunctionNameSpelling")) return;
        var name = callee.Identifier.Text;
        var arguments = invocation.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                Fail(DiagnosticCatalog.ForbiddenConstruct, "NamedArgument", argument.SpanStart, Snippet(argument.ToString()), _owner, ExcelHabits.ForText(WrittenText, IsExcelStyle));
        }

        if (FormulaFunctionCatalog.Plain.TryGetValue(name, out var arities))
        {
            if (!arities.Contains(arguments.Count))
                Fail(DiagnosticCatalog.FormulaType, "Arity", invocation.SpanStart,
                    name, string.Join(EngineText.Get("ListOr"), arities), arguments.Count, _owner, ExcelHabits.ForText(WrittenText, IsExcelStyle));
            foreach (var argument in arguments) Visit(argument.Expression, depth + 1);
            return;
        }
        if (FormulaFunctionCatalog.Aggregates.TryGetValue(name, out var kind))
        {
            if (arguments.Count == 1 && arguments[0].Expression is IdentifierNameSyntax target && CheckNameSpelling(target.Identifier, "NameSpelling"))
                _aggregates.Add(new AggregateUse(kind, target.Identifier.ValueText, invocation.SpanStart, invocation.Span.Length));
            else
                Fail(DiagnosticCatalog.InvalidAggregate, "Argument", invocation.SpanStart, name, Snippet(invocation.ToString()), _owner);
            return;
        }
        if (FormulaFunctionCatalog.CriterionLookups.Contains(name))
        {
            if (_scope != FormulaScope.Eligibility)
                Fail(DiagnosticCatalog.UnknownFunction, "LookupOutsideEligibility", invocation.SpanStart, name, _owner, Snippet(invocation.ToString()));
            else if (arguments.Count == 1 && arguments[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } code && IsPlainString(code.Token))
                _lookups.Add(new CriterionLookup(name, code.Token.ValueText, invocation.SpanStart, invocation.Span.Length));
            else
                Fail(DiagnosticCatalog.FormulaType, "LookupArgument", invocation.SpanStart, name, _owner);
            return;
        }
        if (FormulaFunctionCatalog.HistoryLookups.Contains(name))
        {
            AnalyzeHistoryCall(invocation, name);
            return;
        }
        Fail(DiagnosticCatalog.UnknownFunction, null, callee.SpanStart, name, _owner, ExcelHabits.ForFunction(name, IsExcelStyle) ?? NameSuggester.Hint(name, FormulaFunctionCatalog.AllNames));
    }

    private void Forbid(SyntaxNode node)
    {
        Fail(DiagnosticCatalog.ForbiddenConstruct, "Construct", node.SpanStart, ForbiddenConstructNames.Describe(node), Snippet(node.ToString()), _owner, HabitHint(node));
    }

    /// <summary>= meant as a comparison, 'x' meant as text: what a spreadsheet user writes out of habit.</summary>
    private string HabitHint(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.SimpleAssignmentExpression => ExcelHabits.ForAssignment(IsExcelStyle),
        SyntaxKind.CharacterLiteralExpression => ExcelHabits.ForText(WrittenText, IsExcelStyle),
        _ => "",
    };

    private bool IsExcelStyle => _excelNames is not null;

    /// <summary>The formula as written (before any lowering), which the habit hints read.</summary>
    private string WrittenText => _written.Text;

    private void Fail(string code, int offset, string message)
    {
        _valid = false;
        _diagnostics.Error(code, message, _formula.LocationAt(offset));
    }

    /// <summary>Reports <paramref name="descriptor"/>'s message (or that of one of its situations) at <paramref name="offset"/> of the formula.</summary>
    private void Fail(Diagnostics.DiagnosticDescriptor descriptor, string? situation, int offset, params object?[] arguments)
    {
        _valid = false;
        if (situation is null) _diagnostics.Add(descriptor, _formula.LocationAt(offset), arguments);
        else _diagnostics.Add(descriptor, situation, _formula.LocationAt(offset), arguments);
    }
}
