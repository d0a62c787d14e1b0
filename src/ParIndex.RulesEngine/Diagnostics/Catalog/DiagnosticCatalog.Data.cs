namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of data files and rows (PAR06xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0601: A data file could not be read or lacks a required column.</summary>
    public static readonly DiagnosticDescriptor DataFile = new(DiagnosticCodes.DataFile, DiagnosticSeverity.Error);
    /// <summary>PAR0602: A data column is not an input of the rule set.</summary>
    public static readonly DiagnosticDescriptor UnknownColumn = new(DiagnosticCodes.UnknownColumn, DiagnosticSeverity.Warning);
    /// <summary>PAR0603: A required value is missing.</summary>
    public static readonly DiagnosticDescriptor MissingValue = new(DiagnosticCodes.MissingValue, DiagnosticSeverity.Error);
    /// <summary>PAR0604: A value has the wrong type.</summary>
    public static readonly DiagnosticDescriptor WrongType = new(DiagnosticCodes.WrongType, DiagnosticSeverity.Error);
    /// <summary>PAR0605: A value is outside the input's declared range.</summary>
    public static readonly DiagnosticDescriptor OutOfRange = new(DiagnosticCodes.OutOfRange, DiagnosticSeverity.Error);
    /// <summary>PAR0606: Two rows share an agency id.</summary>
    public static readonly DiagnosticDescriptor DuplicateAgency = new(DiagnosticCodes.DuplicateAgency, DiagnosticSeverity.Error);
    /// <summary>PAR0607: A row has no agency id.</summary>
    public static readonly DiagnosticDescriptor MissingAgencyId = new(DiagnosticCodes.MissingAgencyId, DiagnosticSeverity.Error);
    /// <summary>PAR0608: A number written as text breaks the culture's grammar: a group separator where grouping is off, groups not of three digits, a group separator with a decimal separator.</summary>
    public static readonly DiagnosticDescriptor NumberSeparator = new(DiagnosticCodes.NumberSeparator, DiagnosticSeverity.Error);
    /// <summary>PAR0609: A CSV line has a quoted field that is not closed properly; the line is rejected with the line range the quote covered.</summary>
    public static readonly DiagnosticDescriptor BadQuote = new(DiagnosticCodes.BadQuote, DiagnosticSeverity.Error);
    /// <summary>PAR0610: The data file ends in the middle of its last record (no line break and fewer fields than the header).</summary>
    public static readonly DiagnosticDescriptor TruncatedFile = new(DiagnosticCodes.TruncatedFile, DiagnosticSeverity.Error);
    /// <summary>PAR0611: A column name appears more than once in the CSV header.</summary>
    public static readonly DiagnosticDescriptor RepeatedColumn = new(DiagnosticCodes.RepeatedColumn, DiagnosticSeverity.Error);
    /// <summary>PAR0612: A JSON data file has content after its first value.</summary>
    public static readonly DiagnosticDescriptor ContentAfterJson = new(DiagnosticCodes.ContentAfterJson, DiagnosticSeverity.Error);
    /// <summary>PAR0613: A JSON agency object has the same key twice; that row is rejected.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(DiagnosticCodes.DuplicateKey, DiagnosticSeverity.Error);
    /// <summary>PAR0614: More row errors than the run keeps in full; the rest are counted by code and field.</summary>
    public static readonly DiagnosticDescriptor RowErrorsOmitted = new(DiagnosticCodes.RowErrorsOmitted, DiagnosticSeverity.Warning);
    /// <summary>PAR0615: A data file is UTF-16 without a byte order mark; it is read as UTF-16.</summary>
    public static readonly DiagnosticDescriptor Utf16WithoutBom = new(DiagnosticCodes.Utf16WithoutBom, DiagnosticSeverity.Warning);
    /// <summary>PAR0616: A column heading is the name, alias or title of more than one input; the file is not scored.</summary>
    public static readonly DiagnosticDescriptor AmbiguousColumn = new(DiagnosticCodes.AmbiguousColumn, DiagnosticSeverity.Error);
}
