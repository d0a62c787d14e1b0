using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParIndex.RulesEngine.Binding;

/// <summary>Names a rejected syntax construct in words a rule author recognises.</summary>
internal static class ForbiddenConstructNames
{
    public static string Describe(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.PointerMemberAccessExpression or SyntaxKind.ConditionalAccessExpression => "Member access",
        SyntaxKind.QualifiedName or SyntaxKind.AliasQualifiedName => "A qualified name",
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression or SyntaxKind.AnonymousObjectCreationExpression => "Creating objects with 'new'",
        SyntaxKind.ArrayCreationExpression or SyntaxKind.ImplicitArrayCreationExpression or SyntaxKind.StackAllocArrayCreationExpression
            or SyntaxKind.ImplicitStackAllocArrayCreationExpression or SyntaxKind.CollectionExpression => "Creating arrays or collections",
        SyntaxKind.TypeOfExpression => "typeof",
        SyntaxKind.SizeOfExpression => "sizeof",
        SyntaxKind.DefaultExpression or SyntaxKind.DefaultLiteralExpression => "default",
        SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.AnonymousMethodExpression => "A lambda or anonymous method",
        SyntaxKind.CastExpression => "A cast",
        SyntaxKind.InterpolatedStringExpression => "An interpolated string",
        SyntaxKind.ElementAccessExpression => "Indexing",
        SyntaxKind.NullLiteralExpression => "null",
        SyntaxKind.CharacterLiteralExpression => "A character literal",
        SyntaxKind.GenericName => "A generic name",
        SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression => "Increment or decrement",
        SyntaxKind.AddressOfExpression or SyntaxKind.PointerIndirectionExpression => "Pointer syntax",
        SyntaxKind.AwaitExpression => "await",
        SyntaxKind.ThrowExpression => "throw",
        SyntaxKind.CheckedExpression or SyntaxKind.UncheckedExpression => "checked/unchecked",
        SyntaxKind.IsExpression or SyntaxKind.AsExpression or SyntaxKind.IsPatternExpression => "Type tests (is/as)",
        SyntaxKind.SwitchExpression => "A switch expression",
        SyntaxKind.CoalesceExpression => "The ?? operator",
        SyntaxKind.TupleExpression => "A tuple",
        SyntaxKind.RefExpression or SyntaxKind.MakeRefExpression or SyntaxKind.RefTypeExpression or SyntaxKind.RefValueExpression => "ref expressions",
        SyntaxKind.QueryExpression => "A query expression",
        SyntaxKind.ThisExpression or SyntaxKind.BaseExpression => "this/base",
        SyntaxKind.PredefinedType => "A type name",
        _ when node.Kind().ToString().Contains("Assignment", StringComparison.Ordinal) => "Assignment",
        _ => Words(node.Kind().ToString()),
    };

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
