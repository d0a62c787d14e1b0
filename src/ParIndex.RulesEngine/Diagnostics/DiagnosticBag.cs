namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>Collects diagnostics across the pipeline stages; not thread-safe.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly HashSet<Diagnostic> _seen = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>
    /// Adds a diagnostic unless the very same one (code, message, place) is already there: the
    /// Excel-style IFERROR(v, f) writes v twice in its lowering, and its mistakes are one each.
    /// </summary>
    public void Add(Diagnostic diagnostic)
    {
        if (_seen.Add(diagnostic)) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Add(diagnostic);
    }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] arguments) =>
        Add(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>Adds a diagnostic with the message of one situation of the code, at the descriptor's default severity.</summary>
    public void Add(DiagnosticDescriptor descriptor, string situation, SourceLocation location, params object?[] arguments) =>
        Add(Diagnostic.Create(descriptor, situation, descriptor.DefaultSeverity, location, arguments));

    /// <summary>Adds a diagnostic with the message of one situation of the code, at <paramref name="severity"/>.</summary>
    public void Add(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string situation, SourceLocation location, params object?[] arguments) =>
        Add(Diagnostic.Create(descriptor, situation, severity, location, arguments));

    public void Error(string code, string message, SourceLocation location) => Add(Diagnostic.Error(code, message, location));
}
