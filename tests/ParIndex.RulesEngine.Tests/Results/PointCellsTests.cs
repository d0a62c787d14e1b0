using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The criterion cells of a results-CSV row, written in one call (<see cref="ResultText.WritePointCells"/>),
/// against the cell-by-cell reference the CSV sink used before: for each column the separator,
/// then "n/a" when the maximum is NaN, nothing for NaN points, else <see cref="NumberText.Compact"/>
/// (decimal comma swapped in when asked). Rows are far wider than the smallest buffers, so cells
/// straddle every drain; values off the grid and huge ones take .NET's path in the middle of a row.
/// </summary>
[TestClass]
public sealed class PointCellsTests
{
    [TestMethod]
    [DataRow(',', false)]
    [DataRow(';', true)]
    [DataRow('\t', false)]
    [DataRow('§', true)]
    [DataRow('€', false)]
    public void A_row_of_cells_is_the_text_of_the_cell_by_cell_reference_in_both_encodings(char separator, bool decimalComma)
    {
        var random = new Random(20261207 + separator);
        const int columns = 400, rows = 6;
        var points = new double[columns][];
        var maxPoints = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            points[c] = new double[rows];
            maxPoints[c] = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                points[c][r] = Value(random);
                maxPoints[c][r] = random.Next(10) == 0 ? double.NaN : 10;
            }
        }
        foreach (var bufferSize in new[] { 1, 300, 4096 })
            for (var row = 0; row < rows; row++)
            {
                var expected = Reference(points, maxPoints, row, separator, decimalComma);
                var chars = new StringWriter();
                var utf16 = new Utf16ResultText(chars, bufferSize);
                utf16.WritePointCells(points, maxPoints, row, separator, decimalComma);
                utf16.Flush();
                Assert.AreEqual(expected, chars.ToString(), $"UTF-16, buffer {bufferSize}, row {row}");
                var bytes = new MemoryStream();
                var utf8 = new Utf8ResultText(bytes, "\n", bufferSize);
                utf8.WritePointCells(points, maxPoints, row, separator, decimalComma);
                utf8.Flush();
                CollectionAssert.AreEqual(new UTF8Encoding(false).GetBytes(expected), bytes.ToArray(), $"UTF-8, buffer {bufferSize}, row {row}");
            }
    }

    [TestMethod]
    public void The_cells_of_a_row_with_no_columns_are_nothing()
    {
        var chars = new StringWriter();
        var text = new Utf16ResultText(chars);
        text.WritePointCells([], [], 0, ',', decimalComma: false);
        text.Flush();
        Assert.AreEqual("", chars.ToString());
    }

    [TestMethod]
    public void An_unpaired_surrogate_separator_becomes_the_replacement_character_in_utf8_as_a_single_write_does()
    {
        double[][] points = [[1.5], [2]];
        double[][] maxPoints = [[3], [3]];
        var viaCells = new MemoryStream();
        var cells = new Utf8ResultText(viaCells, "\n");
        cells.WritePointCells(points, maxPoints, 0, '\uD800', decimalComma: false);
        cells.Flush();
        var viaChars = new MemoryStream();
        var single = new Utf8ResultText(viaChars, "\n");
        single.Write('\uD800');
        single.WriteCompact(1.5, decimalComma: false);
        single.Write('\uD800');
        single.WriteCompact(2, decimalComma: false);
        single.Flush();
        CollectionAssert.AreEqual(viaChars.ToArray(), viaCells.ToArray());
        Assert.AreEqual("\uFFFD1.5\uFFFD2", Encoding.UTF8.GetString(viaCells.ToArray()));
    }

    /// <summary>Points as a results file holds them (on the 10^-2 grid), and the values around them that are not.</summary>
    private static double Value(Random random) => random.Next(12) switch
    {
        0 => double.NaN,
        1 => 0.1 + random.Next(1, 9) * 0.1,           // off the grid after the sum: .NET's path
        2 => -random.Next(0, 500) / 100d,              // penalties, and -0
        3 => random.NextDouble() * 1e12,               // long, mostly off the grid
        4 => Math.Round(random.NextDouble() * 2e9, 3),  // past 10^9: the coarser grids
        5 => random.Next(0, 101),
        6 => random.Next(0, 1_000_000) / 1e6,
        _ => random.Next(0, 2_001) / 100d,
    };

    private static string Reference(double[][] points, double[][] maxPoints, int row, char separator, bool decimalComma)
    {
        var text = new StringBuilder();
        for (var c = 0; c < points.Length; c++)
        {
            text.Append(separator);
            if (double.IsNaN(maxPoints[c][row])) text.Append("n/a");
            else if (!double.IsNaN(points[c][row]))
            {
                var number = NumberText.Compact(points[c][row], CultureInfo.InvariantCulture);
                text.Append(decimalComma ? number.Replace('.', ',') : number);
            }
        }
        return text.ToString();
    }
}
