namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// The ranking the engine used before the counting sort, kept as the ranking benchmark's baseline:
/// a list of rows per group, then a LINQ <c>OrderByDescending</c> per group and once for all
/// rows, equal neighbours sharing a rank.
/// </summary>
public static class LinqRanker
{
    /// <summary>Ranks by group and overall as the engine did.</summary>
    public static void RankAll(double[] percent, int[] groups, bool[] scored, int groupCount, double[] groupRanks, double[] overallRanks)
    {
        var byGroup = new List<int>[groupCount];
        for (var g = 0; g < groupCount; g++) byGroup[g] = new List<int>();
        var all = new List<int>();
        for (var row = 0; row < scored.Length; row++)
        {
            groupRanks[row] = double.NaN;
            overallRanks[row] = double.NaN;
            if (!scored[row]) continue;
            byGroup[groups[row]].Add(row);
            all.Add(row);
        }
        foreach (var rows in byGroup) Rank(rows, percent, groupRanks);
        Rank(all, percent, overallRanks);
    }

    private static void Rank(IReadOnlyList<int> rows, double[] percent, double[] ranks)
    {
        var ordered = rows.OrderByDescending(r => percent[r]).ToArray();
        for (var position = 0; position < ordered.Length; position++)
        {
            var row = ordered[position];
            ranks[row] = position > 0 && percent[row] == percent[ordered[position - 1]]
                ? ranks[ordered[position - 1]]
                : position + 1;
        }
    }
}
