using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// Checks a rule document against schemas/ruleset.schema.json (embedded in the assembly) and
/// turns every NJsonSchema error into a diagnostic with JSON path, line and column.
/// </summary>
internal static class SchemaValidator
{
    private const string ResourceName = "ParIndex.RulesEngine.ruleset.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema text shipped with the library.</summary>
    public static string SchemaText()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static void Validate(JsonSource source, DiagnosticBag diagnostics, CancellationToken budget = default)
    {
        var errors = budget.CanBeCanceled ? ValidateWithin(source, budget) : Schema.Value.Validate(source.Root);
        foreach (var error in Flatten(errors).OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition))
            Report(error, source, diagnostics);
    }

    /// <summary>
    /// NJsonSchema takes no cancellation token and needs about 0.1 ms per band step, so a rule
    /// file of 4 MiB of steps keeps it busy for many seconds. It runs on a thread of its own
    /// (with the load's large stack) while the load waits for it or for the budget: when the
    /// budget runs out first the load stops at once (OperationCanceledException) and the
    /// validation, bounded by MaxFileBytes, finishes in the background and is dropped.
    /// </summary>
    private static ICollection<ValidationError> ValidateWithin(JsonSource source, CancellationToken budget)
    {
        budget.ThrowIfCancellationRequested();
        ICollection<ValidationError>? errors = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            try
            {
                errors = Schema.Value.Validate(source.Root);
            }
            catch (Exception ex)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                // The load may have stopped waiting and disposed the event already.
                try { done.Set(); } catch (ObjectDisposedException) { }
            }
        }, LoadThread.StackBytes)
        {
            IsBackground = true,
            Name = "ParIndex schema validation",
        };
        thread.Start();
        WaitHandle.WaitAny([done.WaitHandle, budget.WaitHandle]);
        if (!done.IsSet) throw new OperationCanceledException(budget);
        failure?.Throw();
        return errors!;
    }

    /// <summary>
    /// NJsonSchema wraps errors inside array items and nested objects in container errors; the
    /// author needs the leaf errors, each with its own path and line. oneOf/anyOf failures stay
    /// whole because their message explains the alternatives.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child &&
                error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.AdditionalItemNotValid)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                    yield return nested;
            }
            else
            {
                yield return error;
            }
        }
    }

    private static JsonSchema LoadSchema() => JsonSchema.FromJsonAsync(SchemaText()).GetAwaiter().GetResult();

    private static void Report(ValidationError error, JsonSource source, DiagnosticBag diagnostics)
    {
        var path = ToJsonPath(error.Path);
        var location = new SourceLocation(source.File, path, error.HasLineInfo ? error.LineNumber : 0, error.HasLineInfo ? error.LinePosition : 0);
        var (situation, arguments) = SchemaMessages.Describe(error);
        diagnostics.Add(DiagnosticCatalog.SchemaViolation, situation, location, arguments);
    }

    /// <summary>NJsonSchema paths look like "#/criteria[0].code"; we show "criteria[0].code".</summary>
    private static string? ToJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var trimmed = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        return trimmed.Length == 0 ? "$" : trimmed;
    }
}
