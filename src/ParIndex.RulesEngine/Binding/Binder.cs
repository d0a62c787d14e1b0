using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Second stage of the pipeline: resolves every name in the rule set, orders variables, flattens
/// the criteria tree and checks what the schema cannot (duplicates, cycles, types of settings,
/// bands, max sums). Reports all problems; returns a bound rule set only when there is no error.
/// </summary>
internal sealed partial class Binder
{
    private readonly RuleSetDefinition _definition;
    private readonly BindingLimits _limits;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<Formula, AnalyzedFormula> _formulas = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, BoundInput> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableDefinition> _variableDefinitions = new(StringComparer.Ordinal);

    private Binder(RuleSetDefinition definition, BindingLimits limits, DiagnosticBag diagnostics)
    {
        _definition = definition;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    public static BoundRuleSet? Bind(RuleSetDefinition definition, BindingLimits limits, DiagnosticBag diagnostics) =>
        new Binder(definition, limits, diagnostics).Run();

    private BoundRuleSet? Run()
    {
        var inputs = BindInputs();
        DeclareVariables();
        CheckCaseFoldClashes();
        CheckColumnAliases();
        var variables = BindVariables();
        var nodes = BindCriteria();
        CheckMaxima(nodes);
        var aggregates = BindAggregates(variables);
        var eligibility = BindEligibility(nodes);
        CheckTargets(nodes);
        var classification = CheckClassification();
        var groupBy = BindGroupBy();
        CheckTestsAndMetadata(nodes);
        if (_diagnostics.HasErrors) return null;
        return new BoundRuleSet
        {
            Definition = _definition,
            Inputs = inputs,
            Variables = variables,
            Nodes = nodes,
            Aggregates = aggregates,
            Eligibility = eligibility,
            Formulas = _formulas,
            Classification = classification,
            GroupBy = groupBy,
        };
    }

    private string FileLabel => _definition.SourceFile ?? "<rules>";

    /// <summary>Analyzes a formula once and checks every name it reads is declared.</summary>
    private AnalyzedFormula Analyze(Formula formula, FormulaScope scope, string owner)
    {
        _limits.Budget.ThrowIfCancellationRequested();
        var analyzed = FormulaAnalyzer.Analyze(formula, scope, _limits, owner, _diagnostics, ExcelNames(scope));
        _formulas[formula] = analyzed;
        foreach (var use in analyzed.NameUses)
        {
            if (IsKnownName(use.Name, scope)) continue;
            var candidates = _inputs.Keys.Concat(_variableDefinitions.Keys)
                .Concat(scope == FormulaScope.Eligibility ? ReservedNames.ResultNames.Keys : []);
            _diagnostics.Add(DiagnosticCatalog.UnknownName, analyzed.LocationAt(use.Start), use.Name, owner, NameHint(use.Name, candidates));
        }
        CheckEnumLiterals(analyzed, scope);
        return analyzed;
    }

    /// <summary>
    /// <c>agencyType == "xaa"</c> with an enum input that cannot be "xaa" is always false (and
    /// != always true): a typo that would silently change scores. Reported at the literal. In
    /// eligibility conditions the result name <c>group</c> is the value of the ranking's enum
    /// input, so it is checked the same way.
    /// </summary>
    private void CheckEnumLiterals(AnalyzedFormula analyzed, FormulaScope scope)
    {
        foreach (var comparison in analyzed.TextComparisons)
        {
            var name = comparison.Name;
            if (scope == FormulaScope.Eligibility && name == "group" && _definition.Ranking.GroupBy is { } groupBy) name = groupBy;
            if (!_inputs.TryGetValue(name, out var input) || input.Type != InputType.Enum) continue;
            var values = input.Definition.Values;
            if (values.Contains(comparison.Literal, StringComparer.Ordinal)) continue;
            _diagnostics.Add(DiagnosticCatalog.ImpossibleEnumValue, name == comparison.Name ? "EnumInput" : "GroupInput", analyzed.LocationAt(comparison.LiteralStart),
                input.Name, ReservedNames.Printable(comparison.Literal), string.Join(", ", values), analyzed.Owner, NameSuggester.Hint(comparison.Literal, values));
        }
    }

    /// <summary>The nearest declared name; when none is near, whether the name looks like a cell reference (A1).</summary>
    private static string NameHint(string name, IEnumerable<string> candidates) =>
        NameSuggester.Hint(name, candidates) is { Length: > 0 } near ? near : ExcelHabits.ForName(name) ?? "";

    private bool IsKnownName(string name, FormulaScope scope) =>
        _inputs.ContainsKey(name) || _variableDefinitions.ContainsKey(name) ||
        (scope == FormulaScope.Eligibility && ReservedNames.ResultNames.ContainsKey(name));

    private void DeclareVariables()
    {
        foreach (var variable in _definition.Variables)
        {
            CheckDeclaredName(variable.Name, variable.Location);
            if (_inputs.ContainsKey(variable.Name) || !_variableDefinitions.TryAdd(variable.Name, variable))
                _diagnostics.Add(DiagnosticCatalog.DuplicateName, variable.Location, variable.Name);
        }
    }

    private void CheckDeclaredName(string name, SourceLocation location)
    {
        if (ReservedNames.Reason(name) is { } reason)
            _diagnostics.Add(DiagnosticCatalog.ReservedName, location, name, reason);
    }
}
