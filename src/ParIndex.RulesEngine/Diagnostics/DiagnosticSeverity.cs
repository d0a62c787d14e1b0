namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,
    /// <summary>Probably a mistake, but the rule set still loads.</summary>
    Warning,
    /// <summary>The rule set (or data) cannot be used as it is.</summary>
    Error,
}
