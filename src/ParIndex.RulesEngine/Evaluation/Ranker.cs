namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Competition ranking ("1, 2, 2, 4") by rounded percent, highest first. Agencies with equal
/// rounded percent share a rank; the next rank skips as many places as were shared. Percent is
/// already rounded to the scheme's precision, so 89.999999 and 90 are equal here.
/// </summary>
internal static class Ranker
{
    /// <summary>Ranks the given rows (indices into <paramref name="percent"/>) and writes into <paramref name="ranks"/>.</summary>
    public static void Rank(IReadOnlyList<int> rows, double[] percent, double[] ranks)
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
