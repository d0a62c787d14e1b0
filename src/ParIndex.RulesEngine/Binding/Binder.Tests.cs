using System.Globalization;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

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
                _diagnostics.Add(DiagnosticCatalog.InvalidTestOrMetadata, "DuplicateTestName", test.Location, test.Name);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var agency in test.Others.Prepend(test.Agency))
            {
                if (!ids.Add(agency.Id))
                    _diagnostics.Add(DiagnosticCatalog.InvalidTestOrMetadata, "RepeatedAgency", agency.Location, test.Name, agency.Id);
                foreach (var value in agency.Inputs) CheckTestInput(test.Name, value);
            }
            var expect = test.Expect;
            foreach (var criterion in expect.Criteria)
            {
                if (!codes.Contains(criterion.Name, StringComparer.Ordinal))
                    _diagnostics.Add(DiagnosticCatalog.TestUnknownTarget, "Criterion", criterion.Location, test.Name, criterion.Name, NameSuggester.Hint(criterion.Name, codes));
                CheckPrecision(test.Name, criterion);
            }
            foreach (var number in new[] { expect.Total, expect.MaxPoints, expect.Percent }.OfType<TestValue>()) CheckPrecision(test.Name, number);
            foreach (var rule in expect.Eligibility.Where(r => !rules.Contains(r.Name, StringComparer.Ordinal)))
                _diagnostics.Add(DiagnosticCatalog.TestUnknownTarget, "EligibilityRule", rule.Location, test.Name, rule.Name, NameSuggester.Hint(rule.Name, rules));
            if (expect.Classification is { Value: string label } classification && !labels.Contains(label, StringComparer.Ordinal))
                _diagnostics.Add(DiagnosticCatalog.TestUnknownTarget, labels.Count == 0 ? "NoClassification" : "Classification", classification.Location, test.Name, label, string.Join(", ", labels));
        }
    }

    private void CheckTestInput(string test, TestValue value)
    {
        if (!_inputs.TryGetValue(value.Name, out var input))
        {
            _diagnostics.Add(DiagnosticCatalog.TestUnknownInput, "Input", value.Location, test, value.Name, NameSuggester.Hint(value.Name, _inputs.Keys));
            return;
        }
        if (value.Value is null) return;
        switch (input.Type, value.Value)
        {
            case (InputType.Number, double) or (InputType.Bool, bool) or (InputType.Text, string):
                return;
            case (InputType.Enum, string text) when input.Definition.Values.Contains(text, StringComparer.Ordinal):
                return;
            case (InputType.Enum, string text):
                _diagnostics.Add(DiagnosticCatalog.TestValueType, "NotInEnum", value.Location, test, input.Name, ReservedNames.Printable(text), string.Join(", ", input.Definition.Values));
                return;
            default:
                _diagnostics.Add(DiagnosticCatalog.TestValueType, "WrongType", value.Location, test, input.Name, Article(input.Type), Describe(value.Value));
                return;
        }
    }

    private void CheckPrecision(string test, TestValue value)
    {
        if (value.Value is not double number) return;
        var precision = _definition.Precision;
        if (Math.Round(number, precision, MidpointRounding.AwayFromZero) != number)
            _diagnostics.Add(DiagnosticCatalog.TestValueType, "Precision", value.Location, test, value.Name, number.ToString("R", CultureInfo.InvariantCulture), precision);
    }

    private void CheckMetadataDate(RuleSetMetadata? metadata)
    {
        if (metadata?.Date is not { Length: 10 } date) return;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            _diagnostics.Add(DiagnosticCatalog.InvalidTestOrMetadata, "MetadataDate", metadata.Location ?? SourceLocation.None, date);
    }

    private static string Article(InputType type) => EngineText.Get(type switch
    {
        InputType.Number => "TestTypeNumber",
        InputType.Bool => "TestTypeBool",
        InputType.Enum => "TestTypeEnum",
        _ => "TestTypeText",
    });

    // true and false are written as in the rule file, in every language.
    private static string Describe(object value) => value switch
    {
        double d => EngineText.Format("TestValueNumber", d.ToString("R", CultureInfo.InvariantCulture)),
        bool b => b ? "true" : "false",
        string s => EngineText.Format("TestValueText", ReservedNames.Printable(s)),
        _ => value.ToString() ?? "",
    };
}
