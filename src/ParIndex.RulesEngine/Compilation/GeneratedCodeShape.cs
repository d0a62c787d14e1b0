using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The outline the generated file must have, whatever the rule file says: one using-static of
/// <see cref="FormulaFunctions"/>, one namespace, one static class of plain static methods, no
/// attributes (so no module initializer), no static constructor, no field, no other type; no
/// preprocessor directive or block comment; and no line break other than '\n' outside formulas.
/// Rule text (titles, codes) only ever lands in '//' comments, so any of these would mean it
/// broke out of one.
/// </summary>
internal static class GeneratedCodeShape
{
    private const string FunctionsUsing = "using static global::ParIndex.RulesEngine.Kernel.FormulaFunctions;";

    /// <summary>Syntax the generator never writes and that could loop, allocate or run hidden code.</summary>
    private static readonly HashSet<SyntaxKind> ForbiddenEverywhere =
    [
        SyntaxKind.WhileStatement, SyntaxKind.DoStatement, SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement,
        SyntaxKind.GotoStatement, SyntaxKind.GotoCaseStatement, SyntaxKind.GotoDefaultStatement, SyntaxKind.LabeledStatement,
        SyntaxKind.UnsafeStatement, SyntaxKind.FixedStatement, SyntaxKind.LockStatement, SyntaxKind.TryStatement,
        SyntaxKind.ThrowStatement, SyntaxKind.ThrowExpression, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement,
        SyntaxKind.LocalFunctionStatement, SyntaxKind.UsingStatement, SyntaxKind.CheckedStatement, SyntaxKind.UncheckedStatement,
        SyntaxKind.SimpleLambdaExpression, SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.AnonymousMethodExpression,
        SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression, SyntaxKind.AnonymousObjectCreationExpression,
        SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression,
        SyntaxKind.QueryExpression, SyntaxKind.AwaitExpression, SyntaxKind.InterpolatedStringExpression,
        SyntaxKind.AttributeList, SyntaxKind.TypeOfExpression, SyntaxKind.SizeOfExpression, SyntaxKind.ArgListExpression,
        SyntaxKind.MakeRefExpression, SyntaxKind.RefTypeExpression, SyntaxKind.RefValueExpression,
        SyntaxKind.PointerType, SyntaxKind.FunctionPointerType, SyntaxKind.AddressOfExpression, SyntaxKind.PointerIndirectionExpression,
        SyntaxKind.WithExpression, SyntaxKind.SwitchExpression, SyntaxKind.IsPatternExpression, SyntaxKind.CollectionExpression,
        SyntaxKind.ConditionalAccessExpression, SyntaxKind.DeclarationExpression, SyntaxKind.RefExpression,
    ];

