namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// One problem found while loading a rule file or reading data, with a stable code
/// (see <see cref="DiagnosticCodes"/>) and the place it concerns.
/// </summary>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Code">A stable code such as <c>PAR0301</c>; documented in docs/diagnostics.md.</param>
/// <param name="Message">A sentence for a person, naming the criterion, input or agency concerned.</param>
/// <param name="Location">File, JSON path, line and column.</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location)
{
    /// <summary>Creates an error.</summary>
    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Error, code, message, location);

    /// <summary>Creates a warning.</summary>
    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(DiagnosticSeverity.Warning, code, message, location);

    /// <summary>
    /// Creates a diagnostic of <paramref name="descriptor"/> at its default severity, the message
    /// formatted from the descriptor's message format in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
    /// </summary>
    /// <param name="descriptor">The descriptor of the code (see <see cref="DiagnosticCatalog"/>).</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="arguments">The values of the message format's placeholders: names, codes and values, which stay as they are in every language.</param>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments) =>
        Create(descriptor, descriptor.DefaultSeverity, location, arguments);

    /// <summary>Creates a diagnostic of <paramref name="descriptor"/> at <paramref name="severity"/> (for a code reported as an error in one place and a warning in another).</summary>
    /// <param name="descriptor">The descriptor of the code (see <see cref="DiagnosticCatalog"/>).</param>
    /// <param name="severity">The severity in this place.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="arguments">The values of the message format's placeholders.</param>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, SourceLocation location, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(severity, descriptor.Id, descriptor.FormatMessage(null, arguments), location);
    }

    /// <summary>Creates a diagnostic with the message of one situation of the descriptor's code (see <see cref="DiagnosticDescriptor.FormatSituation"/>).</summary>
    internal static Diagnostic Create(DiagnosticDescriptor descriptor, string situation, DiagnosticSeverity severity, SourceLocation location, params object?[] arguments) =>
        new(severity, descriptor.Id, descriptor.FormatSituation(situation, arguments), location);

    /// <summary>The descriptor of <see cref="Code"/>: title, message format, default severity, help link.</summary>
    public DiagnosticDescriptor? Descriptor => DiagnosticCatalog.Find(Code);

    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats as <c>file(line,col): error CODE: message [at path]</c>.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        var path = string.IsNullOrEmpty(Location.JsonPath) ? "" : $" [at {Location.JsonPath}]";
        return $"{Location}: {severity} {Code}: {Message}{path}";
    }
}
