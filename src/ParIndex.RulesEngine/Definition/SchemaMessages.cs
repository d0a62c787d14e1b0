using NJsonSchema.Validation;

namespace ParIndex.RulesEngine.Definition;

/// <summary>Turns NJsonSchema's error kinds into sentences a rule author understands.</summary>
internal static class SchemaMessages
{
    public static string Describe(ValidationError error)
    {
        var property = error.Property;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"The required property '{property}' is missing.",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"Unknown property '{property}'; check its spelling against the rule-file reference.",
            ValidationErrorKind.StringExpected => $"'{property}' must be a string.",
            ValidationErrorKind.NumberExpected => $"'{property}' must be a number.",
            ValidationErrorKind.IntegerExpected => $"'{property}' must be a whole number.",
            ValidationErrorKind.BooleanExpected => $"'{property}' must be true or false.",
            ValidationErrorKind.ArrayExpected => $"'{property}' must be an array.",
            ValidationErrorKind.ObjectExpected => $"'{property}' must be an object.",
            ValidationErrorKind.NotInEnumeration => $"'{property}' has a value that is not allowed here{AllowedValues(error)}.",
            ValidationErrorKind.PatternMismatch => $"'{property}' does not have the required form (letters, digits and the characters allowed for it).",
            ValidationErrorKind.NumberTooSmall => $"'{property}' is too small.",
            ValidationErrorKind.NumberTooBig => $"'{property}' is too big.",
            ValidationErrorKind.StringTooShort => $"'{property}' must not be empty.",
            ValidationErrorKind.TooFewItems => $"'{property}' needs at least one item.",
            ValidationErrorKind.ItemsNotUnique => $"'{property}' has repeated items.",
            ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf => DescribeAlternatives(error),
            _ => $"'{property}' breaks the schema ({error.Kind}).",
        };
    }

    private static string AllowedValues(ValidationError error)
    {
        var values = error.Schema?.ActualSchema.Enumeration;
        return values is { Count: > 0 } ? $" (allowed: {string.Join(", ", values)})" : "";
    }

    /// <summary>
    /// A oneOf failure: either no alternative matched or several did. For the criterion's scoring
    /// forms each alternative just requires one property, so we can name them.
    /// </summary>
    private static string DescribeAlternatives(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child)
            return "The value matches none of the allowed shapes.";
        var required = child.Errors.Keys.SelectMany(s => s.RequiredProperties).Distinct().ToList();
        var matched = child.Errors.Count(e => e.Value.Count == 0);
        var subject = error.Property is { Length: > 0 } p ? $"'{p}'" : "This object";
        if (required.Count > 1 && child.Errors.All(e => e.Value.All(v => v.Kind == ValidationErrorKind.PropertyRequired) || e.Value.Count == 0))
        {
            var list = string.Join(", ", required);
            var clashing = child.Errors.Where(e => e.Value.Count == 0).SelectMany(e => e.Key.RequiredProperties).ToList();
            return matched > 1
                ? $"{subject} has {string.Join(" and ", clashing)} together; give exactly one of {list}."
                : $"{subject} needs exactly one of {list}.";
        }
        var details = child.Errors.SelectMany(e => e.Value).Select(Describe).Distinct().Take(3);
        return $"{subject} matches none of the allowed shapes: {string.Join(" / ", details)}";
    }
}
