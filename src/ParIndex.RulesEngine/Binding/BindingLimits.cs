namespace ParIndex.RulesEngine.Binding;

/// <summary>Size limits applied while binding a rule file; see <c>RuleSetLoadOptions</c>.</summary>
/// <param name="MaxFormulaLength">Longest formula text accepted.</param>
/// <param name="MaxExpressionDepth">Deepest expression nesting accepted.</param>
internal sealed record BindingLimits(int MaxFormulaLength, int MaxExpressionDepth);
