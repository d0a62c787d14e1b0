namespace ParIndex.RulesEngine.Binding;

/// <summary>Size and time limits applied while binding a rule file; see <c>RuleSetLoadOptions</c>.</summary>
/// <param name="MaxFormulaLength">Longest formula text accepted.</param>
/// <param name="MaxExpressionDepth">Deepest expression nesting accepted.</param>
/// <param name="Budget">Cancelled when the load's time budget (MaxCompileTime, over the whole load) runs out; binding then throws OperationCanceledException.</param>
internal sealed record BindingLimits(int MaxFormulaLength, int MaxExpressionDepth, CancellationToken Budget = default);
