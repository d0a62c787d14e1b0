namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of formulas (PAR04xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0401: A formula does not parse.</summary>
    public static readonly DiagnosticDescriptor FormulaSyntax = new(DiagnosticCodes.FormulaSyntax, DiagnosticSeverity.Error);
    /// <summary>PAR0402: A formula uses a construct outside the formula language (sandbox).</summary>
    public static readonly DiagnosticDescriptor ForbiddenConstruct = new(DiagnosticCodes.ForbiddenConstruct, DiagnosticSeverity.Error);
    /// <summary>PAR0403: A formula calls a function that does not exist.</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = new(DiagnosticCodes.UnknownFunction, DiagnosticSeverity.Error);
    /// <summary>PAR0404: A formula has the wrong type or wrong arguments.</summary>
    public static readonly DiagnosticDescriptor FormulaType = new(DiagnosticCodes.FormulaType, DiagnosticSeverity.Error);
    /// <summary>PAR0405: A group aggregate is used where it cannot be computed.</summary>
    public static readonly DiagnosticDescriptor InvalidAggregate = new(DiagnosticCodes.InvalidAggregate, DiagnosticSeverity.Error);
    /// <summary>PAR0406: An enum input is compared with a text literal that is not one of its values.</summary>
    public static readonly DiagnosticDescriptor ImpossibleEnumValue = new(DiagnosticCodes.ImpossibleEnumValue, DiagnosticSeverity.Error);
}
