using System.ComponentModel;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.CacheFixture;
using static ParIndex.RulesEngine.Tests.Hardening.HostileKernelImages;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Generated code is compiled against the kernel contract (ParIndex.RulesEngine.Kernel) and the
/// runtime only: it cannot name a type of the engine, an image that references the engine is
/// refused, the contract's types are not part of the engine's public API, and a cache entry
/// belongs to one build of the contract.
/// </summary>
[TestClass]
public sealed class KernelContractTests
{
    private const string ContractAssembly = "ParIndex.RulesEngine.Kernel";

    [TestMethod]
    public void Generated_code_naming_an_engine_type_does_not_compile()
    {
        using var genuine = RuleSetLoader.LoadJson(HalfOfX);
        var source = InVariablesStage(genuine.GeneratedSource, "if (__start < 0) global::ParIndex.RulesEngine.RuleSetLoader.LoadJson(\"{}\");");
        var diagnostics = new DiagnosticBag();

        var image = RoslynCompiler.Compile(new GeneratedSource(source, []), "ParIndex.RuleSet.contract-test", diagnostics, CancellationToken.None);

        Assert.IsNull(image);
        var error = diagnostics.Items.Single();
        Assert.AreEqual(DiagnosticCodes.CompilationFailed, error.Code);
        // The namespace exists (the contract's is inside it), the engine's type does not: CS0234.
        StringAssert.Contains(error.Message, "CS0234: The type or namespace name 'RuleSetLoader' does not exist in the namespace 'ParIndex.RulesEngine'");
    }

    [TestMethod]
    public void A_formula_naming_an_engine_type_is_refused_at_load()
    {
        var json = HalfOfX.Replace("\"x / 2\"", "\"ParIndex.RulesEngine.RuleSetLoader.LoadJson(x)\"", StringComparison.Ordinal);
        var result = RuleSetLoader.TryLoadJson(json, "engine-type.json");

        Assert.IsNull(result.RuleSet);
        // Layer 1 of the sandbox refuses it before any code is generated; were it ever let through,
        // the compilation could not bind the name (above).
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.AreEqual(DiagnosticCodes.ForbiddenConstruct, error.Code);
        Assert.AreEqual("Member access is not allowed in formulas ('ParIndex.RulesEngine.RuleSetLoader.LoadJson' in the formula of criterion 1).", error.Message);
    }

