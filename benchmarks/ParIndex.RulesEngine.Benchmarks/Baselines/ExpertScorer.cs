using System.Runtime.CompilerServices;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// Baseline (a): the ceiling. What an expert writes by hand for exactly the generated 150-leaf
/// scheme of <see cref="SchemeGenerator"/> (8 areas, 40 criteria, 150 leaves, precision 2),
/// written out once for that scheme and valid for no other: every leaf is its own line of
/// straight-line code with its max, target, divisor and band edges as literals; there is no
/// descriptor, no table, no switch on a kind of leaf.
/// <para>
/// Fixed point, as the engine scores: a leaf's points are rounded once, half away from zero, to
/// an integer count of 0.01 points (floor(s + 0.5 + 1e-9·s) with s = 100 × points, the engine's
/// rounding); criteria, areas and the total add those integers and cap them with an integer min;
/// doubles appear only in the leaves' arithmetic and at the edge (total = count ÷ 100, percent
/// of the applicable max, rounded to 2 decimals). appliesTo removes a criterion from both the
/// points and the max: 3.4 applies to departments ("so") only, 2.5, 4.5, 6.5 and 8.5 to every
/// type but communes ("xa"), so the applicable max is 180, 175 (huyen) or 157 (xa) points.
/// </para>
/// <para>
/// It relies on what the rule file guarantees for valid rows (the engine rejects others): every
/// number is present, finite and at least 0, rates are at most 1.5, agencyType is one of "so",
/// "huyen", "xa". So no leaf can give NaN (a late ratio of 0 gives target ÷ 0 = +∞, which the cap
/// at the max turns into the max, as "at or below the target" does in the engine), there is no
/// fault to record, the engine's max(rate, 0) is the rate, and each proportional cap is one
/// minsd. The caps of criteria, areas and the total cannot bind in this scheme (each max is the
/// sum of its children's) but are kept as the rules state them. The floating-point operations
/// that remain are the engine's, in its order, so the totals and percent are bit-identical to
/// the engine's on every row (checked in the benchmark's GlobalSetup and by <c>--verify</c>).
/// </para>
/// <para>
/// Layout: one pass over the rows per area (each reads its own ~15 columns and adds the area's
/// count to a per-row int column), after a pass that turns agencyType into two bits and before
/// one that writes total and percent. Columns are span slices of [start, end) (the range is
/// checked once per column; the JIT still keeps a compare per read, as in the engine's kernel).
/// Choices between points are arithmetic on 0/1 (a yes/no, a band edge, plan issued, on track,
/// appliesTo), not branches on the data. No allocation per row.
/// </para>
/// </summary>
public sealed class ExpertScorer
{
    // agencyType as two bits per row: bit 0 "not a commune" (not "xa"), bit 1 "department" ("so").
    private const int NotCommune = 1;
    private const int Department = 2;

    private readonly double[][] _numbers;
    private readonly bool[][] _bools;
    private readonly string[] _agencyType;
    private readonly byte[] _type;
    private readonly int[] _counts;

    /// <summary>Totals of the last run.</summary>
    public double[] Total { get; }
    /// <summary>Percent of the last run.</summary>
    public double[] Percent { get; }

    /// <summary>Prepares the output and work columns for <paramref name="data"/> (data of the generated scheme).</summary>
    public ExpertScorer(AgencyData data)
    {
        if (data.Numbers.Length != 82 || data.Bools.Length != 33)
            throw new ArgumentException("ExpertScorer is written for the generated 150-leaf scheme only (82 number and 33 bool inputs).", nameof(data));
        _numbers = data.Numbers;
        _bools = data.Bools;
        _agencyType = data.AgencyType;
        _type = new byte[data.Rows];
        _counts = new int[data.Rows];
        Total = new double[data.Rows];
        Percent = new double[data.Rows];
    }

