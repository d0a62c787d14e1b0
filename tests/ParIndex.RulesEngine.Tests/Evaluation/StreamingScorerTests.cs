using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.Evaluation;

/// <summary>
/// Streaming must give exactly what scoring the whole file at once gives: same totals, same
/// ranks (which need every agency), same group aggregates, same eligibility, same rejected rows.
/// </summary>
[TestClass]
public sealed class StreamingScorerTests
{
    private const string Rules = """
        {
          "id": "stream-test", "title": "Streaming", "version": "1",
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "online", "type": "number", "min": 0 },
            { "name": "received", "type": "number", "min": 0 },
            { "name": "reportsOnTime", "type": "bool" }
          ],
          "variables": [ { "name": "share", "formula": "Ratio(online, received)" } ],
          "criteria": [
            { "code": "1", "title": "Online share vs best in group", "max": 6, "formula": "6 * Ratio(share, GroupMax(share))" },
            { "code": "2", "title": "Reports", "max": 4, "yesNo": "reportsOnTime" }
          ],
          "classification": [ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 70 }, { "label": "Yếu", "minPercent": 0 } ],
          "ranking": { "groupBy": "kind" },
          "eligibility": [ { "id": "top", "title": "Top 3", "conditions": [ { "title": "rank ≤ 3", "when": "rank <= 3" } ] } ]
        }
        """;

    [TestMethod]
    public void Streamed_results_equal_whole_file_results_line_for_line()
    {
        using var rules = RuleSetLoader.LoadJson(Rules);
        var path = WriteData(rows: 500, seed: 7);
        try
        {
            var whole = rules.Score(CsvAgencyReader.ReadFile(rules, path));
            var expected = new StringWriter();
            CsvResultWriter.Write(whole, expected);

            var streamed = new StringWriter();
            var errors = new List<Data.RowError>();
            var summary = StreamingScorer.ScoreCsvFile(rules, path, streamed, new StreamingOptions { ChunkSize = 7, OnRowError = errors.Add });

            Assert.AreEqual(expected.ToString(), streamed.ToString());
            // Every 50th row (10 rows) has received = -1, below min 0: rejected in both runs.
            Assert.AreEqual(10, errors.Count);
            CollectionAssert.AreEqual(whole.RowErrors.Select(e => e.Message).ToList(), errors.Select(e => e.Message).ToList());
            Assert.AreEqual(500, summary.Rows);
            Assert.AreEqual(490, summary.Scored);
            Assert.AreEqual(10, summary.Rejected);
            Assert.AreEqual(3, summary.Groups);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Ranks_need_the_whole_file_even_when_the_best_agency_comes_last()
    {
        using var rules = RuleSetLoader.LoadJson(Rules);
        var path = Path.GetTempFileName();
        // Three "so" agencies; the best (C: 10/10 online, reports on time = 6 + 4 = 10 points) is the
        // last row, in a chunk of its own (chunk size 1). A: share 0.5 → 6 × 0.5/1 = 3, + 4 = 7.
        // B: share 0.2 → 1.2 + 0 = 1.2. Ranks: C 1, A 2, B 3.
        File.WriteAllText(path, "agencyId,kind,online,received,reportsOnTime\nA,so,5,10,true\nB,so,2,10,false\nC,so,10,10,true\n");
        try
        {
            var output = new StringWriter();
            StreamingScorer.ScoreCsvFile(rules, path, output, new StreamingOptions { ChunkSize = 1 });
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // Then the criterion columns (1, 2): A 3 and 4, B 1.2 and 0, C 6 and 4.
            StringAssert.StartsWith(lines[1], "A,,so,7,10,70,Khá,2,2,,,3,4,true");
            StringAssert.StartsWith(lines[2], "B,,so,1.2,10,12,Yếu,3,3,,,1.2,0,true");
            StringAssert.StartsWith(lines[3], "C,,so,10,10,100,Tốt,1,1,,,6,4,true");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Seeded data: three groups, varied shares, every 50th row out of range.</summary>
    private static string WriteData(int rows, int seed)
    {
        var random = new Random(seed);
        var kinds = new[] { "so", "huyen", "xa" };
        var text = new StringBuilder("agencyId,agencyName,kind,online,received,reportsOnTime\n");
        for (var i = 0; i < rows; i++)
        {
            var received = i % 50 == 49 ? -1 : random.Next(0, 200);
            var online = received <= 0 ? 0 : random.Next(0, received + 1);
            text.Append(CultureInfo.InvariantCulture, $"U{i:D4},Unit {i},{kinds[random.Next(3)]},{online},{received},{(random.Next(4) > 0 ? "true" : "false")}\n");
        }
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
