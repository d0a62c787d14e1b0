using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// <see cref="Ranker"/>: competition ranks (one more than the number of agencies with a higher
/// percent) by group and overall, whether the counting sort on the 10^-precision grid or the
/// comparison sort does the work. The oracle is the definition itself, counted pair by pair.
/// </summary>
[TestClass]
public sealed class RankerTests
{
    /// <summary>1 + the number of rows of the same set (same group, or all) with a strictly higher percent; NaN when not scored.</summary>
    private static double[] Oracle(double[] percent, int[] groups, bool[] scored, bool byGroup)
    {
        var ranks = new double[percent.Length];
        for (var row = 0; row < percent.Length; row++)
        {
            if (!scored[row]) { ranks[row] = double.NaN; continue; }
            var higher = 0;
            for (var other = 0; other < percent.Length; other++)
                if (scored[other] && (!byGroup || groups[other] == groups[row]) && percent[other] > percent[row]) higher++;
            ranks[row] = 1 + higher;
        }
        return ranks;
    }

    private static (double[] Group, double[] Overall) Rank(double[] percent, int[] groups, bool[] scored, int precision)
    {
        var group = new double[percent.Length];
        var overall = new double[percent.Length];
        Ranker.RankAll(percent, groups, scored, groups.Length == 0 ? 0 : groups.Max() + 1, precision, group, overall);
        return (group, overall);
    }

    [TestMethod]
    public void Equal_percents_share_a_rank_and_the_next_skips_the_shared_places()
    {
        // 90, 85.5, 90, 85.5, 80: two at 90 share 1, two at 85.5 share 3 (two rank above), 80 is 5.
        double[] percent = [90, 85.5, 90, 85.5, 80];
        var (group, overall) = Rank(percent, [0, 0, 0, 0, 0], [true, true, true, true, true], precision: 2);
        CollectionAssert.AreEqual(new[] { 1.0, 3, 1, 3, 5 }, group);
        CollectionAssert.AreEqual(group, overall);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    public void Random_grid_percents_in_groups_rank_as_the_definition_says(int precision)
    {
        var random = new Random(20261203 + precision);
        var scale = Math.Pow(10, precision);
        const int rows = 3_000;
        var percent = new double[rows];
        var groups = new int[rows];
        var scored = new bool[rows];
        for (var row = 0; row < rows; row++)
        {
            // Few distinct values so ties are common; a bonus above 100 and a penalty below 0 too.
            percent[row] = Math.Round(random.Next(-50, 1_150) / 10.0 * scale / 10) / scale;
            groups[row] = random.Next(4);
            scored[row] = random.Next(10) != 0;
        }
        var (group, overall) = Rank(percent, groups, scored, precision);
        CollectionAssert.AreEqual(Oracle(percent, groups, scored, byGroup: true), group);
        CollectionAssert.AreEqual(Oracle(percent, groups, scored, byGroup: false), overall);
    }

    [TestMethod]
    public void A_percent_off_the_grid_is_never_merged_with_its_neighbour_on_it()
    {
        // 89.999999 is not on the 0.01 grid: rounding it to a key would tie it with 90, which it is not.
        double[] percent = [90, 89.999999, 90, 70];
        var (group, _) = Rank(percent, [0, 0, 0, 0], [true, true, true, true], precision: 2);
        CollectionAssert.AreEqual(new[] { 1.0, 3, 1, 4 }, group);
    }

    [TestMethod]
    public void A_spread_too_wide_to_count_is_ranked_by_comparison_with_the_same_result()
    {
        // Precision 6 over 0–100 spans 10^8 keys for 3 rows: far above the counted span.
        double[] percent = [0.000001, 100, 55.123456];
        Assert.IsGreaterThan(Math.Max(Ranker.SmallestCountedSpan, 4 * percent.Length), (100 - 0.000001) * 1e6);
        var (group, _) = Rank(percent, [0, 0, 0], [true, true, true], precision: 6);
        CollectionAssert.AreEqual(new[] { 3.0, 1, 2 }, group);
    }

    [TestMethod]
    public void A_NaN_percent_ranks_after_every_number_in_input_order()
    {
        // As a stable highest-first sort: 70 → 1, 50 → 2, then the NaNs in input order → 3, 4.
        double[] percent = [50, double.NaN, 70, double.NaN];
        var (group, _) = Rank(percent, [0, 0, 0, 0], [true, true, true, true], precision: 2);
        CollectionAssert.AreEqual(new[] { 2.0, 3, 1, 4 }, group);
    }

    [TestMethod]
    public void Rows_not_scored_get_no_rank_and_take_no_place()
    {
        // Row 1 (95) is not scored: 80 is first, both 60s second.
        double[] percent = [80, 95, 60, 60];
        var (group, overall) = Rank(percent, [0, 0, 1, 0], [true, false, true, true], precision: 2);
        Assert.IsTrue(double.IsNaN(group[1]) && double.IsNaN(overall[1]));
        CollectionAssert.AreEqual(new[] { 1.0, double.NaN, 1, 2 }, group);
        CollectionAssert.AreEqual(new[] { 1.0, double.NaN, 2, 2 }, overall);
    }
}
