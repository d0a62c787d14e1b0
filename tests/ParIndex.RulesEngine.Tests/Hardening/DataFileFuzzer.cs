using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>A generated data file: CSV text, JSON text, or raw bytes (for encodings) to be read as CSV.</summary>
/// <param name="Case">Seed, mutations and text.</param>
/// <param name="IsJson">True for JSON data, false for CSV.</param>
/// <param name="Bytes">When set, the file's bytes (the text is then only informative).</param>
internal sealed record DataFuzzCase(FuzzCase Case, bool IsJson, byte[]? Bytes);

/// <summary>
/// Seeded mutation fuzzer over agency data files: for CSV, hostile cells (NaN, ±∞, huge numbers,
/// 1M characters, formula injection), deleted, duplicated and renamed columns, duplicated rows,
/// stray quotes and delimiters, byte order marks and other encodings (Windows-1258, UTF-16,
/// invalid UTF-8); for JSON, the same data as objects with type swaps, deep nesting and truncation.
/// </summary>
internal sealed class DataFileFuzzer
{
    private static readonly string[] Cells =
    [
        "", " ", "NaN", "nan", "-Infinity", "Infinity", "∞", "1e309", "-1", "-0", "1.5", "2", "1,5", "1.000.000", "0x10", "true", "có",
        "không", "null", "1e-400", "\"", "\"\"", "=1+1", "@SUM(A1)", "\u0000", "\u2028", "ạ", "99999999999999999999999", "  7  ",
    ];

    private readonly IReadOnlyList<(string Name, string Csv)> _seeds;
    private readonly int _seed;

    static DataFileFuzzer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public DataFileFuzzer(IEnumerable<(string Name, string Csv)> seeds, int seed)
    {
        _seeds = seeds.ToList();
        _seed = seed;
    }

