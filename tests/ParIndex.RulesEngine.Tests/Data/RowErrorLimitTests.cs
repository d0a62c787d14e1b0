using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// Rejected rows cost bounded memory: the first N errors in full, every error counted by code and
/// field, every rejected row listed compactly; JSON with many rejected rows is read in linear
/// work; a wide header gives one warning.
/// </summary>
[TestClass]
public sealed class RowErrorLimitTests
{
    /// <summary>Each bad row has three bad cells (score, reported, kind) and the clean rows none.</summary>
    private static string BadCsv(int bad, int good)
    {
        var text = new StringBuilder("agencyId,score,reported,kind,extra\n");
        for (var i = 0; i < bad; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"X{i},abc,maybe,tinh,1\n");
        for (var i = 0; i < good; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"G{i},50,true,so,1\n");
        return text.ToString();
    }

    [TestMethod]
    public void Only_the_first_errors_are_kept_in_full_while_counts_and_rejected_rows_stay_exact()
    {
        var batch = CsvAgencyReader.Read(Basic, new StringReader(BadCsv(5000, 3)), new DataReadOptions { MaxRowErrors = 100 }, "data.csv");
        var log = batch.RowErrorLog;
        Assert.AreEqual(100, log.Errors.Count);
        Assert.AreEqual(15_000, log.ErrorCount, "5,000 rows × 3 bad cells");
        Assert.AreEqual(14_900, log.OmittedCount);
        Assert.AreEqual(5000, batch.RejectedCount);
        Assert.AreEqual("X4999", log.Rejected[^1].AgencyId);
        Assert.AreEqual((5000, 5001, DiagnosticCodes.WrongType), (log.Rejected[^1].Row, log.Rejected[^1].Line, log.Rejected[^1].Code));
        CollectionAssert.AreEqual(new[] { ("score", 5000), ("reported", 5000), ("kind", 5000) }.OrderBy(p => p.Item1).ToArray(),
            log.Counts.Select(c => (c.Field!, c.Count)).OrderBy(p => p.Item1).ToArray());
        Assert.AreEqual(3, batch.Count);
        var summary = log.OmittedSummary("data.csv")!;
        Assert.AreEqual(DiagnosticCodes.RowErrorsOmitted, summary.Code);
        Assert.StartsWith("14,900 more row error(s) not listed in full (the first 100 are): PAR0604 on", summary.Message);
        Assert.EndsWith("5,000 row(s) were rejected in all.", summary.Message);

        var report = Basic.Score(batch);
        Assert.AreEqual((100, 5000, 3), (report.RowErrors.Count, report.RowErrorLog.Rejected.Count, report.Agencies.Count));
        // An agency whose error is beyond the kept ones is still known as rejected.
        var notScored = Assert.ThrowsExactly<KeyNotFoundException>(() => report.Explain("X4999", "1"));
        Assert.AreEqual("Agency 'X4999' was not scored: its row 5000 was rejected (PAR0604; the message is beyond the row errors kept in full).", notScored.Message);
    }

    [TestMethod]
    public void Json_and_table_results_name_every_rejected_row_beyond_the_kept_errors()
    {
        // 4 bad rows × 3 bad cells = 12 errors, of which 5 are kept in full; 2 clean rows are scored.
        var batch = CsvAgencyReader.Read(Basic, new StringReader(BadCsv(4, 2)), new DataReadOptions { MaxRowErrors = 5 }, "data.csv");
        var report = Basic.Score(batch);

        var json = new StringWriter();
        ParIndex.RulesEngine.Results.Writers.JsonResultWriter.Write(report, json);
        var root = Newtonsoft.Json.Linq.JObject.Parse(json.ToString());
        Assert.AreEqual(5, ((Newtonsoft.Json.Linq.JArray)root["rowErrors"]!).Count);
        Assert.AreEqual(4, (int)root["rejectedCount"]!);
        var rejected = (Newtonsoft.Json.Linq.JArray)root["rejected"]!;
        // Rows 1–4 are X0–X3 on lines 2–5 (line 1 is the header); each row's first error is a wrong type.
        CollectionAssert.AreEqual(new[] { "X0", "X1", "X2", "X3" }, rejected.Select(r => (string)r["agencyId"]!).ToArray());
        CollectionAssert.AreEqual(new[] { 2, 3, 4, 5 }, rejected.Select(r => (int)r["line"]!).ToArray());
        Assert.IsTrue(rejected.All(r => (string)r["code"]! == DiagnosticCodes.WrongType));

        var table = new StringWriter();
        ParIndex.RulesEngine.Results.Writers.TableResultWriter.Write(report, table);
        StringAssert.Contains(table.ToString(), "4 row(s) not scored (12 problem(s))");
    }

    [TestMethod]
    public void The_default_keeps_one_thousand_errors()
    {
        var batch = CsvAgencyReader.Read(Basic, new StringReader(BadCsv(400, 0)), DataReadOptions.Default, "data.csv");
        Assert.AreEqual((1000, 1200, 400), (batch.RowErrors.Count, batch.RowErrorLog.ErrorCount, batch.RejectedCount));
    }

