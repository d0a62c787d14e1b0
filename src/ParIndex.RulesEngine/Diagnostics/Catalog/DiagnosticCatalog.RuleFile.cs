namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of names, structure, bands and test cases of the rule file (PAR03xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0301: A name is used that is not declared.</summary>
    public static readonly DiagnosticDescriptor UnknownName = new(DiagnosticCodes.UnknownName, DiagnosticSeverity.Error);
    /// <summary>PAR0302: Two inputs, variables or criteria share a name or code.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(DiagnosticCodes.DuplicateName, DiagnosticSeverity.Error);
    /// <summary>PAR0303: Variables depend on each other in a cycle.</summary>
    public static readonly DiagnosticDescriptor Cycle = new(DiagnosticCodes.Cycle, DiagnosticSeverity.Error);
    /// <summary>PAR0304: A declared name is reserved or not a usable identifier.</summary>
    public static readonly DiagnosticDescriptor ReservedName = new(DiagnosticCodes.ReservedName, DiagnosticSeverity.Error);
    /// <summary>PAR0305: The children's maximum points do not add up to the parent's.</summary>
    public static readonly DiagnosticDescriptor MaxSumMismatch = new(DiagnosticCodes.MaxSumMismatch, DiagnosticSeverity.Warning);
    /// <summary>PAR0306: A band can never be reached because earlier bands cover it.</summary>
    public static readonly DiagnosticDescriptor UnreachableBand = new(DiagnosticCodes.UnreachableBand, DiagnosticSeverity.Warning);
    /// <summary>PAR0307: Two bands overlap, so the later one only partly applies.</summary>
    public static readonly DiagnosticDescriptor OverlappingBand = new(DiagnosticCodes.OverlappingBand, DiagnosticSeverity.Warning);
    /// <summary>PAR0308: A setting contradicts another (e.g. a default of the wrong type, min above max).</summary>
    public static readonly DiagnosticDescriptor InvalidSetting = new(DiagnosticCodes.InvalidSetting, DiagnosticSeverity.Error);
    /// <summary>PAR0309: Classification bands leave a gap or repeat.</summary>
    public static readonly DiagnosticDescriptor ClassificationGap = new(DiagnosticCodes.ClassificationGap, DiagnosticSeverity.Warning);
    /// <summary>PAR0310: A criterion's max is not a multiple of 10^-precision, so rounded points could exceed it.</summary>
    public static readonly DiagnosticDescriptor MaxOffPrecisionGrid = new(DiagnosticCodes.MaxOffPrecisionGrid, DiagnosticSeverity.Error);
    /// <summary>PAR0311: The maximum points of a criterion's children, or of the top-level criteria, add up to more than a double can hold.</summary>
    public static readonly DiagnosticDescriptor MaxSumOverflow = new(DiagnosticCodes.MaxSumOverflow, DiagnosticSeverity.Error);
    /// <summary>PAR0312: A test case expects a criterion code, eligibility rule or classification label the rule set does not declare.</summary>
    public static readonly DiagnosticDescriptor TestUnknownTarget = new(DiagnosticCodes.TestUnknownTarget, DiagnosticSeverity.Error);
    /// <summary>PAR0313: A test case gives a value for an input the rule set does not declare.</summary>
    public static readonly DiagnosticDescriptor TestUnknownInput = new(DiagnosticCodes.TestUnknownInput, DiagnosticSeverity.Error);
    /// <summary>PAR0314: A test case's value does not fit: an input value of the wrong type or not among the enum's values, or an expected number finer than the precision.</summary>
    public static readonly DiagnosticDescriptor TestValueType = new(DiagnosticCodes.TestValueType, DiagnosticSeverity.Error);
    /// <summary>PAR0315: Two test cases share a name, a case gives one agency id twice, or the metadata date is not a calendar date.</summary>
    public static readonly DiagnosticDescriptor InvalidTestOrMetadata = new(DiagnosticCodes.InvalidTestOrMetadata, DiagnosticSeverity.Error);
    /// <summary>PAR0316: An input's column alias equals another input's name, alias or title.</summary>
    public static readonly DiagnosticDescriptor ColumnAliasClash = new(DiagnosticCodes.ColumnAliasClash, DiagnosticSeverity.Error);
}
