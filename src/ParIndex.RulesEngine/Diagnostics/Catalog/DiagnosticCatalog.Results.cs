namespace ParIndex.RulesEngine.Diagnostics;

// The descriptors of results: rounds, what-if, history, targets, plans and test runs (PAR07xx).
public static partial class DiagnosticCatalog
{
    /// <summary>PAR0701: Two results compared criterion by criterion (rounds, what-if) are of different rule sets or versions.</summary>
    public static readonly DiagnosticDescriptor RoundsOfDifferentRuleSets = new(DiagnosticCodes.RoundsOfDifferentRuleSets, DiagnosticSeverity.Error);
    /// <summary>PAR0702: An agency is scored in one round only (self-assessed or appraised); it is listed, not compared (warning).</summary>
    public static readonly DiagnosticDescriptor AgencyInOneRound = new(DiagnosticCodes.AgencyInOneRound, DiagnosticSeverity.Warning);
    /// <summary>PAR0703: A what-if change names no input of the rule set.</summary>
    public static readonly DiagnosticDescriptor UnknownOverrideInput = new(DiagnosticCodes.UnknownOverrideInput, DiagnosticSeverity.Error);
    /// <summary>PAR0704: A what-if value is not valid for its input (type, enum value, range, missing where a value is required).</summary>
    public static readonly DiagnosticDescriptor BadOverrideValue = new(DiagnosticCodes.BadOverrideValue, DiagnosticSeverity.Error);
    /// <summary>PAR0705: A what-if change is for an agency that is not scored in the data.</summary>
    public static readonly DiagnosticDescriptor OverrideAgencyNotFound = new(DiagnosticCodes.OverrideAgencyNotFound, DiagnosticSeverity.Error);
    /// <summary>PAR0706: A what-if change is not written as input=value.</summary>
    public static readonly DiagnosticDescriptor MalformedOverride = new(DiagnosticCodes.MalformedOverride, DiagnosticSeverity.Error);
    /// <summary>PAR0707: A what-if run sets the same input of the same agency twice.</summary>
    public static readonly DiagnosticDescriptor RepeatedOverride = new(DiagnosticCodes.RepeatedOverride, DiagnosticSeverity.Error);
    /// <summary>PAR0730: A rule-file test case: an actual result differs from the expected one (at the scheme's precision).</summary>
    public static readonly DiagnosticDescriptor TestCaseFailed = new(DiagnosticCodes.TestCaseFailed, DiagnosticSeverity.Error);
    /// <summary>PAR0731: A rule-file test case's agency (or one beside it) is rejected by the input checks, so the case cannot be scored.</summary>
    public static readonly DiagnosticDescriptor TestCaseRejected = new(DiagnosticCodes.TestCaseRejected, DiagnosticSeverity.Error);
    /// <summary>PAR0710: A history function (PreviousPercent, PreviousRank, RankChange, AveragePercent) is used in a formula evaluated before ranking.</summary>
    public static readonly DiagnosticDescriptor HistoryBeforeRanking = new(DiagnosticCodes.HistoryBeforeRanking, DiagnosticSeverity.Error);
    /// <summary>PAR0711: A history function's argument is not a whole-number literal from 1 to 50.</summary>
    public static readonly DiagnosticDescriptor HistoryArgument = new(DiagnosticCodes.HistoryArgument, DiagnosticSeverity.Error);
    /// <summary>PAR0712: The rule set reads more earlier periods than the history given has: those values are missing for every agency.</summary>
    public static readonly DiagnosticDescriptor HistoryTooShort = new(DiagnosticCodes.HistoryTooShort, DiagnosticSeverity.Warning);
    /// <summary>PAR0713: A history results file cannot be used: its period cannot be told from its name, two files give the same period, or its content is not a results file.</summary>
    public static readonly DiagnosticDescriptor HistoryFile = new(DiagnosticCodes.HistoryFile, DiagnosticSeverity.Error);
    /// <summary>PAR0714: An agency id mapping (old id → new id) is malformed: an old id listed twice, an empty id, or a cycle.</summary>
    public static readonly DiagnosticDescriptor AgencyIdMap = new(DiagnosticCodes.AgencyIdMap, DiagnosticSeverity.Error);
    /// <summary>PAR0720: A target names no criterion of the rule set.</summary>
    public static readonly DiagnosticDescriptor TargetUnknownCriterion = new(DiagnosticCodes.TargetUnknownCriterion, DiagnosticSeverity.Error);
    /// <summary>PAR0721: A target's points are above its criterion's max (it could never be met).</summary>
    public static readonly DiagnosticDescriptor TargetAboveMax = new(DiagnosticCodes.TargetAboveMax, DiagnosticSeverity.Error);
    /// <summary>PAR0722: Two targets name the same criterion.</summary>
    public static readonly DiagnosticDescriptor DuplicateTarget = new(DiagnosticCodes.DuplicateTarget, DiagnosticSeverity.Error);
    /// <summary>PAR0723: An improvement plan cannot be made: the agency was not scored, or the target cannot be reached even with every criterion at its max.</summary>
    public static readonly DiagnosticDescriptor PlanTarget = new(DiagnosticCodes.PlanTarget, DiagnosticSeverity.Error);
}
