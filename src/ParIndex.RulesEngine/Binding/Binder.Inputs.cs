using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    private List<BoundInput> BindInputs()
    {
        var slots = new Dictionary<InputType, int>();
        var result = new List<BoundInput>();
        var agency = _definition.Agency;
        foreach (var input in _definition.Inputs)
        {
            CheckDeclaredName(input.Name, input.Location);
            if (input.Name == agency.IdColumn || input.Name == agency.NameColumn)
                _diagnostics.Add(DiagnosticCatalog.DuplicateName, "InputIsAgencyColumn", input.Location, input.Name);
            // Enum and text inputs share the string columns, so they share one slot counter.
            var column = input.Type == InputType.Enum ? InputType.Text : input.Type;
            var slot = slots.GetValueOrDefault(column);
            slots[column] = slot + 1;
            var bound = new BoundInput(input, slot, result.Count);
            if (!_inputs.TryAdd(input.Name, bound))
            {
                _diagnostics.Add(DiagnosticCatalog.DuplicateName, "Input", input.Location, input.Name);
                continue;
            }
            CheckInputSettings(input);
            result.Add(bound);
        }
        return result;
    }

    private void CheckInputSettings(InputDefinition input)
    {
        var where = input.Location;
        var name = input.Name;
        if (input.Type != InputType.Number && (input.Min is not null || input.Max is not null))
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "RangeOnNonNumber", where, name);
        if (input.Min is { } min && input.Max is { } max && min > max)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "MinAboveMax", where, name, min, max);
        if (input.Type == InputType.Enum && input.Values.Count == 0)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "EnumWithoutValues", where, name);
        if (input.Type != InputType.Enum && input.Values.Count > 0)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "ValuesOnNonEnum", where, name);
        if (input.Missing == MissingPolicy.Allow && input.Type == InputType.Bool)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "BoolAllowsMissing", where, name);
        if (input.Missing == MissingPolicy.Default && input.Default is null)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "DefaultPolicyWithoutValue", where, name);
        if (input.Missing != MissingPolicy.Default && input.Default is not null)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, DiagnosticSeverity.Warning, "UnusedDefault", where, name, input.Missing);
        if (input.Default is { } value) CheckDefault(input, value);
    }

    private void CheckDefault(InputDefinition input, object value)
    {
        var ok = input.Type switch
        {
            InputType.Number => value is double or long or int,
            InputType.Bool => value is bool,
            InputType.Enum => value is string s && input.Values.Contains(s),
            InputType.Text => value is string,
            _ => false,
        };
        if (!ok)
        {
            if (input.Type == InputType.Enum)
                _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "DefaultNotInEnum", input.Location, value, input.Name, string.Join(", ", input.Values));
            else
                _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "DefaultWrongType", input.Location, value, input.Name, input.Type.ToString().ToLowerInvariant());
            return;
        }
        if (input.Type == InputType.Number)
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            if (number < input.Min || number > input.Max)
                _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "DefaultOutOfRange", input.Location, number, input.Name, input.Min, input.Max);
        }
    }

    private BoundInput? BindGroupBy()
    {
        var groupBy = _definition.Ranking.GroupBy;
        if (groupBy is null) return null;
        var where = _definition.Ranking.Location ?? new SourceLocation(FileLabel, "ranking", 0, 0);
        if (!_inputs.TryGetValue(groupBy, out var input))
        {
            _diagnostics.Add(DiagnosticCatalog.UnknownName, "GroupBy", where, groupBy, NameSuggester.Hint(groupBy, _inputs.Keys));
            return null;
        }
        if (input.Type is not (InputType.Enum or InputType.Text))
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "GroupByType", where, groupBy);
        if (input.Definition.Missing is MissingPolicy.NotApplicable or MissingPolicy.Allow)
            _diagnostics.Add(DiagnosticCatalog.InvalidSetting, "GroupByMissing", where, groupBy);
        return input;
    }
}
