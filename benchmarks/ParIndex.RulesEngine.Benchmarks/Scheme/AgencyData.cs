using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Benchmarks.Scheme;

/// <summary>
/// Seeded agency data for the generated scheme, as columnar arrays (one array per input, in the
/// engine's slot order). Every column has its own seed, so the first 1,000 rows of the
/// 1,000,000-row data are the 1,000-row data. All values are valid: no row is rejected and the
/// engine's columnar batch uses these very arrays (zero copy).
/// </summary>
public sealed class AgencyData
{
    private AgencyData(int rows, string[] ids, double[][] numbers, bool[][] bools, string[] agencyType, SchemeSpec scheme)
    {
        Rows = rows;
        Ids = ids;
        Numbers = numbers;
        Bools = bools;
        AgencyType = agencyType;
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal) { ["agencyType"] = agencyType };
        foreach (var input in scheme.Inputs)
        {
            if (input.Type == "number") columns[input.Name] = numbers[input.Slot];
            else if (input.Type == "bool") columns[input.Name] = bools[input.Slot];
        }
        Columns = columns;
    }

    /// <summary>Number of agencies.</summary>
    public int Rows { get; }
    /// <summary>Agency ids.</summary>
    public string[] Ids { get; }
    /// <summary>Number inputs by slot.</summary>
    public double[][] Numbers { get; }
    /// <summary>Bool inputs by slot.</summary>
    public bool[][] Bools { get; }
    /// <summary>The enum input agencyType.</summary>
    public string[] AgencyType { get; }
    /// <summary>Columns by input name, for <c>ColumnarBatch.Create</c>.</summary>
    public IReadOnlyDictionary<string, Array> Columns { get; }

    /// <summary>Generates <paramref name="rows"/> agencies.</summary>
    public static AgencyData Generate(SchemeSpec scheme, int rows)
    {
        var ids = new string[rows];
        for (var i = 0; i < rows; i++) ids[i] = "AG" + i.ToString("D7", CultureInfo.InvariantCulture);

        var agencyType = new string[rows];
        var typeRandom = new Random(7);
        for (var i = 0; i < rows; i++)
        {
            var u = typeRandom.Next(100);
            agencyType[i] = u < 10 ? "so" : u < 35 ? "huyen" : "xa";
        }

        var numbers = new double[scheme.NumberInputs.Count][];
        var bools = new bool[scheme.BoolInputs.Count][];
        for (var a = 0; a < SchemeGenerator.AreaCount; a++)
        {
            var random = new Random(1000 + a);
            var planned = numbers[4 * a] = new double[rows];
            var done = numbers[4 * a + 1] = new double[rows];
            var received = numbers[4 * a + 2] = new double[rows];
            var late = numbers[4 * a + 3] = new double[rows];
            var issued = bools[a] = new bool[rows];
            for (var i = 0; i < rows; i++)
            {
                planned[i] = random.Next(10, 61);
                done[i] = Math.Min(planned[i], Math.Floor(planned[i] * (0.5 + 0.55 * random.NextDouble())));
                received[i] = random.Next(50, 5001);
                late[i] = Math.Floor(received[i] * 0.08 * random.NextDouble());
                issued[i] = random.Next(100) < 85;
            }
        }

        foreach (var leaf in scheme.Leaves)
        {
            var seed = 5000 + leaf.NumberSlot * 31 + leaf.BoolSlot * 17;
            var random = new Random(seed);
            switch (leaf.Kind)
            {
                case LeafKind.RateProportional:
                {
                    var column = numbers[leaf.NumberSlot] = new double[rows];
                    for (var i = 0; i < rows; i++) column[i] = Math.Round(0.2 + random.NextDouble(), 3);
                    break;
                }
                case LeafKind.ShareBands:
                {
                    var column = numbers[leaf.NumberSlot] = new double[rows];
                    var received = numbers[4 * leaf.Area + 2];
                    for (var i = 0; i < rows; i++) column[i] = Math.Floor(received[i] * (0.3 + 0.7 * random.NextDouble()));
                    break;
                }
                case LeafKind.FlagYesNo:
                {
                    var column = bools[leaf.BoolSlot] = new bool[rows];
                    for (var i = 0; i < rows; i++) column[i] = random.Next(100) < 70;
                    break;
                }
            }
        }
        return new AgencyData(rows, ids, numbers, bools, agencyType, scheme);
    }

    /// <summary>Writes the data as a CSV file (header agencyId, inputs in declaration order). Returns its size in bytes.</summary>
    public long WriteCsv(SchemeSpec scheme, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var header = new StringBuilder("agencyId");
        foreach (var input in scheme.Inputs) header.Append(',').Append(input.Name);
        writer.WriteLine(header.ToString());
        var line = new StringBuilder(1024);
        for (var i = 0; i < Rows; i++)
        {
            line.Clear();
            line.Append(Ids[i]);
            foreach (var input in scheme.Inputs)
            {
                line.Append(',');
                switch (input.Type)
                {
                    case "number": line.Append(Numbers[input.Slot][i].ToString("R", CultureInfo.InvariantCulture)); break;
                    case "bool": line.Append(Bools[input.Slot][i] ? "true" : "false"); break;
                    default: line.Append(AgencyType[i]); break;
                }
            }
            writer.WriteLine(line.ToString());
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }
}
