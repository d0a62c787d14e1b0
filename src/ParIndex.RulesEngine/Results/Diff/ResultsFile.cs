using System.Text;
using System.Text.Json;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>
/// A results file written by <see cref="Writers.JsonResultWriter"/> (<c>parindex score --format json</c>)
/// or <see cref="Writers.CsvResultWriter"/> (<c>--format csv</c>), read back for comparison: the rule
/// set it was scored with (JSON only) and every scored agency. JSON is read with System.Text.Json
/// (whole numbers as <c>72</c> or <c>72.0</c>), CSV with the data path's splitter and culture rules,
/// as <see cref="Writers.PreviousRanksReader"/> reads both.
/// </summary>
/// <param name="Source">The file name, for messages and headings.</param>
/// <param name="RuleSetId">The rule set id ("" for a CSV, which does not name it).</param>
/// <param name="RuleSetVersion">The rule set version.</param>
/// <param name="RuleSetTitle">The rule set title.</param>
/// <param name="Agencies">Scored agencies, in file order.</param>
public sealed record ResultsFile(string Source, string RuleSetId, string RuleSetVersion, string RuleSetTitle, IReadOnlyList<ResultsAgency> Agencies)
{
    /// <summary>Columns of a results CSV that are not criteria.</summary>
    private static readonly HashSet<string> CsvFixedColumns = new(StringComparer.Ordinal)
    {
        "agencyId", "agencyName", "group", "total", "maxPoints", "percent", "classification", "rank", "overallRank", "previousRank", "rankChange",
    };

    /// <summary>"id version", e.g. "par-index-province-2019 2019.1".</summary>
    public string RuleSetLabel => $"{RuleSetId} {RuleSetVersion}".Trim();

    /// <summary>Reads a results file, JSON or CSV (decided by its first non-blank character).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FormatException">The file is not a results file; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ResultsFile ReadFile(string path) => ReadFile(path, null);

    /// <summary>Reads a results file, JSON or CSV, CSV numbers in the culture of <paramref name="options"/> (as the data).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Culture and grouping of numbers in a CSV; invariant when null.</param>
    /// <exception cref="FormatException">The file is not a results file; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ResultsFile ReadFile(string path, DataReadOptions? options)
    {
        var (utf8, isJson) = ReadBytes(path);
        return isJson ? FromJson(utf8, path) : FromCsv(Encoding.UTF8.GetString(utf8), path, options);
    }

    /// <summary>Reads results text, JSON or CSV.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <exception cref="FormatException">The text is not a results file; the message says where.</exception>
    public static ResultsFile Read(TextReader reader, string source) => Read(reader, source, null);

    /// <summary>Reads results text, JSON or CSV, CSV numbers in the culture of <paramref name="options"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <param name="options">Culture and grouping of numbers in a CSV; invariant when null.</param>
    /// <exception cref="FormatException">The text is not a results file; the message says where.</exception>
    public static ResultsFile Read(TextReader reader, string source, DataReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd().TrimStart('\uFEFF');
        return IsJson(text) ? FromJson(Encoding.UTF8.GetBytes(text), source) : FromCsv(text, source, options);
    }

    /// <summary>True when the first non-blank character opens a JSON object or array.</summary>
    internal static bool IsJson(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault() is '{' or '[';

    /// <summary>A results file as UTF-8 (byte order mark and UTF-16 handled as for data) and whether it is JSON.</summary>
    internal static (byte[] Utf8, bool IsJson) ReadBytes(string path)
    {
        var utf8 = Utf8Input.ReadAll(File.OpenRead(path));
        var first = utf8.AsSpan().TrimStart(" \t\r\n"u8);
        return (utf8, first.Length > 0 && first[0] is (byte)'{' or (byte)'[');
    }

    private static ResultsFile FromJson(byte[] utf8, string source)
    {
        ResultsJsonValue? ruleSet = null;
        var list = new List<ResultsAgency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ResultsJson.Read(utf8, source, allowArray: false, (name, value) =>
        {
            if (name == "ruleSet" && value.Kind == JsonTokenType.StartObject) ruleSet ??= value;
        }, agency =>
        {
            if (agency.Kind != JsonTokenType.StartObject) throw agency.Error(source, EngineText.Get("ResultsAgencyObject"));
            var id = agency.String("agencyId") ?? throw agency.Error(source, EngineText.Get("ResultsAgencyNeedsId"));
            if (!seen.Add(id)) throw agency.Error(source, EngineText.Format("ResultsAgencyTwice", id));
            var criteria = new List<ResultsCriterion>();
            foreach (var c in agency["criteria"]?.Items ?? [])
            {
                if (c.Kind != JsonTokenType.StartObject) continue;
                var code = c.String("code") ?? throw c.Error(source, EngineText.Get("ResultsCriterionNeedsCode"));
                criteria.Add(new ResultsCriterion(code, c.String("title"), c.NumberOf(source, "points") ?? 0, c.NumberOf(source, "maxPoints") ?? 0,
                    c["applicable"]?.Kind != JsonTokenType.False));
            }
            var rank = agency.RankOf(source, "rank") ?? throw agency.Error(source, EngineText.Format("ResultsAgencyNeedsRank", id));
            list.Add(new ResultsAgency(
                id,
                agency.String("name"),
                agency.String("group") ?? "",
                agency.NumberOf(source, "total") ?? throw agency.Error(source, EngineText.Format("ResultsAgencyNeedsNumber", id, "total")),
                agency.NumberOf(source, "maxPoints") ?? double.NaN,
                agency.NumberOf(source, "percent") ?? throw agency.Error(source, EngineText.Format("ResultsAgencyNeedsNumber", id, "percent")),
                agency.String("classification"),
                rank,
                agency.RankOf(source, "overallRank") ?? rank,
                criteria));
        });
        // Titles an agency's criteria do not carry come from the rule set's criteria (wherever it stands in the file).
        var titles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var c in ruleSet?["criteria"]?.Items ?? [])
            if (c.String("code") is { } code) titles.TryAdd(code, c.String("title"));
        var agencies = titles.Count == 0 ? list : list.Select(a => a with
        {
            Criteria = a.Criteria.Select(c => c.Title is null ? c with { Title = titles.GetValueOrDefault(c.Code) } : c).ToList(),
        }).ToList();
        return new ResultsFile(source, ruleSet?.String("id") ?? "", ruleSet?.String("version") ?? "", ruleSet?.String("title") ?? "", agencies);
    }

