using System.ComponentModel;

namespace ParIndex.RulesEngine.Kernel;

/// <summary>
/// The columnar arrays the generated kernel reads and writes: one array per input, variable and
/// criterion, indexed by row. For generated code only: public because the compiled kernel of a
/// rule set must name it, never created or read by applications, and with no compatibility
/// promise from one version of the library to the next.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class KernelFrame
{
    /// <summary>Creates a frame over input columns of <paramref name="rows"/> rows, allocating every output column.</summary>
    internal KernelFrame(int rows, KernelShape shape, double[][] numbers, bool[][] bools, string?[][] texts, bool[][] missing)
    {
        Rows = rows;
        Numbers = numbers;
        Bools = bools;
        Texts = texts;
        Missing = missing;
        // Without detail the areas compute most variables where they read them (KernelGenerator):
        // only the ones read elsewhere get a column, an empty one stands for the others.
        NumberVariables = Columns<double>(shape.NumberVariables, rows, shape.NumberVariablesKept);
        BoolVariables = Columns<bool>(shape.BoolVariables, rows, shape.BoolVariablesKept);
        Aggregates = new double[shape.Aggregates][];
        Groups = new int[rows];
        // Without detail only the criteria eligibility rules read get real columns: a million
        // agencies × a few hundred criteria would otherwise cost gigabytes nobody reads.
        Points = NodeColumns(shape, rows);
        MaxPoints = NodeColumns(shape, rows);
        // Areas hand their fixed-point points to the total through these (see KernelGenerator).
        PointCounts = CountColumns(shape, rows);
        MaxCounts = CountColumns(shape, rows);
        Raw = Columns<double>(shape.StoreDetail ? shape.Leaves : 0, rows);
        Bands = Columns<int>(shape.StoreDetail ? shape.BandLeaves : 0, rows);
        // Facts for explanations, recorded only by the detail stage: two bytes per criterion and
        // row, and doubles only for the leaves that compare a value.
        NotApplicable = Columns<short>(shape.StoreDetail ? shape.Nodes : 0, rows);
        Compared = Columns<double>(shape.StoreDetail ? shape.ComparedColumns : 0, rows);
        Total = new double[rows];
        Max = new double[rows];
        Percent = new double[rows];
        Faults = new int[rows];
        Rank = new double[rows];
        OverallRank = new double[rows];
        PreviousRank = new double[rows];
        RankChange = new double[rows];
        Classification = new string?[rows];
        GroupNames = new string[rows];
        Conditions = Columns<bool>(shape.Conditions, rows);
        // Unknown until the scorer fills them from a history: a path that does not (streaming)
        // leaves them missing, so conditions on earlier periods are false rather than met by 0.
        HistoryPercent = UnknownColumns(shape.HistoryPeriods, rows);
        HistoryRank = UnknownColumns(shape.HistoryPeriods, rows);
        AveragePercent = UnknownColumns(shape.AveragedPeriods, rows);
    }

    /// <summary>
    /// A frame of <paramref name="finished"/>'s shape and row count over new input columns, on
    /// <paramref name="finished"/>'s output columns reset to what a new frame holds (zeros, null
    /// labels, NaN histories). A streaming run scores chunk after chunk of the same size: reusing
    /// the columns spares the collector tens of megabytes a chunk. <paramref name="finished"/>
    /// must not be read again.
    /// </summary>
    internal KernelFrame(KernelFrame finished, double[][] numbers, bool[][] bools, string?[][] texts, bool[][] missing)
    {
        Rows = finished.Rows;
        Numbers = numbers;
        Bools = bools;
        Texts = texts;
        Missing = missing;
        NumberVariables = Cleared(finished.NumberVariables);
        BoolVariables = Cleared(finished.BoolVariables);
        Aggregates = new double[finished.Aggregates.Length][];
        Groups = Cleared(finished.Groups);
        Points = Cleared(finished.Points);
        MaxPoints = Cleared(finished.MaxPoints);
        PointCounts = Cleared(finished.PointCounts);
        MaxCounts = Cleared(finished.MaxCounts);
        Raw = Cleared(finished.Raw);
        Bands = Cleared(finished.Bands);
        NotApplicable = Cleared(finished.NotApplicable);
        Compared = Cleared(finished.Compared);
        Total = Cleared(finished.Total);
        Max = Cleared(finished.Max);
        Percent = Cleared(finished.Percent);
        Faults = Cleared(finished.Faults);
        Rank = Cleared(finished.Rank);
        OverallRank = Cleared(finished.OverallRank);
        PreviousRank = Cleared(finished.PreviousRank);
        RankChange = Cleared(finished.RankChange);
        Classification = Cleared(finished.Classification);
        GroupNames = Cleared(finished.GroupNames);
        Conditions = Cleared(finished.Conditions);
        HistoryPercent = Unknown(finished.HistoryPercent);
        HistoryRank = Unknown(finished.HistoryRank);
        AveragePercent = Unknown(finished.AveragePercent);
    }

    // The public fields are the columns generated code may name (the verifier allows references
    // to public fields only; eligibility conditions read the ranking columns too). The row count
    // is the engine's alone: a stage is given its range of rows.

    /// <summary>Number of rows.</summary>
    internal int Rows { get; }
    /// <summary>Number inputs by slot; NaN where a value is missing and allowed.</summary>
    public readonly double[][] Numbers;
    /// <summary>Bool inputs by slot.</summary>
    public readonly bool[][] Bools;
    /// <summary>Enum and text inputs by slot; null where missing.</summary>
    public readonly string?[][] Texts;
    /// <summary>Missing masks by input index, for inputs with the not-applicable policy (empty otherwise).</summary>
    public readonly bool[][] Missing;
    /// <summary>Number variables by slot.</summary>
    public readonly double[][] NumberVariables;
    /// <summary>Bool variables by slot.</summary>
    public readonly bool[][] BoolVariables;
    /// <summary>Group aggregates: [aggregate][group index].</summary>
    public readonly double[][] Aggregates;
    /// <summary>Ranking group index of each row.</summary>
    public readonly int[] Groups;
    /// <summary>Points by criterion node.</summary>
    public readonly double[][] Points;
    /// <summary>Applicable max by criterion node; NaN when the criterion does not apply.</summary>
    public readonly double[][] MaxPoints;
    /// <summary>
    /// Points by criterion node as whole counts of 10^-precision (the kernel's fixed-point form),
    /// only for the nodes kept without detail (areas and those eligibility rules read); empty otherwise.
    /// </summary>
    public readonly long[][] PointCounts;
    /// <summary>Applicable max as counts of 10^-precision, like <see cref="PointCounts"/>; −1 when the criterion does not apply.</summary>
    public readonly long[][] MaxCounts;
    /// <summary>Leaf points before caps and rounding.</summary>
    public readonly double[][] Raw;
    /// <summary>Matched band step (0-based) by band leaf; -1 when none matched.</summary>
    public readonly int[][] Bands;
    /// <summary>
    /// Why each criterion does not apply, by node (detail stage only): 0 when it applies, else the
    /// first reason the kernel found (a reason code; missing inputs are -1 - the input's index).
    /// </summary>
    public readonly short[][] NotApplicable;
    /// <summary>
    /// The values leaves compared (detail stage only): bands with <c>of</c> record the <c>of</c>
    /// value, proportional leaves the value then the target (also when the leaf does not apply).
    /// </summary>
    public readonly double[][] Compared;
    /// <summary>Total points.</summary>
    public readonly double[] Total;
    /// <summary>Applicable maximum of the total.</summary>
    public readonly double[] Max;
    /// <summary>Total as a rounded percent of the applicable maximum.</summary>
    public readonly double[] Percent;
    /// <summary>0, or 1 + the index of the first criterion node whose formula gave no finite number.</summary>
    public readonly int[] Faults;
    /// <summary>Rank in group (set after ranking).</summary>
    public readonly double[] Rank;
    /// <summary>Overall rank (set after ranking).</summary>
    public readonly double[] OverallRank;
    /// <summary>Previous-period rank in group, NaN when unknown.</summary>
    public readonly double[] PreviousRank;
    /// <summary>Previous rank − current rank, NaN when unknown.</summary>
    public readonly double[] RankChange;
    /// <summary>Classification label or null.</summary>
    public readonly string?[] Classification;
    /// <summary>Ranking group value of each row.</summary>
    public readonly string[] GroupNames;
    /// <summary>Eligibility condition results by condition index.</summary>
    public readonly bool[][] Conditions;
    /// <summary>Percent in earlier periods: [k − 1][row] for period k back; NaN when unknown (filled before eligibility).</summary>
    public readonly double[][] HistoryPercent;
    /// <summary>Rank in group in earlier periods: [k − 1][row]; NaN when unknown.</summary>
    public readonly double[][] HistoryRank;
    /// <summary>AveragePercent(n) as [n − 1][row]: the mean over this period and the n − 1 before it (see ResultsHistory).</summary>
    public readonly double[][] AveragePercent;

    /// <summary>
    /// The bytes of the output columns the constructor allocates for one row of
    /// <paramref name="shape"/> (the input columns belong to the batch): what a streaming run
    /// budgets a chunk by. Kept beside the constructor so that the two allocate alike.
    /// </summary>
    internal static long OutputBytesPerRow(KernelShape shape)
    {
        var nodeColumns = shape.StoreDetail ? shape.Nodes : shape.LookedUpNodes.Count;
        var numberVariables = shape.NumberVariablesKept?.Count ?? shape.NumberVariables;
        var boolVariables = shape.BoolVariablesKept?.Count ?? shape.BoolVariables;
        long bytes = 8L * numberVariables + boolVariables + sizeof(int) /* Groups */;
        bytes += 2 * 8L * nodeColumns + 2 * 8L * shape.Areas.Count; // Points, MaxPoints; PointCounts, MaxCounts
        if (shape.StoreDetail) bytes += 8L * shape.Leaves + 4L * shape.BandLeaves + 2L * shape.Nodes + 8L * shape.ComparedColumns;
        bytes += 3 * 8 + 4 + 4 * 8 + 2 * 8; // Total, Max, Percent; Faults; the four rank columns; Classification, GroupNames
        bytes += shape.Conditions + 2 * 8L * shape.HistoryPeriods + 8L * shape.AveragedPeriods;
        return bytes;
    }

    private static double[][] NodeColumns(KernelShape shape, int rows)
    {
        var columns = new double[shape.Nodes][];
        for (var i = 0; i < columns.Length; i++)
            columns[i] = shape.StoreDetail || shape.LookedUpNodes.Contains(i) ? new double[rows] : [];
        return columns;
    }

    private static long[][] CountColumns(KernelShape shape, int rows)
    {
        var columns = new long[shape.Nodes][];
        for (var i = 0; i < columns.Length; i++) columns[i] = shape.Areas.Contains(i) ? new long[rows] : [];
        return columns;
    }

    private static double[][] UnknownColumns(int count, int rows) => Unknown(Columns<double>(count, rows));

    private static T[] Cleared<T>(T[] column)
    {
        Array.Clear(column);
        return column;
    }

    private static T[][] Cleared<T>(T[][] columns)
    {
        foreach (var column in columns) Array.Clear(column);
        return columns;
    }

    private static double[][] Unknown(double[][] columns)
    {
        foreach (var column in columns) Array.Fill(column, double.NaN);
        return columns;
    }

    /// <summary>Columns of <paramref name="rows"/> values; with <paramref name="kept"/>, only those indexes get one, the others an empty array.</summary>
    private static T[][] Columns<T>(int count, int rows, IReadOnlySet<int>? kept = null)
    {
        var columns = new T[count][];
        for (var i = 0; i < count; i++) columns[i] = kept is null || kept.Contains(i) ? new T[rows] : [];
        return columns;
    }
}
