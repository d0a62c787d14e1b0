using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Reads an assembly image with System.Reflection.Metadata, before anything of it is loaded, and
/// refuses any image that is not shaped like what <see cref="KernelGenerator"/> emits through
/// <see cref="RoslynCompiler"/>:
/// <list type="bullet">
/// <item>a pure IL library: no native code, entry point, resources, P/Invoke (ImplMap, ModuleRef)
/// or metadata table the generator never fills (fields, properties, events, generics, nested
/// types, type specifications, security declarations…);</item>
/// <item>exactly two types: <c>&lt;Module&gt;</c> with no method (so no module initializer) and
/// the static class <c>ParIndex.Generated.RuleSetKernel</c> deriving from object;</item>
/// <item>only the stage methods (<c>ComputeVariables</c>, <c>ComputeSharedVariables</c>, <c>ComputeScores</c>,
/// <c>ComputeTotals</c>, <c>ComputeEligibility</c>, public) and their parts
/// (<c>ScoresArea3</c>, <c>TotalsVariables</c>…, private), all <c>static void (KernelFrame,
/// int, int)</c> with an IL body; no constructor or static constructor;</item>
/// <item>only the four attributes Roslyn always puts on this code (CompilationRelaxations(8),
/// RuntimeCompatibility(WrapNonExceptionThrows = true), Debuggable(IgnoreSymbolStoreSequencePoints)
/// on the assembly, RefSafetyRules(11) on the module), with exactly those values;</item>
/// <item>references only to the runtime's core library and the kernel contract
/// (ParIndex.RulesEngine.Kernel, in exactly the version loaded here; never this library), to the
/// types the generated code names, and to members of the generator's allow-list (<see cref="GeneratorVocabulary"/> and
/// <see cref="SandboxAllowList"/>): the frame's fields, <see cref="FormulaFunctions"/>, static
/// methods of <see cref="double"/> and <see cref="Math"/>, text == and !=; each matched with
/// its real signature;</item>
/// <item>method bodies from the instructions the generated code compiles to
/// (<see cref="KernelIlScanner"/>).</item>
/// </list>
/// It does not prove the IL type-safe (the runtime does not verify IL either): it is a second
/// line behind the cache's HMAC, and runs on fresh images too, so every compile tests it.
/// </summary>
internal static class KernelImageVerifier
{
    private static readonly string[] Stages = ["ComputeVariables", "ComputeSharedVariables", "ComputeScores", "ComputeTotals", "ComputeEligibility"];