    [TestMethod]
    public void Streaming_keeps_the_same_bounded_log_across_chunks()
    {
        using var file = WriteTemp("data.csv", Encoding.UTF8.GetBytes(BadCsv(3000, 10)));
        var reported = new List<RowError>();
        var diagnostics = new List<Diagnostic>();
        var summary = StreamingScorer.ScoreCsvFile(Basic, file.Path, new StringWriter(), new StreamingOptions
        {
            ChunkSize = 256, MaxRowErrors = 50, OnRowError = reported.Add, OnDiagnostic = diagnostics.Add,
        });
        Assert.AreEqual((3010, 10, 3000), (summary.Rows, summary.Scored, summary.Rejected));
        Assert.AreEqual(50, reported.Count);
        Assert.AreEqual((9000, 3000), (summary.RowErrorLog.ErrorCount, summary.RowErrorLog.Rejected.Count));
        Assert.AreEqual("X2999", summary.RowErrorLog.Rejected[^1].AgencyId);
        Assert.StartsWith("8,950 more row error(s) not listed in full (the first 50 are)", diagnostics.Single(d => d.Code == DiagnosticCodes.RowErrorsOmitted).Message);
    }

    [TestMethod]
    public void Json_with_many_rejected_rows_is_read_with_linear_work_and_rows_are_parsed_detached()
    {
        static long Work(int rows)
        {
            var json = "[" + string.Join(",", Enumerable.Range(0, rows).Select(i => $"{{\"agencyId\":\"X{i}\",\"score\":\"abc\",\"reported\":\"maybe\",\"kind\":\"tinh\"}}")) + "]";
            JsonAgencyReader.Stats.Reset();
            var batch = JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");
            Assert.AreEqual(rows, batch.RejectedCount);
            Assert.AreEqual($"X{rows - 1}", batch.RowErrorLog.Rejected[^1].AgencyId);
            Assert.AreEqual(rows, JsonAgencyReader.Stats.Rows);
            return JsonAgencyReader.Stats.PathSteps;
        }
        // One path step per row plus one per bad cell located (3): 4 per row, whatever the row's index.
        // (Newtonsoft's token.Path searched the array for the row's index: quadratic in all.)
        Assert.AreEqual(4 * 2_000, Work(2_000));
        Assert.AreEqual(4 * 20_000, Work(20_000));

        var reader = new JsonRowReader(new StringReader("""[{"agencyId":"A"},{"agencyId":"B","score":1}]"""), "data.json");
        Assert.IsTrue(reader.Start(out _));
        reader.Next();
        var second = reader.Next()!;
        JsonAgencyReader.Stats.Reset();
        Assert.AreEqual("[1].score", second.Locate("score").JsonPath);
        Assert.AreEqual(2, JsonAgencyReader.Stats.PathSteps, "the row's path from its index, then the key: a location never walks the array");
    }

    [TestMethod]
    public void A_header_with_many_unknown_columns_gives_one_warning()
    {
        var header = "agencyId,score,reported,kind," + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"c{i}"));
        var batch = CsvAgencyReader.Read(Basic, new StringReader(header + "\nA,50,true,so\n"), DataReadOptions.Default, "data.csv");
        var warning = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownColumn);
        Assert.AreEqual("The data has 100,000 fields that are not inputs of rule set 'data-test'; they are ignored: 'c0', 'c1', 'c2', 'c3', 'c4' and 99,995 more.", warning.Message);
        Assert.AreEqual((1, 5), (warning.Location.Line, warning.Location.Column));
        Assert.AreEqual(1, batch.Count);
    }

    [TestMethod]
    public void Json_rows_with_many_distinct_unknown_keys_give_one_warning()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"{{\"agencyId\":\"A{i}\",\"score\":5,\"reported\":true,\"kind\":\"so\",\"u{i}\":1}}")) + "]";
        var batch = JsonAgencyReader.Read(Basic, new StringReader(json), DataReadOptions.Default, "data.json");
        Assert.AreEqual("The data has 50 fields that are not inputs of rule set 'data-test'; they are ignored: 'u0', 'u1', 'u2', 'u3', 'u4' and 45 more.",
            batch.Diagnostics.Single().Message);
    }

    [TestMethod]
    public void Many_unknown_columns_of_a_columnar_batch_give_one_warning()
    {
        var columns = new Dictionary<string, Array> { ["score"] = new[] { 5d }, ["reported"] = new[] { true }, ["kind"] = new string?[] { "so" } };
        for (var i = 0; i < 8; i++) columns[$"x{i}"] = new[] { 1d };
        var batch = ColumnarBatch.Create(Basic, ["A"], columns);
        var warning = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownColumn);
        Assert.AreEqual("The data has 8 fields that are not inputs of rule set 'data-test'; they are ignored: 'x0', 'x1', 'x2', 'x3', 'x4' and 3 more.", warning.Message);
    }
}
