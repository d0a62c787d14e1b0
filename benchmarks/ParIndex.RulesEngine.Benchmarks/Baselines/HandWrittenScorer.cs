using System.Runtime.CompilerServices;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// Baseline (a): what a careful person writes by hand for the generated scheme, over the same
/// columnar arrays. The scheme comes from a regular template, so the code follows the template
/// with plain loops over flat descriptor arrays and inline arithmetic: no dictionary, no
/// virtual call, no allocation per row. It keeps the scheme's rules exactly (points rounded
/// half away from zero at every level, band edges with the 1e-9 tolerance, appliesTo removing a
/// criterion from points and max), so its totals equal the engine's.
/// </summary>
public sealed class HandWrittenScorer
{
    private const int Areas = SchemeGenerator.AreaCount;

    // Flattened template: leaves in pre-order, criteria point at their first leaf, areas at their first criterion.
    private readonly LeafKind[] _kind;
    private readonly int[] _column;
    private readonly double[] _max;
    private readonly double[] _parameter;
    private readonly int[] _criterionFirstLeaf;
    private readonly double[] _criterionMax;
    private readonly AppliesRule[] _criterionApplies;
    private readonly int[] _areaFirstCriterion;
    private readonly double[] _areaMax;
    private readonly double _rootMax;

    private readonly double[][] _numbers;
    private readonly bool[][] _bools;
    private readonly string[] _agencyType;

    // Band edges of the ShareBands template (90 / 70 / 50 %), with the engine's edge tolerance.
    private static readonly double Edge90 = 90 - 1e-9 * Math.Max(1, Math.Abs(90d));
    private static readonly double Edge70 = 70 - 1e-9 * Math.Max(1, Math.Abs(70d));
    private static readonly double Edge50 = 50 - 1e-9 * Math.Max(1, Math.Abs(50d));

    /// <summary>Totals of the last run.</summary>
    public double[] Total { get; }
    /// <summary>Percent of the last run.</summary>
    public double[] Percent { get; }

    /// <summary>Prepares the descriptors and output arrays.</summary>
    public HandWrittenScorer(SchemeSpec scheme, AgencyData data)
    {
        var leaves = scheme.Leaves.ToArray();
        _kind = leaves.Select(l => l.Kind).ToArray();
        _column = leaves.Select(l => l.Kind == LeafKind.FlagYesNo ? l.BoolSlot : l.NumberSlot).ToArray();
        _max = leaves.Select(l => l.Max).ToArray();
        _parameter = leaves.Select(l => l.Parameter).ToArray();
        var criteria = scheme.Areas.SelectMany(a => a.Criteria).ToArray();
        _criterionFirstLeaf = new int[criteria.Length + 1];
        for (var c = 0; c < criteria.Length; c++) _criterionFirstLeaf[c + 1] = _criterionFirstLeaf[c] + criteria[c].Leaves.Count;
        _criterionMax = criteria.Select(c => c.Max).ToArray();
        _criterionApplies = criteria.Select(c => c.Applies).ToArray();
        _areaFirstCriterion = new int[scheme.Areas.Count + 1];
        for (var a = 0; a < scheme.Areas.Count; a++) _areaFirstCriterion[a + 1] = _areaFirstCriterion[a] + scheme.Areas[a].Criteria.Count;
        _areaMax = scheme.Areas.Select(a => a.Max).ToArray();
        _rootMax = 0d;
        foreach (var max in _areaMax) _rootMax += max;
        _numbers = data.Numbers;
        _bools = data.Bools;
        _agencyType = data.AgencyType;
        Total = new double[data.Rows];
        Percent = new double[data.Rows];
    }