    /// <summary>
    /// A results CSV: the fixed columns (agencyId, total, percent and rank needed), then one column
    /// per criterion (points, or "n/a" when it does not apply); "eligible:…" columns are not criteria.
    /// A CSV gives no criterion maxima (NaN) and no titles.
    /// </summary>
    private static ResultsFile FromCsv(string text, string source, DataReadOptions? options)
    {
        var csv = ResultsCsv.Read(text, source, options ?? DataReadOptions.Default);
        csv.Require("agencyId", "total", "percent", "rank");
        var criteria = csv.Header.Select((cell, index) => (cell.Text, index))
            .Where(c => !CsvFixedColumns.Contains(c.Text) && !c.Text.StartsWith("eligible:", StringComparison.Ordinal)).ToList();
        var list = new List<ResultsAgency>(csv.Rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            if (row.Count != csv.Header.Count)
                throw row[0].Error(source, EngineText.Format("ResultsRowCells", row.Count, csv.Header.Count));
            var id = csv.Id(row, csv.Column("agencyId"));
            if (!seen.Add(id)) throw row[csv.Column("agencyId")].Error(source, EngineText.Format("ResultsAgencyTwice", id));
            string? Text(string column) => ResultsCsv.Cell(row, csv.Column(column)) is { Text.Length: > 0 } cell ? Writers.CsvFormulaGuard.Unescape(cell.Text) : null;
            var rankCell = row[csv.Column("rank")];
            var rank = csv.Rank(rankCell, "rank") ?? throw rankCell.Error(source, EngineText.Format("ResultsAgencyHasNo", id, "rank"));
            list.Add(new ResultsAgency(id, Text("agencyName"), Text("group") ?? "",
                csv.Number(row[csv.Column("total")], "total") ?? throw row[csv.Column("total")].Error(source, EngineText.Format("ResultsAgencyHasNo", id, "total")),
                csv.Number(ResultsCsv.Cell(row, csv.Column("maxPoints")), "maxPoints") ?? double.NaN,
                csv.Number(row[csv.Column("percent")], "percent") ?? throw row[csv.Column("percent")].Error(source, EngineText.Format("ResultsAgencyHasNo", id, "percent")),
                Text("classification"), rank, csv.Rank(ResultsCsv.Cell(row, csv.Column("overallRank")), "overallRank") ?? rank,
                criteria.Select(c => row[c.index].Text == "n/a"
                    ? new ResultsCriterion(c.Text, null, 0, 0, false)
                    : new ResultsCriterion(c.Text, null, csv.Number(row[c.index], c.Text) ?? 0, double.NaN, true)).ToList()));
        }
        return new ResultsFile(source, "", "", "", list);
    }
}

/// <summary>One agency of a results file.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Agency name, when the file has one.</param>
/// <param name="Group">Ranking group ("" without groups).</param>
/// <param name="Total">Total points.</param>
/// <param name="MaxPoints">Applicable maximum.</param>
/// <param name="Percent">Percent of the applicable maximum.</param>
/// <param name="Classification">Classification label, or null.</param>
/// <param name="Rank">Rank within the group.</param>
/// <param name="OverallRank">Rank among all agencies.</param>
/// <param name="Criteria">Points per criterion (empty when the file was written with totals only).</param>
public sealed record ResultsAgency(string AgencyId, string? Name, string Group, double Total, double MaxPoints, double Percent,
    string? Classification, int Rank, int OverallRank, IReadOnlyList<ResultsCriterion> Criteria);

/// <summary>One criterion's points for one agency in a results file.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title, when the file has it.</param>
/// <param name="Points">Points (0 when not applicable).</param>
/// <param name="MaxPoints">Applicable maximum (0 when not applicable; NaN from a results CSV, which does not give it).</param>
/// <param name="IsApplicable">False when the criterion did not apply to the agency.</param>
public sealed record ResultsCriterion(string Code, string? Title, double Points, double MaxPoints, bool IsApplicable);
