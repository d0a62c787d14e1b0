using ParIndex.RulesEngine.Kernel;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// The kernel's arithmetic helpers, written for speed (a branch-free cap, a plain truncating
/// conversion), against their plain definitions written out here: the results must be the same
/// double or the same count, bit for bit, on the edges (meeting the target, just below it, zero
/// and negative targets and values, infinities, NaN, halves at the precision, the largest max
/// binding allows) and on many seeded random values.
/// </summary>
[TestClass]
public sealed class KernelHelperTests
{
    /// <summary>The definition of proportional points: max when the value meets the target, else max × share.</summary>
    private static double ReferenceProportional(double value, double target, double max, bool lowerIsBetter)
    {
        if (double.IsNaN(value) || double.IsNaN(target)) return double.NaN;
        if (lowerIsBetter ? value <= target : value >= target) return max;
        if (target <= 0) return 0d;
        return lowerIsBetter ? max * (target / value) : max * (Math.Max(value, 0) / target);
    }

    /// <summary>The definition of a leaf's count: clamp to [0, max], scale, round half up with the 1e-9 tolerance, floor.</summary>
    private static long ReferenceCount(double raw, double max, double scale)
    {
        var clamped = Math.Clamp(raw, 0, max);
        var scaled = clamped * scale;
        return (long)Math.Floor(scaled + 0.5 + 1e-9 * scaled);
    }

    private static readonly double[] EdgeValues =
    [
        0, -0d, 1, -1, 0.8, 0.9, 1.0, 0.02, 0.03, 0.05, 1e-300, -1e-300, 1e300, -1e300,
        double.Epsilon, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        Math.BitDecrement(0.8), Math.BitIncrement(0.8), Math.BitDecrement(1.0), Math.BitIncrement(1.0),
        Math.BitDecrement(0.02), Math.BitIncrement(0.02), 0.7999999999, 0.8000000001, 3, 1000,
    ];

    private static readonly double[] Maxima = [0.5, 1, 1.5, 2, 0.01, 3.75, 4_000_000];

    [TestMethod]
    public void ProportionalPoints_IsTheDefinition_OnEveryEdgeCombination()
    {
        // Every pair of edge values as value and target, both directions, several maxima: 29 × 29 × 2 × 7 cases.
        var cases = 0;
        foreach (var value in EdgeValues)
        foreach (var target in EdgeValues)
        foreach (var max in Maxima)
        foreach (var lower in new[] { false, true })
        {
            AssertSameDouble(ReferenceProportional(value, target, max, lower), FormulaFunctions.ProportionalPoints(value, target, max, lower),
                $"ProportionalPoints({value:R}, {target:R}, {max:R}, {lower})");
            cases++;
        }
        Assert.AreEqual(EdgeValues.Length * EdgeValues.Length * Maxima.Length * 2, cases);
    }

    [TestMethod]
    public void ProportionalPoints_IsTheDefinition_OnRandomValuesAroundTheTarget()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 200_000; i++)
        {
            var target = random.Next(4) switch { 0 => random.NextDouble(), 1 => random.NextDouble() * 100, 2 => 0.8, _ => 0.05 };
            // Values spread over [−0.5·target, 2·target] with a share exactly at or a few ulps around the target.
            var value = random.Next(5) switch
            {
                0 => target,
                1 => Math.BitDecrement(target),
                2 => Math.BitIncrement(target),
                _ => (random.NextDouble() * 2.5 - 0.5) * target,
            };
            var max = Maxima[random.Next(Maxima.Length)];
            var lower = random.Next(2) == 0;
            AssertSameDouble(ReferenceProportional(value, target, max, lower), FormulaFunctions.ProportionalPoints(value, target, max, lower),
                $"ProportionalPoints({value:R}, {target:R}, {max:R}, {lower})");
        }
    }

    [TestMethod]
    public void PointCount_IsTheDefinition_OnHalvesCapsAndPenalties()
    {
        // By hand at precision 2 (scale 100): 0.125 → 12.5 → 13; 0.115 is stored as 0.11500000000000000499…,
        // ×100 gives 11.5 in double → 12; the double just below 0.125 → 12.4999999999999982, and the
        // 1e-9 tolerance (≈1.2e-8) takes it over the half → 13; −0.3 (a penalty below 0) → 0; 2.5 over max 2 → 200;
        // the largest sum of maxima binding allows, 4e6 points → 4e8 counts.
        Assert.AreEqual(13L, FormulaFunctions.PointCount(0.125, 2, 100));
        Assert.AreEqual(12L, FormulaFunctions.PointCount(0.115, 2, 100));
        Assert.AreEqual(13L, FormulaFunctions.PointCount(Math.BitDecrement(0.125), 2, 100));
        Assert.AreEqual(0L, FormulaFunctions.PointCount(-0.3, 2, 100));
        Assert.AreEqual(200L, FormulaFunctions.PointCount(2.5, 2, 100));
        Assert.AreEqual(400_000_000L, FormulaFunctions.PointCount(4_000_000, 4_000_000, 100));
        // 0.0049 at precision 2 → 0.49 → 0; 0.005 → 0.5 → 1 (precision 0: 2.5 → 3, 2.4999 → 2).
        Assert.AreEqual(0L, FormulaFunctions.PointCount(0.0049, 2, 100));
        Assert.AreEqual(1L, FormulaFunctions.PointCount(0.005, 2, 100));
        Assert.AreEqual(3L, FormulaFunctions.PointCount(2.5, 10, 1));
        Assert.AreEqual(2L, FormulaFunctions.PointCount(2.4999, 10, 1));
    }

    [TestMethod]
    public void PointCount_IsTheDefinition_OnRandomFiniteValues()
    {
        var random = new Random(7);
        double[] scales = [1, 10, 100, 1000, 1e6];
        for (var i = 0; i < 200_000; i++)
        {
            var scale = scales[random.Next(scales.Length)];
            var max = Math.Round(random.NextDouble() * 1000 * scale) / scale + 1 / scale;
            // Raw values below 0, inside [0, max] (some exactly on a half of the grid) and above max.
            var raw = random.Next(4) switch
            {
                0 => -random.NextDouble() * max,
                1 => (Math.Floor(random.NextDouble() * max * scale) + 0.5) / scale,
                2 => max + random.NextDouble(),
                _ => random.NextDouble() * max,
            };
            Assert.AreEqual(ReferenceCount(raw, max, scale), FormulaFunctions.PointCount(raw, max, scale), $"PointCount({raw:R}, {max:R}, {scale:R})");
        }
    }

    private static void AssertSameDouble(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) Assert.IsTrue(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
        else Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");
    }
}
