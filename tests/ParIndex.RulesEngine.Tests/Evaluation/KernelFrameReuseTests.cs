using System.Reflection;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Kernel;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// A streaming run carries each chunk on the output columns of a finished one
/// (<see cref="Scorer.FrameOver"/>). Whatever the finished frame held, the reused frame must hold
/// exactly what a new frame holds: every output column of every kind (points, counts, variables,
/// ranks, labels, conditions, facts, and the histories that start unknown), at both levels of detail.
/// </summary>
[TestClass]
public sealed class KernelFrameReuseTests
{
    private static readonly string[] InputColumns = [nameof(KernelFrame.Numbers), nameof(KernelFrame.Bools), nameof(KernelFrame.Texts), nameof(KernelFrame.Missing)];

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void A_frame_on_a_finished_frames_columns_holds_what_a_new_frame_holds(bool detail)
    {
        using var rules = RuleSetLoader.LoadFile(RepositoryPaths.Example("provincial-internal-index", "ruleset.json"));
        var batch = CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example("provincial-internal-index", "units-2024.csv"));
        var finished = Scorer.NewFrame(rules.Bound, batch, detail);
        // The internal index reads three earlier periods, so the unknown histories are covered.
        Assert.IsNotEmpty(finished.HistoryPercent);
        var dirtied = Dirty(finished);
        Assert.IsGreaterThan(15, dirtied, "too few output columns were dirtied to test anything");

        var reused = Scorer.FrameOver(finished, batch);
        var fresh = Scorer.NewFrame(rules.Bound, batch, detail);

        foreach (var field in OutputFields())
            AssertSameContents(field.GetValue(fresh)!, field.GetValue(reused)!, field.Name);
        Assert.AreSame(batch.Numbers, reused.Numbers, "the reused frame reads the new batch's inputs");
    }

    /// <summary>Fills every element of every output column with a value no new frame holds; returns the columns with elements.</summary>
    private static int Dirty(KernelFrame frame)
    {
        var dirtied = 0;
        foreach (var field in OutputFields())
            foreach (var column in ColumnsOf(field.GetValue(frame)!))
            {
                if (column.Length == 0) continue;
                dirtied++;
                var garbage = Garbage(column.GetType().GetElementType()!);
                for (var i = 0; i < column.Length; i++) column.SetValue(garbage, i);
            }
        return dirtied;
    }

    private static object Garbage(Type type) =>
        type == typeof(double) ? 42.5 :
        type == typeof(long) ? 9L :
        type == typeof(int) ? 7 :
        type == typeof(short) ? (short)3 :
        type == typeof(bool) ? true :
        type == typeof(string) ? "stale" :
        throw new AssertFailedException($"an output column of {type} has no garbage value in this test");

    private static void AssertSameContents(object expected, object actual, string name)
    {
        var expectedColumns = ColumnsOf(expected).ToList();
        var actualColumns = ColumnsOf(actual).ToList();
        Assert.HasCount(expectedColumns.Count, actualColumns, name);
        for (var c = 0; c < expectedColumns.Count; c++)
            CollectionAssert.AreEqual(expectedColumns[c], actualColumns[c], $"{name}[{c}]");
    }

    /// <summary>A column (T[]) as itself, a set of columns (T[][]) as its columns; a null inner array (an aggregate not stored yet) as empty.</summary>
    private static IEnumerable<Array> ColumnsOf(object value)
    {
        var array = (Array)value;
        if (!array.GetType().GetElementType()!.IsArray) return [array];
        return array.Cast<Array?>().Select(column => column ?? Array.Empty<double>());
    }

    private static IEnumerable<FieldInfo> OutputFields() =>
        typeof(KernelFrame).GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !InputColumns.Contains(f.Name));
}
