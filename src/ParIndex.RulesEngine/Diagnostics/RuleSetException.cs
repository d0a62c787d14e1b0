using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// Thrown when a rule file cannot be loaded. Carries every diagnostic found, not just the first,
/// so a rule author can fix them all in one pass.
/// </summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    public RuleSetException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>All diagnostics of the load, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var head = EngineText.Format("RuleSetErrors", errors.Count);
        return errors.Count == 0 ? head : head + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
