using System.Globalization;
using Microsoft.Data.Sqlite;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// <see cref="DbAgencyReader"/> against a real SQLite database made by each test (in memory).
/// Points of <see cref="DataRuleSets.BasicJson"/>: criterion 1 = score / 10 (max 10), 2 = 5 when
/// reported (max 5), 3 = extra (max 5, not applicable when missing).
/// </summary>
[TestClass]
public sealed class DbAgencyReaderTests
{
    // SQLite's columns take any value whatever their declared type: a text in a REAL column stays
    // text, which is how a hand-kept database ends up with 'abc' where a number belongs.
    private const string Schema = "CREATE TABLE agencies (agencyId INTEGER, agencyName TEXT, score REAL, reported INTEGER, kind TEXT, extra REAL)";

    private static SqliteConnection Database(params string[] inserts)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, Schema);
        foreach (var insert in inserts) Execute(connection, "INSERT INTO agencies VALUES " + insert);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static AgencyBatch Query(SqliteConnection connection, string sql, DataReadOptions? options = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DbAgencyReader.Read(Basic, reader, options, "agencies");
    }

    [TestMethod]
    public void Bad_values_reject_their_rows_with_result_row_and_column_and_the_others_are_scored()
    {
        using var db = Database(
            "(101, 'Sở A', 80, 1, 'so', 2)",
            "(102, 'Sở B', 150, 1, 'xa', NULL)",       // score above max 100
            "(103, 'Huyện C', 45.5, 0, 'huyen', NULL)",
            "(104, 'Xã D', 'abc', 1, 'xa', 1)",        // text where a number belongs
            "(105, 'Xã E', 10, 2, 'xa', 1)");          // 2 is not a bool
        var batch = Query(db, "SELECT * FROM agencies ORDER BY agencyId");

        CollectionAssert.AreEqual(new[] { "101", "103" }, batch.AgencyIds.ToArray(), Describe(batch));
        var errors = batch.RowErrors.Select(e => (e.AgencyId, e.Field, e.Code, e.Location.Line, e.Location.Column)).ToList();
        CollectionAssert.AreEqual(new[]
        {
            ("102", "score", DiagnosticCodes.OutOfRange, 2, 3),
            ("104", "score", DiagnosticCodes.WrongType, 4, 3),
            ("105", "reported", DiagnosticCodes.WrongType, 5, 4),
        }, errors, Describe(batch));
        Assert.IsTrue(batch.RowErrors.All(e => e.Location.File == "agencies"));

        var report = Basic.Score(batch);
        // 101: 80 / 10 = 8, reported 5, extra 2 → 15 of 20.
        Assert.AreEqual(15, report.Find("101")!.Total, 1e-9);
        // 103: 45.5 / 10 = 4.55, not reported 0, extra NULL → not applicable: 4.55 of 15.
        Assert.AreEqual(4.55, report.Find("103")!.Total, 1e-9);
        Assert.AreEqual(15, report.Find("103")!.MaxPoints, 1e-9);
        Assert.AreEqual("Huyện C", report.Find("103")!.Name);
    }

    [TestMethod]
    public void A_database_gives_the_same_batch_as_the_same_rows_in_CSV()
    {
        using var db = Database("('A', 'Sở A', 12.5, 1, 'so', 0.5)", "('B', NULL, 100, 0, 'xa', NULL)", "('C', 'Xã C', 0, 1, 'huyen', 5)");
        var fromDb = Basic.Score(Query(db, "SELECT * FROM agencies"));
        var fromCsv = Basic.Score(CsvAgencyReader.Read(Basic, new StringReader(
            "agencyId,agencyName,score,reported,kind,extra\nA,Sở A,12.5,true,so,0.5\nB,,100,false,xa,\nC,Xã C,0,true,huyen,5\n"), (CultureInfo?)null, "same.csv"));

        Assert.AreEqual(3, fromDb.Agencies.Count);
        foreach (var agency in fromCsv.Agencies)
        {
            var same = fromDb.Find(agency.AgencyId)!;
            Assert.AreEqual(agency.Total, same.Total, 0, agency.AgencyId);
            Assert.AreEqual(agency.MaxPoints, same.MaxPoints, 0, agency.AgencyId);
            Assert.AreEqual(agency.Rank, same.Rank, agency.AgencyId);
        }
    }

    [TestMethod]
    public void Columns_bind_by_name_in_any_order_with_missing_and_unknown_columns_reported()
    {
        using var db = Database("(1, 'Sở A', 50, 1, 'so', 1)");
        var batch = Query(db, "SELECT kind, score AS score, agencyId, agencyName, extra, 7 AS bonus FROM agencies");

        // 'reported' is not selected: required by default, so the file is not scored; 'bonus' is unknown.
        var missing = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.DataFile);
        Assert.IsTrue(missing.IsError);
        StringAssert.Contains(missing.Message, "'reported'");
        var unknown = batch.Diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownColumn);
        StringAssert.Contains(unknown.Message, "bonus");
        Assert.AreEqual(6, unknown.Location.Column, "bonus is the sixth column of the query");
    }

    [TestMethod]
    public void Numbers_held_as_text_follow_the_culture_given()
    {
        using var db = Database("(1, 'Sở A', '80,5', 'có', 'so', '1,25')");
        var batch = Query(db, "SELECT * FROM agencies", DataReadOptions.Default with { Culture = CultureInfo.GetCultureInfo("vi-VN") });
        Assert.AreEqual(0, batch.RowErrors.Count, Describe(batch));
        // 80.5 / 10 = 8.05, 'có' = reported 5, extra 1.25 → 14.3.
        Assert.AreEqual(14.3, Basic.Score(batch).Find("1")!.Total, 1e-9);

        var invariant = Query(db, "SELECT * FROM agencies");
        Assert.AreEqual(DiagnosticCodes.NumberSeparator, invariant.RowErrors.First(e => e.Field == "score").Code, "'80,5' has a group separator where the invariant culture allows none");
    }

    [TestMethod]
    public async Task Read_async_reads_the_rows_and_stops_when_cancelled()
    {
        using var db = Database("(1, 'A', 10, 1, 'so', 1)", "(2, 'B', 20, 0, 'xa', NULL)");
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT * FROM agencies";
            await using var reader = await command.ExecuteReaderAsync();
            var batch = await DbAgencyReader.ReadAsync(Basic.InputSchema, reader, null, "agencies");
            CollectionAssert.AreEqual(new[] { "1", "2" }, batch.AgencyIds.ToArray(), Describe(batch));
            Assert.IsFalse(reader.IsClosed, "the caller owns the reader");
        }
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT * FROM agencies";
            await using var reader = await command.ExecuteReaderAsync();
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            await Assert.ThrowsAsync<OperationCanceledException>(() => DbAgencyReader.ReadAsync(Basic.InputSchema, reader, null, "agencies", cancelled.Token));
        }
    }

    [TestMethod]
    public void A_closed_reader_is_refused_and_a_failing_query_is_a_data_file_exception()
    {
        using var db = Database("(1, 'A', 10, 1, 'so', 1)");
        using var command = db.CreateCommand();
        command.CommandText = "SELECT * FROM agencies";
        var reader = command.ExecuteReader();
        reader.Close();
        Assert.ThrowsExactly<ArgumentException>(() => DbAgencyReader.Read(Basic, reader));

        // A runtime error in SQLite surfaces while stepping to the row that raises it: the first row
        // reads (no ORDER BY: a sort would compute every row before the first), the second overflows (2 − (2⁶³ − 1) − 3 is −2⁶³, whose abs has no 64-bit integer).
        Execute(db, "INSERT INTO agencies VALUES (2, 'B', 20, 0, 'xa', NULL)");
        using var failing = db.CreateCommand();
        failing.CommandText = "SELECT *, CASE WHEN agencyId = 2 THEN abs(agencyId - 9223372036854775807 - 3) ELSE 0 END AS boom FROM agencies";
        using var failingReader = failing.ExecuteReader();
        var error = Assert.ThrowsExactly<DataFileException>(() => DbAgencyReader.Read(Basic, failingReader, null, "agencies"));
        Assert.AreEqual("agencies", error.Path);
    }
}
