using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The members the generator's own code (outside formulas) may name: the frame's columns
/// (<c>__f.Points</c>), <see cref="FormulaFunctions"/> methods and constants, static members of
/// <see cref="double"/> and <see cref="Math"/> (<c>double.IsNaN</c>), and the
/// <c>Length</c> of an array. Read by reflection so the lists follow the types.
/// </summary>
internal static class GeneratorVocabulary
{
    private const string FunctionsType = "global::ParIndex.RulesEngine.Kernel.FormulaFunctions";
    private const string FrameType = "global::ParIndex.RulesEngine.Kernel.KernelFrame";
    private const string FrameParameter = "__f";

    private static readonly HashSet<string> FrameMembers = typeof(KernelFrame)
        .GetMembers(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m is FieldInfo or PropertyInfo).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> FunctionMembers = typeof(FormulaFunctions)
        .GetMembers(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m is MethodInfo || m is FieldInfo { IsLiteral: true }).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> NumberMembers = PureStatics(typeof(double));

    private static readonly HashSet<string> MathMembers = PureStatics(typeof(Math));

    private static readonly HashSet<string> TypePrefixes = Prefixes(FunctionsType).Concat(Prefixes(FrameType)).ToHashSet(StringComparer.Ordinal);

    /// <summary>True for a method of <see cref="FormulaFunctions"/> (callable by simple name).</summary>
    public static bool IsFunction(string name) => FunctionMembers.Contains(name);

    /// <summary>Null when <c>x.Name</c> is part of the vocabulary, else what is wrong.</summary>
    public static string? MemberProblem(MemberAccessExpressionSyntax access)
    {
        var target = access.Expression.ToString();
        var name = access.Name.Identifier.ValueText;
        var allowed = access.Name is IdentifierNameSyntax && (TypePrefixes.Contains(access.ToString()) || target switch
        {
            FrameParameter => FrameMembers.Contains(name),
            FunctionsType => FunctionMembers.Contains(name),
            "double" or "global::System.Double" => NumberMembers.Contains(name),
            "global::System.Math" => MathMembers.Contains(name),
            _ => name == "Length" && access.Expression is IdentifierNameSyntax,
        });
        return allowed ? null : $"the member '{access}'";
    }

    /// <summary>Public static methods and constants: <see cref="double"/> and <see cref="Math"/> have no side effects.</summary>
    private static HashSet<string> PureStatics(Type type) => type
        .GetMembers(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m is MethodInfo || m is FieldInfo { IsLiteral: true }).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>"global::A.B.C" gives "global::A.B" and "global::A.B.C" (member accesses along the name).</summary>
    private static IEnumerable<string> Prefixes(string qualified)
    {
        for (var dot = qualified.IndexOf('.'); dot > 0; dot = qualified.IndexOf('.', dot + 1))
            yield return qualified[..dot];
        yield return qualified;
    }
}
