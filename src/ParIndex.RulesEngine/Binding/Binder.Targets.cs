using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    /// <summary>Each target names a criterion, once, with points it can reach (at most its declared max).</summary>
    private void CheckTargets(IReadOnlyList<BoundNode> nodes)
    {
        // Duplicate criterion codes are reported elsewhere; the first one stands for its code here.
        var byCode = new Dictionary<string, BoundNode>(StringComparer.Ordinal);
        foreach (var node in nodes) byCode.TryAdd(node.Code, node);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in _definition.Targets)
        {
            if (!byCode.TryGetValue(target.Code, out var node))
            {
                _diagnostics.Error(DiagnosticCodes.TargetUnknownCriterion,
                    $"The target for '{target.Code}' names no criterion.{NameSuggester.Hint(target.Code, byCode.Keys)}", target.Location);
                continue;
            }
            if (!seen.Add(target.Code))
                _diagnostics.Error(DiagnosticCodes.DuplicateTarget, $"Criterion {target.Code} has more than one target.", target.Location);
            if (target.Points > node.Max)
                _diagnostics.Error(DiagnosticCodes.TargetAboveMax,
                    $"The target of {target.Points.ToString(System.Globalization.CultureInfo.InvariantCulture)} points for {target.Code} is above its max of {node.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}: it could never be met.", target.Location);
        }
    }
}
