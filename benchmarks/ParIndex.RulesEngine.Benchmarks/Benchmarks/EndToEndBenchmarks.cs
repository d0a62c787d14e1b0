using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.EndToEnd;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// CSV file to results CSV file, for the internal-index example and the 150-leaf scheme at 100K,
/// 500K and 1M agencies (files of <see cref="EndToEndData"/>), with the anchor measured in the
/// same run: a plain Sep parse of the same file into doubles (<see cref="SepAnchor"/>). The
/// engine cases go through the public API only, the calls <c>parindex score … --format csv --out</c>
/// and <c>--stream</c> make, so the same class measures whichever library the project references.
/// The rule set is compiled in <c>GlobalSetup</c> (not timed). Ratio = against the one-thread anchor
/// of the same scheme and size.
/// </summary>
[Config(typeof(EndToEndConfig))]
public class EndToEndBenchmarks
{
    private CompiledRuleSet _ruleSet = null!;
    private string _csv = null!;
    private string _output = null!;
    private string[] _numberInputs = null!;

    /// <summary>Which rule file and data.</summary>
    [ParamsSource(nameof(Schemes))]
    public EndToEndScheme Scheme;

    /// <summary>Agencies in the data file.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Rows;

    /// <summary>Both schemes, or those named in <c>PARINDEX_E2E_SCHEMES</c> (e.g. <c>internal-index</c>).</summary>
    public static IEnumerable<EndToEndScheme> Schemes =>
        Environment.GetEnvironmentVariable("PARINDEX_E2E_SCHEMES") is { Length: > 0 } names
            ? names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EndToEndData.Parse)
            : [EndToEndScheme.InternalIndex, EndToEndScheme.Scheme150];

    /// <summary>100K, 500K, 1M, or the sizes in <c>PARINDEX_E2E_SIZES</c> (e.g. <c>100000 500000</c>).</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("PARINDEX_E2E_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : EndToEndData.BenchmarkSizes;

    /// <summary>Writes the data file if missing, compiles the rule set, and checks that every row scores.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csv = EndToEndData.Ensure(Scheme, Rows);
        var rules = EndToEndData.RulesPath(Scheme);
        _numberInputs = SepAnchor.NumberInputs(rules);
        // The compile is not measured; on a loaded machine it can pass the default 30 s budget.
        _ruleSet = RuleSetLoader.LoadFile(rules, new RuleSetLoadOptions { MaxCompileTime = TimeSpan.FromMinutes(10) });
        _output = Path.Combine(EndToEndData.Directory, $"results-{Guid.NewGuid():N}.csv");
        var anchor = SepAnchor.Parse(_csv, _numberInputs);
        if (anchor.Rows != Rows) throw new InvalidOperationException($"{_csv}: the anchor read {anchor.Rows} rows, expected {Rows}.");
    }

    /// <summary>Removes the results file and the rule set.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_output);
        _ruleSet.Dispose();
    }

    /// <summary>The anchor, one thread.</summary>
    [Benchmark(Baseline = true, Description = "plain Sep parse (anchor)")]
    public double Anchor() => SepAnchor.Parse(_csv, _numberInputs).Sum;

    /// <summary>The anchor on both cores.</summary>
    [Benchmark(Description = "plain Sep parse, ParallelEnumerate")]
    public double AnchorParallel() => SepAnchor.ParseParallel(_csv, _numberInputs).Sum;

    /// <summary>The reader alone (its allocation per agency is one of the targets): the CSV file into a batch.</summary>
    [Benchmark(Description = "read CSV only")]
    public int Read() => Check(CsvAgencyReader.ReadFile(_ruleSet, _csv, new DataReadOptions { Culture = CultureInfo.InvariantCulture }).Count);

    /// <summary>The default <c>score --format csv</c>: read the file (invariant culture, as the command without <c>--culture</c>), score with the default options, write every column (per-criterion ones included).</summary>
    [Benchmark(Description = "score --format csv")]
    public int Score()
    {
        var batch = CsvAgencyReader.ReadFile(_ruleSet, _csv, new DataReadOptions { Culture = CultureInfo.InvariantCulture });
        var report = _ruleSet.Score(batch, new ScoringOptions());
        using (var writer = new StreamWriter(_output, false, new UTF8Encoding(false), 1 << 16))
            CsvResultWriter.Write(report, writer);
        return Check(report.Agencies.Count);
    }

    /// <summary><c>score --stream</c>: <see cref="StreamingScorer.ScoreCsvFile"/> with the command's default options.</summary>
    [Benchmark(Description = "score --stream")]
    public int Stream()
    {
        StreamingSummary summary;
        using (var writer = new StreamWriter(_output, false, new UTF8Encoding(false), 1 << 16))
            summary = StreamingScorer.ScoreCsvFile(_ruleSet, _csv, writer, new StreamingOptions { Culture = CultureInfo.InvariantCulture });
        return Check(summary.Scored);
    }

    /// <summary>A run that read or scored fewer rows than the file has measured something else: stop it.</summary>
    private int Check(int scored) =>
        scored == Rows ? scored : throw new InvalidOperationException($"{_csv}: {scored} of {Rows} agencies read or scored.");
}
