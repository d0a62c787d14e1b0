using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;

namespace ParIndex.RulesEngine.Benchmarks.EndToEnd;

/// <summary>
/// The anchor of the end-to-end measurements: a plain Sep parse of the data file, every cell of
/// a number input parsed into a double from its span (no string per cell), the other cells only
/// touched (their length summed), nothing kept. It is what reading the file costs at the least,
/// so "end to end / anchor" says how much the data boundary and the scoring add to it.
/// </summary>
public static class SepAnchor
{
    /// <summary>What one parse saw (returned so that nothing can be optimized away, and checked by the callers).</summary>
    public readonly record struct Result(int Rows, long NumberCells, double Sum, long OtherChars);

    /// <summary>Names of the number inputs of a rule file.</summary>
    public static string[] NumberInputs(string rulesPath)
    {
        using var rules = JsonDocument.Parse(File.ReadAllBytes(rulesPath));
        return rules.RootElement.GetProperty("inputs").EnumerateArray()
            .Where(i => i.GetProperty("type").GetString() == "number")
            .Select(i => i.GetProperty("name").GetString()!)
            .ToArray();
    }

    /// <summary>One thread: <c>foreach</c> over the rows.</summary>
    public static Result Parse(string csvPath, string[] numberInputs) => Run(csvPath, numberInputs, parallel: false);

    /// <summary>Both cores: Sep's <c>ParallelEnumerate</c> (rows parsed on a pool of threads, results in order).</summary>
    public static Result ParseParallel(string csvPath, string[] numberInputs) => Run(csvPath, numberInputs, parallel: true);

    private static Result Run(string csvPath, string[] numberInputs, bool parallel)
    {
        using var reader = Sep.Reader().FromFile(csvPath);
        var header = reader.Header;
        var numbers = numberInputs.Select(name => header.IndexOf(name)).ToArray();
        var others = Enumerable.Range(0, header.ColNames.Count).Except(numbers).ToArray();
        var rows = 0;
        long chars = 0;
        var sum = 0.0;
        var parsed = parallel
            ? reader.ParallelEnumerate(row => ParseRow(row, numbers, others))
            : reader.Enumerate(row => ParseRow(row, numbers, others));
        foreach (var (rowSum, rowChars) in parsed)
        {
            rows++;
            sum += rowSum;
            chars += rowChars;
        }
        return new Result(rows, (long)rows * numbers.Length, sum, chars);
    }

    /// <summary>The work per row: every number cell parsed from its span, the other cells' lengths summed.</summary>
    private static (double Sum, long Chars) ParseRow(SepReader.Row row, int[] numbers, int[] others)
    {
        var sum = 0.0;
        foreach (var column in numbers) sum += double.Parse(row[column].Span, NumberStyles.Float, CultureInfo.InvariantCulture);
        long chars = 0;
        foreach (var column in others) chars += row[column].Span.Length;
        return (sum, chars);
    }
}
