using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>What a problem concerns.</summary>
public enum ScoringProblemKind
{
    /// <summary>The rule set: unknown name, or not loaded.</summary>
    Rule,

    /// <summary>The data as a whole: malformed JSON, a truncated file, a repeated column, an I/O error.</summary>
    File,

    /// <summary>One row: that agency was not scored, the others were.</summary>
    Row,
}

/// <summary>One problem of a scoring request, with every place it can name.</summary>
/// <param name="Kind">Rule set, whole file or one row.</param>
/// <param name="Code">The diagnostic code (PARxxxx).</param>
/// <param name="Message">A sentence naming the place and the reason.</param>
/// <param name="IsError">False for a warning (the request still succeeds).</param>
/// <param name="Row">1-based data row, for row problems.</param>
/// <param name="AgencyId">The row's agency id, when it has one.</param>
/// <param name="Field">The input or column concerned, when one is.</param>
/// <param name="JsonPath">JSON path of the value, when known.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record ScoringProblem(
    ScoringProblemKind Kind,
    string Code,
    string Message,
    bool IsError = true,
    int? Row = null,
    string? AgencyId = null,
    string? Field = null,
    string? JsonPath = null,
    int Line = 0,
    int Column = 0)
{
    /// <summary>A row that was not scored.</summary>
    /// <param name="error">The row error.</param>
    public static ScoringProblem FromRow(RowError error) => new(ScoringProblemKind.Row, error.Code, error.Message, true,
        error.Row, error.AgencyId, error.Field, error.Location.JsonPath, error.Location.Line, error.Location.Column);

    /// <summary>A problem of the data as a whole (or, with <paramref name="kind"/>, of the rules).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="kind">What it concerns.</param>
    public static ScoringProblem FromDiagnostic(Diagnostic diagnostic, ScoringProblemKind kind = ScoringProblemKind.File) => new(kind,
        diagnostic.Code, diagnostic.Message, diagnostic.IsError, null, null, null, diagnostic.Location.JsonPath, diagnostic.Location.Line, diagnostic.Location.Column);
}
