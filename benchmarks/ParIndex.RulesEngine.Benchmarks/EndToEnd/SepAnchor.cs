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
    public static Result Parse(string csvPath, string[] numberInputs)
    {
        using var reader = Sep.Reader().FromFile(csvPath);
        var (numbers, others) = Columns(reader.Header, numberInputs);
        var rows = 0;
        long cells = 0, chars = 0;
        var sum = 0.0;
        foreach (var row in reader)
        {
            rows++;
            foreach (var column in numbers)
            {
                sum += double.Parse(row[column].Span, NumberStyles.Float, CultureInfo.InvariantCulture);
                cells++;
            }
            foreach (var column in others) chars += row[column].Span.Length;
        }
        return new Result(rows, cells, sum, chars);
    }

    /// <summary>Both cores: Sep's <c>ParallelEnumerate</c> (rows parsed on a pool of threads, results in order).</summary>
    public static Result ParseParallel(string csvPath, string[] numberInputs)
    {
        using var reader = Sep.Reader().FromFile(csvPath);
        var (numbers, others) = Columns(reader.Header, numberInputs);
        var rows = 0;
        long cells = 0, chars = 0;
        var sum = 0.0;
        foreach (var (rowSum, rowChars) in reader.ParallelEnumerate(row =>
                 {
                     var s = 0.0;
                     foreach (var column in numbers) s += double.Parse(row[column].Span, NumberStyles.Float, CultureInfo.InvariantCulture);
                     long c = 0;
                     foreach (var column in others) c += row[column].Span.Length;
                     return (s, c);
                 }))
        {
            rows++;
            cells += numbers.Length;
            sum += rowSum;
            chars += rowChars;
        }
        return new Result(rows, cells, sum, chars);
    }

    private static (int[] Numbers, int[] Others) Columns(SepReaderHeader header, string[] numberInputs)
    {
        var numbers = numberInputs.Select(name => header.IndexOf(name)).ToArray();
        var others = Enumerable.Range(0, header.ColNames.Count).Except(numbers).ToArray();
        return (numbers, others);
    }
}