    public DataFuzzCase Case(int index)
    {
        var random = FuzzValues.ForCase(_seed, index);
        var (name, csv) = random.Pick(_seeds);
        var rows = csv.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.Split(',').ToList()).ToList();
        var mutations = new List<string>();
        if (random.Next(4) == 0) return Json(random, name, rows, mutations);
        for (var m = 1 + random.Next(3); m > 0; m--) mutations.Add(MutateRows(random, rows));
        var text = string.Join(random.Pick(["\n", "\r\n", "\r"]), rows.Select(r => string.Join(",", r)));
        if (random.Next(6) == 0) return Encode(random, name, text, mutations);
        if (random.Next(6) == 0) text = MutateText(random, text, mutations);
        return new DataFuzzCase(new FuzzCase(name, mutations, text), false, null);
    }

    private static string MutateRows(Random random, List<List<string>> rows)
    {
        var header = rows[0];
        var width = header.Count;
        var row = 1 + random.Next(Math.Max(1, rows.Count - 1));
        switch (random.Next(9))
        {
            case 0 or 1 or 2 when row < rows.Count:
                var column = random.Next(rows[row].Count);
                rows[row][column] = random.Next(60) == 0 ? FuzzValues.Long(1_000_000) : random.Pick(Cells);
                return $"cell {row}:{header.ElementAtOrDefault(column)}";
            case 3:
                var deleted = random.Next(width);
                foreach (var r in rows.Where(r => deleted < r.Count)) r.RemoveAt(deleted);
                return $"deleted column {header.ElementAtOrDefault(deleted)}";
            case 4:
                var copied = random.Next(width);
                foreach (var r in rows.Where(r => copied < r.Count)) r.Add(r[copied]);
                return "duplicated column";
            case 5:
                var renamed = random.Next(header.Count);
                header[renamed] = random.Pick([header[renamed] + "x", header[renamed].ToUpperInvariant(), "\uFEFF" + header[renamed], "", "agencyId"]);
                return "renamed column";
            case 6 when row < rows.Count:
                rows.Insert(1 + random.Next(rows.Count - 1), rows[row].ToList());
                return "duplicated row";
            case 7 when row < rows.Count:
                rows[row][0] = random.Pick(["", " ", rows[1][0], "\u0000", "x\u2028y"]);
                return "agency id changed";
            default:
                var ragged = rows[Math.Min(row, rows.Count - 1)];
                if (random.Next(2) == 0 && ragged.Count > 1) ragged.RemoveAt(ragged.Count - 1);
                else ragged.Add(random.Pick(Cells));
                return "ragged row";
        }
    }

    private static string MutateText(Random random, string text, List<string> mutations)
    {
        switch (random.Next(4))
        {
            case 0:
                mutations.Add("truncated");
                return text[..random.Next(text.Length + 1)];
            case 1:
                mutations.Add("stray quote");
                return random.InsertAtRandom(text, "\"");
            case 2:
                mutations.Add("semicolons");
                return text.Replace(',', ';');
            default:
                mutations.Add("byte order mark inside");
                return random.InsertAtRandom("\uFEFF" + text, "\uFEFF");
        }
    }

    /// <summary>The CSV as bytes of another encoding, or UTF-8 with invalid bytes, read as if UTF-8.</summary>
    private static DataFuzzCase Encode(Random random, string name, string text, List<string> mutations)
    {
        byte[] bytes;
        switch (random.Next(4))
        {
            case 0:
                bytes = Encoding.GetEncoding(1258).GetBytes(text);
                mutations.Add("Windows-1258 bytes");
                break;
            case 1:
                bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
                mutations.Add("UTF-16 with BOM");
                break;
            case 2:
                bytes = Encoding.Unicode.GetBytes(text);
                mutations.Add("UTF-16 without BOM");
                break;
            default:
                bytes = Encoding.UTF8.GetBytes(text);
                for (var n = 1 + random.Next(8); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
                mutations.Add("invalid UTF-8 bytes");
                break;
        }
        return new DataFuzzCase(new FuzzCase(name, mutations, text), false, bytes);
    }

    /// <summary>The rows as a JSON array of objects (numbers where the cell is one), then mutated.</summary>
    private static DataFuzzCase Json(Random random, string name, List<List<string>> rows, List<string> mutations)
    {
        var header = rows[0];
        var array = new JArray(rows.Skip(1).Select(r => new JObject(header.Select((h, i) =>
            new JProperty(h + (header.Take(i).Contains(h) ? "_" + i : ""), Value(r.ElementAtOrDefault(i)))))));
        JContainer root = random.Next(2) == 0 ? array : new JObject(new JProperty("agencies", array));
        mutations.Add("as JSON");
        var tokens = root.Descendants().Where(t => t is not JProperty && t.Parent is not null).ToList();
        for (var m = 1 + random.Next(3); m > 0 && tokens.Count > 0; m--)
        {
            var target = random.Pick(tokens);
            if (target.Parent is null) continue;
            var replacement = random.Next(5) switch
            {
                0 => new JRaw(random.Pick(FuzzValues.HugeNumbers)),
                1 => new JValue(random.Pick(Cells)),
                2 => new JRaw(new string('[', 200) + new string(']', 200)),
                3 => (JToken)new JObject(new JProperty("x", 1)),
                _ => JValue.CreateNull(),
            };
            target.Replace(replacement);
            mutations.Add($"JSON value at {target.Path}");
            tokens = root.Descendants().Where(t => t is not JProperty && t.Parent is not null).ToList();
        }
        var text = root.ToString(Formatting.None);
        if (random.Next(5) == 0)
        {
            text = text[..random.Next(text.Length + 1)];
            mutations.Add("truncated");
        }
        return new DataFuzzCase(new FuzzCase(name, mutations, text), true, null);
    }

    private static JToken Value(string? cell) =>
        cell is null ? JValue.CreateNull() :
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? new JValue(number) :
        cell is "true" or "false" ? new JValue(cell == "true") : new JValue(cell);
}