    /// <summary>Reports every way the file departs from the expected outline; returns false when it does.</summary>
    public static bool Check(CompilationUnitSyntax root, string text, GeneratedSource source, Action<int, string> fail)
    {
        var ok = true;
        void Fail(int position, string what)
        {
            ok = false;
            fail(position, what);
        }

        if (root.Externs.Count > 0 || root.AttributeLists.Count > 0)
            Fail(root.SpanStart, "an extern alias or assembly attribute");
        if (root.Usings.Count != 1 || root.Usings[0].ToString() != FunctionsUsing)
            Fail(root.Usings.FirstOrDefault()?.SpanStart ?? 0, "a using directive other than the function library's");
        if (root.Members.Count != 1 || root.Members[0] is not BaseNamespaceDeclarationSyntax { Usings.Count: 0, Externs.Count: 0, Members.Count: 1 } ns
            || ns.Name.ToString() != KernelGenerator.Namespace)
        {
            Fail(root.Members.FirstOrDefault()?.SpanStart ?? 0, "a declaration outside the generated namespace");
            return false;
        }
        if (ns.Members[0] is not ClassDeclarationSyntax { AttributeLists.Count: 0, BaseList: null, TypeParameterList: null } kernel
            || kernel.Identifier.Text != KernelGenerator.ClassName || !kernel.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            Fail(ns.Members[0].SpanStart, "a type other than the kernel class");
            return false;
        }
        foreach (var member in kernel.Members)
        {
            if (member is not MethodDeclarationSyntax { AttributeLists.Count: 0, Body: not null, TypeParameterList: null } method ||
                !method.Modifiers.Any(SyntaxKind.StaticKeyword) || method.Modifiers.Any(SyntaxKind.ExternKeyword) || method.Modifiers.Any(SyntaxKind.UnsafeKeyword))
                Fail(member.SpanStart, $"a member that is not a plain static method ({Describe(member)})");
        }
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia) && !trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                Fail(trivia.SpanStart, $"{trivia.Kind()} trivia");
        }
        foreach (var position in LineBreaksOutsideFormulas(text, source))
            Fail(position, $"the line break U+{(int)text[position]:X4} outside a formula");
        return ok;
    }

    /// <summary>
    /// Checks one node outside the formulas, by syntax alone (the generator's own code needs no
    /// semantic model): nothing forbidden, calls and members only of the kernel's vocabulary,
    /// casts only to number and bool types, loops only counting up an int.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="kernelMethods">Methods declared by the kernel class: a stage calls its parts as <c>Part(__f, __start, __end)</c>.</param>
    public static string? ProblemOutsideFormulas(SyntaxNode node, IReadOnlySet<string> kernelMethods) => node switch
    {
        _ when ForbiddenEverywhere.Contains(node.Kind()) => $"forbidden syntax {node.Kind()}",
        MemberAccessExpressionSyntax access => GeneratorVocabulary.MemberProblem(access),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax callee } invocation when IsPartCall(callee, invocation, kernelMethods) => null,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax callee } => GeneratorVocabulary.IsFunction(callee.Identifier.ValueText)
            ? null : $"a call to '{callee.Identifier.ValueText}', which is not a FormulaFunctions method",
        InvocationExpressionSyntax { Expression: not MemberAccessExpressionSyntax } => "a call through an expression",
        CastExpressionSyntax { Type: PredefinedTypeSyntax { Keyword.ValueText: "double" or "int" or "long" or "bool" } } => null,
        CastExpressionSyntax cast => $"a cast to '{cast.Type}'",
        ForStatementSyntax loop => IsCountingLoop(loop) ? null : $"a loop that does not count up an int ('for ({loop.Declaration}; {loop.Condition}; {string.Join(", ", loop.Incrementors)})')",
        _ => null,
    };

    /// <summary>The names of the private methods (stage parts) the kernel class declares.</summary>
    public static IReadOnlySet<string> KernelMethods(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Modifiers.Any(SyntaxKind.PrivateKeyword))
            .Select(m => m.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A public stage calling one of its private parts with exactly the stage's own three
    /// parameters. Parts never call anything of the kernel, so no call can recurse.
    /// </summary>
    private static bool IsPartCall(IdentifierNameSyntax callee, InvocationExpressionSyntax invocation, IReadOnlySet<string> kernelMethods) =>
        kernelMethods.Contains(callee.Identifier.ValueText) &&
        invocation.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } caller &&
        caller.Modifiers.Any(SyntaxKind.PublicKeyword) &&
        invocation.ArgumentList.Arguments.Select(a => a.ToString()).SequenceEqual(["__f", "__start", "__end"]);

    /// <summary><c>for (int i = …; i &lt; …; i++)</c>: the only loop the generator writes.</summary>
    private static bool IsCountingLoop(ForStatementSyntax loop) =>
        loop.Declaration is { Type: PredefinedTypeSyntax { Keyword.ValueText: "int" }, Variables: [var variable] } &&
        loop.Condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax left } &&
        left.Identifier.ValueText == variable.Identifier.ValueText &&
        loop.Incrementors is [PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax counter }] &&
        counter.Identifier.ValueText == variable.Identifier.ValueText;

    private static IEnumerable<int> LineBreaksOutsideFormulas(string text, GeneratedSource source)
    {
        var spanIndex = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\u0085' or '\u2028' or '\u2029')) continue;
            while (spanIndex < source.Spans.Count && source.Spans[spanIndex].End <= i) spanIndex++;
            if (spanIndex < source.Spans.Count && source.Spans[spanIndex].Start <= i) continue;
            yield return i;
        }
    }

    private static string Describe(MemberDeclarationSyntax member)
    {
        var text = member.ToString();
        var line = text.IndexOfAny(['\n', '{']);
        return (line > 0 ? text[..line] : text).Trim();
    }
}
