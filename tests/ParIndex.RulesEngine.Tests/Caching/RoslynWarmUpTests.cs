using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// The warm-up compile that a cache miss starts on a second core. It discards its result and
/// ignores its failures, so nothing else would notice if it stopped compiling or stopped being
/// started: these tests do.
/// </summary>
[TestClass]
public sealed class RoslynWarmUpTests
{
    [TestMethod]
    public void The_warm_up_source_still_compiles_against_the_kernel_library()
    {
        // It names KernelFrame columns and FormulaFunctions members; a renamed one would make
        // every warm-up a silent no-op.
        Assert.IsTrue(RoslynWarmUp.TryCompile());
    }

    [TestMethod]
    public void A_load_that_compiles_has_started_the_warm_up()
    {
        using var ruleSet = RuleSets.Load("""[{ "code": "1", "title": "One", "max": 1, "formula": "1" }]""");

        Assert.IsFalse(ruleSet.LoadedFromCache);
        Assert.IsTrue(RoslynWarmUp.Started);
    }
}