    /// <summary>Scores rows [start, end): totals and percent.</summary>
    public void Run(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, _counts.Length);
        Types(start, end);
        Area1(start, end);
        Area2(start, end);
        Area3(start, end);
        Area4(start, end);
        Area5(start, end);
        Area6(start, end);
        Area7(start, end);
        Area8(start, end);
        Finish(start, end);
    }

    /// <summary>agencyType as bits (<see cref="NotCommune"/>, <see cref="Department"/>), read by the areas with an appliesTo and by the total.</summary>
    private void Types(int start, int end)
    {
        var n = end - start;
        var agencyType = _agencyType.AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var t = agencyType[i];
            type[i] = (byte)(Bit(t != "xa") * NotCommune + Bit(t == "so") * Department);
        }
    }

    /// <summary>Area 1, Công tác chỉ đạo, điều hành CCHC: 5 criteria, 19 leaves, max 22 points (2200 counts).</summary>
    private void Area1(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[0].AsSpan(start, n);
        var tasksDone = _numbers[1].AsSpan(start, n);
        var filesReceived = _numbers[2].AsSpan(start, n);
        var filesLate = _numbers[3].AsSpan(start, n);
        var planIssued = _bools[0].AsSpan(start, n);
        var has1_1_3 = _bools[8].AsSpan(start, n);
        var has1_3_1 = _bools[9].AsSpan(start, n);
        var has1_4_3 = _bools[10].AsSpan(start, n);
        var count1_1_2 = _numbers[33].AsSpan(start, n);
        var count1_2_4 = _numbers[35].AsSpan(start, n);
        var count1_4_2 = _numbers[37].AsSpan(start, n);
        var rate1_1_1 = _numbers[32].AsSpan(start, n);
        var rate1_2_3 = _numbers[34].AsSpan(start, n);
        var rate1_4_1 = _numbers[36].AsSpan(start, n);
        var rate1_5_4 = _numbers[38].AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            // 1.1.1 rate1_1_1: proportional to target 0.8, max 0.5
            var q111 = Count(double.MinNative(0.5 * (rate1_1_1[i] / 0.8), 0.5));
            // 1.1.2 share of count1_1_2 in files received: 1.5 from 90 %, 1.125 from 70 %, 0.75 from 50 %, else 0
            var o112 = received == 0 ? 0 : 100 * (count1_1_2[i] / received);
            var q112 = 75 * Bit(o112 >= 49.99999995) + 38 * Bit(o112 >= 69.99999993) + 37 * Bit(o112 >= 89.99999991);
            // 1.1.3 has1_1_3: 1 or 0
            var q113 = 100 * Bit(has1_1_3[i]);
            // 1.1.4 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q114 = plan * Count(0.5 + 0.5 * reached95);
            // 1.1: max 4
            var c11 = Math.Min(q111 + q112 + q113 + q114, 400);
            // 1.2.1 late files (lower is better): 2 at or below 0.03, else 2 × 0.03 / late
            var q121 = Count(double.MinNative(2d * late03, 2d));
            // 1.2.2 on track: 0.5, else 0.5 × clamp(done − late, 0, 1)
            var q122 = Count(0.5 * track);
            // 1.2.3 rate1_2_3: proportional to target 0.8, max 1.5
            var q123 = Count(double.MinNative(1.5 * (rate1_2_3[i] / 0.8), 1.5));
            // 1.2.4 share of count1_2_4 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o124 = received == 0 ? 0 : 100 * (count1_2_4[i] / received);
            var q124 = 50 * Bit(o124 >= 49.99999995) + 25 * Bit(o124 >= 69.99999993) + 25 * Bit(o124 >= 89.99999991);
            // 1.2: max 5
            var c12 = Math.Min(q121 + q122 + q123 + q124, 500);
            // 1.3.1 has1_3_1: 1 or 0
            var q131 = 100 * Bit(has1_3_1[i]);
            // 1.3.2 plan issued: 1 + 1 × min(1, done / 0.85), else 0
            var q132 = plan * Count(1d + 1d * reached85);
            // 1.3.3 late files (lower is better): 0.5 at or below 0.03, else 0.5 × 0.03 / late
            var q133 = Count(double.MinNative(0.5 * late03, 0.5));
            // 1.3.4 on track: 1.5, else 1.5 × clamp(done − late, 0, 1)
            var q134 = Count(1.5 * track);
            // 1.3: max 5
            var c13 = Math.Min(q131 + q132 + q133 + q134, 500);
            // 1.4.1 rate1_4_1: proportional to target 0.8, max 1
            var q141 = Count(double.MinNative(1d * (rate1_4_1[i] / 0.8), 1d));
            // 1.4.2 share of count1_4_2 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o142 = received == 0 ? 0 : 100 * (count1_4_2[i] / received);
            var q142 = 50 * Bit(o142 >= 49.99999995) + 25 * Bit(o142 >= 69.99999993) + 25 * Bit(o142 >= 89.99999991);
            // 1.4.3 has1_4_3: 2 or 0
            var q143 = 200 * Bit(has1_4_3[i]);
            // 1.4: max 4
            var c14 = Math.Min(q141 + q142 + q143, 400);
            // 1.5.1 plan issued: 0.25 + 0.25 × min(1, done / 0.95), else 0
            var q151 = plan * Count(0.25 + 0.25 * reached95);
            // 1.5.2 late files (lower is better): 1.5 at or below 0.03, else 1.5 × 0.03 / late
            var q152 = Count(double.MinNative(1.5 * late03, 1.5));
            // 1.5.3 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q153 = Count(1d * track);
            // 1.5.4 rate1_5_4: proportional to target 0.8, max 1
            var q154 = Count(double.MinNative(1d * (rate1_5_4[i] / 0.8), 1d));
            // 1.5: max 4
            var c15 = Math.Min(q151 + q152 + q153 + q154, 400);
            counts[i] = Math.Min(c11 + c12 + c13 + c14 + c15, 2200);
        }
    }

    /// <summary>Area 2, Xây dựng và tổ chức thực hiện văn bản QPPL: 5 criteria, 19 leaves, max 23 points (2300 counts). Criterion 2.5 counts only where agencyType != &quot;xa&quot;, in the points and in the area's max.</summary>
    private void Area2(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[4].AsSpan(start, n);
        var tasksDone = _numbers[5].AsSpan(start, n);
        var filesReceived = _numbers[6].AsSpan(start, n);
        var filesLate = _numbers[7].AsSpan(start, n);
        var planIssued = _bools[1].AsSpan(start, n);
        var has2_1_2 = _bools[11].AsSpan(start, n);
        var has2_2_4 = _bools[12].AsSpan(start, n);
        var has2_4_3 = _bools[13].AsSpan(start, n);
        var count2_1_1 = _numbers[39].AsSpan(start, n);
        var count2_2_3 = _numbers[41].AsSpan(start, n);
        var count2_4_2 = _numbers[43].AsSpan(start, n);
        var count2_5_4 = _numbers[45].AsSpan(start, n);
        var rate2_2_2 = _numbers[40].AsSpan(start, n);
        var rate2_4_1 = _numbers[42].AsSpan(start, n);
        var rate2_5_3 = _numbers[44].AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            var notCommune = type[i] & NotCommune;
            // 2.1.1 share of count2_1_1 in files received: 2 from 90 %, 1.5 from 70 %, 1 from 50 %, else 0
            var o211 = received == 0 ? 0 : 100 * (count2_1_1[i] / received);
            var q211 = 100 * Bit(o211 >= 49.99999995) + 50 * Bit(o211 >= 69.99999993) + 50 * Bit(o211 >= 89.99999991);
            // 2.1.2 has2_1_2: 0.5 or 0
            var q212 = 50 * Bit(has2_1_2[i]);
            // 2.1.3 plan issued: 0.75 + 0.75 × min(1, done / 0.85), else 0
            var q213 = plan * Count(0.75 + 0.75 * reached85);
            // 2.1.4 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q214 = Count(double.MinNative(1d * late03, 1d));
            // 2.1: max 5
            var c21 = Math.Min(q211 + q212 + q213 + q214, 500);
            // 2.2.1 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q221 = Count(1d * track);
            // 2.2.2 rate2_2_2: proportional to target 0.8, max 2
            var q222 = Count(double.MinNative(2d * (rate2_2_2[i] / 0.8), 2d));
            // 2.2.3 share of count2_2_3 in files received: 0.5 from 90 %, 0.375 from 70 %, 0.25 from 50 %, else 0
            var o223 = received == 0 ? 0 : 100 * (count2_2_3[i] / received);
            var q223 = 25 * Bit(o223 >= 49.99999995) + 13 * Bit(o223 >= 69.99999993) + 12 * Bit(o223 >= 89.99999991);
            // 2.2.4 has2_2_4: 1.5 or 0
            var q224 = 150 * Bit(has2_2_4[i]);
            // 2.2: max 5
            var c22 = Math.Min(q221 + q222 + q223 + q224, 500);
            // 2.3.1 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q231 = plan * Count(0.5 + 0.5 * reached95);
            // 2.3.2 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q232 = Count(double.MinNative(1d * late03, 1d));
            // 2.3.3 on track: 2, else 2 × clamp(done − late, 0, 1)
            var q233 = Count(2d * track);
            // 2.3: max 4
            var c23 = Math.Min(q231 + q232 + q233, 400);
            // 2.4.1 rate2_4_1: proportional to target 0.8, max 0.5
            var q241 = Count(double.MinNative(0.5 * (rate2_4_1[i] / 0.8), 0.5));
            // 2.4.2 share of count2_4_2 in files received: 1.5 from 90 %, 1.125 from 70 %, 0.75 from 50 %, else 0
            var o242 = received == 0 ? 0 : 100 * (count2_4_2[i] / received);
            var q242 = 75 * Bit(o242 >= 49.99999995) + 38 * Bit(o242 >= 69.99999993) + 37 * Bit(o242 >= 89.99999991);
            // 2.4.3 has2_4_3: 1 or 0
            var q243 = 100 * Bit(has2_4_3[i]);
            // 2.4.4 plan issued: 0.5 + 0.5 × min(1, done / 0.85), else 0
            var q244 = plan * Count(0.5 + 0.5 * reached85);
            // 2.4: max 4
            var c24 = Math.Min(q241 + q242 + q243 + q244, 400);
            // 2.5.1 late files (lower is better): 2 at or below 0.03, else 2 × 0.03 / late
            var q251 = Count(double.MinNative(2d * late03, 2d));
            // 2.5.2 on track: 0.5, else 0.5 × clamp(done − late, 0, 1)
            var q252 = Count(0.5 * track);
            // 2.5.3 rate2_5_3: proportional to target 0.8, max 1.5
            var q253 = Count(double.MinNative(1.5 * (rate2_5_3[i] / 0.8), 1.5));
            // 2.5.4 share of count2_5_4 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o254 = received == 0 ? 0 : 100 * (count2_5_4[i] / received);
            var q254 = 50 * Bit(o254 >= 49.99999995) + 25 * Bit(o254 >= 69.99999993) + 25 * Bit(o254 >= 89.99999991);
            // 2.5: max 5, only where agencyType != "xa"
            var c25 = Math.Min(q251 + q252 + q253 + q254, 500);
            var areaMax = 1800 + 500 * notCommune;
            counts[i] += Math.Min(c21 + c22 + c23 + c24 + notCommune * c25, areaMax);
        }
    }

    /// <summary>Area 3, Cải cách thủ tục hành chính: 5 criteria, 19 leaves, max 23 points (2300 counts). Criterion 3.4 counts only where agencyType == &quot;so&quot;, in the points and in the area's max.</summary>
    private void Area3(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[8].AsSpan(start, n);
        var tasksDone = _numbers[9].AsSpan(start, n);
        var filesReceived = _numbers[10].AsSpan(start, n);
        var filesLate = _numbers[11].AsSpan(start, n);
        var planIssued = _bools[2].AsSpan(start, n);
        var has3_1_1 = _bools[14].AsSpan(start, n);
        var has3_2_3 = _bools[15].AsSpan(start, n);
        var has3_4_2 = _bools[16].AsSpan(start, n);
        var has3_5_4 = _bools[17].AsSpan(start, n);
        var count3_2_2 = _numbers[47].AsSpan(start, n);
        var count3_4_1 = _numbers[49].AsSpan(start, n);
        var count3_5_3 = _numbers[51].AsSpan(start, n);
        var rate3_2_1 = _numbers[46].AsSpan(start, n);
        var rate3_3_4 = _numbers[48].AsSpan(start, n);
        var rate3_5_2 = _numbers[50].AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            var department = type[i] >> 1;
            // 3.1.1 has3_1_1: 1 or 0
            var q311 = 100 * Bit(has3_1_1[i]);
            // 3.1.2 plan issued: 1 + 1 × min(1, done / 0.95), else 0
            var q312 = plan * Count(1d + 1d * reached95);
            // 3.1.3 late files (lower is better): 0.5 at or below 0.03, else 0.5 × 0.03 / late
            var q313 = Count(double.MinNative(0.5 * late03, 0.5));
            // 3.1.4 on track: 1.5, else 1.5 × clamp(done − late, 0, 1)
            var q314 = Count(1.5 * track);
            // 3.1: max 5
            var c31 = Math.Min(q311 + q312 + q313 + q314, 500);
            // 3.2.1 rate3_2_1: proportional to target 0.8, max 1
            var q321 = Count(double.MinNative(1d * (rate3_2_1[i] / 0.8), 1d));
            // 3.2.2 share of count3_2_2 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o322 = received == 0 ? 0 : 100 * (count3_2_2[i] / received);
            var q322 = 50 * Bit(o322 >= 49.99999995) + 25 * Bit(o322 >= 69.99999993) + 25 * Bit(o322 >= 89.99999991);
            // 3.2.3 has3_2_3: 2 or 0
            var q323 = 200 * Bit(has3_2_3[i]);
            // 3.2: max 4
            var c32 = Math.Min(q321 + q322 + q323, 400);
            // 3.3.1 plan issued: 0.25 + 0.25 × min(1, done / 0.85), else 0
            var q331 = plan * Count(0.25 + 0.25 * reached85);
            // 3.3.2 late files (lower is better): 1.5 at or below 0.03, else 1.5 × 0.03 / late
            var q332 = Count(double.MinNative(1.5 * late03, 1.5));
            // 3.3.3 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q333 = Count(1d * track);
            // 3.3.4 rate3_3_4: proportional to target 0.8, max 1
            var q334 = Count(double.MinNative(1d * (rate3_3_4[i] / 0.8), 1d));
            // 3.3: max 4
            var c33 = Math.Min(q331 + q332 + q333 + q334, 400);
            // 3.4.1 share of count3_4_1 in files received: 2 from 90 %, 1.5 from 70 %, 1 from 50 %, else 0
            var o341 = received == 0 ? 0 : 100 * (count3_4_1[i] / received);
            var q341 = 100 * Bit(o341 >= 49.99999995) + 50 * Bit(o341 >= 69.99999993) + 50 * Bit(o341 >= 89.99999991);
            // 3.4.2 has3_4_2: 0.5 or 0
            var q342 = 50 * Bit(has3_4_2[i]);
            // 3.4.3 plan issued: 0.75 + 0.75 × min(1, done / 0.95), else 0
            var q343 = plan * Count(0.75 + 0.75 * reached95);
            // 3.4.4 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q344 = Count(double.MinNative(1d * late03, 1d));
            // 3.4: max 5, only where agencyType == "so"
            var c34 = Math.Min(q341 + q342 + q343 + q344, 500);
            // 3.5.1 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q351 = Count(1d * track);
            // 3.5.2 rate3_5_2: proportional to target 0.8, max 2
            var q352 = Count(double.MinNative(2d * (rate3_5_2[i] / 0.8), 2d));
            // 3.5.3 share of count3_5_3 in files received: 0.5 from 90 %, 0.375 from 70 %, 0.25 from 50 %, else 0
            var o353 = received == 0 ? 0 : 100 * (count3_5_3[i] / received);
            var q353 = 25 * Bit(o353 >= 49.99999995) + 13 * Bit(o353 >= 69.99999993) + 12 * Bit(o353 >= 89.99999991);
            // 3.5.4 has3_5_4: 1.5 or 0
            var q354 = 150 * Bit(has3_5_4[i]);
            // 3.5: max 5
            var c35 = Math.Min(q351 + q352 + q353 + q354, 500);
            var areaMax = 1800 + 500 * department;
            counts[i] += Math.Min(c31 + c32 + c33 + department * c34 + c35, areaMax);
        }
    }

    /// <summary>Area 4, Cải cách tổ chức bộ máy hành chính nhà nước: 5 criteria, 18 leaves, max 22 points (2200 counts). Criterion 4.5 counts only where agencyType != &quot;xa&quot;, in the points and in the area's max.</summary>
    private void Area4(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[12].AsSpan(start, n);
        var tasksDone = _numbers[13].AsSpan(start, n);
        var filesReceived = _numbers[14].AsSpan(start, n);
        var filesLate = _numbers[15].AsSpan(start, n);
        var planIssued = _bools[3].AsSpan(start, n);
        var has4_2_3 = _bools[18].AsSpan(start, n);
        var has4_4_1 = _bools[19].AsSpan(start, n);
        var has4_5_3 = _bools[20].AsSpan(start, n);
        var count4_2_2 = _numbers[53].AsSpan(start, n);
        var count4_3_4 = _numbers[55].AsSpan(start, n);
        var count4_5_2 = _numbers[57].AsSpan(start, n);
        var rate4_2_1 = _numbers[52].AsSpan(start, n);
        var rate4_3_3 = _numbers[54].AsSpan(start, n);
        var rate4_5_1 = _numbers[56].AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            var notCommune = type[i] & NotCommune;
            // 4.1.1 plan issued: 0.5 + 0.5 × min(1, done / 0.85), else 0
            var q411 = plan * Count(0.5 + 0.5 * reached85);
            // 4.1.2 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q412 = Count(double.MinNative(1d * late03, 1d));
            // 4.1.3 on track: 2, else 2 × clamp(done − late, 0, 1)
            var q413 = Count(2d * track);
            // 4.1: max 4
            var c41 = Math.Min(q411 + q412 + q413, 400);
            // 4.2.1 rate4_2_1: proportional to target 0.8, max 0.5
            var q421 = Count(double.MinNative(0.5 * (rate4_2_1[i] / 0.8), 0.5));
            // 4.2.2 share of count4_2_2 in files received: 1.5 from 90 %, 1.125 from 70 %, 0.75 from 50 %, else 0
            var o422 = received == 0 ? 0 : 100 * (count4_2_2[i] / received);
            var q422 = 75 * Bit(o422 >= 49.99999995) + 38 * Bit(o422 >= 69.99999993) + 37 * Bit(o422 >= 89.99999991);
            // 4.2.3 has4_2_3: 1 or 0
            var q423 = 100 * Bit(has4_2_3[i]);
            // 4.2.4 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q424 = plan * Count(0.5 + 0.5 * reached95);
            // 4.2: max 4
            var c42 = Math.Min(q421 + q422 + q423 + q424, 400);
            // 4.3.1 late files (lower is better): 2 at or below 0.03, else 2 × 0.03 / late
            var q431 = Count(double.MinNative(2d * late03, 2d));
            // 4.3.2 on track: 0.5, else 0.5 × clamp(done − late, 0, 1)
            var q432 = Count(0.5 * track);
            // 4.3.3 rate4_3_3: proportional to target 0.8, max 1.5
            var q433 = Count(double.MinNative(1.5 * (rate4_3_3[i] / 0.8), 1.5));
            // 4.3.4 share of count4_3_4 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o434 = received == 0 ? 0 : 100 * (count4_3_4[i] / received);
            var q434 = 50 * Bit(o434 >= 49.99999995) + 25 * Bit(o434 >= 69.99999993) + 25 * Bit(o434 >= 89.99999991);
            // 4.3: max 5
            var c43 = Math.Min(q431 + q432 + q433 + q434, 500);
            // 4.4.1 has4_4_1: 1 or 0
            var q441 = 100 * Bit(has4_4_1[i]);
            // 4.4.2 plan issued: 1 + 1 × min(1, done / 0.85), else 0
            var q442 = plan * Count(1d + 1d * reached85);
            // 4.4.3 late files (lower is better): 0.5 at or below 0.03, else 0.5 × 0.03 / late
            var q443 = Count(double.MinNative(0.5 * late03, 0.5));
            // 4.4.4 on track: 1.5, else 1.5 × clamp(done − late, 0, 1)
            var q444 = Count(1.5 * track);
            // 4.4: max 5
            var c44 = Math.Min(q441 + q442 + q443 + q444, 500);
            // 4.5.1 rate4_5_1: proportional to target 0.8, max 1
            var q451 = Count(double.MinNative(1d * (rate4_5_1[i] / 0.8), 1d));
            // 4.5.2 share of count4_5_2 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o452 = received == 0 ? 0 : 100 * (count4_5_2[i] / received);
            var q452 = 50 * Bit(o452 >= 49.99999995) + 25 * Bit(o452 >= 69.99999993) + 25 * Bit(o452 >= 89.99999991);
            // 4.5.3 has4_5_3: 2 or 0
            var q453 = 200 * Bit(has4_5_3[i]);
            // 4.5: max 4, only where agencyType != "xa"
            var c45 = Math.Min(q451 + q452 + q453, 400);
            var areaMax = 1800 + 400 * notCommune;
            counts[i] += Math.Min(c41 + c42 + c43 + c44 + notCommune * c45, areaMax);
        }
    }

    /// <summary>Area 5, Xây dựng và nâng cao chất lượng đội ngũ CBCCVC: 5 criteria, 19 leaves, max 22 points (2200 counts).</summary>
    private void Area5(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[16].AsSpan(start, n);
        var tasksDone = _numbers[17].AsSpan(start, n);
        var filesReceived = _numbers[18].AsSpan(start, n);
        var filesLate = _numbers[19].AsSpan(start, n);
        var planIssued = _bools[4].AsSpan(start, n);
        var has5_2_2 = _bools[21].AsSpan(start, n);
        var has5_3_4 = _bools[22].AsSpan(start, n);
        var has5_5_3 = _bools[23].AsSpan(start, n);
        var count5_2_1 = _numbers[59].AsSpan(start, n);
        var count5_3_3 = _numbers[61].AsSpan(start, n);
        var count5_5_2 = _numbers[63].AsSpan(start, n);
        var rate5_1_4 = _numbers[58].AsSpan(start, n);
        var rate5_3_2 = _numbers[60].AsSpan(start, n);
        var rate5_5_1 = _numbers[62].AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            // 5.1.1 plan issued: 0.25 + 0.25 × min(1, done / 0.95), else 0
            var q511 = plan * Count(0.25 + 0.25 * reached95);
            // 5.1.2 late files (lower is better): 1.5 at or below 0.03, else 1.5 × 0.03 / late
            var q512 = Count(double.MinNative(1.5 * late03, 1.5));
            // 5.1.3 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q513 = Count(1d * track);
            // 5.1.4 rate5_1_4: proportional to target 0.8, max 1
            var q514 = Count(double.MinNative(1d * (rate5_1_4[i] / 0.8), 1d));
            // 5.1: max 4
            var c51 = Math.Min(q511 + q512 + q513 + q514, 400);
            // 5.2.1 share of count5_2_1 in files received: 2 from 90 %, 1.5 from 70 %, 1 from 50 %, else 0
            var o521 = received == 0 ? 0 : 100 * (count5_2_1[i] / received);
            var q521 = 100 * Bit(o521 >= 49.99999995) + 50 * Bit(o521 >= 69.99999993) + 50 * Bit(o521 >= 89.99999991);
            // 5.2.2 has5_2_2: 0.5 or 0
            var q522 = 50 * Bit(has5_2_2[i]);
            // 5.2.3 plan issued: 0.75 + 0.75 × min(1, done / 0.85), else 0
            var q523 = plan * Count(0.75 + 0.75 * reached85);
            // 5.2.4 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q524 = Count(double.MinNative(1d * late03, 1d));
            // 5.2: max 5
            var c52 = Math.Min(q521 + q522 + q523 + q524, 500);
            // 5.3.1 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q531 = Count(1d * track);
            // 5.3.2 rate5_3_2: proportional to target 0.8, max 2
            var q532 = Count(double.MinNative(2d * (rate5_3_2[i] / 0.8), 2d));
            // 5.3.3 share of count5_3_3 in files received: 0.5 from 90 %, 0.375 from 70 %, 0.25 from 50 %, else 0
            var o533 = received == 0 ? 0 : 100 * (count5_3_3[i] / received);
            var q533 = 25 * Bit(o533 >= 49.99999995) + 13 * Bit(o533 >= 69.99999993) + 12 * Bit(o533 >= 89.99999991);
            // 5.3.4 has5_3_4: 1.5 or 0
            var q534 = 150 * Bit(has5_3_4[i]);
            // 5.3: max 5
            var c53 = Math.Min(q531 + q532 + q533 + q534, 500);
            // 5.4.1 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q541 = plan * Count(0.5 + 0.5 * reached95);
            // 5.4.2 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q542 = Count(double.MinNative(1d * late03, 1d));
            // 5.4.3 on track: 2, else 2 × clamp(done − late, 0, 1)
            var q543 = Count(2d * track);
            // 5.4: max 4
            var c54 = Math.Min(q541 + q542 + q543, 400);
            // 5.5.1 rate5_5_1: proportional to target 0.8, max 0.5
            var q551 = Count(double.MinNative(0.5 * (rate5_5_1[i] / 0.8), 0.5));
            // 5.5.2 share of count5_5_2 in files received: 1.5 from 90 %, 1.125 from 70 %, 0.75 from 50 %, else 0
            var o552 = received == 0 ? 0 : 100 * (count5_5_2[i] / received);
            var q552 = 75 * Bit(o552 >= 49.99999995) + 38 * Bit(o552 >= 69.99999993) + 37 * Bit(o552 >= 89.99999991);
            // 5.5.3 has5_5_3: 1 or 0
            var q553 = 100 * Bit(has5_5_3[i]);
            // 5.5.4 plan issued: 0.5 + 0.5 × min(1, done / 0.85), else 0
            var q554 = plan * Count(0.5 + 0.5 * reached85);
            // 5.5: max 4
            var c55 = Math.Min(q551 + q552 + q553 + q554, 400);
            counts[i] += Math.Min(c51 + c52 + c53 + c54 + c55, 2200);
        }
    }

    /// <summary>Area 6, Cải cách tài chính công: 5 criteria, 19 leaves, max 23 points (2300 counts). Criterion 6.5 counts only where agencyType != &quot;xa&quot;, in the points and in the area's max.</summary>
    private void Area6(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[20].AsSpan(start, n);
        var tasksDone = _numbers[21].AsSpan(start, n);
        var filesReceived = _numbers[22].AsSpan(start, n);
        var filesLate = _numbers[23].AsSpan(start, n);
        var planIssued = _bools[5].AsSpan(start, n);
        var has6_2_1 = _bools[24].AsSpan(start, n);
        var has6_3_3 = _bools[25].AsSpan(start, n);
        var has6_5_2 = _bools[26].AsSpan(start, n);
        var count6_1_4 = _numbers[65].AsSpan(start, n);
        var count6_3_2 = _numbers[67].AsSpan(start, n);
        var count6_5_1 = _numbers[69].AsSpan(start, n);
        var rate6_1_3 = _numbers[64].AsSpan(start, n);
        var rate6_3_1 = _numbers[66].AsSpan(start, n);
        var rate6_4_4 = _numbers[68].AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            var notCommune = type[i] & NotCommune;
            // 6.1.1 late files (lower is better): 2 at or below 0.03, else 2 × 0.03 / late
            var q611 = Count(double.MinNative(2d * late03, 2d));
            // 6.1.2 on track: 0.5, else 0.5 × clamp(done − late, 0, 1)
            var q612 = Count(0.5 * track);
            // 6.1.3 rate6_1_3: proportional to target 0.8, max 1.5
            var q613 = Count(double.MinNative(1.5 * (rate6_1_3[i] / 0.8), 1.5));
            // 6.1.4 share of count6_1_4 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o614 = received == 0 ? 0 : 100 * (count6_1_4[i] / received);
            var q614 = 50 * Bit(o614 >= 49.99999995) + 25 * Bit(o614 >= 69.99999993) + 25 * Bit(o614 >= 89.99999991);
            // 6.1: max 5
            var c61 = Math.Min(q611 + q612 + q613 + q614, 500);
            // 6.2.1 has6_2_1: 1 or 0
            var q621 = 100 * Bit(has6_2_1[i]);
            // 6.2.2 plan issued: 1 + 1 × min(1, done / 0.95), else 0
            var q622 = plan * Count(1d + 1d * reached95);
            // 6.2.3 late files (lower is better): 0.5 at or below 0.03, else 0.5 × 0.03 / late
            var q623 = Count(double.MinNative(0.5 * late03, 0.5));
            // 6.2.4 on track: 1.5, else 1.5 × clamp(done − late, 0, 1)
            var q624 = Count(1.5 * track);
            // 6.2: max 5
            var c62 = Math.Min(q621 + q622 + q623 + q624, 500);
            // 6.3.1 rate6_3_1: proportional to target 0.8, max 1
            var q631 = Count(double.MinNative(1d * (rate6_3_1[i] / 0.8), 1d));
            // 6.3.2 share of count6_3_2 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o632 = received == 0 ? 0 : 100 * (count6_3_2[i] / received);
            var q632 = 50 * Bit(o632 >= 49.99999995) + 25 * Bit(o632 >= 69.99999993) + 25 * Bit(o632 >= 89.99999991);
            // 6.3.3 has6_3_3: 2 or 0
            var q633 = 200 * Bit(has6_3_3[i]);
            // 6.3: max 4
            var c63 = Math.Min(q631 + q632 + q633, 400);
            // 6.4.1 plan issued: 0.25 + 0.25 × min(1, done / 0.85), else 0
            var q641 = plan * Count(0.25 + 0.25 * reached85);
            // 6.4.2 late files (lower is better): 1.5 at or below 0.03, else 1.5 × 0.03 / late
            var q642 = Count(double.MinNative(1.5 * late03, 1.5));
            // 6.4.3 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q643 = Count(1d * track);
            // 6.4.4 rate6_4_4: proportional to target 0.8, max 1
            var q644 = Count(double.MinNative(1d * (rate6_4_4[i] / 0.8), 1d));
            // 6.4: max 4
            var c64 = Math.Min(q641 + q642 + q643 + q644, 400);
            // 6.5.1 share of count6_5_1 in files received: 2 from 90 %, 1.5 from 70 %, 1 from 50 %, else 0
            var o651 = received == 0 ? 0 : 100 * (count6_5_1[i] / received);
            var q651 = 100 * Bit(o651 >= 49.99999995) + 50 * Bit(o651 >= 69.99999993) + 50 * Bit(o651 >= 89.99999991);
            // 6.5.2 has6_5_2: 0.5 or 0
            var q652 = 50 * Bit(has6_5_2[i]);
            // 6.5.3 plan issued: 0.75 + 0.75 × min(1, done / 0.95), else 0
            var q653 = plan * Count(0.75 + 0.75 * reached95);
            // 6.5.4 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q654 = Count(double.MinNative(1d * late03, 1d));
            // 6.5: max 5, only where agencyType != "xa"
            var c65 = Math.Min(q651 + q652 + q653 + q654, 500);
            var areaMax = 1800 + 500 * notCommune;
            counts[i] += Math.Min(c61 + c62 + c63 + c64 + notCommune * c65, areaMax);
        }
    }

    /// <summary>Area 7, Hiện đại hóa hành chính: 5 criteria, 19 leaves, max 23 points (2300 counts).</summary>
    private void Area7(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[24].AsSpan(start, n);
        var tasksDone = _numbers[25].AsSpan(start, n);
        var filesReceived = _numbers[26].AsSpan(start, n);
        var filesLate = _numbers[27].AsSpan(start, n);
        var planIssued = _bools[6].AsSpan(start, n);
        var has7_1_4 = _bools[27].AsSpan(start, n);
        var has7_3_3 = _bools[28].AsSpan(start, n);
        var has7_5_1 = _bools[29].AsSpan(start, n);
        var count7_1_3 = _numbers[71].AsSpan(start, n);
        var count7_3_2 = _numbers[73].AsSpan(start, n);
        var count7_4_4 = _numbers[75].AsSpan(start, n);
        var rate7_1_2 = _numbers[70].AsSpan(start, n);
        var rate7_3_1 = _numbers[72].AsSpan(start, n);
        var rate7_4_3 = _numbers[74].AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            // 7.1.1 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q711 = Count(1d * track);
            // 7.1.2 rate7_1_2: proportional to target 0.8, max 2
            var q712 = Count(double.MinNative(2d * (rate7_1_2[i] / 0.8), 2d));
            // 7.1.3 share of count7_1_3 in files received: 0.5 from 90 %, 0.375 from 70 %, 0.25 from 50 %, else 0
            var o713 = received == 0 ? 0 : 100 * (count7_1_3[i] / received);
            var q713 = 25 * Bit(o713 >= 49.99999995) + 13 * Bit(o713 >= 69.99999993) + 12 * Bit(o713 >= 89.99999991);
            // 7.1.4 has7_1_4: 1.5 or 0
            var q714 = 150 * Bit(has7_1_4[i]);
            // 7.1: max 5
            var c71 = Math.Min(q711 + q712 + q713 + q714, 500);
            // 7.2.1 plan issued: 0.5 + 0.5 × min(1, done / 0.85), else 0
            var q721 = plan * Count(0.5 + 0.5 * reached85);
            // 7.2.2 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q722 = Count(double.MinNative(1d * late03, 1d));
            // 7.2.3 on track: 2, else 2 × clamp(done − late, 0, 1)
            var q723 = Count(2d * track);
            // 7.2: max 4
            var c72 = Math.Min(q721 + q722 + q723, 400);
            // 7.3.1 rate7_3_1: proportional to target 0.8, max 0.5
            var q731 = Count(double.MinNative(0.5 * (rate7_3_1[i] / 0.8), 0.5));
            // 7.3.2 share of count7_3_2 in files received: 1.5 from 90 %, 1.125 from 70 %, 0.75 from 50 %, else 0
            var o732 = received == 0 ? 0 : 100 * (count7_3_2[i] / received);
            var q732 = 75 * Bit(o732 >= 49.99999995) + 38 * Bit(o732 >= 69.99999993) + 37 * Bit(o732 >= 89.99999991);
            // 7.3.3 has7_3_3: 1 or 0
            var q733 = 100 * Bit(has7_3_3[i]);
            // 7.3.4 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q734 = plan * Count(0.5 + 0.5 * reached95);
            // 7.3: max 4
            var c73 = Math.Min(q731 + q732 + q733 + q734, 400);
            // 7.4.1 late files (lower is better): 2 at or below 0.03, else 2 × 0.03 / late
            var q741 = Count(double.MinNative(2d * late03, 2d));
            // 7.4.2 on track: 0.5, else 0.5 × clamp(done − late, 0, 1)
            var q742 = Count(0.5 * track);
            // 7.4.3 rate7_4_3: proportional to target 0.8, max 1.5
            var q743 = Count(double.MinNative(1.5 * (rate7_4_3[i] / 0.8), 1.5));
            // 7.4.4 share of count7_4_4 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o744 = received == 0 ? 0 : 100 * (count7_4_4[i] / received);
            var q744 = 50 * Bit(o744 >= 49.99999995) + 25 * Bit(o744 >= 69.99999993) + 25 * Bit(o744 >= 89.99999991);
            // 7.4: max 5
            var c74 = Math.Min(q741 + q742 + q743 + q744, 500);
            // 7.5.1 has7_5_1: 1 or 0
            var q751 = 100 * Bit(has7_5_1[i]);
            // 7.5.2 plan issued: 1 + 1 × min(1, done / 0.85), else 0
            var q752 = plan * Count(1d + 1d * reached85);
            // 7.5.3 late files (lower is better): 0.5 at or below 0.03, else 0.5 × 0.03 / late
            var q753 = Count(double.MinNative(0.5 * late03, 0.5));
            // 7.5.4 on track: 1.5, else 1.5 × clamp(done − late, 0, 1)
            var q754 = Count(1.5 * track);
            // 7.5: max 5
            var c75 = Math.Min(q751 + q752 + q753 + q754, 500);
            counts[i] += Math.Min(c71 + c72 + c73 + c74 + c75, 2300);
        }
    }

    /// <summary>Area 8, Tác động của CCHC đến người dân, tổ chức: 5 criteria, 18 leaves, max 22 points (2200 counts). Criterion 8.5 counts only where agencyType != &quot;xa&quot;, in the points and in the area's max.</summary>
    private void Area8(int start, int end)
    {
        var n = end - start;
        var tasksPlanned = _numbers[28].AsSpan(start, n);
        var tasksDone = _numbers[29].AsSpan(start, n);
        var filesReceived = _numbers[30].AsSpan(start, n);
        var filesLate = _numbers[31].AsSpan(start, n);
        var planIssued = _bools[7].AsSpan(start, n);
        var has8_1_3 = _bools[30].AsSpan(start, n);
        var has8_3_2 = _bools[31].AsSpan(start, n);
        var has8_4_4 = _bools[32].AsSpan(start, n);
        var count8_1_2 = _numbers[77].AsSpan(start, n);
        var count8_3_1 = _numbers[79].AsSpan(start, n);
        var count8_4_3 = _numbers[81].AsSpan(start, n);
        var rate8_1_1 = _numbers[76].AsSpan(start, n);
        var rate8_2_4 = _numbers[78].AsSpan(start, n);
        var rate8_4_2 = _numbers[80].AsSpan(start, n);
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var done = Ratio(tasksDone[i], tasksPlanned[i]);
            var received = filesReceived[i];
            var late = Ratio(filesLate[i], received);
            var plan = Bit(planIssued[i]);
            var onTrack = plan & Bit(done >= 0.8);
            var track = double.MaxNative(double.MinNative(double.MaxNative(done - late, 0), 1), onTrack); // clamp(done − late, 0, 1), or 1 on track: max × 1 is the max
            var reached85 = double.MinNative(1, done / 0.85);
            var reached95 = double.MinNative(1, done / 0.95);
            var late03 = 0.03 / late;
            var notCommune = type[i] & NotCommune;
            // 8.1.1 rate8_1_1: proportional to target 0.8, max 1
            var q811 = Count(double.MinNative(1d * (rate8_1_1[i] / 0.8), 1d));
            // 8.1.2 share of count8_1_2 in files received: 1 from 90 %, 0.75 from 70 %, 0.5 from 50 %, else 0
            var o812 = received == 0 ? 0 : 100 * (count8_1_2[i] / received);
            var q812 = 50 * Bit(o812 >= 49.99999995) + 25 * Bit(o812 >= 69.99999993) + 25 * Bit(o812 >= 89.99999991);
            // 8.1.3 has8_1_3: 2 or 0
            var q813 = 200 * Bit(has8_1_3[i]);
            // 8.1: max 4
            var c81 = Math.Min(q811 + q812 + q813, 400);
            // 8.2.1 plan issued: 0.25 + 0.25 × min(1, done / 0.95), else 0
            var q821 = plan * Count(0.25 + 0.25 * reached95);
            // 8.2.2 late files (lower is better): 1.5 at or below 0.03, else 1.5 × 0.03 / late
            var q822 = Count(double.MinNative(1.5 * late03, 1.5));
            // 8.2.3 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q823 = Count(1d * track);
            // 8.2.4 rate8_2_4: proportional to target 0.8, max 1
            var q824 = Count(double.MinNative(1d * (rate8_2_4[i] / 0.8), 1d));
            // 8.2: max 4
            var c82 = Math.Min(q821 + q822 + q823 + q824, 400);
            // 8.3.1 share of count8_3_1 in files received: 2 from 90 %, 1.5 from 70 %, 1 from 50 %, else 0
            var o831 = received == 0 ? 0 : 100 * (count8_3_1[i] / received);
            var q831 = 100 * Bit(o831 >= 49.99999995) + 50 * Bit(o831 >= 69.99999993) + 50 * Bit(o831 >= 89.99999991);
            // 8.3.2 has8_3_2: 0.5 or 0
            var q832 = 50 * Bit(has8_3_2[i]);
            // 8.3.3 plan issued: 0.75 + 0.75 × min(1, done / 0.85), else 0
            var q833 = plan * Count(0.75 + 0.75 * reached85);
            // 8.3.4 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q834 = Count(double.MinNative(1d * late03, 1d));
            // 8.3: max 5
            var c83 = Math.Min(q831 + q832 + q833 + q834, 500);
            // 8.4.1 on track: 1, else 1 × clamp(done − late, 0, 1)
            var q841 = Count(1d * track);
            // 8.4.2 rate8_4_2: proportional to target 0.8, max 2
            var q842 = Count(double.MinNative(2d * (rate8_4_2[i] / 0.8), 2d));
            // 8.4.3 share of count8_4_3 in files received: 0.5 from 90 %, 0.375 from 70 %, 0.25 from 50 %, else 0
            var o843 = received == 0 ? 0 : 100 * (count8_4_3[i] / received);
            var q843 = 25 * Bit(o843 >= 49.99999995) + 13 * Bit(o843 >= 69.99999993) + 12 * Bit(o843 >= 89.99999991);
            // 8.4.4 has8_4_4: 1.5 or 0
            var q844 = 150 * Bit(has8_4_4[i]);
            // 8.4: max 5
            var c84 = Math.Min(q841 + q842 + q843 + q844, 500);
            // 8.5.1 plan issued: 0.5 + 0.5 × min(1, done / 0.95), else 0
            var q851 = plan * Count(0.5 + 0.5 * reached95);
            // 8.5.2 late files (lower is better): 1 at or below 0.03, else 1 × 0.03 / late
            var q852 = Count(double.MinNative(1d * late03, 1d));
            // 8.5.3 on track: 2, else 2 × clamp(done − late, 0, 1)
            var q853 = Count(2d * track);
            // 8.5: max 4, only where agencyType != "xa"
            var c85 = Math.Min(q851 + q852 + q853, 400);
            var areaMax = 1800 + 400 * notCommune;
            counts[i] += Math.Min(c81 + c82 + c83 + c84 + notCommune * c85, areaMax);
        }
    }

    /// <summary>
    /// The total: the areas' counts capped at the applicable max (18000 counts for "so", 17500 for
    /// "huyen", 15700 for "xa"), as points; percent = 100 × points ÷ applicable max points, rounded
    /// half away from zero to 2 decimals with the engine's 1e-9 tolerance, the operations in the
    /// engine's order.
    /// </summary>
    private void Finish(int start, int end)
    {
        var n = end - start;
        var type = _type.AsSpan(start, n);
        var counts = _counts.AsSpan(start, n);
        var total = Total.AsSpan(start, n);
        var percent = Percent.AsSpan(start, n);
        for (var i = 0; i < n; i++)
        {
            var t = type[i];
            var max = 15700 + 1800 * (t & NotCommune) + 500 * (t >> 1);
            var points = Math.Min(counts[i], max) / 100d;
            total[i] = points;
            var s = 100d * points / (max / 100d) * 100;
            percent[i] = Math.Floor(s + 0.5 + 1e-9 * s) / 100;
        }
    }

    /// <summary>a ÷ b, or 0 when b is 0 (the scheme's Ratio).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    /// <summary>0 or 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool value) => Unsafe.BitCast<bool, byte>(value);

    /// <summary>Points in [0, max] as a count of 0.01, rounded half away from zero once: floor(s + 0.5 + 1e-9·s), s = 100 × points ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Count(double points)
    {
        var s = points * 100;
        return double.ConvertToIntegerNative<int>(s + 0.5 + 1e-9 * s);
    }
}
