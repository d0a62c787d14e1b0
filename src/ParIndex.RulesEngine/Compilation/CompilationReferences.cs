using Microsoft.CodeAnalysis;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The few assemblies generated code may reference: the runtime's core library and the kernel
/// contract (ParIndex.RulesEngine.Kernel: <see cref="KernelFrame"/>, <see cref="FormulaFunctions"/>),
/// never this library, so generated code cannot even name a type of the engine. Built once per
/// process because reading metadata is costly.
/// </summary>
internal static class CompilationReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<MetadataReference> Get() => All.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "System.Private.CoreLib", "System.Runtime" };
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var references = trusted
            .Where(path => wanted.Contains(Path.GetFileNameWithoutExtension(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        if (references.Count == 0)
            references.Add(MetadataReference.CreateFromFile(typeof(object).Assembly.Location));
        references.Add(MetadataReference.CreateFromFile(typeof(KernelFrame).Assembly.Location));
        return references;
    }
}
