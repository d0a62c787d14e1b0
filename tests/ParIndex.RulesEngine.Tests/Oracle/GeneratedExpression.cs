namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// A formula text made by <see cref="RuleSetGenerator"/> with what it can produce: NaN (a missing
/// value under "allow", 0/0, x % 0) and ±∞ (x / 0). The generator uses the flags to keep the
/// cases of the known engine fixes out when asked to, and to place formulas where they may fault.
/// </summary>
internal readonly record struct GeneratedExpression(string Text, bool MayBeNaN, bool MayBeInfinite)
{
    public static GeneratedExpression Safe(string text) => new(text, false, false);
}
