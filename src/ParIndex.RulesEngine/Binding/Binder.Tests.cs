using System.Globalization;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Checks the rule file's test cases against the rules they test (names, value types, precision)
/// and the metadata's date, so a mistyped case fails at load with its place, not as a puzzling
/// test failure later.
/// </summary>
internal sealed partial class Binder
{
    private void CheckTestsAndMetadata(IReadOnlyList<BoundNode> nodes)
    {
        CheckMetadataDate(_definition.Metadata);
        if (_definition.Tests.Count == 0) return;
        var codes = nodes.Select(n => n.Definition.Code).ToList();
        var rules = _definition.Eligibility.Select(r => r.Id).ToList();
        var labels = _definition.Classification.Select(b => b.Label).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in _definition.Tests)
        {
            if (!names.Add(test.Name))
                _diagnostics.Error(DiagnosticCodes.InvalidTestOrMetadata, $"Two test cases are named '{test.Name}'; names must be unique.", test.Location);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var agency in test.Others.Prepend(test.Agency))
            {
                if (!ids.Add(agency.Id))
                    _diagnostics.Error(DiagnosticCodes.InvalidTestOrMetadata, $"Test case '{test.Name}' gives the agency id '{agency.Id}' more than once.", agency.Location);
                foreach (var value in agency.Inputs) CheckTestInput(test.Name, value);
            }
            var expect = test.Expect;
            foreach (var criterion in expect.Criteria)
            {
                if (!codes.Contains(criterion.Name, StringComparer.Ordinal))
                    _diagnostics.Error(DiagnosticCodes.TestUnknownTarget,
                        $"Test case '{test.Name}' expects points of criterion '{criterion.Name}', which the rule set does not declare.{NameSuggester.Hint(criterion.Name, codes)}",
                        criterion.Location);
                CheckPrecision(test.Name, criterion);
            }
            foreach (var number in new[] { expect.Total, expect.MaxPoints, expect.Percent }.OfType<TestValue>()) CheckPrecision(test.Name, number);
            foreach (var rule in expect.Eligibility.Where(r => !rules.Contains(r.Name, StringComparer.Ordinal)))
                _diagnostics.Error(DiagnosticCodes.TestUnknownTarget,
                    $"Test case '{test.Name}' expects the eligibility rule '{rule.Name}', which the rule set does not declare.{NameSuggester.Hint(rule.Name, rules)}",
                    rule.Location);
            if (expect.Classification is { Value: string label } classification && !labels.Contains(label, StringComparer.Ordinal))
                _diagnostics.Error(DiagnosticCodes.TestUnknownTarget,
                    $"Test case '{test.Name}' expects the classification '{label}', which is not a band of the rule set ({(labels.Count == 0 ? "it has none" : string.Join(", ", labels))}).",
                    classification.Location);
        }
    }

    private void CheckTestInput(string test, TestValue value)
    {
        if (!_inputs.TryGetValue(value.Name, out var input))
        {
            _diagnostics.Error(DiagnosticCodes.TestUnknownInput,
                $"Test case '{test}' gives a value for '{value.Name}', which is not an input of the rule set.{NameSuggester.Hint(value.Name, _inputs.Keys)}",
                value.Location);
            return;
        }
        if (value.Value is null) return;
        var problem = (input.Type, value.Value) switch
        {
            (InputType.Number, double) or (InputType.Bool, bool) or (InputType.Text, string) => null,
            (InputType.Enum, string text) when input.Definition.Values.Contains(text, StringComparer.Ordinal) => null,
            (InputType.Enum, string text) => $"\"{ReservedNames.Printable(text)}\" is not one of its values ({string.Join(", ", input.Definition.Values)})",
            _ => $"it is {Article(input.Type)} input, and the value is {Describe(value.Value)}",
        };
        if (problem is not null)
            _diagnostics.Error(DiagnosticCodes.TestValueType, $"Test case '{test}': the value of input '{input.Name}' does not fit: {problem}.", value.Location);
    }

    private void CheckPrecision(string test, TestValue value)
    {
        if (value.Value is not double number) return;
        var precision = _definition.Precision;
        if (Math.Round(number, precision, MidpointRounding.AwayFromZero) != number)
            _diagnostics.Error(DiagnosticCodes.TestValueType,
                $"Test case '{test}' expects {value.Name} = {number.ToString("R", CultureInfo.InvariantCulture)}, finer than the scheme's precision ({precision} decimals): results are rounded, so it could never match.",
                value.Location);
    }

    private void CheckMetadataDate(RuleSetMetadata? metadata)
    {
        if (metadata?.Date is not { Length: 10 } date) return;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            _diagnostics.Error(DiagnosticCodes.InvalidTestOrMetadata, $"The metadata date '{date}' is not a calendar date (YYYY-MM-DD).", metadata.Location ?? SourceLocation.None);
    }

    private static string Article(InputType type) => type switch
    {
        InputType.Number => "a number",
        InputType.Bool => "a true/false",
        InputType.Enum => "an enum",
        _ => "a text",
    };

    private static string Describe(object value) => value switch
    {
        double d => "the number " + d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => $"the text \"{ReservedNames.Printable(s)}\"",
        _ => value.ToString() ?? "",
    };
}
