using ParIndex.RulesEngine.Results.Rounds;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// A what-if run: the changes applied and the results before and after, compared agency by
/// agency (differences are after − before; a positive rank change is a rise).
/// </summary>
public sealed class WhatIfResult
{
    internal WhatIfResult(IReadOnlyList<InputOverride> overrides, ReportComparison comparison)
    {
        Overrides = overrides;
        Comparison = comparison;
    }

    /// <summary>The changes applied (agency ids normalised; null = every agency).</summary>
    public IReadOnlyList<InputOverride> Overrides { get; }

    /// <summary>Before (first) and after (second), agency by agency.</summary>
    public ReportComparison Comparison { get; }

    /// <summary>The result of the data as read.</summary>
    public ScoreReport Before => Comparison.First;

    /// <summary>The result with the changes.</summary>
    public ScoreReport After => Comparison.Second;

    /// <summary>True when a change was applied to this agency's inputs.</summary>
    public bool IsChanged(string agencyId)
    {
        var id = Data.AgencyIdRegistry.Normalize(agencyId) ?? agencyId;
        return Overrides.Any(o => o.AgencyId is null || o.AgencyId == id);
    }

    /// <summary>
    /// Every agency whose inputs were changed (also when its result stays the same), and every
    /// other agency whose points (through group aggregates) or ranks moved, in the data's order.
    /// </summary>
    public IReadOnlyList<AgencyComparison> Changes => Comparison.Agencies.Where(a => a.HasChanges || IsChanged(a.AgencyId)).ToList();
}
