using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>
/// The CSV reader's fast path (Sep splits lines and fields, cells are parsed from spans straight
/// into the typed columns) against its reference: the RFC 4180 splitter alone with every row read
/// as text, which defines records, recovery after a bad quote and the wording of every error.
/// Both must give the same batch, row errors and file diagnostics included, on any text.
/// </summary>
[TestClass]
public sealed class CsvSepPathTests
{
    private const string Header = "agencyId,agencyName,score,reported,kind,extra";

    [TestMethod]
    public void Random_files_with_quotes_bad_cells_and_every_line_break_read_the_same_as_the_reference()
    {
        var random = new Random(20261202);
        for (var file = 0; file < 400; file++)
        {
            var (csv, culture) = RandomFile(random);
            var options = new DataReadOptions { Culture = culture, AllowThousands = random.Next(4) == 0, MaxRowErrors = 50 };
            var expected = Snapshot(CsvAgencyReader.ReadBySplitter(Basic.InputSchema, new StringReader(csv), options, "data.csv"));
            var actual = Snapshot(CsvAgencyReader.Read(Basic.InputSchema, new StringReader(csv), options, "data.csv"));
            Assert.AreEqual(expected, actual, $"File {file} ({culture?.Name ?? "invariant"}):{Environment.NewLine}{Escape(csv)}");
        }
    }

    [TestMethod]
    public void A_small_stream_read_by_the_splitter_alone_gives_the_batch_of_the_sep_path()
    {
        // Streams under 32 KiB skip Sep (its parser's first compile costs more than reading a
        // province's file as text). Random files as above, as UTF-8 bytes, against the same text
        // through the Sep path (a TextReader is always read with Sep).
        var random = new Random(20261205);
        for (var file = 0; file < 200; file++)
        {
            var (csv, culture) = RandomFile(random);
            csv = csv.TrimStart('\uFEFF'); // the stream's BOM is the encoding's business, not the parser's
            var bytes = new UTF8Encoding(false).GetBytes(csv);
            Assert.IsTrue(bytes.Length < CsvAgencyReader.SmallInput, $"file {file} is small");
            var options = new DataReadOptions { Culture = culture, MaxRowErrors = 50 };
            var throughSep = Snapshot(CsvAgencyReader.Read(Basic.InputSchema, new StringReader(csv), options, "data.csv"));
            var small = Snapshot(CsvAgencyReader.ReadStream(Basic.InputSchema, new MemoryStream(bytes), options, "data.csv"));
            Assert.AreEqual(throughSep, small, $"File {file} ({culture?.Name ?? "invariant"}):{Environment.NewLine}{Escape(csv)}");
        }
    }

    [TestMethod]
    public void Lines_longer_than_the_parser_buffer_and_line_breaks_across_blocks_read_the_same_as_the_reference()
    {
        // Names of 3,000-9,000 characters push lines across Sep's and the stream's block
        // boundaries, so a "\r\n" is split between two blocks somewhere in the file.
        var random = new Random(7);
        var lines = new List<string> { Header };
        for (var i = 0; i < 60; i++) lines.Add($"A{i},{new string('n', random.Next(3000, 9000))},{i},true,so,1");
        foreach (var lineBreak in new[] { "\r\n", "\n", "\r", "\r\r" })
        {
            // "\r\r": an empty line after each row, in a file with old Mac line breaks.
            var csv = string.Join(lineBreak, lines) + lineBreak;
            var expected = Snapshot(CsvAgencyReader.ReadBySplitter(Basic.InputSchema, new StringReader(csv), DataReadOptions.Default, "data.csv"));
            var batch = CsvAgencyReader.Read(Basic.InputSchema, new StringReader(csv), DataReadOptions.Default, "data.csv");
            Assert.AreEqual(60, batch.Count, Describe(batch));
            Assert.AreEqual(expected, Snapshot(batch));
        }
    }

    [TestMethod]
    public void A_quoted_name_over_two_lines_keeps_its_own_line_break()
    {
        // Excel writes a line break inside a cell as "\n" and ends records with "\r\n"; the
        // name keeps the "\n", and a "\r\n" inside quotes stays "\r\n".
        var csv = Header + "\r\nA,\"Sở\nNội vụ\",50,true,so,1\r\nB,\"Sở\r\nTư pháp\",60,true,so,1\r\n";
        var batch = CsvAgencyReader.Read(Basic.InputSchema, new StringReader(csv), DataReadOptions.Default, "data.csv");
        CollectionAssert.AreEqual(new[] { "Sở\nNội vụ", "Sở\r\nTư pháp" }, batch.AgencyNames.ToArray(), Describe(batch));
        CollectionAssert.AreEqual(new[] { 1, 2 }, batch.RowNumbers);
    }

