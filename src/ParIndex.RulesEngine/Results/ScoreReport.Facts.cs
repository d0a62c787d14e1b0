using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results;

public sealed partial class ScoreReport
{
    /// <summary>
    /// Why the node does not apply for the row, as the kernel recorded it (null when it applies),
    /// and the missing input's name for a missing input. Nothing here re-derives a rule.
    /// </summary>
    private (NotApplicableReason? Reason, string? MissingInput) RecordedReason(BoundNode node, int row)
    {
        var code = _frame.NotApplicable[node.Index][row];
        return code switch
        {
            NotApplicableCodes.Applies => (null, null),
            NotApplicableCodes.ConditionFalse => (NotApplicableReason.ConditionFalse, null),
            NotApplicableCodes.ParentNotApplicable => (NotApplicableReason.ParentNotApplicable, null),
            NotApplicableCodes.NoRegularChildApplies => (NotApplicableReason.NoRegularChildApplies, null),
            NotApplicableCodes.BonusOrPenaltyParentNotApplicable => (NotApplicableReason.BonusOrPenaltyParentNotApplicable, null),
            < 0 => (NotApplicableReason.MissingInput, MissingInputName(node, code, row)),
            _ => throw new InvalidOperationException($"The kernel recorded an unknown reason code {code} for criterion {node.Code}."),
        };
    }

    /// <summary>
    /// The input a missing-input code names. Codes carry the input's index up to 32,766; beyond
    /// (a rule set with more inputs than that) the kernel records one shared code, and the first
    /// of the criterion's not-applicable inputs, in the order the kernel tests them, whose value
    /// the batch marks missing is the one it met.
    /// </summary>
    private string MissingInputName(BoundNode node, short code, int row)
    {
        var index = NotApplicableCodes.MissingInputIndex(code);
        if (index >= 0) return _rules.Inputs[index].Name;
        return node.NotApplicableInputs.Order(StringComparer.Ordinal)
            .First(name => _rules.Inputs.First(i => i.Name == name) is var input && _frame.Missing[input.Index][row]);
    }

    /// <summary>
    /// The value the leaf compared (or would have compared, when it does not apply) and, for
    /// proportional scoring, its target, as recorded; null for nodes that compare nothing.
    /// </summary>
    private (double? Value, double? Target) RecordedComparison(BoundNode node, int row)
    {
        if (node.ComparedIndex < 0) return (null, null);
        var value = _frame.Compared[node.ComparedIndex][row];
        return node.ComparedColumns > 1 ? (value, _frame.Compared[node.ComparedIndex + 1][row]) : (value, null);
    }

    /// <summary>The recorded reason as a sentence; names only the rule file's own text (codes, conditions, inputs).</summary>
    private string ReasonText(BoundNode node, int row, NotApplicableReason reason, string? missingInput) => reason switch
    {
        NotApplicableReason.ConditionFalse => EngineText.Format("ReasonConditionFalse", node.AppliesTo?.Text),
        NotApplicableReason.ParentNotApplicable => EngineText.Format("ReasonParent", _rules.Nodes[node.Parent].Code),
        NotApplicableReason.MissingInput => EngineText.Format("ReasonMissingInput", missingInput),
        NotApplicableReason.NoRegularChildApplies => EngineText.Get("ReasonNoRegularChild"),
        NotApplicableReason.BonusOrPenaltyParentNotApplicable => CascadeText(node, row),
        _ => reason.ToString(),
    };

    /// <summary>
    /// "it is a bonus of 1, …" or, below a bonus or penalty, "it is under bonus 1.B of 1, …".
    /// Follows the recorded reasons up: the cascade starts at the bonus or penalty directly under
    /// the parent that lost applicability because none of its regular children applies.
    /// </summary>
    private string CascadeText(BoundNode node, int row)
    {
        var extra = node;
        var parent = _rules.Nodes[node.Parent];
        while (parent.Parent >= 0 && _frame.NotApplicable[parent.Index][row] == NotApplicableCodes.BonusOrPenaltyParentNotApplicable)
        {
            extra = parent;
            parent = _rules.Nodes[parent.Parent];
        }
        var penalty = extra.Kind == CriterionKind.Penalty;
        var which = extra == node
            ? EngineText.Format(penalty ? "ReasonPenaltyOf" : "ReasonBonusOf", parent.Code)
            : EngineText.Format(penalty ? "ReasonUnderPenalty" : "ReasonUnderBonus", extra.Code, parent.Code);
        return EngineText.Format("ReasonCascade", which);
    }
}
