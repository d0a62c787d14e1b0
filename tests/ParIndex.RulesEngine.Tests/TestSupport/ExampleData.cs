using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>
/// Data files of the examples: read as plain text cells (for checks on the data that must not go
/// through the engine), and scored over two periods, the second with the first one's ranks.
/// </summary>
internal static class ExampleData
{
    /// <summary>The rows of an example's CSV, column name → cell text.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string example, string file)
    {
        using var reader = new StreamReader(RepositoryPaths.Example(example, file));
        using var csv = CsvHelper.CsvReader.Create(reader, new CsvHelper.CsvReaderOptions { HasHeader = true }, true);
        csv.ReadHeader();
        var header = csv.Headers;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, header.Count).ToDictionary(i => header[i], i => csv.GetString(i)));
        return rows;
    }

    /// <summary>A numeric cell, read exactly (decimal) so that sums of 2-decimal points do not drift.</summary>
    public static decimal Number(this IReadOnlyDictionary<string, string> row, string column) =>
        decimal.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Scores the previous period, then the current one with the previous ranks (as --previous does).</summary>
    public static (ScoreReport Previous, ScoreReport Current) ScoreTwoPeriods(CompiledRuleSet rules, string example, string previousFile, string currentFile)
    {
        var previous = Score(rules, example, previousFile, null);
        var ranks = new PreviousRanks(previous.Agencies.ToDictionary(a => a.AgencyId, a => new PreviousRank(a.Rank, a.OverallRank)));
        return (previous, Score(rules, example, currentFile, ranks));
    }

    /// <summary>Scores a data file with the earlier results files of the example's folder (as --history folder does).</summary>
    public static ScoreReport ScoreWithHistory(CompiledRuleSet rules, string example, string file, params string[] historyFiles)
    {
        var history = Results.History.ResultsHistoryReader.ReadFiles(historyFiles.Select(f => RepositoryPaths.Example(example, f)));
        return Score(rules, example, file, null, history);
    }

    private static ScoreReport Score(CompiledRuleSet rules, string example, string file, PreviousRanks? previous, ResultsHistory? history = null)
    {
        var batch = CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example(example, file));
        var report = rules.Score(batch, new ScoringOptions { Previous = previous, History = history });
        Assert.IsEmpty(report.RowErrors, $"{file}: every row must be scored: " + string.Join("; ", report.RowErrors));
        Assert.IsEmpty(batch.Diagnostics, $"{file}: no data diagnostics: " + string.Join("; ", batch.Diagnostics));
        return report;
    }
}
