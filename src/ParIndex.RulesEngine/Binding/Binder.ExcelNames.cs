using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    private Dictionary<string, string>? _rowNamesAnyCase;
    private Dictionary<string, string>? _eligibilityNamesAnyCase;

    /// <summary>
    /// For an Excel-style rule file, the declared spelling of a name written in any case (inputs
    /// and variables, and in eligibility conditions the result names); null for the C# style,
    /// whose names are case-sensitive.
    /// </summary>
    private Func<string, string?>? ExcelNames(FormulaScope scope)
    {
        if (_definition.FormulaStyle != FormulaStyle.Excel) return null;
        _rowNamesAnyCase ??= NamesAnyCase([]);
        _eligibilityNamesAnyCase ??= NamesAnyCase(ReservedNames.ResultNames.Keys);
        var names = scope == FormulaScope.Eligibility ? _eligibilityNamesAnyCase : _rowNamesAnyCase;
        return name => names.GetValueOrDefault(name);
    }

    private Dictionary<string, string> NamesAnyCase(IEnumerable<string> more)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _inputs.Keys.Concat(_variableDefinitions.Keys).Concat(more)) names.TryAdd(name, name);
        return names;
    }

    /// <summary>
    /// In the Excel style names are read in any case, so two declared names that differ only in
    /// case (<c>Plan</c> and <c>plan</c>) could not be told apart: a load error at the second.
    /// </summary>
    private void CheckCaseFoldClashes()
    {
        if (_definition.FormulaStyle != FormulaStyle.Excel) return;
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var declared = _definition.Inputs.Select(i => (i.Name, i.Location, Situation: "InputCaseClash"))
            .Concat(_definition.Variables.Select(v => (v.Name, v.Location, Situation: "VariableCaseClash")));
        foreach (var (name, location, situation) in declared)
        {
            if (seen.TryAdd(name, name) || seen[name] == name) continue;
            _diagnostics.Add(DiagnosticCatalog.DuplicateName, situation, location, name, seen[name]);
        }
    }
}
