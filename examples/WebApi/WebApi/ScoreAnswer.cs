using ParIndex.RulesEngine.Hosting;

namespace WebApi;

/// <summary>One scored agency as the API answers it.</summary>
public sealed record ScoredAgency(string AgencyId, string? Name, string Group, double Total, double MaxPoints, double Percent, int Rank, string? Classification);

/// <summary>A successful answer: the rule-set version that scored every row, and the rows.</summary>
public sealed record ScoreResponse(string RuleSet, long Version, IReadOnlyList<ScoredAgency> Agencies);

/// <summary>Turns a scoring result into an HTTP answer: 200 with the scores, or 400/404 with a problem document.</summary>
internal static class ScoreAnswer
{
    public static IResult From(ScoringResult result)
    {
        if (result.Succeeded)
            return Results.Ok(new ScoreResponse(result.RuleSet, result.Version, result.Agencies
                .Select(a => new ScoredAgency(a.AgencyId, a.Name, a.Group, a.Total, a.MaxPoints, a.Percent, a.Rank, a.Classification)).ToList()));
        // An unknown rule set is a missing resource; bad data is a bad request.
        var status = result.Problems.Any(p => p.Kind == ScoringProblemKind.Rule) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Results.Json(result.ToProblemDocument(status), statusCode: status, contentType: "application/problem+json");
    }
}
