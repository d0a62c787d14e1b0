using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Reads the ranks of a previous period from a results file written by
/// <see cref="JsonResultWriter"/> or <see cref="CsvResultWriter"/> (or any CSV with the columns
/// agencyId and rank, optionally overallRank). Every problem is a <see cref="FormatException"/>
/// whose message starts with <c>file(line,column):</c>; nothing else escapes for bad content.
/// </summary>
public static class PreviousRanksReader
{
    /// <summary>Reads a JSON or CSV results file (decided by its first non-blank character).</summary>
    /// <param name="path">The previous results file.</param>
    /// <exception cref="FormatException">
    /// The file is neither a results JSON nor a CSV with agencyId and rank columns, a rank is not a
    /// whole number from 1 to 2,147,483,647, an agency id is missing or appears twice; the message
    /// gives file, line and column.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PreviousRanks ReadFile(string path)
    {
        var text = File.ReadAllText(path);
        return Read(text, path);
    }

    /// <summary>Reads results text (JSON or CSV, decided by its first non-blank character).</summary>
    /// <param name="text">The content of a results file.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <exception cref="FormatException">As <see cref="ReadFile"/>.</exception>
    public static PreviousRanks Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault();
        return first is '{' or '[' ? FromJson(text, source) : FromCsv(text, source);
    }

    private static PreviousRanks FromJson(string text, string path)
    {
        JToken root;
        try { root = JToken.Parse(text, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load }); }
        catch (JsonReaderException ex) { throw new FormatException($"{path}({ex.LineNumber},{Math.Max(1, ex.LinePosition)}): the previous results are not valid JSON: {ex.Message}", ex); }
        var agencies = (root is JObject o ? o["agencies"] : root) as JArray
            ?? throw Error(path, root, "expected an object with an \"agencies\" array (as written by 'parindex score --format json')");
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, JToken>(StringComparer.Ordinal);
        foreach (var item in agencies)
        {
            if (item is not JObject agency) throw Error(path, item, "each agency must be an object");
            var id = agency["agencyId"] is JValue { Type: JTokenType.String } idValue && ((string?)idValue) is { Length: > 0 } text1
                ? Data.AgencyIdRegistry.Normalize(text1)!
                : throw Error(path, agency["agencyId"] ?? agency, "an agency needs a non-empty string \"agencyId\"");
            var rank = JsonRank(path, agency, "rank") ?? throw Error(path, agency, $"agency '{id}' needs a whole-number \"rank\"");
            if (firstSeen.TryGetValue(id, out var earlier))
                throw Error(path, agency, $"agency '{id}' appears twice (first at {Where(earlier)})");
            firstSeen[id] = agency;
            ranks[id] = new PreviousRank(rank, JsonRank(path, agency, "overallRank"));
        }
        return new PreviousRanks(ranks);
    }

    /// <summary>A rank property: absent or null gives null; anything but a whole number from 1 up is an error at the value.</summary>
    private static int? JsonRank(string path, JObject agency, string name) => agency[name] switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer, Value: long n } when n is >= 1 and <= int.MaxValue => (int)n,
        JValue { Type: JTokenType.Integer, Value: int n } when n >= 1 => n,
        JValue { Type: JTokenType.Integer, Value: long or int or BigInteger } value => throw Error(path, value, $"\"{name}\" {value} is out of range: a rank is a whole number from 1 to {int.MaxValue}"),
        var other => throw Error(path, other, $"\"{name}\" must be a whole number, not {Describe(other)}"),
    };

    /// <summary>One cell of a previous results CSV and where it starts (1-based line and column).</summary>
    private readonly record struct CsvCell(string Text, int Line, int Column);

    /// <summary>
    /// The records of a results CSV, read by the same RFC 4180 splitter as agency data (quoted
    /// separators, doubled quotes and line breaks; comma, semicolon or tab), with the place of
    /// every cell. A results file is not agency data: a bad record is an error for the whole file.
    /// </summary>
    private static List<List<CsvCell>> CsvRecords(string text, string path)
    {
        var splitter = new Data.CsvRecordSplitter(new StringReader(text.TrimStart('\uFEFF')), trackPositions: true);
        var records = new List<List<CsvCell>>();
        for (var record = splitter.ReadHeader(); record is not null; record = splitter.Next(expectedFields: records.Count == 0 ? null : records[0].Count))
        {
            if (record.Fields is null)
            {
                var at = record.ProblemAt;
                var problem = record.Kind switch
                {
                    Data.CsvProblem.QuoteNeverClosed => "the quoted field that starts here is never closed",
                    Data.CsvProblem.TextAfterClosingQuote => "text after the closing quote of a quoted field",
                    _ => record.Problem,
                };
                throw new FormatException($"{path}({at.Line},{at.Column}): {problem}.");
            }
            records.Add(record.Fields.Select((field, i) => new CsvCell(field, record.FieldStarts![i].Line, record.FieldStarts[i].Column)).ToList());
        }
        return records;
    }

    private static PreviousRanks FromCsv(string text, string path)
    {
        var records = CsvRecords(text, path);
        if (records.Count == 0) throw new FormatException($"{path}(1,1): the file is empty.");
        var header = records[0].Select(c => c.Text).ToList();
        var idColumn = header.IndexOf("agencyId");
        var rankColumn = header.IndexOf("rank");
        var overallColumn = header.IndexOf("overallRank");
        if (idColumn < 0 || rankColumn < 0)
            throw new FormatException($"{path}({records[0][0].Line},1): the header needs the columns agencyId and rank.");
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cells in records.Skip(1))
        {
            var start = cells[0];
            if (cells.Count <= Math.Max(idColumn, rankColumn))
                throw new FormatException($"{path}({start.Line},{start.Column}): the row has {cells.Count} cell(s); the agencyId and rank columns are number {idColumn + 1} and {rankColumn + 1}.");
            var idCell = cells[idColumn];
            var id = Data.AgencyIdRegistry.Normalize(CsvFormulaGuard.Unescape(idCell.Text))!;
            if (id.Length == 0) throw new FormatException($"{path}({idCell.Line},{idCell.Column}): the agencyId is empty.");
            var rank = CsvRank(path, cells[rankColumn], "rank")
                ?? throw new FormatException($"{path}({cells[rankColumn].Line},{cells[rankColumn].Column}): agency '{id}' has no rank.");
            int? overall = overallColumn >= 0 && overallColumn < cells.Count ? CsvRank(path, cells[overallColumn], "overallRank") : null;
            if (firstLine.TryGetValue(id, out var earlier))
                throw new FormatException($"{path}({idCell.Line},{idCell.Column}): agency '{id}' appears twice (first on line {earlier}).");
            firstLine[id] = idCell.Line;
            ranks[id] = new PreviousRank(rank, overall);
        }
        return new PreviousRanks(ranks);
    }

    /// <summary>An empty cell gives null; anything but a whole number from 1 up is an error at the cell.</summary>
    private static int? CsvRank(string path, CsvCell cell, string column)
    {
        if (cell.Text.Length == 0) return null;
        if (!BigInteger.TryParse(cell.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"{path}({cell.Line},{cell.Column}): {column} '{cell.Text}' is not a whole number.");
        if (value < 1 || value > int.MaxValue)
            throw new FormatException($"{path}({cell.Line},{cell.Column}): {column} {cell.Text} is out of range: a rank is a whole number from 1 to {int.MaxValue}.");
        return (int)value;
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.String => $"the string \"{(string?)token}\"",
        JTokenType.Float => $"the number {((JValue)token).ToString(CultureInfo.InvariantCulture)}",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Where(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}" : token.Path;

    private static FormatException Error(string path, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        var where = info.HasLineInfo() ? $"({info.LineNumber},{info.LinePosition})" : "(1,1)";
        var at = token.Path.Length > 0 ? $" {token.Path}:" : "";
        return new FormatException($"{path}{where}:{at} {message}.");
    }
}
