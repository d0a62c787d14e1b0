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
                _diagnostics.Error(DiagnosticCodes.DuplicateName, $"The eligibility rule id '{rule.Id}' is used more than once.", rule.Location);
            var conditions = new List<AnalyzedFormula>();
            foreach (var condition in rule.Conditions)
            {
                var analyzed = Analyze(condition.When, FormulaScope.Eligibility, $"eligibility rule '{rule.Id}' ({condition.Title})");
                foreach (var lookup in analyzed.Lookups.Where(l => !codes.Contains(l.Code)))
                    _diagnostics.Error(DiagnosticCodes.UnknownName,
                        $"{lookup.Function}(\"{lookup.Code}\") in eligibility rule '{rule.Id}' names no criterion.{NameSuggester.Hint(lookup.Code, codes)}",
                        analyzed.LocationAt(lookup.Start));
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
            _diagnostics.Warning(DiagnosticCodes.UnreachableBand,
                $"Classifications {string.Join(" and ", same.Select(b => $"'{b.Label}'"))} share the threshold {same.Key}%; only the first can ever be given.",
                same.Last().Location);
        foreach (var repeated in bands.GroupBy(b => b.Label).Where(g => g.Count() > 1))
            _diagnostics.Warning(DiagnosticCodes.ClassificationGap, $"The classification label '{repeated.Key}' is used more than once.", repeated.Last().Location);
        if (bands.Count > 0 && bands.Min(b => b.MinPercent) > 0)
        {
            var lowest = bands.MinBy(b => b.MinPercent)!;
            _diagnostics.Warning(DiagnosticCodes.ClassificationGap,
                $"No classification covers percents below {lowest.MinPercent}%; such agencies get none. Add a band with minPercent 0 to close the gap.", lowest.Location);
        }
        return bands.OrderByDescending(b => b.MinPercent).ToList();
    }
}
