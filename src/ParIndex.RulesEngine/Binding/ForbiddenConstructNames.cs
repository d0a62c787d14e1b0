using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>Names a rejected syntax construct in words a rule author recognises.</summary>
internal static class ForbiddenConstructNames
{
    /// <summary>The construct's name in the current UI culture; C# keywords and the kinds without a resource stay as they are.</summary>
    public static string Describe(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.PointerMemberAccessExpression or SyntaxKind.ConditionalAccessExpression => Text("MemberAccess"),
        SyntaxKind.QualifiedName or SyntaxKind.AliasQualifiedName => Text("QualifiedName"),
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression or SyntaxKind.AnonymousObjectCreationExpression => Text("New"),
        SyntaxKind.ArrayCreationExpression or SyntaxKind.ImplicitArrayCreationExpression or SyntaxKind.StackAllocArrayCreationExpression
            or SyntaxKind.ImplicitStackAllocArrayCreationExpression or SyntaxKind.CollectionExpression => Text("Array"),
        SyntaxKind.TypeOfExpression => "typeof",
        SyntaxKind.SizeOfExpression => "sizeof",
        SyntaxKind.DefaultExpression or SyntaxKind.DefaultLiteralExpression => "default",
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.AnonymousMethodExpression => Text("Lambda"),
        SyntaxKind.CastExpression => Text("Cast"),
        SyntaxKind.InterpolatedStringExpression => Text("InterpolatedString"),
        SyntaxKind.ElementAccessExpression => Text("Indexing"),
        SyntaxKind.NullLiteralExpression => "null",
        SyntaxKind.CharacterLiteralExpression => Text("CharacterLiteral"),
        SyntaxKind.GenericName => Text("GenericName"),
        SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression => Text("Increment"),
        SyntaxKind.AddressOfExpression or SyntaxKind.PointerIndirectionExpression => Text("Pointer"),
        SyntaxKind.AwaitExpression => "await",
        SyntaxKind.ThrowExpression => "throw",
        SyntaxKind.CheckedExpression or SyntaxKind.UncheckedExpression => "checked/unchecked",
        SyntaxKind.IsExpression or SyntaxKind.AsExpression or SyntaxKind.IsPatternExpression => Text("TypeTest"),
        SyntaxKind.SwitchExpression => Text("Switch"),
        SyntaxKind.CoalesceExpression => Text("Coalesce"),
        SyntaxKind.TupleExpression => Text("Tuple"),
        SyntaxKind.RefExpression or SyntaxKind.MakeRefExpression or SyntaxKind.RefTypeExpression or SyntaxKind.RefValueExpression => Text("Ref"),
        SyntaxKind.QueryExpression => Text("Query"),
        SyntaxKind.ThisExpression or SyntaxKind.BaseExpression => "this/base",
        SyntaxKind.PredefinedType => Text("TypeName"),
        _ when node.Kind().ToString().Contains("Assignment", StringComparison.Ordinal) => Text("Assignment"),
        // The rarer kinds are named after Roslyn's SyntaxKind, as the compiler names them.
        _ => Words(node.Kind().ToString()),
    };

    private static string Text(string construct) => EngineText.Get("Construct" + construct);

    /// <summary>"BitwiseAndExpression" becomes "Bitwise and expression".</summary>
    private static string Words(string kind)
    {
        var builder = new StringBuilder();
        foreach (var c in kind)
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append(' ').Append(char.ToLowerInvariant(c));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
