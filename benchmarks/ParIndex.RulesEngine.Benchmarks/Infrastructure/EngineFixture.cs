using ParIndex.RulesEngine.Benchmarks.Scheme;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>
/// The engine side of a benchmark: the generated scheme compiled once, seeded data of the
/// requested size as a zero-copy columnar batch, and a prepared totals-only kernel frame.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    private EngineFixture(SchemeSpec scheme, AgencyData data, CompiledRuleSet ruleSet, AgencyBatch batch)
    {
        Scheme = scheme;
        Data = data;
        RuleSet = ruleSet;
        Batch = batch;
        Frame = new KernelFrame(batch.Count, Scorer.ShapeOf(ruleSet.Bound, storeDetail: false), batch.Numbers, batch.Bools, batch.Texts, batch.Missing);
        Variables = ruleSet.Kernel.VariablesFor(detail: false);
        Totals = ruleSet.Kernel.ScoresFor(detail: false);
    }

    /// <summary>The generated scheme.</summary>
    public SchemeSpec Scheme { get; }
    /// <summary>The seeded data.</summary>
    public AgencyData Data { get; }
    /// <summary>The compiled scheme.</summary>
    public CompiledRuleSet RuleSet { get; }
    /// <summary>The batch over <see cref="Data"/>'s arrays.</summary>
    public AgencyBatch Batch { get; }
    /// <summary>A totals-only frame over the batch.</summary>
    public KernelFrame Frame { get; }
    /// <summary>Kernel stage 0 as totals-only scoring runs it: the variables read outside the areas.</summary>
    internal KernelStage Variables { get; }
    /// <summary>Kernel stage 1 without detail.</summary>
    internal KernelStage Totals { get; }

    /// <summary>Compiles the scheme and generates <paramref name="rows"/> agencies.</summary>
    public static EngineFixture Create(int rows)
    {
        var scheme = SchemeGenerator.Scheme;
        // A generous compile budget: the shared benchmark machine can be slow under load.
        var ruleSet = RuleSetLoader.LoadJson(scheme.Json, "benchmark-scheme-150.json", new RuleSetLoadOptions { MaxCompileTime = TimeSpan.FromMinutes(10) });
        var data = AgencyData.Generate(scheme, rows);
        var batch = ColumnarBatch.Create(ruleSet, data.Ids, data.Columns);
        if (batch.Count != rows || batch.RowErrors.Count > 0)
            throw new InvalidOperationException($"The generated data was rejected: {batch.RowErrors.Count} row errors, first: {batch.RowErrors.FirstOrDefault()?.Message}");
        if (!ReferenceEquals(batch.Numbers[0], data.Numbers[0]))
            throw new InvalidOperationException("ColumnarBatch copied the columns; the benchmark expects zero copy.");
        return new EngineFixture(scheme, data, ruleSet, batch);
    }

    /// <summary>The kernel over rows [start, end): variables, then criteria and totals (no detail).</summary>
    public void RunKernel(int start, int end)
    {
        Variables(Frame, start, end);
        Totals(Frame, start, end);
    }

    /// <summary>The kernel over all rows, in chunks on up to <paramref name="threads"/> threads.</summary>
    public void RunKernelParallel(int threads, int chunk = 4096)
    {
        var rows = Frame.Rows;
        if (threads <= 1)
        {
            RunKernel(0, rows);
            return;
        }
        var chunks = (rows + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
            c => RunKernel(c * chunk, Math.Min(rows, (c + 1) * chunk)));
    }

    /// <summary>Throws when <paramref name="totals"/> differ from the engine's kernel totals by more than 1e-9 on any of the first <paramref name="rows"/> rows.</summary>
    public void AssertSameTotals(string who, double[] totals, int rows)
    {
        RunKernel(0, Frame.Rows);
        var engine = Frame.Total;
        var worst = 0d;
        var at = -1;
        for (var i = 0; i < rows; i++)
        {
            var diff = Math.Abs(engine[i] - totals[i]);
            if (!(diff <= worst)) { worst = diff; at = i; }
        }
        if (worst > 1e-9 || double.IsNaN(worst))
            throw new InvalidOperationException($"{who}: totals differ from the engine's: row {at} ({Data.Ids[at]}) engine {engine[at]} vs {totals[at]} (|diff| {worst}).");
        Console.WriteLine($"// check: {who} totals equal the engine's on {rows:N0} rows (max |diff| {worst:G3}); sum of totals {Sum(engine, rows):F2}");
    }

    /// <summary>
    /// Throws unless <paramref name="totals"/> and <paramref name="percent"/> are bit for bit the
    /// engine's kernel totals and percent on each of the first <paramref name="rows"/> rows; the
    /// message names the first row that differs and both values.
    /// </summary>
    public void AssertIdentical(string who, double[] totals, double[] percent, int rows)
    {
        RunKernel(0, Frame.Rows);
        AssertIdentical(who, "total", Frame.Total, totals, rows);
        AssertIdentical(who, "percent", Frame.Percent, percent, rows);
        Console.WriteLine($"// check: {who} totals and percent are bit-identical to the engine's on {rows:N0} rows; sum of totals {Sum(Frame.Total, rows):F2}, of percent {Sum(Frame.Percent, rows):F2}");
    }

    private void AssertIdentical(string who, string what, double[] engine, double[] values, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            if (BitConverter.DoubleToInt64Bits(engine[i]) != BitConverter.DoubleToInt64Bits(values[i]))
                throw new InvalidOperationException(
                    $"{who}: {what} differs from the engine's at row {i} ({Data.Ids[i]}): engine {engine[i]:R} vs {values[i]:R}.");
        }
    }

    private static double Sum(double[] values, int rows)
    {
        var sum = 0d;
        for (var i = 0; i < rows; i++) sum += values[i];
        return sum;
    }

    /// <inheritdoc/>
    public void Dispose() => RuleSet.Dispose();
}