    /// <summary>
    /// A private part of the scoring stages (see KernelGenerator.Scoring): Scores or Totals, then
    /// Variables, Total, or Area with 1 to 9 digits. Checked by hand: every load of a cached kernel
    /// runs this check, and a Regex would be built (and its engine compiled) at every start.
    /// </summary>
    private static bool IsPartName(string name)
    {
        var rest = name.StartsWith("Scores", StringComparison.Ordinal) || name.StartsWith("Totals", StringComparison.Ordinal)
            ? name.AsSpan(6)
            : default;
        if (rest.SequenceEqual("Variables") || rest.SequenceEqual("Total")) return true;
        if (!rest.StartsWith("Area", StringComparison.Ordinal)) return false;
        var digits = rest[4..];
        return digits.Length is >= 1 and <= 9 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private const string FrameName = "ParIndex.RulesEngine.Kernel.KernelFrame";
    private const string StageSignature = "System.Void(" + FrameName + ",System.Int32,System.Int32)";

    /// <summary>The kernel contract: the one library assembly generated code is compiled against (<see cref="CompilationReferences"/>).</summary>
    private static readonly AssemblyName ContractAssembly = typeof(KernelFrame).Assembly.GetName();
    private static readonly HashSet<string> CoreAssemblies = new(StringComparer.Ordinal) { "System.Private.CoreLib", "System.Runtime" };

    // The tables and attributes below are arrays searched by a loop, not sets: a set of an enum or
    // of a tuple over this library's types is generic code that has no ReadyToRun image, and every
    // warm start compiled some fifty of its methods to look at ten tables and four attributes.

    /// <summary>Metadata tables a generated kernel has rows in; every other table must be empty.</summary>
    private static readonly TableIndex[] UsedTables =
    [
        TableIndex.Module, TableIndex.TypeRef, TableIndex.TypeDef, TableIndex.MethodDef, TableIndex.Param,
        TableIndex.MemberRef, TableIndex.CustomAttribute, TableIndex.StandAloneSig, TableIndex.Assembly, TableIndex.AssemblyRef,
    ];

    /// <summary>Every metadata table (the non-generic <see cref="Enum.GetValues(Type)"/>, for the reason above).</summary>
    private static readonly TableIndex[] AllTables = (TableIndex[])Enum.GetValues(typeof(TableIndex));

    private const string CompilerServices = "System.Runtime.CompilerServices.";

    /// <summary>The attributes Roslyn emits for this code, with their exact encoded values.</summary>
    private static readonly (HandleKind Parent, string Type, string Value)[] CompilerAttributes =
    [
        (HandleKind.AssemblyDefinition, CompilerServices + "CompilationRelaxationsAttribute", "01-00-08-00-00-00-00-00"),
        (HandleKind.AssemblyDefinition, CompilerServices + "RuntimeCompatibilityAttribute",
            "01-00-01-00-54-02-16-57-72-61-70-4E-6F-6E-45-78-63-65-70-74-69-6F-6E-54-68-72-6F-77-73-01"),
        (HandleKind.AssemblyDefinition, "System.Diagnostics.DebuggableAttribute", "01-00-02-00-00-00-00-00"),
        (HandleKind.ModuleDefinition, CompilerServices + "RefSafetyRulesAttribute", "01-00-0B-00-00-00-00-00"),
    ];

    /// <summary>Types the generated code may name, by full name, with the assembly each must come from.</summary>
    private static readonly Dictionary<string, Type> ReferencedTypes = new[]
    {
        typeof(object), typeof(double), typeof(string), typeof(bool), typeof(int), typeof(long), typeof(Math),
        typeof(KernelFrame), typeof(FormulaFunctions),
        typeof(System.Runtime.CompilerServices.CompilationRelaxationsAttribute),
        typeof(System.Runtime.CompilerServices.RuntimeCompatibilityAttribute),
        typeof(System.Runtime.CompilerServices.RefSafetyRulesAttribute),
        typeof(System.Diagnostics.DebuggableAttribute), typeof(System.Diagnostics.DebuggableAttribute.DebuggingModes),
    }.ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    /// <summary>Throws <see cref="KernelImageRejectedException"/> naming the first thing a generated kernel never has.</summary>
    public static void Verify(byte[] image)
    {
        string? problem;
        try
        {
            problem = Check(image);
        }
        catch (KernelSignatureNames.ForbiddenTypeException ex)
        {
            problem = $"a signature uses {ex.Construct}";
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            problem = $"it is not a readable assembly ({ex.Message})";
        }
        if (problem is not null) throw new KernelImageRejectedException(problem);
    }

    private static string? Check(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false), PEStreamOptions.PrefetchEntireImage);
        if (!pe.HasMetadata) return "it has no .NET metadata";
        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly) return "it is a module without an assembly manifest";
        var names = new KernelSignatureNames(reader);
        return PeProblem(pe) ?? TableProblem(reader) ?? TypeProblem(reader, names) ?? MethodProblem(reader, names)
            ?? AttributeProblem(reader, names) ?? ReferenceProblem(reader, names) ?? KernelIlScanner.Problem(pe, reader, names);
    }

    private static string? PeProblem(PEReader pe)
    {
        var cor = pe.PEHeaders.CorHeader!;
        if (!pe.PEHeaders.IsDll) return "it is not a library";
        if (cor.Flags != CorFlags.ILOnly) return $"its CLR header flags are {cor.Flags}, not ILOnly (native code)";
        if (cor.EntryPointTokenOrRelativeVirtualAddress != 0) return "it has an entry point";
        if (cor.ManagedNativeHeaderDirectory.Size != 0 || cor.VtableFixupsDirectory.Size != 0 || cor.ExportAddressTableJumpsDirectory.Size != 0)
            return "it has native code stubs (vtable fixups or a native header)";
        if (cor.ResourcesDirectory.Size != 0) return "it has embedded resources";
        return null;
    }

    private static string? TableProblem(MetadataReader reader)
    {
        foreach (var table in AllTables)
        {
            if (IsUsedTable(table) || reader.GetTableRowCount(table) == 0) continue;
            return table switch
            {
                TableIndex.Field => "it declares fields (a generated kernel has none)",
                TableIndex.ImplMap or TableIndex.ModuleRef => "it declares P/Invoke methods (native imports)",
                TableIndex.ManifestResource => "it has resources",
                TableIndex.NestedClass => "it has nested types",
                TableIndex.DeclSecurity => "it has security declarations (the compiler adds SkipVerification for unsafe code)",
                _ => $"its metadata has a {table} table, which a generated kernel never has",
            };
        }
        return null;
    }

    private static bool IsUsedTable(TableIndex table)
    {
        foreach (var used in UsedTables)
            if (used == table) return true;
        return false;
    }

    private static bool IsCompilerAttribute(HandleKind parent, string type, string value)
    {
        foreach (var attribute in CompilerAttributes)
            if (attribute.Parent == parent && attribute.Type == type && attribute.Value == value) return true;
        return false;
    }

    private static string? TypeProblem(MetadataReader reader, KernelSignatureNames names)
    {
        var types = new TypeDefinition[reader.TypeDefinitions.Count];
        var count = 0;
        foreach (var handle in reader.TypeDefinitions) types[count++] = reader.GetTypeDefinition(handle);
        if (types.Length == 0 || reader.GetString(types[0].Name) != "<Module>") return "it has no <Module> type";
        var module = types[0];
        if (module.GetMethods().Count > 0)
            return $"it has a module initializer (<Module> declares the method '{reader.GetString(reader.GetMethodDefinition(module.GetMethods().First()).Name)}')";
        if (types.Length == 1) return $"it has no kernel type {KernelGenerator.Namespace}.{KernelGenerator.ClassName}";
        if (types.Length > 2)
            return $"it declares an extra type '{string.Join("', '", types.Skip(1).Select(t => Describe(reader, t)).Where(n => n != $"{KernelGenerator.Namespace}.{KernelGenerator.ClassName}"))}' (only {KernelGenerator.ClassName} is generated)";
        var kernel = types[1];
        var name = Describe(reader, kernel);
        if (name != $"{KernelGenerator.Namespace}.{KernelGenerator.ClassName}") return $"its type is '{name}', not the generated kernel";
        foreach (var method in kernel.GetMethods())
            if (reader.GetString(reader.GetMethodDefinition(method).Name) == ".cctor") return "the kernel type has a static constructor";
        const TypeAttributes staticClass = TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.BeforeFieldInit;
        if (kernel.Attributes != staticClass) return $"the kernel type has attributes {kernel.Attributes}, not those of a static class";
        if (kernel.BaseType.Kind != HandleKind.TypeReference || names.FullName((TypeReferenceHandle)kernel.BaseType) != "System.Object")
            return "the kernel type does not derive from System.Object";
        if (kernel.GetFields().Count > 0) return "the kernel type declares fields";
        return null;
    }

    private static string Describe(MetadataReader reader, TypeDefinition type)
    {
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? reader.GetString(type.Name) : ns + "." + reader.GetString(type.Name);
    }

    private static string? MethodProblem(MetadataReader reader, KernelSignatureNames names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(handle);
            var name = reader.GetString(method.Name);
            if (name == ".cctor") return "the kernel type has a static constructor";
            if (name == ".ctor") return "the kernel type has a constructor";
            var isStage = Stages.Contains(name);
            if (!isStage && !IsPartName(name)) return $"it declares the method '{name}', which the generator never emits";
            if (!seen.Add(name)) return $"it declares the method '{name}' twice";
            var expected = (isStage ? MethodAttributes.Public : MethodAttributes.Private) | MethodAttributes.Static | MethodAttributes.HideBySig;
            if (method.Attributes != expected) return $"the method '{name}' has attributes {method.Attributes}, not {expected}";
            if (method.ImplAttributes != MethodImplAttributes.IL) return $"the method '{name}' is {method.ImplAttributes}, not plain IL";
            if (method.RelativeVirtualAddress == 0) return $"the method '{name}' has no IL body";
            if (method.GetGenericParameters().Count > 0) return $"the method '{name}' is generic";
            var signature = method.DecodeSignature(names, null);
            if (signature.Header.IsInstance || signature.Header.CallingConvention != SignatureCallingConvention.Default || signature.GenericParameterCount > 0
                || Describe(signature) != StageSignature)
                return $"the method '{name}' has the signature {Describe(signature)}, not {StageSignature}";
        }
        foreach (var stage in Stages)
            if (!seen.Contains(stage)) return $"it has no stage method '{stage}'";
        return null;
    }

    private static string Describe(MethodSignature<string> signature) => $"{signature.ReturnType}({string.Join(",", signature.ParameterTypes)})";

    private static string? AttributeProblem(MetadataReader reader, KernelSignatureNames names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.CustomAttributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var type = attribute.Constructor.Kind == HandleKind.MemberReference &&
                       reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                ? names.FullName((TypeReferenceHandle)parent)
                : "(a constructor defined in the image)";
            var value = BitConverter.ToString(reader.GetBlobBytes(attribute.Value));
            var where = attribute.Parent.Kind switch
            {
                HandleKind.AssemblyDefinition => "the assembly",
                HandleKind.ModuleDefinition => "the module",
                HandleKind.MethodDefinition => $"the method '{reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Parent).Name)}'",
                HandleKind.TypeDefinition => $"the type '{Describe(reader, reader.GetTypeDefinition((TypeDefinitionHandle)attribute.Parent))}'",
                var kind => $"a {kind}",
            };
            if (!IsCompilerAttribute(attribute.Parent.Kind, type, value))
                return $"it has the attribute '{type}' on {where}, which the compiler does not emit for generated kernels";
            if (!seen.Add(type)) return $"it has the attribute '{type}' twice";
        }
        return null;
    }

    private static string? ReferenceProblem(MetadataReader reader, KernelSignatureNames names)
    {
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            var name = reader.GetString(reference.Name);
            if (name == ContractAssembly.Name)
            {
                if (reference.Version != ContractAssembly.Version)
                    return $"it references the kernel contract {name} {reference.Version}, not the loaded {ContractAssembly.Version}";
            }
            else if (!CoreAssemblies.Contains(name))
                return $"it references the assembly '{name}' (a kernel references only {string.Join(", ", CoreAssemblies.Order(StringComparer.Ordinal))} and {ContractAssembly.Name})";
        }
        foreach (var handle in reader.TypeReferences)
        {
            var name = names.FullName(handle);
            if (!ReferencedTypes.TryGetValue(name, out var type)) return $"it references the type '{name}', which generated code never names";
            if (AssemblyOf(reader, handle) is not { } assembly || !(type.Assembly == typeof(KernelFrame).Assembly ? assembly == ContractAssembly.Name : CoreAssemblies.Contains(assembly)))
                return $"it references the type '{name}' in the wrong assembly";
        }
        foreach (var handle in reader.MemberReferences)
            if (MemberProblem(reader, names, reader.GetMemberReference(handle)) is { } problem) return problem;
        return null;
    }

    /// <summary>The assembly a type reference resolves in (through its declaring type for a nested type).</summary>
    private static string? AssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            HandleKind.TypeReference => AssemblyOf(reader, (TypeReferenceHandle)scope),
            _ => null,
        };
    }

    /// <summary>A member reference must name a real member of the allow-list with its real signature.</summary>
    private static string? MemberProblem(MetadataReader reader, KernelSignatureNames names, MemberReference member)
    {
        if (member.Parent.Kind != HandleKind.TypeReference) return $"it references a member through a {member.Parent.Kind}";
        var display = $"{names.FullName((TypeReferenceHandle)member.Parent)}.{reader.GetString(member.Name)}";
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            var fieldType = member.DecodeFieldSignature(names, null);
            return AllowedMembers.Value.Contains(FieldKey(display, fieldType)) ? null
                : $"it references the field '{display}' ({fieldType}), which is not a column of the frame";
        }
        var signature = member.DecodeMethodSignature(names, null);
        if (signature.GenericParameterCount > 0) return $"it references the generic method '{display}'";
        return AllowedMembers.Value.Contains(MethodKey(signature.Header.IsInstance, display, signature.ParameterTypes, signature.ReturnType)) ? null
            : $"it references '{display}({string.Join(",", signature.ParameterTypes)})' (returns {signature.ReturnType}), which is not on the generated code's allow-list";
    }

    /// <summary>
    /// Every member generated code may reference, with its signature, read by reflection once per
    /// process: the frame's public fields; public static non-generic methods of
    /// <see cref="FormulaFunctions"/>, <see cref="double"/> and <see cref="Math"/> (the
    /// generator's vocabulary); string == and !=; and the constructors of the compiler's attributes.
    /// </summary>
    private static readonly Lazy<HashSet<string>> AllowedMembers = new(() =>
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in typeof(KernelFrame).GetFields(BindingFlags.Public | BindingFlags.Instance))
            keys.Add(FieldKey($"{typeof(KernelFrame).FullName}.{field.Name}", field.FieldType.FullName!));
        var statics = new[] { typeof(FormulaFunctions), typeof(double), typeof(Math) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Concat(new[] { "op_Equality", "op_Inequality" }.Select(n => typeof(string).GetMethod(n, [typeof(string), typeof(string)])!));
        foreach (var method in statics.Where(m => !m.IsGenericMethodDefinition))
            keys.Add(MethodKey(false, $"{method.DeclaringType!.FullName}.{method.Name}", ParameterTypes(method), method.ReturnType.FullName));
        foreach (var attribute in CompilerAttributes)
            foreach (var constructor in ReferencedTypes[attribute.Type].GetConstructors())
                keys.Add(MethodKey(true, $"{constructor.DeclaringType!.FullName}..ctor", ParameterTypes(constructor), "System.Void"));
        return keys;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static IEnumerable<string?> ParameterTypes(MethodBase method) => method.GetParameters().Select(p => p.ParameterType.FullName);

    private static string FieldKey(string member, string type) => $"field {member} {type}";

    private static string MethodKey(bool instance, string member, IEnumerable<string?> parameters, string? returns) =>
        $"{(instance ? "instance" : "static")} {member}({string.Join(",", parameters)}) {returns}";

    /// <summary>True when <paramref name="name"/> is a public stage (which may call the private parts).</summary>
    internal static bool IsStage(string name) => Stages.Contains(name);
}
