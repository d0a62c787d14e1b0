using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// The answer to one scoring request: whether it succeeded, the scores, and every problem of the
/// rules, the file and the rows in one list. Rows without problems are scored even when others
/// have some. Constructible, so a fake <see cref="IParIndexScorer"/> can return one.
/// </summary>
/// <param name="RuleSet">The rule-set name asked for.</param>
/// <param name="Version">The hosted version that scored the request (see <see cref="RuleSetStatus.Version"/>), 0 when none did.</param>
/// <param name="Agencies">The scored agencies, in input order.</param>
/// <param name="Problems">Every problem found, errors and warnings.</param>
/// <param name="Report">The full report (explanations, shortfalls…), or null when nothing was scored or in a fake.</param>
public sealed record ScoringResult(
    string RuleSet,
    long Version,
    IReadOnlyList<AgencyScore> Agencies,
    IReadOnlyList<ScoringProblem> Problems,
    ScoreReport? Report = null)
{
    /// <summary>True when no problem is an error: every row was read and scored.</summary>
    public bool Succeeded => !Problems.Any(p => p.IsError);

    /// <summary>A failed request: nothing scored, the problems say why.</summary>
    /// <param name="ruleSet">The rule-set name asked for.</param>
    /// <param name="version">The version that read the data, 0 when none.</param>
    /// <param name="problems">Why.</param>
    public static ScoringResult Failed(string ruleSet, long version, IReadOnlyList<ScoringProblem> problems) => new(ruleSet, version, [], problems);

    /// <summary>
    /// The problems as an RFC 9457 problem document (the shape of ASP.NET Core's
    /// <c>ProblemDetails</c>, with the problems under "errors"), for a 400 or 422 answer.
    /// </summary>
    /// <param name="status">The HTTP status to put in the document.</param>
    public ScoringProblemDocument ToProblemDocument(int status = 400)
    {
        var errors = Problems.Count(p => p.IsError);
        var first = Problems.FirstOrDefault(p => p.IsError);
        return new ScoringProblemDocument(
            Type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
            Title: errors == 0 ? "The data was scored." : "The data could not be scored in full.",
            Status: status,
            Detail: first is null ? null : errors == 1 ? first.Message : $"{first.Message} (and {errors - 1} more problem(s))",
            RuleSet: RuleSet,
            Version: Version,
            Scored: Agencies.Count,
            Errors: Problems);
    }
}

/// <summary>An RFC 9457 problem document for a scoring request; System.Text.Json writes it as <c>application/problem+json</c> expects.</summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">The first error, and how many more there are.</param>
/// <param name="RuleSet">The rule-set name asked for.</param>
/// <param name="Version">The hosted version that read the data.</param>
/// <param name="Scored">How many agencies were scored despite the problems.</param>
/// <param name="Errors">Every problem, each naming its row, field and place.</param>
public sealed record ScoringProblemDocument(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string RuleSet,
    long Version,
    int Scored,
    IReadOnlyList<ScoringProblem> Errors);
