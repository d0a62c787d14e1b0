using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Diff;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.History;

/// <summary>
/// Reads earlier periods' results files (CSV or JSON as <c>parindex score</c> writes them) into a
/// <see cref="ResultsHistory"/>. A file's period is the year in its name (<c>units-2022.json</c>,
/// <c>results_2021.csv</c>): exactly one four-digit year from 1900 to 2199 not next to another
/// digit. Results files do not record their period, and a name is what a person sees when
/// choosing the files. Every problem is a <see cref="FormatException"/> starting
/// <c>file(line,column):</c>.
/// </summary>
public static partial class ResultsHistoryReader
{
    /// <summary>Reads files and folders (a folder gives its *.csv and *.json files, not its subfolders).</summary>
    /// <param name="paths">Results files or folders of them.</param>
    /// <param name="idMap">Old id → new id for merged or renamed units; none when null.</param>
    /// <exception cref="FormatException">A file's period cannot be told, two files are the same period, a folder has no results file, or a file is not a results file.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ResultsHistory ReadFiles(IEnumerable<string> paths, AgencyIdMap? idMap = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path)) { files.Add(path); continue; }
            var found = Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            if (found.Count == 0) throw new FormatException($"{path}(1,1): {DiagnosticCodes.HistoryFile}: {DiagnosticCatalog.HistoryFile.FormatSituation("NoResultsFile", [])}");
            files.AddRange(found);
        }
        var periods = files.Select(ReadPeriod).ToList();
        foreach (var same in periods.GroupBy(p => p.Year).Where(g => g.Count() > 1))
            throw new FormatException($"{same.ElementAt(1).Source}(1,1): {DiagnosticCodes.HistoryFile}: {DiagnosticCatalog.HistoryFile.FormatSituation("PeriodTwice", [same.Key, string.Join(", ", same.Select(p => p.Source))])}");
        return new ResultsHistory(periods, idMap);
    }

    /// <summary>Reads one results file; its year comes from its name.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FormatException">As <see cref="ReadFiles"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HistoryPeriod ReadPeriod(string path)
    {
        var year = YearOf(Path.GetFileName(path))
            ?? throw new FormatException($"{path}(1,1): {DiagnosticCodes.HistoryFile}: {DiagnosticCatalog.HistoryFile.FormatSituation("NoYear", [])}");
        return Read(File.ReadAllText(path), path, year);
    }

    /// <summary>Reads results text (JSON or CSV, decided by its first non-blank character) as the period <paramref name="year"/>.</summary>
    /// <param name="text">The content of a results file.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <param name="year">The period.</param>
    /// <exception cref="FormatException">The text is not a results file with agencyId, percent and rank.</exception>
    public static HistoryPeriod Read(string text, string source, int year)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').FirstOrDefault();
        var agencies = first is '{' or '[' ? FromJson(text, source) : FromCsv(text, source);
        return new HistoryPeriod(year, source, agencies);
    }

    /// <summary>The one year in a file name, or null when it has none or several different ones.</summary>
    /// <param name="fileName">A file name without folder.</param>
    public static int? YearOf(string fileName)
    {
        var years = YearPattern().Matches(fileName).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    [GeneratedRegex(@"(?<![0-9])(19|20|21)[0-9]{2}(?![0-9])")]
    private static partial Regex YearPattern();

    private static Dictionary<string, PeriodResult> FromJson(string text, string source)
    {
        var file = ResultsFile.Read(new StringReader(text), source);
        return file.Agencies.ToDictionary(a => a.AgencyId, a => new PeriodResult(a.Percent, a.Rank, a.OverallRank), StringComparer.Ordinal);
    }

    /// <summary>Ranks and ids are read and checked by <see cref="PreviousRanksReader"/>; this adds the percent column.</summary>
    private static Dictionary<string, PeriodResult> FromCsv(string text, string source)
    {
        var ranks = PreviousRanksReader.Read(text, source);
        var records = CsvCells.Read(text, source);
        var idColumn = CsvCells.Column(records, source, "agencyId", EngineText.Get("ResultsPurposeAgencyId"));
        var percentColumn = CsvCells.Column(records, source, "percent", EngineText.Get("ResultsPurposePercent"));
        var result = new Dictionary<string, PeriodResult>(StringComparer.Ordinal);
        foreach (var row in records.Skip(1))
        {
            var id = Data.AgencyIdRegistry.Normalize(CsvFormulaGuard.Unescape(CsvCells.Cell(row, idColumn, source, "agencyId").Text))!;
            var cell = CsvCells.Cell(row, percentColumn, source, "percent");
            if (!double.TryParse(cell.Text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent)
                || !double.IsFinite(percent) || percent < 0)
                throw new FormatException($"{source}({cell.Line},{cell.Column}): {DiagnosticCatalog.HistoryFile.FormatSituation("BadPercent", [id, cell.Text])}");
            var rank = ranks.Find(id)!;
            result[id] = new PeriodResult(percent, rank.GroupRank, rank.OverallRank);
        }
        return result;
    }
}
