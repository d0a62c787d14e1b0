using BenchmarkDotNet.Attributes;
using ParIndex.RulesEngine.Benchmarks.EndToEnd;
using ParIndex.RulesEngine.Benchmarks.Infrastructure;
using ParIndex.RulesEngine.Benchmarks.Scheme;
using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Benchmarks.Benchmarks;

/// <summary>
/// The CSV reader on the 150-leaf scheme's data (one id, ~270 number, bool and enum columns),
/// against its anchor measured in the same run: a plain Sep parse of the same file with every
/// numeric cell parsed as a double and nothing kept. The reader needs only the input schema,
/// so no kernel is compiled. Allocation per agency is the figure to watch (target ≤ 200 bytes
/// beyond the columns themselves).
/// </summary>
[Config(typeof(BatchConfig))]
[WarmupCount(1)]
[IterationCount(3)]
public class CsvReaderBenchmarks
{
    private string _path = null!;
    private InputSchema _schema = null!;
    private string[] _numberInputs = null!;

    /// <summary>Agencies in the file.</summary>
    [Params(100_000)]
    public int Rows;

    [GlobalSetup]
    public void Setup()
    {
        _schema = RuleSetLoader.LoadInputSchemaJson(SchemeGenerator.Scheme.Json, "scheme.json");
        _numberInputs = _schema.Inputs.Where(i => i.Type == Definition.InputType.Number).Select(i => i.Name).ToArray();
        _path = Path.Combine(Path.GetTempPath(), $"parindex-reader-bench-{Rows}.csv");
        if (!File.Exists(_path)) AgencyData.Generate(SchemeGenerator.Scheme, Rows).WriteCsv(SchemeGenerator.Scheme, _path);
        var batch = CsvAgencyReader.ReadFile(_schema, _path);
        if (batch.Count != Rows || batch.RejectedCount != 0) throw new InvalidOperationException($"The reader kept {batch.Count} of {Rows} rows.");
    }

    /// <summary>The anchor: Sep over the same file, every number input's cell parsed as a double (the end-to-end benchmark's anchor).</summary>
    [Benchmark(Baseline = true)]
    public double PlainSepParse() => SepAnchor.Parse(_path, _numberInputs).Sum;

    /// <summary>The engine's reader: checked, typed columns, every behaviour of the data stage.</summary>
    [Benchmark]
    public int CsvAgencyReaderReadFile() => CsvAgencyReader.ReadFile(_schema, _path).Count;

    /// <summary>
    /// The same reader in the chunks a streaming run consumes (16,384 rows, parsed on a second
    /// thread): its column blocks are reused from chunk to chunk, so beyond each chunk's exact
    /// columns it allocates only the id and name strings and what the duplicate check keeps.
    /// </summary>
    [Benchmark]
    public int CsvReaderInChunks()
    {
        var rows = 0;
        foreach (var chunk in CsvChunkReader.Read(_schema, _path, DataReadOptions.Default, 16_384)) rows += chunk.Count;
        return rows;
    }
}
