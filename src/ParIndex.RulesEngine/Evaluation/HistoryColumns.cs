using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Fills the frame's history columns after ranking, before the eligibility stage reads them.
/// The rules for what is missing (docs/rule-files.md, "History"): a period the history does not
/// have, or an agency without a result in it (a new unit), gives NaN for PreviousPercent(k),
/// PreviousRank(k) and RankChange(k), so a comparison with it is false. AveragePercent(n) is
/// NaN for everyone when the history has fewer than n − 1 periods; otherwise it is the mean of
/// this period's percent and the percents of the n − 1 periods before it in which the agency
/// has a result (a unit created two years ago is averaged over its two years).
/// </summary>
internal static class HistoryColumns
{
    public static void Fill(BoundRuleSet rules, AgencyBatch batch, KernelFrame frame, bool[] scored, ResultsHistory? history)
    {
        for (var k = 1; k <= rules.HistoryPeriods; k++)
        {
            // No history: nobody has a result in period k, and the frame made these columns NaN.
            if (history is null) break;
            var percent = frame.HistoryPercent[k - 1];
            var rank = frame.HistoryRank[k - 1];
            for (var row = 0; row < frame.Rows; row++)
            {
                var before = scored[row] ? history.Find(k, batch.AgencyIds[row]) : null;
                percent[row] = before?.Percent ?? double.NaN;
                rank[row] = before?.Rank ?? double.NaN;
            }
        }
        var available = history?.Periods.Count ?? 0;
        for (var n = 1; n <= rules.AveragedPeriods; n++)
        {
            var average = frame.AveragePercent[n - 1];
            for (var row = 0; row < frame.Rows; row++)
                average[row] = scored[row] && available >= n - 1 ? Average(frame.Percent[row], batch.AgencyIds[row], n, history) : double.NaN;
        }
    }

    private static double Average(double current, string agencyId, int periods, ResultsHistory? history)
    {
        var sum = current;
        var count = 1;
        for (var k = 1; k < periods; k++)
        {
            if (history!.Find(k, agencyId) is not { } before) continue;
            sum += before.Percent;
            count++;
        }
        return sum / count;
    }
}
