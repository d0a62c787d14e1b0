using System.Reflection.Emit;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.CacheFixture;
using static ParIndex.RulesEngine.Tests.Hardening.HostileKernelImages;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// The second line behind the cache's HMAC: an image with a correct HMAC is still read with
/// System.Reflection.Metadata before it is loaded and refused, naming why, when it has anything
/// the generator never emits. Fresh images pass the same check (every compile in the suite tests it).
/// </summary>
[TestClass]
public sealed class KernelImageVerifierTests
{
    /// <summary>Set by the planted code if it ever runs.</summary>
    private static string Marker() => "PARINDEX_PLANTED_" + Guid.NewGuid().ToString("N");

    public static IEnumerable<object[]> Hostile()
    {
        // name, how the generated source is changed, expected reason, allowUnsafe
        yield return ["module initializer", (Func<string, string, string>)((s, m) => WithMembers(s,
            $"[System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() {{ System.Environment.SetEnvironmentVariable(\"{m}\", \"ran\"); }}")),
            "it has a module initializer (<Module> declares the method '.cctor')", false];
        yield return ["static constructor", (Func<string, string, string>)((s, m) => WithMembers(s,
            $"static RuleSetKernel() {{ System.Environment.SetEnvironmentVariable(\"{m}\", \"ran\"); }}")),
            "the kernel type has a static constructor", false];
        yield return ["extra type", (Func<string, string, string>)((s, m) => WithType(s,
            $"public static class Helper {{ public static void Run() {{ System.Environment.SetEnvironmentVariable(\"{m}\", \"ran\"); }} }}")),
            "it declares an extra type 'ParIndex.Generated.Helper' (only RuleSetKernel is generated)", false];
        yield return ["forbidden type", (Func<string, string, string>)((s, m) => InVariablesStage(s,
            $"System.Environment.SetEnvironmentVariable(\"{m}\", \"ran\");")),
            "it references the type 'System.Environment', which generated code never names", false];
        yield return ["forbidden member of an allowed type", (Func<string, string, string>)((s, m) => InVariablesStage(s,
            "if (string.Concat(\"a\", \"b\") == \"ab\") __f.Total[0] = 1d;")),
            "it references 'System.String.Concat(System.String,System.String)' (returns System.String)", false];
        yield return ["extra method", (Func<string, string, string>)((s, m) => WithMembers(s,
            "public static double Backdoor(double x) { return x; }")),
            "it declares the method 'Backdoor', which the generator never emits", false];
        // Names that only start like a stage part: no digits, a letter among them, ten digits, a digit that is not ASCII.
        foreach (var name in new[] { "ScoresArea", "TotalsArea1a", "ScoresArea1234567890", "TotalsArea\u0661", "ScoresTotals" })
            yield return [$"part-like name {name}", (Func<string, string, string>)((s, m) => WithMembers(s,
                $"private static void {name}(ParIndex.RulesEngine.Kernel.KernelFrame f, int a, int b) {{ }}")),
                $"it declares the method '{name}', which the generator never emits", false];
        yield return ["field", (Func<string, string, string>)((s, m) => WithMembers(s, "private static int __calls;")),
            "it declares fields (a generated kernel has none)", false];
        yield return ["P/Invoke", (Func<string, string, string>)((s, m) => WithMembers(s,
            "[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();")),
            "it declares P/Invoke methods (native imports)", false];
        yield return ["unsafe code", (Func<string, string, string>)((s, m) => InVariablesStage(s,
            "unsafe { int* p = stackalloc int[4]; p[0] = 1; }")),
            "it has security declarations (the compiler adds SkipVerification for unsafe code)", true];
        yield return ["an attribute", (Func<string, string, string>)((s, m) => s.Replace("public static void ComputeVariables",
            "[System.Obsolete] public static void ComputeVariables", StringComparison.Ordinal)),
            "it has the attribute 'System.ObsoleteAttribute' on the method 'ComputeVariables'", false];
        yield return ["recursion", (Func<string, string, string>)((s, m) => InVariablesStage(s,
            "if (__start < 0) ComputeVariables(__f, __start, __end);")),
            "the method 'ComputeVariables' contains a call to 'ComputeVariables' (only a stage calls its parts)", false];
    }

    public static string HostileName(System.Reflection.MethodInfo method, object[] row) => (string)row[0];

