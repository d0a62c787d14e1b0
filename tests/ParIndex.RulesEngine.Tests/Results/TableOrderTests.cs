using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>
/// The table lists each group's agencies by rank, ties by agency id (ordinal), the order of
/// <see cref="ScoreReport.Ranking"/>, which sorts the report itself; the table orders the keys it
/// kept with a counting sort of its own.
/// </summary>
[TestClass]
public sealed class TableOrderTests
{
    private const string Rules = """
        {
          "id": "table-order", "title": "Table order", "version": "1",
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "score", "type": "number", "min": 0, "max": 10 }
          ],
          "criteria": [ { "code": "1", "title": "Score", "max": 10, "formula": "score" } ],
          "ranking": { "groupBy": "kind" }
        }
        """;

    [TestMethod]
    public void Rows_come_by_group_then_rank_then_id_as_the_report_ranks_them()
    {
        // 600 agencies in three groups with scores 0..5 only, so nearly every rank is a tie of
        // dozens; ids are written in a shuffled order, some sharing a prefix, so that the order
        // of arrival, the ordinal order and a culture's order all differ.
        var rules = TestSupport.RuleSets.LoadJson(Rules);
        var random = new Random(5);
        var lines = new List<string>();
        foreach (var i in Enumerable.Range(0, 600).OrderBy(_ => random.Next()))
            lines.Add($"{(i % 7 == 0 ? "a" : "A")}{i},{new[] { "so", "huyen", "xa" }[i % 3]},{random.Next(6)}");
        var batch = CsvAgencyReader.Read(rules, new StringReader("agencyId,kind,score\n" + string.Join("\n", lines) + "\n"));
        var report = rules.Score(batch);
        var table = new StringWriter();
        TableResultWriter.Write(report, table);

        // A row line starts with its rank; with no earlier results the change column is blank,
        // so the id is the second word. Names are empty, so the third is the points.
        var idsInTable = table.ToString().Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 2 && int.TryParse(cells[0], out _))
            .Select(cells => cells[1]).ToList();
        var expected = report.Groups.SelectMany(group => report.Ranking(group)).Select(a => a.AgencyId).ToList();
        Assert.AreEqual(600, expected.Count);
        CollectionAssert.AreEqual(expected, idsInTable);
    }
}
