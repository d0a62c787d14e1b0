using System.Text.Json;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Scores agency data with a named, hosted rule set. Every method reads asynchronously (an
/// ASP.NET request body can be passed as is), scores under one lease (one rule-set version from
/// start to end, even while the file is reloaded) and returns one <see cref="ScoringResult"/>
/// carrying the scores and every problem, never throwing for bad data. Fake it in unit tests of
/// code that uses it.
/// </summary>
public interface IParIndexScorer
{
    /// <summary>Scores JSON rows: an array of objects, or an object with an "agencies" array.</summary>
    /// <param name="ruleSet">The configured rule-set name.</param>
    /// <param name="json">The JSON bytes, read asynchronously to the end and then disposed.</param>
    /// <param name="cancellationToken">Stops reading and scoring.</param>
    Task<ScoringResult> ScoreJsonAsync(string ruleSet, Stream json, CancellationToken cancellationToken = default);

    /// <summary>Scores CSV rows (header row with agencyId, agencyName and input names).</summary>
    /// <param name="ruleSet">The configured rule-set name.</param>
    /// <param name="csv">The CSV bytes, read with asynchronous reads only (never copied whole, so a request body can be passed as it is) and then disposed.</param>
    /// <param name="cancellationToken">Stops reading and scoring.</param>
    Task<ScoringResult> ScoreCsvAsync(string ruleSet, Stream csv, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scores rows already parsed from JSON (e.g. bound by ASP.NET as
    /// <c>Dictionary&lt;string, JsonElement&gt;</c>): JSON numbers are numbers, as in <see cref="ScoreJsonAsync"/>.
    /// </summary>
    /// <param name="ruleSet">The configured rule-set name.</param>
    /// <param name="rows">One dictionary per agency: agencyId, agencyName and input values.</param>
    /// <param name="cancellationToken">Stops reading and scoring.</param>
    Task<ScoringResult> ScoreRowsAsync(string ruleSet, IEnumerable<IReadOnlyDictionary<string, JsonElement>> rows, CancellationToken cancellationToken = default);
}
