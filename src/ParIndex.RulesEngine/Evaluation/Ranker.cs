using System.Buffers;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Competition ranking ("1, 2, 2, 4") by rounded percent, highest first: an agency's rank is one
/// more than the number of agencies of its set with a higher percent, so equal percents share a
/// rank and the next rank skips as many places as were shared. Percent is already rounded to the
/// scheme's precision, so 89.999999 and 90 are equal here.
/// <para>
/// Because percent lies on the grid of 10^-precision, ranking is a counting sort in O(n): each
/// percent is an integer key k = percent × 10^precision, the keys are counted, and one pass from
/// the top turns the counts into "how many are higher". That path is taken only when it is exact:
/// every percent must be exactly k ÷ 10^precision (so equal keys are equal percents and distinct
/// keys distinct percents) and the keys must span few enough values to count. Anything else (a
/// percent off the grid, NaN, a huge precision or spread) is ranked by a comparison sort with the
/// same meaning.
/// </para>
/// </summary>
internal static class Ranker
{
    /// <summary>Counting is used while the keys span at most this many values, or 4 per ranked row if that is more.</summary>
    internal const int SmallestCountedSpan = 1 << 16;

    /// <summary>Ranks rows by group and all rows together: <paramref name="groupRanks"/> and <paramref name="overallRanks"/> get NaN for rows not scored.</summary>
    public static void RankAll(double[] percent, int[] groups, bool[] scored, int groupCount, int precision, double[] groupRanks, double[] overallRanks)
    {
        var rows = scored.Length;
        // Rows of each group side by side (a counting sort by group), then every scored row in input order.
        var starts = new int[groupCount + 1];
        var scoredCount = 0;
        for (var row = 0; row < rows; row++)
        {
            groupRanks[row] = double.NaN;
            overallRanks[row] = double.NaN;
            if (!scored[row]) continue;
            starts[groups[row] + 1]++;
            scoredCount++;
        }
        for (var g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
        var byGroup = new int[scoredCount];
        var all = new int[scoredCount];
        var next = starts.AsSpan(0, groupCount).ToArray();
        var at = 0;
        for (var row = 0; row < rows; row++)
        {
            if (!scored[row]) continue;
            byGroup[next[groups[row]]++] = row;
            all[at++] = row;
        }
        for (var g = 0; g < groupCount; g++)
            Rank(byGroup.AsSpan(starts[g], starts[g + 1] - starts[g]), percent, groupRanks, precision);
        Rank(all, percent, overallRanks, precision);
    }

    /// <summary>Ranks the given rows (indices into <paramref name="percent"/>) and writes into <paramref name="ranks"/>.</summary>
    public static void Rank(ReadOnlySpan<int> rows, double[] percent, double[] ranks, int precision)
    {
        if (rows.IsEmpty) return;
        if (!TryGridRange(rows, percent, precision, out var scale, out var lowest, out var highest)
            || highest - lowest >= Math.Max(SmallestCountedSpan, 4L * rows.Length))
            RankByComparison(rows, percent, ranks);
        else
            RankByCounting(rows, percent, scale, lowest, (int)(highest - lowest + 1), ranks);
    }

    /// <summary>
    /// The range of the rows' integer keys, when every percent is exactly on the grid. The keys are
    /// computed again where they are counted rather than kept: the same arithmetic gives the same
    /// key, and an array of longs from the shared pool is generic code that every start compiled.
    /// </summary>
    private static bool TryGridRange(ReadOnlySpan<int> rows, double[] percent, int precision, out double scale, out long lowest, out long highest)
    {
        lowest = long.MaxValue;
        highest = long.MinValue;
        scale = 0;
        if (precision is < 0 or > 15) return false;
        scale = Math.Pow(10, precision);
        for (var i = 0; i < rows.Length; i++)
        {
            var value = percent[rows[i]];
            var scaled = Math.Round(value * scale);
            // NaN and infinities fail the first test; a percent off the grid fails the second.
            if (!(Math.Abs(scaled) < 1e15) || scaled / scale != value) return false;
            var key = (long)scaled;
            if (key < lowest) lowest = key;
            if (key > highest) highest = key;
        }
        return true;
    }

    /// <summary>The key of a percent <see cref="TryGridRange"/> accepted, less the lowest key.</summary>
    private static int Slot(double value, double scale, long lowest) => (int)((long)Math.Round(value * scale) - lowest);

    private static void RankByCounting(ReadOnlySpan<int> rows, double[] percent, double scale, long lowest, int span, double[] ranks)
    {
        var higher = ArrayPool<int>.Shared.Rent(span);
        try
        {
            var counts = higher.AsSpan(0, span);
            counts.Clear();
            for (var i = 0; i < rows.Length; i++) counts[Slot(percent[rows[i]], scale, lowest)]++;
            // From the top key down: each slot becomes the number of rows with a higher key.
            var above = 0;
            for (var k = span - 1; k >= 0; k--)
            {
                var count = counts[k];
                counts[k] = above;
                above += count;
            }
            for (var i = 0; i < rows.Length; i++) ranks[rows[i]] = 1 + counts[Slot(percent[rows[i]], scale, lowest)];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(higher);
        }
    }

    /// <summary>
    /// Highest percent first; among equals, input order (a NaN, which equals nothing, gets the
    /// next place after the rows before it, as a stable sort puts it last).
    /// </summary>
    private static void RankByComparison(ReadOnlySpan<int> rows, double[] percent, double[] ranks)
    {
        var ordered = rows.ToArray();
        Array.Sort(ordered, (a, b) => percent[b].CompareTo(percent[a]) is var byPercent and not 0 ? byPercent : a.CompareTo(b));
        for (var position = 0; position < ordered.Length; position++)
        {
            var row = ordered[position];
            ranks[row] = position > 0 && percent[row] == percent[ordered[position - 1]]
                ? ranks[ordered[position - 1]]
                : position + 1;
        }
    }
}
