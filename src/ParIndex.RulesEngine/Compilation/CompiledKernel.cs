using System.Reflection;
using System.Runtime.Loader;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The loaded kernel of one rule set: its stages as delegates, living in its own
/// <see cref="AssemblyLoadContext"/>: collectible, so that unloading the rule set frees the
/// generated code, unless the loader was told the process never unloads it
/// (<see cref="RuleSetLoadOptions.Unloadable"/>: the runtime compiles collectible code fully
/// optimised at once, and other code in tiers, which a short run starts sooner with).
/// Immutable and safe to call from many threads (the stages only touch the frame they are given).
/// </summary>
internal sealed class CompiledKernel : IDisposable
{
    private AssemblyLoadContext? _context;
    private readonly bool _collectible;

    private CompiledKernel(AssemblyLoadContext context, KernelStage variables, KernelStage sharedVariables, KernelStage scores, KernelStage totals, KernelStage eligibility, byte[] image)
    {
        _context = context;
        _collectible = context.IsCollectible;
        ComputeVariables = variables;
        ComputeSharedVariables = sharedVariables;
        ComputeScores = scores;
        ComputeTotals = totals;
        ComputeEligibility = eligibility;
        Image = image;
    }

    /// <summary>Every variable that needs no group aggregate, into its column: before <see cref="ComputeScores"/>.</summary>
    public KernelStage ComputeVariables { get; }
    /// <summary>
    /// Only the variables that group aggregates, later variables or eligibility conditions read:
    /// before <see cref="ComputeTotals"/>, whose areas compute the rest where they read them.
    /// </summary>
    public KernelStage ComputeSharedVariables { get; }
    public KernelStage ComputeScores { get; }
    /// <summary>Like <see cref="ComputeScores"/> but stores only totals (and criteria eligibility reads).</summary>
    public KernelStage ComputeTotals { get; }
    public KernelStage ComputeEligibility { get; }

    /// <summary>The variables stage that goes with the scoring stage of a detail level.</summary>
    public KernelStage VariablesFor(bool detail) => detail ? ComputeVariables : ComputeSharedVariables;

    /// <summary>The scoring stage of a detail level: every criterion stored, or only what totals and eligibility need.</summary>
    public KernelStage ScoresFor(bool detail) => detail ? ComputeScores : ComputeTotals;

    /// <summary>The emitted assembly, kept so callers can cache it on disk.</summary>
    public byte[] Image { get; }

    /// <summary>
    /// Verifies the image's metadata (<see cref="KernelImageVerifier"/>; throws
    /// <see cref="KernelImageRejectedException"/> before anything is loaded), then loads it into a
    /// new context, collectible when <paramref name="unloadable"/>. Fresh and cached images alike
    /// pass here. A collectible context whose load fails is unloaded again.
    /// </summary>
    public static CompiledKernel Load(byte[] image, string name, bool unloadable)
    {
        KernelImageVerifier.Verify(image);
        var context = new AssemblyLoadContext($"ParIndex.RuleSet:{name}", isCollectible: unloadable);
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType($"{KernelGenerator.Namespace}.{KernelGenerator.ClassName}", throwOnError: true)!;
            return new CompiledKernel(context, Stage(type, "ComputeVariables"), Stage(type, "ComputeSharedVariables"), Stage(type, "ComputeScores"), Stage(type, "ComputeTotals"), Stage(type, "ComputeEligibility"), image);
        }
        catch
        {
            if (context.IsCollectible) context.Unload();
            throw;
        }
    }

    private static KernelStage Stage(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<KernelStage>();

    /// <summary>Starts unloading the generated assembly (it goes once no delegate is referenced); a context that is not collectible stays.</summary>
    public void Dispose()
    {
        var context = Interlocked.Exchange(ref _context, null);
        if (_collectible) context?.Unload();
    }
}
