using System.Reflection;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// One name for a criterion's maximum across the public API: <c>MaxPoints</c> (the rule file keeps
/// its short <c>max</c>). A property called <c>Max</c>, or ending in <c>Max</c>, is allowed only
/// where it bounds something other than points.
/// </summary>
[TestClass]
public sealed class ApiNamingTests
{
    /// <summary>Value bounds, not points: an input's highest accepted value, a chart's axis end.</summary>
    private static readonly HashSet<string> NotPoints = new(StringComparer.Ordinal)
    {
        "ParIndex.RulesEngine.Definition.InputDefinition.Max",
        "ParIndex.RulesEngine.Results.Report.BarChartOptions.Max",
    };

    [TestMethod]
    public void Every_public_maximum_of_points_is_called_MaxPoints()
    {
        var offending = PublicAssemblies()
            .SelectMany(assembly => assembly.GetExportedTypes())
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(property => (Name: type.FullName + "." + property.Name, property)))
            .Where(p => Nullable.GetUnderlyingType(p.property.PropertyType) is { } inner ? inner == typeof(double) : p.property.PropertyType == typeof(double))
            .Where(p => p.property.Name.EndsWith("Max", StringComparison.Ordinal) && !NotPoints.Contains(p.Name))
            .Select(p => p.Name)
            .ToList();

        Assert.AreEqual(0, offending.Count, "named Max instead of MaxPoints: " + string.Join(", ", offending));
    }

    [TestMethod]
    public void The_renamed_members_are_where_users_look_for_them()
    {
        // The members renamed to the one name; each is read by the examples in docs/api.md.
        string[] expected =
        [
            "ParIndex.RulesEngine.CriterionInfo.MaxPoints",
            "ParIndex.RulesEngine.Definition.CriterionDefinition.MaxPoints",
            "ParIndex.RulesEngine.Results.CriterionExplanation.DeclaredMaxPoints",
            "ParIndex.RulesEngine.Results.CriterionExplanation.ApplicableMaxPoints",
            "ParIndex.RulesEngine.Results.AgencyScore.MaxPoints",
            "ParIndex.RulesEngine.Results.CriterionScore.MaxPoints",
        ];
        var properties = PublicAssemblies()
            .SelectMany(assembly => assembly.GetExportedTypes())
            .SelectMany(type => type.GetProperties().Select(property => type.FullName + "." + property.Name))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var name in expected) Assert.IsTrue(properties.Contains(name), name);
        Assert.IsFalse(properties.Contains("ParIndex.RulesEngine.CriterionInfo.Max"));
    }

    /// <summary>The library assemblies this test project references (the hosting package has no maximum).</summary>
    private static IEnumerable<Assembly> PublicAssemblies() => [typeof(RuleSetLoader).Assembly];
}
