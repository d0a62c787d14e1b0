using System.Reflection;
using System.Reflection.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Assemblies an attacker who holds the cache key could plant: the real generated source of a
/// rule set with one addition, compiled with the same Roslyn options and references as the
/// engine. Everything but the addition is what the generator emits, so a refusal is caused by it.
/// </summary>
internal static class HostileKernelImages
{
    private const string ClassOpening = "    public static class RuleSetKernel\n    {\n";

    /// <summary>Adds members inside the kernel class.</summary>
    public static string WithMembers(string generatedSource, string members)
    {
        Assert.IsTrue(generatedSource.Contains(ClassOpening, StringComparison.Ordinal), "the kernel class opening moved");
        return generatedSource.Replace(ClassOpening, ClassOpening + members + "\n", StringComparison.Ordinal);
    }

    /// <summary>Adds a statement at the start of the ComputeVariables stage.</summary>
    public static string InVariablesStage(string generatedSource, string statement)
    {
        const string stage = "        public static void ComputeVariables(global::ParIndex.RulesEngine.Kernel.KernelFrame __f, int __start, int __end)\n        {\n";
        Assert.IsTrue(generatedSource.Contains(stage, StringComparison.Ordinal), "the ComputeVariables stage opening moved");
        return generatedSource.Replace(stage, stage + "            " + statement + "\n", StringComparison.Ordinal);
    }

    /// <summary>Adds a declaration after the kernel class, in the generated namespace.</summary>
    public static string WithType(string generatedSource, string declaration)
    {
        var end = generatedSource.TrimEnd().LastIndexOf('}');
        return generatedSource[..end] + declaration + "\n" + generatedSource[end..];
    }

    /// <summary>
    /// Compiles like RoslynCompiler (release, deterministic), optionally allowing unsafe code or
    /// with references beyond the engine's (which generated code cannot reach otherwise).
    /// </summary>
    public static byte[] Compile(string source, bool allowUnsafe = false, string assemblyName = "ParIndex.RuleSet.cache-test", IEnumerable<MetadataReference>? extraReferences = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: allowUnsafe, deterministic: true, concurrentBuild: false, nullableContextOptions: NullableContextOptions.Disable);
        var compilation = CSharpCompilation.Create(assemblyName, [tree], CompilationReferences.Get().Concat(extraReferences ?? []), options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.IsTrue(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return stream.ToArray();
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// A kernel written in IL directly (no compiler, so none of the compiler's markers such as
    /// UnverifiableCode): the four stages with their real signature, ComputeVariables having the
    /// given body and the others just returning.
    /// </summary>
    public static byte[] EmitIl(Action<ILGenerator> computeVariables)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("ParIndex.RuleSet.cache-test"), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule("ParIndex.RuleSet.cache-test.dll");
        var type = module.DefineType($"{KernelGenerator.Namespace}.{KernelGenerator.ClassName}",
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit, typeof(object));
        foreach (var stage in new[] { "ComputeVariables", "ComputeSharedVariables", "ComputeScores", "ComputeTotals", "ComputeEligibility" })
        {
            var method = type.DefineMethod(stage, MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
                typeof(void), [typeof(KernelFrame), typeof(int), typeof(int)]);
            var il = method.GetILGenerator();
            if (stage == "ComputeVariables") computeVariables(il);
            il.Emit(OpCodes.Ret);
        }
        type.CreateType();
        using var stream = new MemoryStream();
        assembly.Save(stream);
        return stream.ToArray();
    }
#endif
}
