using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>Rejects rule sets larger than the configured limits before any expensive work.</summary>
internal static class SizeLimits
{
    public static bool Check(RuleSetDefinition definition, RuleSetLoadOptions options, DiagnosticBag diagnostics)
    {
        var where = new SourceLocation(definition.SourceFile, null, 0, 0);
        var criteria = Count(definition.Criteria);
        var names = definition.Inputs.Count + definition.Variables.Count;
        var ok = true;
        if (criteria > options.MaxCriteria)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidSetting, "TooManyCriteria", where, criteria, options.MaxCriteria);
            ok = false;
        }
        if (names > options.MaxNames)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidSetting, "TooManyNames", where, names, options.MaxNames);
            ok = false;
        }
        return ok;
    }

    private static int Count(IReadOnlyList<CriterionDefinition> criteria) => criteria.Sum(c => 1 + Count(c.Children));
}