    [TestMethod]
    public void The_compilation_references_the_runtime_and_the_contract_only()
    {
        var names = CompilationReferences.Get().Select(r => Path.GetFileNameWithoutExtension(r.Display!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { ContractAssembly, "System.Private.CoreLib", "System.Runtime" }, names, string.Join(", ", names));
    }

    [TestMethod]
    public void A_kernel_image_referencing_the_engine_assembly_is_refused()
    {
        using var genuine = RuleSetLoader.LoadJson(HalfOfX);
        var source = InVariablesStage(genuine.GeneratedSource, "if (__start < 0) global::ParIndex.RulesEngine.RuleSetLoader.LoadJson(\"{}\");");
        var image = Compile(source, extraReferences: [MetadataReference.CreateFromFile(typeof(RuleSetLoader).Assembly.Location)]);

        var refusal = Assert.ThrowsExactly<KernelImageRejectedException>(() => KernelImageVerifier.Verify(image));
        Assert.AreEqual("it references the assembly 'ParIndex.RulesEngine' (a kernel references only System.Private.CoreLib, System.Runtime and ParIndex.RulesEngine.Kernel)", refusal.Reason);
        Assert.ThrowsExactly<KernelImageRejectedException>(() => CompiledKernel.Load(image, "engine-reference", unloadable: true));
    }

    [TestMethod]
    public void A_kernel_image_built_against_another_version_of_the_contract_is_refused()
    {
        using var genuine = RuleSetLoader.LoadJson(HalfOfX);
        var image = (byte[])genuine.Kernel.Image.Clone();
        var loaded = typeof(KernelFrame).Assembly.GetName().Version!;
        // The same image with the major version of its reference to the contract raised by one.
        PatchContractMajorVersion(image, (ushort)(loaded.Major + 1));

        var refusal = Assert.ThrowsExactly<KernelImageRejectedException>(() => KernelImageVerifier.Verify(image));
        Assert.AreEqual($"it references the kernel contract {ContractAssembly} {new Version(loaded.Major + 1, loaded.Minor, loaded.Build, loaded.Revision)}, not the loaded {loaded}", refusal.Reason);
        KernelImageVerifier.Verify(genuine.Kernel.Image);
    }

    [TestMethod]
    public void The_engine_exports_none_of_the_contract_types_and_names_none_in_its_public_signatures()
    {
        var engine = typeof(RuleSetLoader).Assembly.GetExportedTypes();
        var contractNames = new[] { "KernelFrame", "KernelShape", "KernelStage", "FormulaFunctions", "AggregateKind" };
        Assert.IsEmpty(engine.Where(t => contractNames.Contains(t.Name)).Select(t => t.FullName).ToList());
        Assert.IsFalse(typeof(KernelStage).IsPublic || typeof(AggregateKind).IsPublic || typeof(KernelShape).IsPublic);

        const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var exposing = new List<string>();
        foreach (var type in engine)
            foreach (var member in type.GetMembers(declared))
                if (SignatureTypes(member).Any(t => t.Assembly == typeof(KernelFrame).Assembly))
                    exposing.Add($"{type.FullName}.{member.Name}");
        Assert.IsEmpty(exposing, "public engine members that expose a contract type: " + string.Join(", ", exposing));
    }

    [TestMethod]
    public void The_contract_exports_only_the_frame_and_the_functions_hidden_from_completion()
    {
        var exported = typeof(KernelFrame).Assembly.GetExportedTypes();
        CollectionAssert.AreEquivalent(new[] { typeof(FormulaFunctions), typeof(KernelFrame) }, exported);
        foreach (var type in exported)
            Assert.AreEqual(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State, type.Name);
        // Only the engine creates frames.
        Assert.IsEmpty(typeof(KernelFrame).GetConstructors());
    }

    [TestMethod]
    public void Every_public_member_of_the_frame_is_named_by_generated_code()
    {
        // The frame's public fields are exactly the columns the kernels of the examples read or
        // write, plus the few no example needs: bool variables, and the ranking results an
        // eligibility condition may read (overallRank, previousRank, classification).
        var named = Directory.GetFiles(Path.Combine(TestSupport.RepositoryPaths.Root, "examples"), "ruleset.json", SearchOption.AllDirectories)
            .SelectMany(file =>
            {
                using var rules = RuleSetLoader.LoadFile(file);
                return System.Text.RegularExpressions.Regex.Matches(rules.GeneratedSource, @"__f\.(\w+)").Select(m => m.Groups[1].Value).ToList();
            })
            .ToHashSet(StringComparer.Ordinal);
        var publicFields = typeof(KernelFrame).GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        Assert.IsEmpty(typeof(KernelFrame).GetProperties(BindingFlags.Public | BindingFlags.Instance));
        Assert.IsTrue(named.IsSubsetOf(publicFields), "generated code names a column the frame does not publish: " + string.Join(", ", named.Except(publicFields)));
        var unused = publicFields.Except(named).Order(StringComparer.Ordinal).ToArray();
        Assert.IsTrue(unused.All(f => f is "BoolVariables" or "OverallRank" or "PreviousRank" or "Classification"),
            "public frame fields no kernel of the examples names: " + string.Join(", ", unused));
    }

    [TestMethod]
    public void A_cache_entry_names_the_contract_build_so_another_contract_build_is_a_miss()
    {
        var contract = RuleSetCacheKey.BuildOf(typeof(KernelFrame).Assembly);
        StringAssert.Contains(RuleSetCacheKey.EngineIdentity, typeof(KernelFrame).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        var engine = RuleSetCacheKey.BuildOf(typeof(RuleSetLoader).Assembly);
        var options = new RuleSetLoadOptions();

        var ours = RuleSetCacheKey.Of(HalfOfX, "rules.json", options, RuleSetCacheKey.EngineIdentityOf(engine, contract, Environment.Version));
        var rebuiltContract = RuleSetCacheKey.Of(HalfOfX, "rules.json", options,
            RuleSetCacheKey.EngineIdentityOf(engine, Guid.NewGuid().ToString("N") + "/" + typeof(KernelFrame).Assembly.GetName().Version, Environment.Version));

        Assert.AreEqual(RuleSetCacheKey.Of(HalfOfX, "rules.json", options), ours, "the key in use is the one under this engine and contract build");
        Assert.AreNotEqual(ours, rebuiltContract);
    }

    private static IEnumerable<Type> SignatureTypes(MemberInfo member)
    {
        var types = new List<Type>();
        switch (member)
        {
            case FieldInfo field: types.Add(field.FieldType); break;
            case PropertyInfo property: types.Add(property.PropertyType); types.AddRange(property.GetIndexParameters().Select(p => p.ParameterType)); break;
            case MethodInfo method: types.Add(method.ReturnType); types.AddRange(method.GetParameters().Select(p => p.ParameterType)); break;
            case ConstructorInfo constructor: types.AddRange(constructor.GetParameters().Select(p => p.ParameterType)); break;
            case EventInfo @event: types.Add(@event.EventHandlerType!); break;
            case Type nested: types.Add(nested); break;
        }
        return types.Select(t => t.HasElementType ? t.GetElementType()! : t);
    }

    /// <summary>Rewrites MajorVersion, the first column of the image's AssemblyRef row for the contract.</summary>
    private static void PatchContractMajorVersion(byte[] image, ushort major)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        var reader = pe.GetMetadataReader();
        var handle = reader.AssemblyReferences.Single(h => reader.GetString(reader.GetAssemblyReference(h).Name) == ContractAssembly);
        var row = MetadataTokens.GetRowNumber(handle) - 1;
        var offset = pe.PEHeaders.MetadataStartOffset + reader.GetTableMetadataOffset(TableIndex.AssemblyRef) + row * reader.GetTableRowSize(TableIndex.AssemblyRef);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(offset, 2), major);
    }
}
