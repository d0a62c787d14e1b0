using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>Finds the collectible AssemblyLoadContext of a compiled rule set and waits for it to be collected.</summary>
internal static class UnloadProbe
{
    public const string ContextPrefix = "ParIndex.RuleSet:";

    /// <summary>A weak reference to the load context holding the rule set's generated code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WeakReference ContextOf(CompiledRuleSet rules)
    {
        var context = AssemblyLoadContext.GetLoadContext(rules.Kernel.ComputeScores.Method.DeclaringType!.Assembly)!;
        Assert.IsTrue(context.IsCollectible, "the generated code must live in a collectible load context");
        return new WeakReference(context);
    }

    /// <summary>Collects until the reference dies (true) or 20 rounds pass (false).</summary>
    public static bool Collected(WeakReference reference)
    {
        for (var round = 0; round < 20 && reference.IsAlive; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return !reference.IsAlive;
    }

    /// <summary>
    /// Collectible rule-set load contexts still alive after a full collection. Contexts that are
    /// never unloaded (<see cref="RuleSetLoadOptions.Unloadable"/> false, as the command's in-process
    /// runs in other tests load them) are not counted: they are meant to stay.
    /// </summary>
    public static int LiveContexts()
    {
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return AssemblyLoadContext.All.Count(c => c.IsCollectible && c.Name?.StartsWith(ContextPrefix, StringComparison.Ordinal) == true);
    }
}