    [TestMethod]
    public void Vietnamese_numbers_bools_and_enum_case_are_read_from_spans_as_the_text_path_reads_them()
    {
        var csv = string.Join("\n", "agencyId;agencyName;score;reported;kind;extra",
            "A;Sở A;12,5;có;SO;0,25",
            "B;Sở B;7;KHÔNG;Xa;",
            "C;Sở C;1.5;đạt;huyen;1",
            "");
        var options = new DataReadOptions { Culture = CultureInfo.GetCultureInfo("vi-VN") };
        var batch = CsvAgencyReader.Read(Basic.InputSchema, new StringReader(csv), options, "data.csv");
        CollectionAssert.AreEqual(new[] { "A", "B" }, batch.AgencyIds.ToArray(), Describe(batch));
        CollectionAssert.AreEqual(new[] { 12.5, 7 }, batch.Numbers[0]);
        CollectionAssert.AreEqual(new[] { true, false }, batch.Bools[0]);
        CollectionAssert.AreEqual(new[] { "so", "xa" }, batch.Texts[0]);
        Assert.AreEqual(0.25, batch.Numbers[1][0]);
        Assert.IsTrue(double.IsNaN(batch.Numbers[1][1]) && batch.Missing[3][1], "a missing not-applicable cell is NaN with its mask bit set");
        var error = batch.RowErrors.Single();
        Assert.AreEqual(("C", "score", 4, 3), (error.AgencyId, error.Field, error.Location.Line, error.Location.Column));
        Assert.AreEqual(Snapshot(CsvAgencyReader.ReadBySplitter(Basic.InputSchema, new StringReader(csv), options, "data.csv")), Snapshot(batch));
    }

    [TestMethod]
    public void Chunks_parsed_on_a_second_thread_hold_the_same_rows_and_errors_as_one_batch()
    {
        var random = new Random(11);
        var (csv, _) = RandomFile(random, rows: 3000);
        using var file = WriteTemp("data.csv", Encoding.UTF8.GetBytes(csv));
        var everyError = new DataReadOptions { MaxRowErrors = int.MaxValue };
        var whole = CsvAgencyReader.ReadFile(Basic.InputSchema, file.Path, everyError);
        foreach (var size in new[] { 1, 7, 4096 })
        {
            var chunks = CsvAgencyReader.ReadChunks(Basic, file.Path, everyError, size).ToList();
            CollectionAssert.AreEqual(whole.AgencyIds.ToArray(), chunks.SelectMany(c => c.AgencyIds).ToArray(), $"chunk size {size}");
            CollectionAssert.AreEqual(whole.RowNumbers, chunks.SelectMany(c => c.RowNumbers).ToArray(), $"chunk size {size}");
            CollectionAssert.AreEqual(whole.Numbers[0], chunks.SelectMany(c => c.Numbers[0]).ToArray(), $"chunk size {size}");
            CollectionAssert.AreEqual(whole.RowErrors.Select(e => e.ToString()).ToArray(), chunks.SelectMany(c => c.RowErrors).Select(e => e.ToString()).ToArray(), $"chunk size {size}");
            Assert.IsTrue(chunks.Take(chunks.Count - 1).All(c => c.RowErrorLog.Rejected.Count + c.Count == size), $"chunk size {size}: every chunk but the last holds {size} rows");
        }
    }