    /// <summary>Scores rows [start, end): totals and percent.</summary>
    public void Run(int start, int end)
    {
        Span<double> done = stackalloc double[Areas];
        Span<double> late = stackalloc double[Areas];
        Span<bool> onTrack = stackalloc bool[Areas];
        Span<bool> issued = stackalloc bool[Areas];
        var numbers = _numbers;
        var bools = _bools;
        var kind = _kind;
        var column = _column;
        var leafMax = _max;
        var parameter = _parameter;
        var total = Total;
        var percent = Percent;
        for (var i = start; i < end; i++)
        {
            // Variables of each area.
            for (var a = 0; a < Areas; a++)
            {
                var planned = numbers[4 * a][i];
                var received = numbers[4 * a + 2][i];
                done[a] = planned == 0 ? 0 : numbers[4 * a + 1][i] / planned;
                late[a] = received == 0 ? 0 : numbers[4 * a + 3][i] / received;
                issued[a] = bools[a][i];
                onTrack[a] = issued[a] && done[a] >= 0.8;
            }
            var type = _agencyType[i];
            var notCommune = type != "xa";
            var department = type == "so";

            var rootSum = 0d;
            for (var a = 0; a < Areas; a++)
            {
                var areaSum = 0d;
                var areaMaxSum = 0d;
                var all = true;
                var any = false;
                for (var c = _areaFirstCriterion[a]; c < _areaFirstCriterion[a + 1]; c++)
                {
                    var applies = _criterionApplies[c] switch
                    {
                        AppliesRule.NotCommune => notCommune,
                        AppliesRule.DepartmentsOnly => department,
                        _ => true,
                    };
                    if (!applies)
                    {
                        all = false;
                        continue;
                    }
                    any = true;
                    var sum = 0d;
                    for (var l = _criterionFirstLeaf[c]; l < _criterionFirstLeaf[c + 1]; l++)
                    {
                        var max = leafMax[l];
                        double raw;
                        switch (kind[l])
                        {
                            case LeafKind.RateProportional:
                            {
                                var target = parameter[l];
                                var share = target == 0 ? 1 : numbers[column[l]][i] / target;
                                raw = max * Clamp(share, 0, 1);
                                break;
                            }
                            case LeafKind.ShareBands:
                            {
                                var received = numbers[4 * a + 2][i];
                                var of = received == 0 ? 0 : 100 * numbers[column[l]][i] / received;
                                raw = of >= Edge90 ? max : of >= Edge70 ? max * 0.75 : of >= Edge50 ? max * 0.5 : 0;
                                break;
                            }
                            case LeafKind.FlagYesNo:
                                raw = bools[column[l]][i] ? max : 0;
                                break;
                            case LeafKind.PlanFormula:
                            {
                                var half = max / 2;
                                var reached = done[a] / parameter[l];
                                raw = issued[a] ? half + half * (1 < reached ? 1 : reached) : 0;
                                break;
                            }
                            case LeafKind.LateProportional:
                            {
                                var value = late[a];
                                var share = value <= 0 ? 1 : parameter[l] / value;
                                raw = max * Clamp(share, 0, 1);
                                break;
                            }
                            default:
                                raw = onTrack[a] ? max : max * Clamp(done[a] - late[a], 0, 1);
                                break;
                        }
                        sum += Round2(Clamp(raw, 0, max));
                    }
                    var criterionMax = _criterionMax[c];
                    areaSum += Round2(Clamp(sum, 0, criterionMax));
                    areaMaxSum += criterionMax;
                }
                if (!any) continue;
                var areaMax = _areaMax[a];
                var applicable = all ? areaMax : areaMax < areaMaxSum ? areaMax : areaMaxSum;
                rootSum += Round2(Clamp(areaSum, 0, applicable));
            }
            var points = Round2(Clamp(rootSum, 0, _rootMax));
            total[i] = points;
            percent[i] = Round2(100 * points / _rootMax);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Clamp(double x, double lo, double hi) => x < lo ? lo : x > hi ? hi : x;

    /// <summary>Half away from zero to 2 decimals; a value within a relative 1e-9 of a half counts as the half (the scheme's rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Round2(double x)
    {
        var scaled = Math.Abs(x) * 100;
        var rounded = Math.Floor(scaled + 0.5 + 1e-9 * Math.Max(1, scaled));
        return Math.CopySign(rounded / 100, x);
    }
}
