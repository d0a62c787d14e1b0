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
                _diagnostics.Error(DiagnosticCodes.DuplicateName, $"The input '{input.Name}' has the same name as the agency id or name column.", input.Location);
            // Enum and text inputs share the string columns, so they share one slot counter.
            var column = input.Type == InputType.Enum ? InputType.Text : input.Type;
            var slot = slots.GetValueOrDefault(column);
            slots[column] = slot + 1;
            var bound = new BoundInput(input, slot, result.Count);
            if (!_inputs.TryAdd(input.Name, bound))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateName, $"The input '{input.Name}' is declared more than once.", input.Location);
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
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The input '{name}' is not a number, so it cannot have min or max.", where);
        if (input.Min is { } min && input.Max is { } max && min > max)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The input '{name}' has min {min} above max {max}.", where);
        if (input.Type == InputType.Enum && input.Values.Count == 0)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The enum input '{name}' needs a non-empty 'values' list.", where);
        if (input.Type != InputType.Enum && input.Values.Count > 0)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The input '{name}' is not an enum, so it cannot have 'values'.", where);
        if (input.Missing == MissingPolicy.Allow && input.Type == InputType.Bool)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The bool input '{name}' cannot use the missing policy 'allow' (a bool has no missing value); use 'default' or 'notApplicable'.", where);
        if (input.Missing == MissingPolicy.Default && input.Default is null)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The input '{name}' has missing policy 'default' but no 'default' value.", where);
        if (input.Missing != MissingPolicy.Default && input.Default is not null)
            _diagnostics.Warning(DiagnosticCodes.InvalidSetting, $"The input '{name}' has a 'default' value that is never used because its missing policy is '{input.Missing}'.", where);
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
            _diagnostics.Error(DiagnosticCodes.InvalidSetting,
                $"The default value '{value}' of input '{input.Name}' does not fit its type {input.Type.ToString().ToLowerInvariant()}" +
                (input.Type == InputType.Enum ? $" (allowed: {string.Join(", ", input.Values)})." : "."), input.Location);
            return;
        }
        if (input.Type == InputType.Number)
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            if (number < input.Min || number > input.Max)
                _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The default value {number} of input '{input.Name}' is outside its range [{input.Min}, {input.Max}].", input.Location);
        }
    }

    private BoundInput? BindGroupBy()
    {
        var groupBy = _definition.Ranking.GroupBy;
        if (groupBy is null) return null;
        var where = _definition.Ranking.Location ?? new SourceLocation(FileLabel, "ranking", 0, 0);
        if (!_inputs.TryGetValue(groupBy, out var input))
        {
            _diagnostics.Error(DiagnosticCodes.UnknownName, $"The ranking groups by '{groupBy}', which is not an input.{NameSuggester.Hint(groupBy, _inputs.Keys)}", where);
            return null;
        }
        if (input.Type is not (InputType.Enum or InputType.Text))
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The ranking groups by '{groupBy}', which must be an enum or text input.", where);
        if (input.Definition.Missing is MissingPolicy.NotApplicable or MissingPolicy.Allow)
            _diagnostics.Error(DiagnosticCodes.InvalidSetting, $"The ranking group input '{groupBy}' must always have a value: use the missing policy 'error' or 'default'.", where);
        return input;
    }
}
