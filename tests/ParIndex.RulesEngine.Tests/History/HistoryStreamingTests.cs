using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.History;

/// <summary>Streaming has no history: the history functions are missing there, never 0.</summary>
[TestClass]
public sealed class HistoryStreamingTests
{
    [TestMethod]
    public void Streamed_history_functions_are_missing_so_conditions_on_them_are_false()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            eligibility: """[ { "id": "was", "title": "W", "conditions": [ { "title": "earlier ≥ 0", "when": "PreviousPercent(1) >= 0 || AveragePercent(2) >= 0 || RankChange(1) <= 0" } ] } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 10, "formula": "x" } ]""");
        var path = Path.Combine(Path.GetTempPath(), $"parindex-history-stream-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "agencyId,x\nA,9\nB,5\n");
        try
        {
            using var output = new StringWriter();
            StreamingScorer.ScoreCsvFile(rules, path, output);

            // Zeros would make every comparison hold (0 ≥ 0, 0 − rank ≤ 0); missing values make none hold.
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.HasCount(3, lines);
            Assert.IsTrue(lines.Skip(1).All(l => l.TrimEnd('\r').EndsWith(",false", StringComparison.Ordinal)), output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
