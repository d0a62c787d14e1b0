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
            diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The rule set has {criteria} criteria; the limit is {options.MaxCriteria} (RuleSetLoadOptions.MaxCriteria).", where);
            ok = false;
        }
        if (names > options.MaxNames)
        {
            diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The rule set declares {names} inputs and variables; the limit is {options.MaxNames} (RuleSetLoadOptions.MaxNames).", where);
            ok = false;
        }
        return ok;
    }

    private static int Count(IReadOnlyList<CriterionDefinition> criteria) => criteria.Sum(c => 1 + Count(c.Children));
}
