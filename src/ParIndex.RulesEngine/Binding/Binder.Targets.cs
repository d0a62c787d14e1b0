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
                _diagnostics.Add(DiagnosticCatalog.TargetUnknownCriterion, target.Location, target.Code, NameSuggester.Hint(target.Code, byCode.Keys));
                continue;
            }
            if (!seen.Add(target.Code))
                _diagnostics.Add(DiagnosticCatalog.DuplicateTarget, target.Location, target.Code);
            if (target.Points > node.Max)
                _diagnostics.Add(DiagnosticCatalog.TargetAboveMax, target.Location, target.Points, target.Code, node.Max);
        }
    }
}
