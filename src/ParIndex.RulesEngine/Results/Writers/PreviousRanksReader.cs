using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Diff;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// Reads the ranks of a previous period from a results file written by
/// <see cref="JsonResultWriter"/> or <see cref="CsvResultWriter"/> (or any CSV with the columns
/// agencyId and rank, optionally overallRank; or a JSON array of such objects), with the same
/// reader as <see cref="ResultsFile"/>: System.Text.Json for JSON, the data path's CSV splitter
/// and culture rules for CSV (comma, semicolon or tab; numbers in the data's culture). Every
/// problem is a <see cref="FormatException"/> whose message starts with <c>file(line,column):</c>;
/// nothing else escapes for bad content.
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
    public static PreviousRanks ReadFile(string path) => ReadFile(path, null);

    /// <summary>Reads a JSON or CSV results file, CSV numbers in the culture of <paramref name="options"/> (as the data).</summary>
    /// <param name="path">The previous results file.</param>
    /// <param name="options">Culture and grouping of numbers in a CSV; invariant when null.</param>
    /// <exception cref="FormatException">As <see cref="ReadFile(string)"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PreviousRanks ReadFile(string path, DataReadOptions? options)
    {
        var (utf8, isJson) = ResultsFile.ReadBytes(path);
        return isJson ? FromJson(utf8, path) : FromCsv(Encoding.UTF8.GetString(utf8), path, options);
    }

    /// <summary>Reads results text (JSON or CSV, decided by its first non-blank character).</summary>
    /// <param name="text">The content of a results file.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <exception cref="FormatException">As <see cref="ReadFile(string)"/>.</exception>
    public static PreviousRanks Read(string text, string source) => Read(text, source, null);

    /// <summary>Reads results text, CSV numbers in the culture of <paramref name="options"/>.</summary>
    /// <param name="text">The content of a results file.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <param name="options">Culture and grouping of numbers in a CSV; invariant when null.</param>
    /// <exception cref="FormatException">As <see cref="ReadFile(string)"/>.</exception>
    public static PreviousRanks Read(string text, string source, DataReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ResultsFile.IsJson(text) ? FromJson(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')), source) : FromCsv(text, source, options);
    }

    private static PreviousRanks FromJson(byte[] utf8, string source)
    {
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        ResultsJson.Read(utf8, source, allowArray: true, (_, _) => { }, agency =>
        {
            if (agency.Kind != System.Text.Json.JsonTokenType.StartObject) throw agency.Error(source, EngineText.Get("ResultsAgencyObject"));
            var id = agency["agencyId"] is { Kind: System.Text.Json.JsonTokenType.String, Text.Length: > 0 } idValue
                ? AgencyIdRegistry.Normalize(idValue.Text)!
                : throw (agency["agencyId"] ?? agency).Error(source, EngineText.Get("ResultsAgencyNeedsStringId"));
            var rank = agency.RankOf(source, "rank") ?? throw agency.Error(source, EngineText.Format("ResultsAgencyNeedsWholeRank", id));
            if (firstLine.TryGetValue(id, out var earlier)) throw agency.Error(source, EngineText.Format("ResultsAgencyTwiceAt", id, earlier));
            firstLine[id] = agency.Line;
            ranks[id] = new PreviousRank(rank, agency.RankOf(source, "overallRank"));
        });
        return new PreviousRanks(ranks);
    }

    private static PreviousRanks FromCsv(string text, string source, DataReadOptions? options)
    {
        var csv = ResultsCsv.Read(text, source, options ?? DataReadOptions.Default);
        csv.Require("agencyId", "rank");
        var (idColumn, rankColumn, overallColumn) = (csv.Column("agencyId"), csv.Column("rank"), csv.Column("overallRank"));
        var ranks = new Dictionary<string, PreviousRank>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cells in csv.Rows)
        {
            if (cells.Count <= Math.Max(idColumn, rankColumn))
                throw cells[0].Error(source, EngineText.Format("ResultsRowCellsRank", cells.Count, idColumn + 1, rankColumn + 1));
            var id = csv.Id(cells, idColumn);
            var rank = csv.Rank(cells[rankColumn], "rank") ?? throw cells[rankColumn].Error(source, EngineText.Format("ResultsAgencyHasNo", id, "rank"));
            var overall = csv.Rank(ResultsCsv.Cell(cells, overallColumn), "overallRank");
            if (firstLine.TryGetValue(id, out var earlier)) throw cells[idColumn].Error(source, EngineText.Format("ResultsAgencyTwiceOn", id, earlier));
            firstLine[id] = cells[idColumn].Line;
            ranks[id] = new PreviousRank(rank, overall);
        }
        return new PreviousRanks(ranks);
    }
}
