using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Reads the ranks of a previous period from a results file written by
/// <see cref="JsonResultWriter"/> or <see cref="CsvResultWriter"/> (or any CSV with the columns
/// agencyId and rank, optionally overallRank).
/// </summary>
public static class PreviousRanksReader
{
    /// <summary>Reads a JSON or CSV results file (decided by its first non-blank character).</summary>
    /// <param name="path">The previous results file.</param>
    /// <exception cref="FormatException">The file is neither a results JSON nor a CSV with agencyId and rank columns; the message says where.</exception>
    public static PreviousRanks ReadFile(string path)
    {
        var text = File.ReadAllText(path);
        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault();
        return first is '{' or '[' ? FromJson(text, path) : FromCsv(text, path);
    }

    private static PreviousRanks FromJson(string text, string path)
    {
        JToken root;
        try { root = JToken.Parse(text); }
        catch (JsonReaderException ex) { throw new FormatException($"{path}({ex.LineNumber},{ex.LinePosition}): the previous results are not valid JSON: {ex.Message}", ex); }
        var agencies = (root is JObject o ? o["agencies"] : root) as JArray
            ?? throw new FormatException($"{path}: expected an object with an \"agencies\" array (as written by 'parindex score --format json').");
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        foreach (var agency in agencies.OfType<JObject>())
        {
            var id = agency.Value<string>("agencyId");
            var rank = agency["rank"]?.Type == JTokenType.Integer ? agency.Value<int>("rank") : (int?)null;
            if (id is null || rank is null) throw new FormatException($"{path}: {agency.Path} needs 'agencyId' and an integer 'rank'.");
            ranks[id] = new PreviousRank(rank.Value, agency["overallRank"]?.Type == JTokenType.Integer ? agency.Value<int>("overallRank") : null);
        }
        return new PreviousRanks(ranks);
    }

    private static PreviousRanks FromCsv(string text, string path)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) throw new FormatException($"{path}: the file is empty.");
        var header = SplitCsv(lines[0].TrimStart('\uFEFF'));
        var idColumn = header.IndexOf("agencyId");
        var rankColumn = header.IndexOf("rank");
        var overallColumn = header.IndexOf("overallRank");
        if (idColumn < 0 || rankColumn < 0) throw new FormatException($"{path}(1,1): the header needs the columns agencyId and rank.");
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = SplitCsv(lines[i]);
            if (cells.Count <= Math.Max(idColumn, rankColumn) || !int.TryParse(cells[rankColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank))
                throw new FormatException($"{path}({i + 1},1): the row needs an agencyId and a whole-number rank.");
            int? overall = overallColumn >= 0 && overallColumn < cells.Count && int.TryParse(cells[overallColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o) ? o : null;
            ranks[cells[idColumn]] = new PreviousRank(rank, overall);
        }
        return new PreviousRanks(ranks);
    }

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
