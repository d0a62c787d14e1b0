namespace ParIndex.RulesEngine.Results;

/// <summary>
/// Why a criterion does not apply to an agency, as the kernel recorded it while scoring (see
/// <see cref="CriterionExplanation.NotApplicableReason"/>). When several reasons hold, the one
/// the kernel met first is given: the parent, then missing inputs, then <c>appliesTo</c>, then the
/// children.
/// </summary>
public enum NotApplicableReason
{
    /// <summary>Its <c>appliesTo</c> formula is false for the agency.</summary>
    ConditionFalse = 1,
    /// <summary>Its parent does not apply, so none of the parent's subtree does.</summary>
    ParentNotApplicable = 2,
    /// <summary>
    /// One of its expressions uses, directly or through variables, an input with
    /// <c>"missing": "notApplicable"</c> that the agency has no value for; the input is named in
    /// <see cref="CriterionExplanation.MissingInput"/>.
    /// </summary>
    MissingInput = 3,
    /// <summary>It is a parent and none of its regular children applies.</summary>
    NoRegularChildApplies = 4,
    /// <summary>
    /// It is a bonus or penalty criterion (or a criterion below one) whose parent lost
    /// applicability because none of that parent's regular children applies: a bonus or
    /// penalty never counts toward a parent that does not apply.
    /// </summary>
    BonusOrPenaltyParentNotApplicable = 5,
}