    [TestMethod]
    [DynamicData(nameof(Hostile), DynamicDataDisplayName = nameof(HostileName))]
    public void A_planted_kernel_with_a_correct_HMAC_is_refused_by_the_metadata_check(string name, Func<string, string, string> change, string reason, bool allowUnsafe)
    {
        var folder = NewFolder();
        var key = NewKey();
        var options = Options(folder, key);
        var marker = Marker();
        CompiledRuleSet genuine;
        using (genuine = RuleSetLoader.LoadJson(HalfOfX, options: options)) { }
        var image = Compile(change(genuine.GeneratedSource, marker), allowUnsafe);
        Plant(folder, genuine, image, key);

        var (result, compilations) = LoadCounting(HalfOfX, options);
        using var rules = result.RuleSet!;

        Assert.IsFalse(rules.LoadedFromCache, name);
        Assert.AreEqual(1, compilations);
        Assert.AreEqual(3.5, Score(rules, 7)); // 7 / 2 from the recompiled kernel
        Assert.IsNull(Environment.GetEnvironmentVariable(marker), "the planted code ran");
        var warning = rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected);
        StringAssert.Contains(warning.Message, "its image is not one the generator emits");
        StringAssert.Contains(warning.Message, reason);
        using var again = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsTrue(again.LoadedFromCache, "the planted entry was replaced by the engine's own");
    }

    [TestMethod]
    public void The_generated_source_compiled_by_the_test_passes_so_each_refusal_above_is_caused_by_its_change()
    {
        using var genuine = RuleSetLoader.LoadJson(HalfOfX);
        KernelImageVerifier.Verify(Compile(genuine.GeneratedSource));
        CollectionAssert.AreEqual(genuine.Kernel.Image, Compile(genuine.GeneratedSource), "the test compiles exactly like the engine");
    }

    [TestMethod]
    public void The_kernels_of_every_example_pass_the_check()
    {
        var examples = Directory.GetFiles(Path.Combine(TestSupport.RepositoryPaths.Root, "examples"), "ruleset.json", SearchOption.AllDirectories);
        Assert.IsNotEmpty(examples);
        foreach (var file in examples)
        {
            using var rules = RuleSetLoader.LoadFile(file);
            KernelImageVerifier.Verify(rules.Kernel.Image);
        }
    }

    [TestMethod]
    public void An_image_of_another_shape_is_refused_with_the_reason_named()
    {
        var image = Compile("namespace Other { public static class Thing { public static void ComputeVariables() { } } }");
        var refusal = Assert.ThrowsExactly<KernelImageRejectedException>(() => KernelImageVerifier.Verify(image));
        Assert.AreEqual("its type is 'Other.Thing', not the generated kernel", refusal.Reason);
        Assert.ThrowsExactly<KernelImageRejectedException>(() => CompiledKernel.Load(image, "other", unloadable: true));
    }

#if NET9_0_OR_GREATER
    // The IL kernels are saved with PersistedAssemblyBuilder (.NET 9 and later). The verifier they
    // test is the same code on both targets, so the .NET 10 run covers it.
    [TestMethod]
    public void A_kernel_written_in_IL_passes_when_it_only_returns()
    {
        KernelImageVerifier.Verify(EmitIl(_ => { }));
    }

    [TestMethod]
    public void Unsafe_IL_without_the_compiler_markers_is_refused_by_the_instruction_check()
    {
        // localloc: stack memory, unsafe code without any attribute saying so.
        var localloc = EmitIl(il => { il.Emit(OpCodes.Ldc_I4_S, (sbyte)16); il.Emit(OpCodes.Localloc); il.Emit(OpCodes.Pop); });
        Assert.AreEqual("the method 'ComputeVariables' contains the instruction localloc, which generated code never uses",
            Assert.ThrowsExactly<KernelImageRejectedException>(() => KernelImageVerifier.Verify(localloc)).Reason);

        // Writing through an address made from a number: *(int*)__start = 0.
        var write = EmitIl(il => { il.Emit(OpCodes.Ldarg_1); il.Emit(OpCodes.Conv_I); il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Stind_I4); });
        Assert.AreEqual("the method 'ComputeVariables' contains the instruction conv.i, which generated code never uses",
            Assert.ThrowsExactly<KernelImageRejectedException>(() => KernelImageVerifier.Verify(write)).Reason);
    }

    [TestMethod]
    public void Unsafe_IL_with_a_correct_HMAC_is_refused_before_loading_and_recompiled()
    {
        var folder = NewFolder();
        var key = NewKey();
        var options = Options(folder, key);
        CompiledRuleSet genuine;
        using (genuine = RuleSetLoader.LoadJson(HalfOfX, options: options)) { }
        Plant(folder, genuine, EmitIl(il => { il.Emit(OpCodes.Ldc_I4_S, (sbyte)16); il.Emit(OpCodes.Localloc); il.Emit(OpCodes.Pop); }), key);

        using var rules = RuleSetLoader.LoadJson(HalfOfX, options: options);
        Assert.IsFalse(rules.LoadedFromCache);
        Assert.AreEqual(3.5, Score(rules, 7));
        StringAssert.Contains(rules.Diagnostics.Single(d => d.Code == DiagnosticCodes.CacheEntryRejected).Message, "contains the instruction localloc");
    }
#endif

    [TestMethod]
    public void A_fresh_image_that_fails_the_check_is_never_loaded_and_fails_the_load()
    {
        string source;
        using (var genuine = RuleSetLoader.LoadJson(HalfOfX)) source = genuine.GeneratedSource;
        var marker = Marker();
        var hostile = Compile(WithMembers(source,
            $"[System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() {{ System.Environment.SetEnvironmentVariable(\"{marker}\", \"ran\"); }}"));
        RoslynCompiler.EmittedImageHook.Value = _ => hostile;
        RuleSetLoadResult result;
        try
        {
            result = RuleSetLoader.TryLoadJson(HalfOfX, "fresh.json");
        }
        finally
        {
            RoslynCompiler.EmittedImageHook.Value = null;
        }

        Assert.IsNull(result.RuleSet);
        Assert.IsNull(Environment.GetEnvironmentVariable(marker), "the image was loaded");
        var error = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.KernelImageRejected);
        Assert.AreEqual(DiagnosticSeverity.Error, error.Severity);
        Assert.AreEqual("The kernel image was refused before loading: it has a module initializer (<Module> declares the method '.cctor'). " +
            "This is a fault of the engine; please report it with the rule file.", error.Message);
        Assert.AreEqual("fresh.json", error.Location.File);
    }
}
