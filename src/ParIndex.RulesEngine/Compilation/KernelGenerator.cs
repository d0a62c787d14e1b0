using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Generates the C# of one rule set: a static class with three kernel stages that each loop over
/// a range of rows of a <see cref="KernelFrame"/>. Arrays are hoisted out of the loop and every
/// name a formula reads becomes a local, so the loop body is what a careful person would write
/// by hand: no dictionary, no boxing, no allocation, no virtual call per row.
/// </summary>
internal sealed partial class KernelGenerator
{
    public const string Namespace = "ParIndex.Generated";
    public const string ClassName = "RuleSetKernel";
    public const string Functions = "global::ParIndex.RulesEngine.Kernel.FormulaFunctions";
    private const string Frame = "global::ParIndex.RulesEngine.Kernel.KernelFrame";

    private readonly BoundRuleSet _rules;
    private readonly SourceWriter _w = new();
    private readonly Dictionary<string, BoundInput> _inputs;
    private readonly Dictionary<string, BoundVariable> _variables;
    private readonly string _precision;
    private readonly double _scaleValue;
    private readonly string _scale;
    private bool _storeDetail = true;

    private KernelGenerator(BoundRuleSet rules)
    {
        _rules = rules;
        _inputs = rules.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _variables = rules.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        _precision = SourceWriter.Literal(rules.Definition.Precision);
        _scaleValue = FormulaFunctions.Pow10(rules.Definition.Precision);
        _scale = SourceWriter.Literal(_scaleValue);
    }

    public static GeneratedSource Generate(BoundRuleSet rules) => new KernelGenerator(rules).Run();

    private GeneratedSource Run()
    {
        _w.Line($"// Kernel generated for rule set '{Sanitize(_rules.Definition.Id)}' version '{Sanitize(_rules.Definition.Version)}'.");
        // Formulas call the function library by simple name; nothing else is imported.
        _w.Line("using static global::ParIndex.RulesEngine.Kernel.FormulaFunctions;");
        _w.Open($"namespace {Namespace}");
        _w.Open($"public static class {ClassName}");
        EmitVariablesStage();
        EmitSharedVariablesStage();
        EmitScoringStage(storeDetail: true);
        EmitScoringStage(storeDetail: false);
        EmitEligibilityStage();
        _w.Close();
        _w.Close();
        return _w.Build();
    }

    private void OpenStage(string name)
    {
        _w.Open($"public static void {name}({Frame} __f, int __start, int __end)");
    }

    private void OpenLoop() => _w.Open("for (int __i = __start; __i < __end; __i++)");

    /// <summary>
    /// Stage 0 before the detail stage: every variable that needs no group aggregate, each into
    /// its column (explanations show them; the detail areas read them from there).
    /// </summary>
    private void EmitVariablesStage() =>
        EmitStageZero("ComputeVariables", _rules.Variables.Where(v => v.Stage == 0).ToList());

    /// <summary>
    /// Stage 0 before the totals stage: only <see cref="BoundRuleSet.SharedVariables"/>, those
    /// something other than an area reads (group aggregates, variables that need them,
    /// eligibility conditions), with what they depend on. The totals areas compute the others
    /// where they read them (see <see cref="InlinedVariables"/>): a column written by one pass
    /// over the rows and read back by another costs more than the formula, and grows with the batch.
    /// </summary>
    private void EmitSharedVariablesStage() =>
        EmitStageZero("ComputeSharedVariables", _rules.SharedVariables);

    private void EmitStageZero(string name, IReadOnlyList<BoundVariable> stageVariables)
    {
        OpenStage(name);
        var computed = stageVariables.Select(v => v.Name).ToHashSet();
        var reads = NamesRead(stageVariables.Select(v => v.Formula));
        HoistReads(reads, computed, aggregates: false);
        foreach (var variable in stageVariables) _w.Line($"var {VariableColumn(variable)} = {VariableArray(variable)};");
        OpenLoop();
        LoadReads(reads, computed, aggregates: false);
        foreach (var variable in stageVariables) EmitVariableIntoColumn(variable);
        _w.Close();
        _w.Close();
    }

