using System.Collections.ObjectModel;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Results;

/// <summary>
/// The eligibility outcomes of one agency, read off the frame's condition columns. Agencies that
/// met and failed the same conditions get the same (immutable) list of outcomes: a batch of a
/// million agencies has only a handful of distinct combinations, and one shared list per
/// combination spares a list, an outcome and a list of failed titles per rule and agency.
/// Not thread-safe: one instance per report or sink.
/// </summary>
internal sealed class EligibilityOutcomes(BoundRuleSet rules)
{
    /// <summary>Combinations are keyed by a bit per condition, so the sharing needs at most 64 conditions in all.</summary>
    private readonly bool _shareable = rules.Eligibility.Sum(e => e.Conditions.Count) <= 64;
    private readonly Dictionary<ulong, IReadOnlyList<EligibilityOutcome>> _byFailedConditions = new();

    /// <summary>The outcome of every eligibility rule for <paramref name="row"/>, in rule order.</summary>
    public IReadOnlyList<EligibilityOutcome> Of(KernelFrame frame, int row)
    {
        if (rules.Eligibility.Count == 0) return [];
        if (!_shareable) return Build(frame, row);
        var failed = FailedBits(frame, row);
        if (_byFailedConditions.TryGetValue(failed, out var shared)) return shared;
        shared = Build(frame, row);
        _byFailedConditions[failed] = shared;
        return shared;
    }

    private ulong FailedBits(KernelFrame frame, int row)
    {
        var bits = 0UL;
        var bit = 0;
        foreach (var rule in rules.Eligibility)
            for (var c = 0; c < rule.Conditions.Count; c++, bit++)
                if (!frame.Conditions[rule.FirstConditionIndex + c][row]) bits |= 1UL << bit;
        return bits;
    }

    private ReadOnlyCollection<EligibilityOutcome> Build(KernelFrame frame, int row) =>
        Array.AsReadOnly(rules.Eligibility.Select(rule => OutcomeOf(frame, rule, row)).ToArray());

    private static EligibilityOutcome OutcomeOf(KernelFrame frame, BoundEligibility rule, int row)
    {
        var failed = new List<string>();
        for (var c = 0; c < rule.Conditions.Count; c++)
            if (!frame.Conditions[rule.FirstConditionIndex + c][row]) failed.Add(rule.Definition.Conditions[c].Title);
        return new EligibilityOutcome(rule.Definition.Id, rule.Definition.Title, failed.Count == 0, failed.AsReadOnly());
    }
}
