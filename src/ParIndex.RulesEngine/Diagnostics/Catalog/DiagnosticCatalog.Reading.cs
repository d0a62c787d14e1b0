namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of reading the rule file and checking it against the JSON Schema (PAR01xx, PAR02xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0101: The file could not be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new(DiagnosticCodes.FileUnreadable, DiagnosticSeverity.Error);
    /// <summary>PAR0102: The text is not well-formed JSON (or has a duplicate key).</summary>
    public static readonly DiagnosticDescriptor MalformedJson = new(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error);
    /// <summary>PAR0201: The document breaks the JSON Schema.</summary>
    public static readonly DiagnosticDescriptor SchemaViolation = new(DiagnosticCodes.SchemaViolation, DiagnosticSeverity.Error);
}