    [TestMethod]
    public void Stopping_after_the_first_chunk_stops_the_parser_and_closes_the_file()
    {
        var csv = Header + "\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"A{i},Sở,{i % 100},true,so,1\n"));
        using var file = WriteTemp("data.csv", Encoding.UTF8.GetBytes(csv));
        var first = CsvAgencyReader.ReadChunks(Basic, file.Path, DataReadOptions.Default, 100).First();
        Assert.AreEqual(100, first.Count);
        // The file is no longer open: it can be opened for writing without sharing.
        using var exclusive = new FileStream(file.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.IsTrue(exclusive.CanWrite);
    }

    /// <summary>Every observable part of a batch, as text.</summary>
    private static string Snapshot(AgencyBatch batch)
    {
        var text = new StringBuilder();
        for (var r = 0; r < batch.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{batch.RowNumbers[r]}|{batch.AgencyIds[r]}|{batch.AgencyNames[r] ?? "<null>"}");
            foreach (var column in batch.Numbers) text.Append('|').Append(column[r].ToString("R", CultureInfo.InvariantCulture));
            foreach (var column in batch.Bools) text.Append('|').Append(column[r]);
            foreach (var column in batch.Texts) text.Append('|').Append(column[r] ?? "<null>");
            foreach (var column in batch.Missing) if (column.Length > 0) text.Append('|').Append(column[r] ? 'M' : '-');
            text.AppendLine();
        }
        foreach (var error in batch.RowErrors) text.AppendLine($"E {error.Row} {error.AgencyId} {error.Field} {error} ");
        foreach (var row in batch.RowErrorLog.Rejected) text.AppendLine($"R {row}");
        text.AppendLine(CultureInfo.InvariantCulture, $"errors {batch.RowErrorLog.ErrorCount}");
        foreach (var diagnostic in batch.Diagnostics) text.AppendLine($"D {diagnostic}");
        return text.ToString();
    }

    private static (string Csv, CultureInfo? Culture) RandomFile(Random random, int? rows = null)
    {
        var vietnamese = random.Next(3) == 0;
        var delimiter = vietnamese ? ';' : random.Next(5) == 0 ? '\t' : ',';
        var culture = vietnamese ? CultureInfo.GetCultureInfo("vi-VN") : null;
        var lineBreaks = new[] { "\n", "\r\n", "\r" };
        var usual = lineBreaks[random.Next(3)];
        string Break() => random.Next(10) == 0 ? lineBreaks[random.Next(3)] : usual;
        var text = new StringBuilder();
        if (random.Next(6) == 0) text.Append('\uFEFF');
        if (random.Next(8) == 0) text.Append(Break());
        text.Append(string.Join(delimiter, Header.Split(',').Select(h => random.Next(15) == 0 ? $" {h} " : h)));
        var count = rows ?? random.Next(0, 25);
        for (var i = 0; i < count; i++)
        {
            text.Append(Break());
            text.Append(RandomLine(random, delimiter, vietnamese, i));
        }
        if (random.Next(3) > 0) text.Append(Break());
        return (text.ToString(), culture);
    }

    private static string RandomLine(Random random, char d, bool vietnamese, int i)
    {
        switch (random.Next(40))
        {
            case 0: return "";
            case 1: return "   ";
            case 2: return $"B{i}{d}\"Sở {i}{d}50{d}true{d}so{d}1";                       // quote never closed on its line
            case 3: return $"B{i}{d}\"Sở\" {i}{d}50{d}true{d}so{d}1";                      // text after the closing quote
            case 4: return $"B{i}{d}Sở \"{i}\"{d}50{d}true{d}so{d}1";                       // quote inside an unquoted value
            case 5: return $"Q{i}{d}\"Sở{d} \"\"{i}\"\"\"{d}50{d}true{d}so{d}1";             // well-formed quoted name
            case 6: return $"Q{i}{d}\"Sở{Environment.NewLine}{i}\"{d}50{d}true{d}so{d}1";    // quoted name over two lines
            case 7: return $"X{i % 3}{d}dup{d}50{d}true{d}so{d}1";                           // duplicate ids
            case 8: return $"{d}no id{d}50{d}true{d}so{d}1";
            case 9: return $"S{i}{d}short{d}50";                                               // fewer fields
            case 10: return $"L{i}{d}long{d}50{d}true{d}so{d}1{d}surplus";
            case 11: return $"N{i}{d}{new string('x', 10_001)}{d}50{d}true{d}so{d}1";       // name over the cell limit
            case 12: return $"V{i}{d}bad{d}{(vietnamese ? "1.5" : "2,25")}{d}true{d}so{d}1";
            case 13: return $"V{i}{d}range{d}150{d}true{d}so{d}1";
            case 14: return $"V{i}{d}bool{d}50{d}maybe{d}so{d}1";
            case 15: return $"V{i}{d}enum{d}50{d}true{d}tinh{d}1";
            case 16: return $"V{i}{d}missing{d}{d}true{d}so{d}1";
            case 17: return $"V{i}{d}thousands{d}{(vietnamese ? "1.234" : "1,234")}{d}true{d}so{d}1";
            case 18: return $"  W{i} {d} Sở W {d} 5{(vietnamese ? "," : ".")}5 {d} CÓ {d} XA {d}  ";
            case 19: return $"\u0053\u01A1\u0309{i}{d}nfc{d}50{d}yes{d}huyen{d}1";            // id in decomposed form
            case 20: return $"\u0405NV{d}lookalike{d}50{d}true{d}so{d}1";                    // Cyrillic look-alike of SNV
            case 21: return $"SNV{d}plain{d}50{d}true{d}so{d}1";
            case 22: return $"K{i}{d}\"quoted\"{d}\"50\"{d}\"true\"{d}\"so\"{d}\"\"";
            default:
                var score = random.Next(0, 101).ToString(CultureInfo.InvariantCulture) + (random.Next(2) == 0 ? (vietnamese ? ",5" : ".5") : "");
                var extra = random.Next(4) == 0 ? "" : random.Next(0, 5).ToString(CultureInfo.InvariantCulture);
                var kind = new[] { "so", "huyen", "xa" }[random.Next(3)];
                return $"A{i}{d}Sở {i}{d}{score}{d}{(random.Next(2) == 0 ? "true" : "0")}{d}{kind}{d}{extra}";
        }
    }

    private static string Escape(string csv) => csv.Length > 4000 ? csv[..4000] + "…" : csv.Replace("\r", "\\r").Replace("\n", "\\n\n");
}
