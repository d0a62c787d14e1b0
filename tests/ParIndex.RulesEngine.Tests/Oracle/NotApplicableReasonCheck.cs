using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// Whether the engine's explanation of a criterion that does not apply names a cause the
/// reference interpreter found, by the typed reason the kernel recorded (and the missing input's
/// name for <see cref="NotApplicableReason.MissingInput"/>).
/// </summary>
internal static class NotApplicableReasonCheck
{
    /// <summary>True when the explanation's reason is one of <paramref name="causes"/>.</summary>
    public static bool Names(CriterionExplanation explanation, IReadOnlyList<OracleCause> causes, OracleCriterion criterion) =>
        explanation.NotApplicableReason is { } reason && causes.Any(cause => Matches(reason, explanation.MissingInput, cause));

    private static bool Matches(NotApplicableReason reason, string? missingInput, OracleCause cause) => cause.Kind switch
    {
        OracleCauseKind.AppliesToFalse => reason == NotApplicableReason.ConditionFalse,
        OracleCauseKind.MissingInput => reason == NotApplicableReason.MissingInput && missingInput == cause.Detail,
        // The oracle counts "under a bonus or penalty whose parent lost its regular children" as a parent cause.
        OracleCauseKind.ParentNotApplicable => reason is NotApplicableReason.ParentNotApplicable or NotApplicableReason.BonusOrPenaltyParentNotApplicable,
        OracleCauseKind.NoRegularChild => reason == NotApplicableReason.NoRegularChildApplies,
        _ => false,
    };
}
