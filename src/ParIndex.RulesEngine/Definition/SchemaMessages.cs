using NJsonSchema.Validation;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// Turns NJsonSchema's error kinds into sentences a rule author understands: each kind is a
/// situation of PAR0201 (resource <c>PAR0201_{Kind}</c>) with the property as its first argument,
/// so the sentence is in the current UI culture and the JSON path stays in the location.
/// </summary>
internal static class SchemaMessages
{
    /// <summary>The situation of PAR0201 and its arguments for <paramref name="error"/>.</summary>
    public static (string Situation, object?[] Arguments) Describe(ValidationError error)
    {
        var property = error.Property;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed or
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or
            ValidationErrorKind.BooleanExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.ObjectExpected or
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or
            ValidationErrorKind.StringTooShort or ValidationErrorKind.TooFewItems or ValidationErrorKind.ItemsNotUnique
                => (error.Kind.ToString(), [property]),
            ValidationErrorKind.NotInEnumeration => (error.Kind.ToString(), [property, AllowedValues(error)]),
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => DescribeAlternatives(error),
            _ => ("OtherKind", [property, error.Kind]),
        };
    }

    /// <summary>The sentence of <paramref name="error"/> in the current UI culture.</summary>
    private static string Sentence(ValidationError error)
    {
        var (situation, arguments) = Describe(error);
        return DiagnosticCatalog.SchemaViolation.FormatSituation(situation, arguments);
    }

    private static string AllowedValues(ValidationError error)
    {
        var values = error.Schema?.ActualSchema.Enumeration;
        return values is { Count: > 0 } ? EngineText.Format("SchemaAllowed", string.Join(", ", values)) : "";
    }

    /// <summary>
    /// A oneOf failure: either no alternative matched or several did. For the criterion's scoring
    /// forms each alternative just requires one property, so we can name them.
    /// </summary>
    private static (string Situation, object?[] Arguments) DescribeAlternatives(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child)
            return ("NoShape", []);
        var required = child.Errors.Keys.SelectMany(s => s.RequiredProperties).Distinct().ToList();
        var matched = child.Errors.Count(e => e.Value.Count == 0);
        var subject = error.Property is { Length: > 0 } p ? $"'{p}'" : EngineText.Get("SchemaThisObject");
        if (required.Count > 1 && child.Errors.All(e => e.Value.All(v => v.Kind == ValidationErrorKind.PropertyRequired) || e.Value.Count == 0))
        {
            var list = string.Join(", ", required);
            var clashing = child.Errors.Where(e => e.Value.Count == 0).SelectMany(e => e.Key.RequiredProperties).ToList();
            return matched > 1
                ? ("Together", [subject, string.Join(EngineText.Get("ListAnd"), clashing), list])
                : ("ExactlyOne", [subject, list]);
        }
        var details = child.Errors.SelectMany(e => e.Value).Select(Sentence).Distinct().Take(3);
        return ("NoneOfShapes", [subject, string.Join(" / ", details)]);
    }
}
