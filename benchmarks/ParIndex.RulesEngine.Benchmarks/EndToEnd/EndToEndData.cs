using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.EndToEnd;

/// <summary>The two schemes of the end-to-end measurements.</summary>
public enum EndToEndScheme
{
    /// <summary>The provincial internal index example (62 inputs: numbers, bools, one enum, one text; quoted names).</summary>
    InternalIndex,
    /// <summary>The generated 150-leaf scheme (116 inputs).</summary>
    Scheme150,
}

/// <summary>
/// The data files of the end-to-end measurements, kept outside the repository in one folder
/// (<c>$PARINDEX_E2E_DATA</c>, else <c>parindex-e2e/data</c> under the temporary folder) so that
/// every build measured sees the very same files. Each file is written once and then reused;
/// <c>manifest.tsv</c> records its size and SHA-256, so two machines or two runs can check they
/// measured the same bytes. The rule files are copied beside the data for the same reason: a
/// later commit that changes an example's rule file must not change what an earlier build is
/// measured on.
/// </summary>
public static class EndToEndData
{
    /// <summary>Sizes measured by the BenchmarkDotNet class.</summary>
    public static readonly int[] BenchmarkSizes = [100_000, 500_000, 1_000_000];

    /// <summary>Sizes written by default (2M for the fresh-process peak memory only).</summary>
    public static readonly int[] AllSizes = [100_000, 500_000, 1_000_000, 2_000_000];

    /// <summary>Seed of the internal-index replication (which example row each generated agency copies).</summary>
    private const ulong ReplicationSeed = 2024;

    /// <summary>The data folder (created if missing).</summary>
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PARINDEX_E2E_DATA");
            var directory = string.IsNullOrEmpty(configured)
                ? Path.Combine(Path.GetTempPath(), "parindex-e2e", "data")
                : configured;
            System.IO.Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>Short name used in file names and the script's arguments.</summary>
    public static string Name(EndToEndScheme scheme) => scheme == EndToEndScheme.InternalIndex ? "internal-index" : "scheme-150";

    /// <summary>Parses a name given by <see cref="Name"/>.</summary>
    public static EndToEndScheme Parse(string name) => name switch
    {
        "internal-index" => EndToEndScheme.InternalIndex,
        "scheme-150" => EndToEndScheme.Scheme150,
        _ => throw new ArgumentException($"Unknown scheme '{name}': use internal-index or scheme-150."),
    };

    /// <summary>The rule file of the scheme in the data folder.</summary>
    public static string RulesPath(EndToEndScheme scheme) => Path.Combine(Directory, Name(scheme) + ".rules.json");

    /// <summary>The data file of the scheme at <paramref name="rows"/> agencies in the data folder.</summary>
    public static string CsvPath(EndToEndScheme scheme, int rows) =>
        Path.Combine(Directory, $"{Name(scheme)}-{rows.ToString(CultureInfo.InvariantCulture)}.csv");

    /// <summary>Writes the rule file and the data file if they are not there yet; returns the data file.</summary>
    public static string Ensure(EndToEndScheme scheme, int rows)
    {
        var rules = RulesPath(scheme);
        if (!File.Exists(rules))
            WriteAtomically(rules, path => File.WriteAllText(path, scheme == EndToEndScheme.InternalIndex
                ? File.ReadAllText(ExamplePath("ruleset.json"))
                : SchemeGenerator.Scheme.Json, new UTF8Encoding(false)));
        var csv = CsvPath(scheme, rows);
        if (File.Exists(csv)) return csv;
        var started = System.Diagnostics.Stopwatch.StartNew();
        WriteAtomically(csv, path =>
        {
            if (scheme == EndToEndScheme.InternalIndex) WriteInternalIndex(path, rows);
            else AgencyData.Generate(SchemeGenerator.Scheme, rows).WriteCsv(SchemeGenerator.Scheme, path);
        });
        var bytes = new FileInfo(csv).Length;
        File.AppendAllText(Path.Combine(Directory, "manifest.tsv"),
            string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(csv)}\t{rows}\t{bytes}\t{Sha256(csv)}\n"));
        Console.WriteLine($"// wrote {csv} ({bytes / 1048576.0:N0} MiB) in {started.Elapsed.TotalSeconds:F0} s");
        return csv;
    }

    /// <summary>Bytes of a data file.</summary>
    public static long Size(EndToEndScheme scheme, int rows) => new FileInfo(CsvPath(scheme, rows)).Length;

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The internal-index example's 2024 data replicated to <paramref name="rows"/> agencies: each
    /// generated agency copies one example row (chosen by a seeded SplitMix64, so the mix of
    /// agency types and scores is the example's, without a period) under a new unique id
    /// (<c>&lt;example id&gt;-&lt;7 digits&gt;</c>). Every other cell is the example's text,
    /// quoted names included, so every row is valid.
    /// </summary>
    private static void WriteInternalIndex(string path, int rows)
    {
        var lines = File.ReadAllLines(ExamplePath("units-2024.csv")).Where(l => l.Length > 0).ToArray();
        var body = lines[1..];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.WriteLine(lines[0]);
        var state = ReplicationSeed;
        for (var i = 0; i < rows; i++)
        {
            var line = body[(int)(SplitMix64(ref state) % (ulong)body.Length)];
            var comma = line.IndexOf(',');
            writer.Write(line.AsSpan(0, comma));
            writer.Write('-');
            writer.Write(i.ToString("D7", CultureInfo.InvariantCulture));
            writer.WriteLine(line.AsSpan(comma));
        }
    }

    /// <summary>SplitMix64: the same sequence on every platform and .NET version.</summary>
    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A file of the internal-index example, found by walking up to the repository root.</summary>
    private static string ExamplePath(string file)
    {
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
                    return Path.Combine(dir.FullName, "examples", "provincial-internal-index", file);
        throw new InvalidOperationException("Repository root (RulesEngine.sln) not found above the current folder or the executable.");
    }

    /// <summary>Writes through a temporary file and a rename, so an interrupted run never leaves a truncated data file that later runs would reuse.</summary>
    private static void WriteAtomically(string path, Action<string> write)
    {
        var temporary = path + ".partial";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
