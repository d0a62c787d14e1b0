namespace ParIndex.RulesEngine.Diagnostics;

/// <summary>
/// The stable diagnostic codes. The first digit after PAR names the stage that reports it:
/// 01 reading JSON, 02 schema, 03 names and structure, 04 formulas, 05 compilation and sandbox,
/// 06 data files and rows.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file could not be read.</summary>
    public const string FileUnreadable = "PAR0101";
    /// <summary>The text is not well-formed JSON (or has a duplicate key).</summary>
    public const string MalformedJson = "PAR0102";
    /// <summary>The document breaks the JSON Schema.</summary>
    public const string SchemaViolation = "PAR0201";
    /// <summary>A name is used that is not declared.</summary>
    public const string UnknownName = "PAR0301";
    /// <summary>Two inputs, variables or criteria share a name or code.</summary>
    public const string DuplicateName = "PAR0302";
    /// <summary>Variables depend on each other in a cycle.</summary>
    public const string Cycle = "PAR0303";
    /// <summary>A declared name is reserved or not a usable identifier.</summary>
    public const string ReservedName = "PAR0304";
    /// <summary>The children's maximum points do not add up to the parent's.</summary>
    public const string MaxSumMismatch = "PAR0305";
    /// <summary>A band can never be reached because earlier bands cover it.</summary>
    public const string UnreachableBand = "PAR0306";
    /// <summary>Two bands overlap, so the later one only partly applies.</summary>
    public const string OverlappingBand = "PAR0307";
    /// <summary>A setting contradicts another (e.g. a default of the wrong type, min above max).</summary>
    public const string InvalidSetting = "PAR0308";
    /// <summary>Classification bands leave a gap or repeat.</summary>
    public const string ClassificationGap = "PAR0309";
    /// <summary>A criterion's max is not a multiple of 10^-precision, so rounded points could exceed it.</summary>
    public const string MaxOffPrecisionGrid = "PAR0310";
    /// <summary>The maximum points of a criterion's children, or of the top-level criteria, add up to more than a double can hold.</summary>
    public const string MaxSumOverflow = "PAR0311";
    /// <summary>A test case expects a criterion code, eligibility rule or classification label the rule set does not declare.</summary>
    public const string TestUnknownTarget = "PAR0312";
    /// <summary>A test case gives a value for an input the rule set does not declare.</summary>
    public const string TestUnknownInput = "PAR0313";
    /// <summary>A test case's value does not fit: an input value of the wrong type or not among the enum's values, or an expected number finer than the precision.</summary>
    public const string TestValueType = "PAR0314";
    /// <summary>Two test cases share a name, a case gives one agency id twice, or the metadata date is not a calendar date.</summary>
    public const string InvalidTestOrMetadata = "PAR0315";
    /// <summary>An input's column alias equals another input's name, alias or title, so a heading could not tell the two apart.</summary>
    public const string ColumnAliasClash = "PAR0316";
    /// <summary>A formula does not parse.</summary>
    public const string FormulaSyntax = "PAR0401";
    /// <summary>A formula uses a construct outside the formula language (sandbox).</summary>
    public const string ForbiddenConstruct = "PAR0402";
    /// <summary>A formula calls a function that does not exist.</summary>
    public const string UnknownFunction = "PAR0403";
    /// <summary>A formula has the wrong type or wrong arguments.</summary>
    public const string FormulaType = "PAR0404";
    /// <summary>A group aggregate is used where it cannot be computed.</summary>
    public const string InvalidAggregate = "PAR0405";
    /// <summary>An enum input is compared with a text literal that is not one of its values.</summary>
    public const string ImpossibleEnumValue = "PAR0406";
    /// <summary>The compiled code referenced a symbol outside the allow-list.</summary>
    public const string SandboxViolation = "PAR0501";
    /// <summary>The generated code failed to compile for a reason not tied to one formula.</summary>
    public const string CompilationFailed = "PAR0502";
    /// <summary>The kernel cache folder is not used: others can write it, or it is not the user's (warning).</summary>
    public const string CacheFolderRefused = "PAR0503";
    /// <summary>The kernel cache is not used: its secret key is missing, too short, or readable by others (warning).</summary>
    public const string CacheKeyRefused = "PAR0504";
    /// <summary>A kernel cache entry failed authentication, verification or loading; it was deleted and the rule set compiled (warning).</summary>
    public const string CacheEntryRejected = "PAR0505";
    /// <summary>A freshly compiled kernel does not have the metadata the generator emits (an engine fault; the rule set does not load).</summary>
    public const string KernelImageRejected = "PAR0506";
    /// <summary>A compiled kernel could not be written to the cache folder (info).</summary>
    public const string CacheWriteFailed = "PAR0507";
    /// <summary>A data file could not be read or lacks a required column.</summary>
    public const string DataFile = "PAR0601";
    /// <summary>A data column is not an input of the rule set.</summary>
    public const string UnknownColumn = "PAR0602";
    /// <summary>A required value is missing.</summary>
    public const string MissingValue = "PAR0603";
    /// <summary>A value has the wrong type.</summary>
    public const string WrongType = "PAR0604";
    /// <summary>A value is outside the input's declared range.</summary>
    public const string OutOfRange = "PAR0605";
    /// <summary>Two rows share an agency id.</summary>
    public const string DuplicateAgency = "PAR0606";
    /// <summary>A row has no agency id.</summary>
    public const string MissingAgencyId = "PAR0607";
    /// <summary>A number written as text breaks the culture's grammar: a group separator where grouping is off, groups not of three digits, a group separator with a decimal separator.</summary>
    public const string NumberSeparator = "PAR0608";
    /// <summary>A CSV line has a quoted field that is not closed properly; the line is rejected with the line range the quote covered.</summary>
    public const string BadQuote = "PAR0609";
    /// <summary>The data file ends in the middle of its last record (no line break and fewer fields than the header).</summary>
    public const string TruncatedFile = "PAR0610";
    /// <summary>A column name appears more than once in the CSV header.</summary>
    public const string RepeatedColumn = "PAR0611";
    /// <summary>A JSON data file has content after its first value.</summary>
    public const string ContentAfterJson = "PAR0612";
    /// <summary>A JSON agency object has the same key twice; that row is rejected.</summary>
    public const string DuplicateKey = "PAR0613";
    /// <summary>More row errors than the run keeps in full; the rest are counted by code and field.</summary>
    public const string RowErrorsOmitted = "PAR0614";
    /// <summary>A data file is UTF-16 without a byte order mark; it is read as UTF-16.</summary>
    public const string Utf16WithoutBom = "PAR0615";
    /// <summary>A data file's column heading is the name, alias or title of more than one input.</summary>
    public const string AmbiguousColumn = "PAR0616";
    /// <summary>Two results compared criterion by criterion (rounds, what-if) are of different rule sets or versions.</summary>
    public const string RoundsOfDifferentRuleSets = "PAR0701";
    /// <summary>An agency is scored in one round only (self-assessed or appraised); it is listed, not compared (warning).</summary>
    public const string AgencyInOneRound = "PAR0702";
    /// <summary>A what-if change names no input of the rule set.</summary>
    public const string UnknownOverrideInput = "PAR0703";
    /// <summary>A what-if value is not valid for its input (type, enum value, range, missing where a value is required).</summary>
    public const string BadOverrideValue = "PAR0704";
    /// <summary>A what-if change is for an agency that is not scored in the data.</summary>
    public const string OverrideAgencyNotFound = "PAR0705";
    /// <summary>A what-if change is not written as input=value.</summary>
    public const string MalformedOverride = "PAR0706";
    /// <summary>A what-if run sets the same input of the same agency twice.</summary>
    public const string RepeatedOverride = "PAR0707";
    /// <summary>A rule-file test case: an actual result differs from the expected one (at the scheme's precision).</summary>
    public const string TestCaseFailed = "PAR0730";
    /// <summary>A rule-file test case's agency (or one beside it) is rejected by the input checks, so the case cannot be scored.</summary>
    public const string TestCaseRejected = "PAR0731";

    /// <summary>A history function (PreviousPercent, PreviousRank, RankChange, AveragePercent) is used in a formula evaluated before ranking.</summary>
    public const string HistoryBeforeRanking = "PAR0710";
    /// <summary>A history function's argument is not a whole-number literal from 1 to 50.</summary>
    public const string HistoryArgument = "PAR0711";
    /// <summary>The rule set reads more earlier periods than the history given has: those values are missing for every agency.</summary>
    public const string HistoryTooShort = "PAR0712";
    /// <summary>A history results file cannot be used: its period cannot be told from its name, two files give the same period, or its content is not a results file.</summary>
    public const string HistoryFile = "PAR0713";
    /// <summary>An agency id mapping (old id → new id) is malformed: an old id listed twice, an empty id, or a cycle.</summary>
    public const string AgencyIdMap = "PAR0714";
    /// <summary>A target names no criterion of the rule set.</summary>
    public const string TargetUnknownCriterion = "PAR0720";
    /// <summary>A target's points are above its criterion's max (it could never be met).</summary>
    public const string TargetAboveMax = "PAR0721";
    /// <summary>Two targets name the same criterion.</summary>
    public const string DuplicateTarget = "PAR0722";
    /// <summary>An improvement plan cannot be made: the agency was not scored, or the target cannot be reached even with every criterion at its max.</summary>
    public const string PlanTarget = "PAR0723";
}