    private void EmitVariableIntoColumn(BoundVariable variable)
    {
        EmitVariableLocal(variable);
        _w.Line($"{VariableColumn(variable)}[__i] = {variable.Name};");
    }

    /// <summary>A variable's formula into a local named as the variable.</summary>
    private void EmitVariableLocal(BoundVariable variable)
    {
        var type = variable.Definition.Type == ValueKind.Bool ? "bool" : "double";
        _w.FormulaLine($"{type} {variable.Name} = ", variable.Formula, Rewrite(variable.Formula), ";");
    }

    /// <summary>Every input and variable name the formulas read, transitively through computed variables.</summary>
    private static HashSet<string> NamesRead(IEnumerable<AnalyzedFormula> formulas)
    {
        return formulas.SelectMany(f => f.Names).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Declares, before the loop, the arrays the loop reads.</summary>
    private void HoistReads(IEnumerable<string> names, IReadOnlySet<string> computedHere, bool aggregates)
    {
        foreach (var name in names.Where(n => !computedHere.Contains(n)).Order(StringComparer.Ordinal))
        {
            if (_inputs.TryGetValue(name, out var input)) _w.Line($"var __in_{name} = {InputArray(input)};");
            else if (_variables.TryGetValue(name, out var variable)) _w.Line($"var __in_{name} = {VariableArray(variable)};");
        }
        if (!aggregates || _rules.Aggregates.Count == 0) return;
        _w.Line("var __groups = __f.Groups;");
        foreach (var aggregate in _rules.Aggregates) _w.Line($"var __agg{aggregate.Index} = __f.Aggregates[{aggregate.Index}];");
    }

    /// <summary>Inside the loop, copies each read value into a local named as in the rule file.</summary>
    private void LoadReads(IEnumerable<string> names, IReadOnlySet<string> computedHere, bool aggregates)
    {
        foreach (var name in names.Where(n => !computedHere.Contains(n)).Order(StringComparer.Ordinal))
        {
            if (_inputs.TryGetValue(name, out var input)) _w.Line($"{TypeOf(input.Type)} {name} = __in_{name}[__i];");
            else if (_variables.TryGetValue(name, out var variable))
                _w.Line($"{(variable.Definition.Type == ValueKind.Bool ? "bool" : "double")} {name} = __in_{name}[__i];");
        }
        if (aggregates && _rules.Aggregates.Count > 0) _w.Line("int __g = __groups[__i];");
    }

    private RewrittenFormula Rewrite(AnalyzedFormula formula) =>
        FormulaRewriter.Rewrite(formula, AggregateRead, LookupRead, HistoryRead);

    private string AggregateRead(AggregateUse use)
    {
        var aggregate = _rules.Aggregates.First(a => a.Kind == use.Kind && a.Name == use.Name);
        return $"__agg{aggregate.Index}[__g]";
    }

    private string LookupRead(CriterionLookup lookup)
    {
        var node = _rules.Nodes.First(n => n.Code == lookup.Code);
        // The arrays are hoisted as locals by the eligibility stage (see EmitEligibilityStage).
        return lookup.Function == "MaxPoints"
            ? $"{Functions}.ApplicableMax(__X{node.Index}[__i])"
            : $"__P{node.Index}[__i]";
    }

    private static string TypeOf(InputType type) => type switch
    {
        InputType.Number => "double",
        InputType.Bool => "bool",
        _ => "string",
    };

    private static string InputArray(BoundInput input) => input.Type switch
    {
        InputType.Number => $"__f.Numbers[{input.Slot}]",
        InputType.Bool => $"__f.Bools[{input.Slot}]",
        _ => $"__f.Texts[{input.Slot}]",
    };

    private static string VariableArray(BoundVariable variable) => variable.Definition.Type == ValueKind.Bool
        ? $"__f.BoolVariables[{variable.Slot}]"
        : $"__f.NumberVariables[{variable.Slot}]";

    private static string VariableColumn(BoundVariable variable) => $"__out_{variable.Name}";
}
