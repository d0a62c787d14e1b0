using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The CSV reader's ways in (file, Stream, TextReader, their async forms with cancellation) all
/// give the same batch; I/O failures throw, bad content stays diagnostics; and data can be read
/// with an <see cref="InputSchema"/> loaded without compiling the rule file.
/// </summary>
[TestClass]
public sealed class CsvReaderOverloadTests
{
    private const string Csv = "agencyId,agencyName,score,reported,kind,extra\nA,Sở A,50,true,so,1\nB,Sở B,abc,true,so,1\nC,Sở C,70,false,xa,\n";

    [TestMethod]
    public async Task File_stream_text_reader_and_their_async_forms_give_the_same_batch()
    {
        using var file = WriteTemp("data.csv", Encoding.UTF8.GetBytes(Csv));
        var schema = Basic.InputSchema;
        var batches = new[]
        {
            CsvAgencyReader.ReadFile(schema, file.Path),
            CsvAgencyReader.ReadFile(Basic, file.Path),
            CsvAgencyReader.ReadStream(schema, new MemoryStream(Encoding.UTF8.GetBytes(Csv)), null, file.Path),
            CsvAgencyReader.Read(schema, new StringReader(Csv), null, file.Path),
            await CsvAgencyReader.ReadFileAsync(schema, file.Path),
            await CsvAgencyReader.ReadStreamAsync(schema, new MemoryStream(Encoding.UTF8.GetBytes(Csv)), null, file.Path),
            await CsvAgencyReader.ReadAsync(schema, new StringReader(Csv), null, file.Path),
        };
        foreach (var batch in batches)
        {
            CollectionAssert.AreEqual(new[] { "A", "C" }, batch.AgencyIds.ToArray(), Describe(batch));
            CollectionAssert.AreEqual(new[] { 50.0, 70.0 }, batch.Numbers[0]);
            var error = batch.RowErrors.Single();
            Assert.AreEqual(("B", "score", 3, 3, file.Path), (error.AgencyId, error.Field, error.Location.Line, error.Location.Column, error.Location.File));
        }
    }

    [TestMethod]
    public void The_text_reader_overload_leaves_the_callers_reader_open()
    {
        var reader = new StringReader(Csv);
        CsvAgencyReader.Read(Basic.InputSchema, reader);
        Assert.AreEqual(-1, reader.Peek(), "read to its end and still usable (a disposed StringReader throws)");
    }

    [TestMethod]
    public async Task A_missing_file_throws_a_data_file_exception_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parindex-missing-{Guid.NewGuid():N}.csv");
        var sync = Assert.ThrowsExactly<DataFileException>(() => CsvAgencyReader.ReadFile(Basic.InputSchema, path));
        Assert.AreEqual(path, sync.Path);
        var async = await Assert.ThrowsExactlyAsync<DataFileException>(() => CsvAgencyReader.ReadFileAsync(Basic.InputSchema, path));
        Assert.Contains(path, async.Message);
    }

    [TestMethod]
    public async Task Cancelling_part_way_throws_and_a_cancelled_read_of_a_stream_disposes_it()
    {
        var csv = "agencyId,score\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"A{i},{i % 100}\n"));
        using var cancel = new CancellationTokenSource();
        var reader = new CancellingReader(csv, cancel, after: csv.Length / 3);
        await Assert.ThrowsAsync<OperationCanceledException>(() => CsvAgencyReader.ReadAsync(Basic.InputSchema, reader, null, "data.csv", cancel.Token));
        Assert.IsLessThan(csv.Length, reader.CharsRead, "reading stopped before the end");

        var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await Assert.ThrowsAsync<OperationCanceledException>(() => CsvAgencyReader.ReadStreamAsync(Basic.InputSchema, stream, null, "data.csv", new CancellationToken(canceled: true)));
        Assert.IsFalse(stream.CanRead, "the stream is disposed");
    }

    [TestMethod]
    public void An_input_schema_loaded_without_compiling_reads_data_the_compiled_rule_set_scores()
    {
        var rulePath = RepositoryPaths.Example("provincial-internal-index", "ruleset.json");
        var schema = RuleSetLoader.LoadInputSchema(rulePath);
        var batch = CsvAgencyReader.ReadFile(schema, RepositoryPaths.Example("provincial-internal-index", "units-2024.csv"));
        Assert.IsEmpty(batch.RowErrors, Describe(batch));
        using var rules = RuleSetLoader.LoadFile(rulePath);
        Assert.AreEqual(rules.InputSchema.Key, schema.Key);
        var fromSchema = rules.Score(batch);
        var fromRules = rules.Score(CsvAgencyReader.ReadFile(rules, RepositoryPaths.Example("provincial-internal-index", "units-2024.csv")));
        CollectionAssert.AreEqual(fromRules.Agencies.Select(a => (a.AgencyId, a.Total, a.Rank)).ToArray(), fromSchema.Agencies.Select(a => (a.AgencyId, a.Total, a.Rank)).ToArray());
    }

    [TestMethod]
    public void The_schema_describes_every_input_with_its_slot_and_a_rule_set_with_other_inputs_refuses_its_batches()
    {
        var schema = RuleSetLoader.LoadInputSchemaJson(BasicJson, "basic.json");
        Assert.AreEqual(("data-test", "agencyId", "agencyName", (string?)null), (schema.RuleSetId, schema.IdColumn, schema.NameColumn, schema.GroupBy));
        CollectionAssert.AreEqual(new[] { "score", "reported", "kind", "extra" }, schema.Inputs.Select(i => i.Name).ToArray());
        // Slots count within each kind of column: numbers (score, extra), bools (reported), texts (kind).
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 1 }, schema.Inputs.Select(i => i.Slot).ToArray());
        CollectionAssert.AreEqual(new[] { "so", "huyen", "xa" }, schema.Find("kind")!.Definition.Values.ToArray());
        Assert.AreEqual((100.0, MissingPolicy.Error), (schema.Find("score")!.Definition.Max, schema.Find("score")!.Definition.Missing));
        Assert.IsTrue(schema.Find("extra")!.HasMissingMask);
        Assert.IsNull(schema.Find("Score"), "names are case-sensitive");

        var batch = CsvAgencyReader.Read(schema, new StringReader(Csv));
        Assert.AreEqual(2, Basic.Score(batch).Agencies.Count, "a batch read with an equal schema is scored");
        var error = Assert.ThrowsExactly<ArgumentException>(() => Relative.Score(batch));
        Assert.Contains("different rule set", error.Message);
    }

    [TestMethod]
    public void A_rule_file_with_errors_gives_its_diagnostics_instead_of_a_schema()
    {
        var broken = BasicJson.Replace("\"max\": 100 }", "\"max\": 100 }, { \"name\": \"score\", \"type\": \"number\" }");
        var error = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadInputSchemaJson(broken, "broken.json"));
        Assert.IsTrue(error.Diagnostics.Any(d => d.Code == DiagnosticCodes.DuplicateName), string.Join("; ", error.Diagnostics));
    }

    /// <summary>Text that cancels its reader's token once <c>after</c> characters have been read.</summary>
    private sealed class CancellingReader(string text, CancellationTokenSource cancel, int after) : StringReader(text)
    {
        public int CharsRead { get; private set; }

        public override int Read(Span<char> buffer)
        {
            var n = base.Read(buffer);
            CharsRead += n;
            if (CharsRead > after) cancel.Cancel();
            return n;
        }
    }
}
