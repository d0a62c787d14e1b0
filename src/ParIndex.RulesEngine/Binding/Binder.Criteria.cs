using ParIndex.RulesEngine.Resources;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    private const double MaxTolerance = 1e-9;

    /// <summary>Flattens the criteria tree in pre-order, analyzing each node's formulas.</summary>
    private List<BoundNode> BindCriteria()
    {
        var nodes = new List<BoundNode>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in _definition.Criteria)
            BindNode(criterion, parent: -1, depth: 0, inherited: [], nodes, codes);
        return nodes;
    }

    private void BindNode(CriterionDefinition criterion, int parent, int depth, IReadOnlyList<string> inherited, List<BoundNode> nodes, HashSet<string> codes)
    {
        _limits.Budget.ThrowIfCancellationRequested();
        var owner = EngineText.Format("OwnerCriterion", criterion.Code);
        if (!ReservedNames.IsCode(criterion.Code))
            _diagnostics.Add(DiagnosticCatalog.ReservedName, "CriterionCode", criterion.Location, ReservedNames.Printable(criterion.Code));
        if (!codes.Add(criterion.Code))
            _diagnostics.Add(DiagnosticCatalog.DuplicateName, "CriterionCode", criterion.Location, criterion.Code);

        var responsible = criterion.Responsible.Count > 0 ? criterion.Responsible : inherited;
        var node = new BoundNode
        {
            Definition = criterion,
            Index = nodes.Count,
            Parent = parent,
            Depth = depth,
            AppliesTo = criterion.AppliesTo is null ? null : Analyze(criterion.AppliesTo, FormulaScope.Row, owner + " (appliesTo)"),
            Responsible = responsible,
        };
        nodes.Add(node);
        if (parent >= 0) nodes[parent].Children.Add(node.Index);

        var own = new List<AnalyzedFormula>();
        if (node.AppliesTo is not null) own.Add(node.AppliesTo);
        if (criterion.IsParent)
        {
            foreach (var child in criterion.Children)
                BindNode(child, node.Index, depth + 1, responsible, nodes, codes);
            CheckChildrenMax(criterion);
        }
        else
        {
            node.LeafIndex = nodes.Take(node.Index).Count(n => n.IsLeaf);
            if (criterion.Scoring is BandScoring) node.BandIndex = nodes.Take(node.Index).Count(n => n.BandIndex >= 0);
            if (node.ComparedColumns > 0) node.ComparedIndex = nodes.Take(node.Index).Sum(n => n.ComparedColumns);
            own.AddRange(BindScoring(criterion, owner));
        }
        node.DirectNames = own.SelectMany(f => f.Names).Distinct(StringComparer.Ordinal).ToList();
        node.NotApplicableInputs = NotApplicableInputsOfNode(own);
    }

    private HashSet<string> NotApplicableInputsOfNode(IEnumerable<AnalyzedFormula> formulas)
    {
        var variables = _definition.Variables
            .Where(v => _formulas.ContainsKey(v.Formula))
            .ToDictionary(v => v.Name, v => v, StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(formulas.SelectMany(f => f.Names));
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name)) continue;
            if (_inputs.TryGetValue(name, out var input) && input.Definition.Missing == MissingPolicy.NotApplicable)
                result.Add(name);
            else if (variables.TryGetValue(name, out var variable))
                foreach (var dependency in _formulas[variable.Formula].Names) pending.Push(dependency);
        }
        return result;
    }

    private IEnumerable<AnalyzedFormula> BindScoring(CriterionDefinition criterion, string owner)
    {
        switch (criterion.Scoring)
        {
            case FormulaScoring f:
                yield return Analyze(f.Expression, FormulaScope.Row, owner);
                break;
            case YesNoScoring y:
                yield return Analyze(y.Condition, FormulaScope.Row, owner);
                break;
            case ProportionalScoring p:
                yield return Analyze(p.Value, FormulaScope.Row, owner + " (value)");
                yield return Analyze(p.Target, FormulaScope.Row, owner + " (target)");
                break;
            case CountScoring c:
                yield return Analyze(c.Value, FormulaScope.Row, owner + " (value)");
                if (c.PointsPerItem <= 0)
                    _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "PointsPerItem", criterion.Location, criterion.Code);
                break;
            case BandScoring b:
                if (b.Of is not null) yield return Analyze(b.Of, FormulaScope.Row, owner + " (bands.of)");
                for (var i = 0; i < b.Steps.Count; i++)
                    if (b.Steps[i].When is { } when) yield return Analyze(when, FormulaScope.Row, $"{owner} (band {i + 1})");
                BandChecks.Check(criterion, b, _diagnostics, _limits.Budget);
                break;
            case null:
                _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "NoScoringForm", criterion.Location, criterion.Code);
                break;
        }
    }

    private void CheckChildrenMax(CriterionDefinition parent)
    {
        var regular = parent.Children.Where(c => c.Kind == CriterionKind.Regular).ToList();
        if (regular.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "NoRegularChild", parent.Location, parent.Code);
            return;
        }
        var sum = regular.Sum(c => c.MaxPoints);
        // An infinite sum is an error of its own (CheckMaxima), not a mismatch.
        if (double.IsFinite(sum) && Math.Abs(sum - parent.MaxPoints) > MaxTolerance)
            _diagnostics.Add(DiagnosticCatalog.MaxSumMismatch, parent.Location, parent.Code, sum, parent.MaxPoints);
    }
}
