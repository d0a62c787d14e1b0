using ParIndex.RulesEngine.Resources;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    private List<BoundEligibility> BindEligibility(IReadOnlyList<BoundNode> nodes)
    {
        var result = new List<BoundEligibility>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var codes = nodes.Select(n => n.Code).ToList();
        var conditionIndex = 0;
        foreach (var rule in _definition.Eligibility)
        {
            if (!ids.Add(rule.Id))
                _diagnostics.Add(DiagnosticCatalog.DuplicateName, "EligibilityRule", rule.Location, rule.Id);
            var conditions = new List<AnalyzedFormula>();
            foreach (var condition in rule.Conditions)
            {
                var analyzed = Analyze(condition.When, FormulaScope.Eligibility, EngineText.Format("OwnerEligibility", rule.Id, condition.Title));
                foreach (var lookup in analyzed.Lookups.Where(l => !codes.Contains(l.Code)))
                    _diagnostics.Add(DiagnosticCatalog.UnknownName, "CriterionLookup", analyzed.LocationAt(lookup.Start), lookup.Function, lookup.Code, rule.Id, NameSuggester.Hint(lookup.Code, codes));
                conditions.Add(analyzed);
            }
            result.Add(new BoundEligibility(rule, conditions, conditionIndex));
            conditionIndex += conditions.Count;
        }
        return result;
    }

    /// <summary>Sorts bands from the highest threshold and warns about repeats and gaps.</summary>
    private List<ClassificationBand> CheckClassification()
    {
        var bands = _definition.Classification;
        // Bands are applied from the highest threshold whatever their order in the file, so only
        // two bands with the same threshold make one of them unreachable.
        foreach (var same in bands.GroupBy(b => b.MinPercent).Where(g => g.Count() > 1))
            _diagnostics.Add(DiagnosticCatalog.UnreachableBand, "SharedThreshold", same.Last().Location, string.Join(EngineText.Get("ListAnd"), same.Select(b => $"'{b.Label}'")), same.Key);
        foreach (var repeated in bands.GroupBy(b => b.Label).Where(g => g.Count() > 1))
            _diagnostics.Add(DiagnosticCatalog.ClassificationGap, "RepeatedLabel", repeated.Last().Location, repeated.Key);
        if (bands.Count > 0 && bands.Min(b => b.MinPercent) > 0)
        {
            var lowest = bands.MinBy(b => b.MinPercent)!;
            _diagnostics.Add(DiagnosticCatalog.ClassificationGap, "LowestGap", lowest.Location, lowest.MinPercent);
        }
        return bands.OrderByDescending(b => b.MinPercent).ToList();
    }
}
