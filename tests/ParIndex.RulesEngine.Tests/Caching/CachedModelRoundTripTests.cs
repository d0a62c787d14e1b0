using System.Reflection;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Caching;

/// <summary>
/// The bound model a cache hit restores is the model binding made: written and read back, every
/// field of every object is equal and every shared object is still shared (checked by
/// reflection, not by the format's own code), for each rule file of the examples.
/// </summary>
[TestClass]
public sealed class CachedModelRoundTripTests
{
    public static IEnumerable<object[]> Examples =>
        Directory.GetDirectories(RepositoryPaths.Combine("examples"))
            .Where(d => File.Exists(Path.Combine(d, "ruleset.json")))
            .Select(d => new object[] { Path.GetFileName(d) })
            .OrderBy(e => (string)e[0], StringComparer.Ordinal);

    [TestMethod]
    public void Every_example_has_a_rule_file() => Assert.IsGreaterThanOrEqualTo(4, Examples.Count());

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void The_bound_model_of_an_example_reads_back_field_for_field_with_its_sharing(string example)
    {
        var path = RepositoryPaths.Example(example, "ruleset.json");
        var (bound, diagnostics) = RuleSetLoader.TryBind(File.ReadAllText(path), path);
        Assert.IsNotNull(bound, string.Join("\n", diagnostics));
        var source = KernelGenerator.Generate(bound).Text;

        var copy = CachedModel.Read(CachedModel.Write(bound, diagnostics, source));

        var objects = ObjectGraphAssert.AreIsomorphic(bound, copy.Bound, NotRestored);
        ObjectGraphAssert.AreIsomorphic(diagnostics, copy.Diagnostics, NotRestored);
        Assert.AreEqual(source, copy.GeneratedSource);
        // The walk reached the whole tree: at least one object per criterion and per formula.
        Assert.IsGreaterThan(bound.Nodes.Count + bound.Formulas.Count, objects);
        Assert.IsTrue(bound.Formulas.Values.All(f => f.Syntax is not null) && copy.Bound.Formulas.Values.All(f => f.Syntax is null),
            "the copy holds no syntax trees");
    }

    [TestMethod]
    public void Sharing_in_the_model_is_kept_where_binding_makes_it()
    {
        var path = RepositoryPaths.Example("par-index-province-2019", "ruleset.json");
        var (bound, diagnostics) = RuleSetLoader.TryBind(File.ReadAllText(path), path);
        var copy = CachedModel.Read(CachedModel.Write(bound!, diagnostics, "")).Bound;

        // A node's definition is the tree's criterion, a variable's formula the dictionary's analysis.
        Assert.AreSame(copy.Definition.Criteria[0], copy.Nodes[0].Definition);
        Assert.AreSame(copy.Definition.Inputs[0], copy.Inputs[0].Definition);
        foreach (var variable in copy.Variables)
            Assert.AreSame(copy.Formulas[variable.Definition.Formula], variable.Formula);
        Assert.AreSame(copy.Definition.Criteria[0].Children[0], copy.Nodes[1].Definition);
    }

    [TestMethod]
    public void Bytes_that_are_not_a_model_are_refused()
    {
        var path = RepositoryPaths.Example("kontum-cchc-2025", "ruleset.json");
        var (bound, diagnostics) = RuleSetLoader.TryBind(File.ReadAllText(path), path);
        var bytes = CachedModel.Write(bound!, diagnostics, "source");

        Assert.ThrowsExactly<EndOfStreamException>(() => CachedModel.Read(bytes.AsMemory(0, bytes.Length / 2)));
        Assert.ThrowsExactly<InvalidDataException>(() => CachedModel.Read(bytes.Concat(new byte[] { 0 }).ToArray()));
    }

    /// <summary>
    /// The syntax trees are only read by code generation, which a cache hit skips; the lazily
    /// computed views of the bound rule set are derived from the fields compared.
    /// </summary>
    private static bool NotRestored(FieldInfo field) =>
        (field.DeclaringType == typeof(AnalyzedFormula) && field.Name.Contains(nameof(AnalyzedFormula.Syntax), StringComparison.Ordinal)) ||
        (field.DeclaringType == typeof(BoundRuleSet) && field.Name is "_schema" or "_lookedUp" or "_shared");
}
