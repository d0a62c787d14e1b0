namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The reason codes the detail stage records per row and criterion in
/// <see cref="KernelFrame.NotApplicable"/>: the first reason, in the order the kernel checks them,
/// that made the criterion not apply. Explanations read these codes; nothing re-derives them.
/// </summary>
internal static class NotApplicableCodes
{
    /// <summary>The criterion applies.</summary>
    public const short Applies = 0;
    /// <summary>Its <c>appliesTo</c> formula is false.</summary>
    public const short ConditionFalse = 1;
    /// <summary>Its parent does not apply (checked first: the parent decides before the child's own rules).</summary>
    public const short ParentNotApplicable = 2;
    /// <summary>It is a parent and none of its regular children applies.</summary>
    public const short NoRegularChildApplies = 3;
    /// <summary>It is a bonus or penalty criterion, or below one, whose parent lost applicability because none of its regular children applies.</summary>
    public const short BonusOrPenaltyParentNotApplicable = 4;

    /// <summary>
    /// Missing inputs are negative: -1 - the input's index. Index 32,767 and beyond (only with
    /// <c>MaxNames</c> raised that far) share this code, and explanations then name the first missing
    /// one of the criterion's not-applicable inputs from the batch's missing masks.
    /// </summary>
    public const short MissingInputBeyondRange = short.MinValue;

    /// <summary>The code recorded when the input with this index is missing.</summary>
    public static short MissingInput(int inputIndex) =>
        inputIndex < -(MissingInputBeyondRange + 1) ? (short)(-1 - inputIndex) : MissingInputBeyondRange;

    /// <summary>The input index a missing-input code names, or -1 when it is beyond the range or another code.</summary>
    public static int MissingInputIndex(short code) => code < 0 && code != MissingInputBeyondRange ? -1 - code : -1;
}
