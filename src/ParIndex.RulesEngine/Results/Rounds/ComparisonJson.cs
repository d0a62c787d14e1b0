using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The JSON and CSV pieces the appraisal and what-if writers share: one agency compared in two
/// results, under the names of its two sides ("self"/"appraised", "before"/"after").
/// </summary>
internal static class ComparisonJson
{
    /// <summary>Indented, Vietnamese letters as they are (the output is a UTF-8 file, not HTML).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The rule set's identity.</summary>
    public static JsonObject RuleSet(ScoreReport report) =>
        new() { ["id"] = report.RuleSet.Id, ["version"] = report.RuleSet.Version, ["title"] = report.RuleSet.Title };

    /// <summary>Both results of one agency and the differences, named <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static JsonObject Agency(AgencyComparison a, string first, string second) => new()
    {
        ["agencyId"] = a.AgencyId,
        ["agencyName"] = a.Name,
        ["group"] = a.Second.Group,
        [first] = Result(a.First),
        [second] = Result(a.Second),
        ["totalDifference"] = a.TotalDifference,
        ["percentDifference"] = a.PercentDifference,
        ["rankChange"] = a.RankChange,
        ["overallRankChange"] = a.OverallRankChange,
    };

    /// <summary>One criterion's points on both sides (null where it does not apply) and the difference.</summary>
    public static JsonObject Criterion(CriterionChange c, string first, string second) => new()
    {
        ["code"] = c.Code,
        [first] = c.FirstApplicable ? c.FirstPoints : null,
        [second] = c.SecondApplicable ? c.SecondPoints : null,
        ["difference"] = c.Difference,
    };

    /// <summary>One agency's result in one round (or before/after a what-if).</summary>
    public static JsonObject Result(AgencyScore s) => new()
    {
        ["group"] = s.Group,
        ["total"] = s.Total,
        ["maxPoints"] = s.MaxPoints,
        ["percent"] = s.Percent,
        ["rank"] = s.Rank,
        ["overallRank"] = s.OverallRank,
        ["classification"] = s.Classification,
    };

    /// <summary>How a CSV text cell is written: escaped against formula injection unless the options turn it off.</summary>
    public static Func<string, string> CsvText(CsvResultOptions? options) =>
        (options ?? CsvResultOptions.Default).EscapeFormulas ? CsvFormulaGuard.Escape : cell => cell;
}
