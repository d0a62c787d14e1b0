namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>Collects diagnostics across the pipeline stages; not thread-safe.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments) =>
        _items.Add(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>Adds a diagnostic with the message of one situation of the code, at the descriptor's default severity.</summary>
    public void Add(DiagnosticDescriptor descriptor, string situation, SourceLocation location, params object?[] arguments) =>
        _items.Add(Diagnostic.Create(descriptor, situation, descriptor.DefaultSeverity, location, arguments));

    /// <summary>Adds a diagnostic with the message of one situation of the code, at <paramref name="severity"/>.</summary>
    public void Add(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string situation, SourceLocation location, params object?[] arguments) =>
        _items.Add(Diagnostic.Create(descriptor, situation, severity, location, arguments));

    public void Error(string code, string message, SourceLocation location) =>
        _items.Add(Diagnostic.Error(code, message, location));

    public void Warning(string code, string message, SourceLocation location) =>
        _items.Add(Diagnostic.Warning(code, message, location));
}
