using ParIndex.RulesEngine.Resources;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    /// <summary>Analyzes every variable, rejects cycles and returns them in dependency order.</summary>
    private List<BoundVariable> BindVariables()
    {
        var analyzed = _definition.Variables
            .Where(v => _variableDefinitions.GetValueOrDefault(v.Name) == v)
            .ToDictionary(v => v.Name, v => Analyze(v.Formula, FormulaScope.Row, EngineText.Format("OwnerVariable", v.Name)), StringComparer.Ordinal);
        var order = OrderVariables(analyzed);

        var result = new List<BoundVariable>();
        var byName = new Dictionary<string, BoundVariable>(StringComparer.Ordinal);
        var numberSlot = 0;
        var boolSlot = 0;
        foreach (var name in order)
        {
            var definition = _variableDefinitions[name];
            var formula = analyzed[name];
            var dependsOn = formula.Names.Where(byName.ContainsKey).Select(n => byName[n]).ToList();
            var stage = formula.Aggregates.Count > 0 || dependsOn.Any(d => d.Stage == 1) ? 1 : 0;
            var notApplicable = NotApplicableInputsOf(formula, byName);
            var slot = definition.Type == ValueKind.Bool ? boolSlot++ : numberSlot++;
            var bound = new BoundVariable(definition, formula, slot, stage, notApplicable);
            byName[name] = bound;
            result.Add(bound);
        }
        return result;
    }

    /// <summary>Inputs with the not-applicable policy a formula reads, directly or through variables.</summary>
    private HashSet<string> NotApplicableInputsOf(AnalyzedFormula formula, IReadOnlyDictionary<string, BoundVariable> variables)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in formula.Names)
        {
            if (_inputs.TryGetValue(name, out var input) && input.Definition.Missing == MissingPolicy.NotApplicable)
                result.Add(name);
            else if (variables.TryGetValue(name, out var variable))
                result.UnionWith(variable.NotApplicableInputs);
        }
        return result;
    }

    /// <summary>Depth-first topological sort; a back edge is a cycle, reported with its path.</summary>
    private List<string> OrderVariables(IReadOnlyDictionary<string, AnalyzedFormula> analyzed)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var path = new List<string>();
        foreach (var variable in _definition.Variables)
            if (analyzed.ContainsKey(variable.Name)) Visit(variable.Name);
        return order;

        void Visit(string name)
        {
            var current = state.GetValueOrDefault(name);
            if (current == 2) return;
            if (current == 1)
            {
                var cycle = path.Skip(path.IndexOf(name)).Append(name);
                var definition = _variableDefinitions[name];
                _diagnostics.Add(DiagnosticCatalog.Cycle, definition.Formula.Location, string.Join(" → ", cycle));
                return;
            }
            state[name] = 1;
            path.Add(name);
            foreach (var dependency in analyzed[name].Names.Where(analyzed.ContainsKey))
                Visit(dependency);
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
            order.Add(name);
        }
    }

    /// <summary>Lists the distinct group aggregates used anywhere and checks what they aggregate.</summary>
    private List<BoundAggregate> BindAggregates(IReadOnlyList<BoundVariable> variables)
    {
        var result = new List<BoundAggregate>();
        var variableByName = variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        foreach (var formula in _formulas.Values)
        {
            foreach (var use in formula.Aggregates)
            {
                if (result.Any(a => a.Kind == use.Kind && a.Name == use.Name)) continue;
                var where = formula.LocationAt(use.Start);
                if (_inputs.TryGetValue(use.Name, out var input))
                {
                    if (input.Type != InputType.Number)
                        _diagnostics.Add(DiagnosticCatalog.InvalidAggregate, "NotNumberInput", where, use.Kind, use.Name, input.Type.ToString().ToLowerInvariant());
                    else
                        result.Add(new BoundAggregate(result.Count, use.Kind, use.Name, true, input.Slot));
                }
                else if (variableByName.TryGetValue(use.Name, out var variable))
                {
                    if (variable.Definition.Type != ValueKind.Number)
                        _diagnostics.Add(DiagnosticCatalog.InvalidAggregate, "BoolVariable", where, use.Kind, use.Name);
                    else if (variable.Stage != 0)
                        _diagnostics.Add(DiagnosticCatalog.InvalidAggregate, "NestedAggregate", where, use.Kind, use.Name);
                    else
                        result.Add(new BoundAggregate(result.Count, use.Kind, use.Name, false, variable.Slot));
                }
                else
                {
                    _diagnostics.Add(DiagnosticCatalog.UnknownName, "Aggregate", where, $"Group{use.Kind}", use.Name, NameSuggester.Hint(use.Name, _inputs.Keys.Concat(variableByName.Keys)));
                }
            }
        }
        return result;
    }
}
