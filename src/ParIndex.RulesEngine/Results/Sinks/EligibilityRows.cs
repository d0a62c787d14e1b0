using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>Reads an eligibility outcome from the conditions the kernel recorded for a row.</summary>
internal static class EligibilityRows
{
    /// <summary>True when every condition of the rule holds for the row.</summary>
    public static bool Holds(KernelFrame frame, BoundEligibility rule, int row)
    {
        for (var c = 0; c < rule.Conditions.Count; c++)
            if (!frame.Conditions[rule.FirstConditionIndex + c][row]) return false;
        return true;
    }
}
