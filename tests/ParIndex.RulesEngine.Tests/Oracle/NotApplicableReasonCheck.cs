using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// Whether the engine's explanation of a criterion that does not apply names a cause the
/// reference interpreter found. Today the explanation gives text, so the check reads the text;
/// when a typed reason is added, <see cref="Names"/> is the one place to switch to it.
/// </summary>
internal static class NotApplicableReasonCheck
{
    /// <summary>True when the explanation names at least one of <paramref name="causes"/>.</summary>
    public static bool Names(CriterionExplanation explanation, IReadOnlyList<OracleCause> causes, OracleCriterion criterion)
    {
        var text = explanation.NotApplicableReason ?? "";
        return causes.Any(cause => NamesInText(text, cause, criterion));
    }

    private static bool NamesInText(string text, OracleCause cause, OracleCriterion criterion) => cause.Kind switch
    {
        OracleCauseKind.AppliesToFalse => criterion.AppliesToText is { } condition && text.Contains(condition, StringComparison.Ordinal),
        OracleCauseKind.MissingInput => HasToken(text, cause.Detail!),
        OracleCauseKind.ParentNotApplicable => text.Contains("parent", StringComparison.OrdinalIgnoreCase) && HasToken(text, cause.Detail!),
        OracleCauseKind.NoRegularChild => text.Contains("regular child", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The name or code as a whole token (so criterion "1" is not found inside "1.2").</summary>
    private static bool HasToken(string text, string token) =>
        Regex.IsMatch(text, $@"(?<![A-Za-z0-9._-]){Regex.Escape(token)}(?![A-Za-z0-9_-]|\.[A-Za-z0-9])");
}
