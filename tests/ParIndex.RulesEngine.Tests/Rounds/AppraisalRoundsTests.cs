using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Rounds;

/// <summary>
/// The appraisal example (examples/provincial-internal-index/appraisal): four departments of the
/// 2024 data as appraised (VPUB, SNV, STP, SKHDT; the rows of units-2024.csv) and their
/// self-assessment (VPUB, SNV, SKHDT and SCT, which the appraisal did not cover; STP did not
/// self-assess). The self-assessment differs on four inputs; every expected cut is worked out
/// by hand from the rule file:
/// <list type="bullet">
/// <item>VPUB headChairedDialogue true → false: 1.5 (yes/no, max 2) 2 → 0, cut 2;</item>
/// <item>VPUB jobPositionsApproved true → false: 5.1 (yes/no, max 2) 2 → 0, cut 2;</item>
/// <item>VPUB trainingCompletion 0.9 → 0.729: 5.3 (proportional, max 3, target 1) 3 × 0.9 = 2.7 → 3 × 0.729 = 2.187 ≈ 2.19, cut 0.51;</item>
/// <item>so VPUB loses 2 + 2 + 0.51 = 4.51 points, and (max 100) 4.51 percentage points; area 1 loses 2, area 5 loses 2.51;</item>
/// <item>SNV propagandaActivities 3 → 4: 1.4 (count, 0.5 each, max 2) 1.5 → 2, a raise of 0.5. Area 1 is capped at 12:
///   appraised 4 + 1.67 + 2 + 2 + 2 = 11.67 plus the 1.B bonus 0.5 = 12.17 → 12; self 11.17 + 0.5 = 11.67;
///   so area 1 and the total rise by 12 − 11.67 = 0.33 only;</item>
/// <item>SKHDT: the same inputs in both rounds, no change; its one note (on eDocsShare) is kept as a note on no changed criterion.</item>
/// </list>
/// </summary>
[TestClass]
public sealed class AppraisalRoundsTests
{
    private const string Example = "provincial-internal-index";
    private static CompiledRuleSet _rules = null!;
    private static AppraisalRounds _rounds = null!;

    private static string FileOf(string name) => RepositoryPaths.Example(Example, Path.Combine("appraisal", name));

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _rules = RuleSetLoader.LoadFile(RepositoryPaths.Example(Example, "ruleset.json"));
        _rounds = Rounds(FileOf("self-2024.csv"));
    }

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    private static AppraisalRounds Rounds(string selfFile, Func<CompiledRuleSet, string, DataReadOptions, AgencyBatch>? selfReader = null)
    {
        var appraised = _rules.Score(CsvAgencyReader.ReadFile(_rules, FileOf("appraised-2024.csv")));
        var self = _rules.Score((selfReader ?? CsvAgencyReader.ReadFile)(_rules, selfFile, DataReadOptions.Default));
        return AppraisalRounds.Compare(self, appraised, AppraisalNotesReader.ReadFile(_rules, FileOf("appraised-2024.csv")));
    }

    private static AgencyComparison Agency(AppraisalRounds rounds, string id) => rounds.Comparison.Find(id) ?? throw new AssertFailedException($"{id} is not in both rounds");

    private static CriterionChange Criterion(AgencyComparison agency, string code) => agency.Criteria.Single(c => c.Code == code);

    [TestMethod]
    public void VPUB_cuts_are_the_three_criteria_worked_out_by_hand()
    {
        var cuts = _rounds.Cuts("VPUB");
        CollectionAssert.AreEqual(new[] { "1.5", "5.1", "5.3" }, cuts.Select(c => c.Criterion.Code).ToArray());
        var expected = new (double Self, double Appraised, double Difference)[] { (2, 0, -2), (2, 0, -2), (2.7, 2.19, -0.51) };
        for (var i = 0; i < cuts.Count; i++)
        {
            Assert.AreEqual(expected[i].Self, cuts[i].Criterion.FirstPoints, 1e-9, cuts[i].Criterion.Code);
            Assert.AreEqual(expected[i].Appraised, cuts[i].Criterion.SecondPoints, 1e-9, cuts[i].Criterion.Code);
            Assert.AreEqual(expected[i].Difference, cuts[i].Criterion.Difference, 1e-9, cuts[i].Criterion.Code);
            Assert.IsTrue(cuts[i].IsCut);
        }
        var vpub = Agency(_rounds, "VPUB");
        Assert.AreEqual(-4.51, vpub.TotalDifference, 1e-9);
        Assert.AreEqual(-4.51, vpub.PercentDifference, 1e-9);
        Assert.AreEqual(-2, Criterion(vpub, "1").Difference, 1e-9);
        Assert.AreEqual(-2.51, Criterion(vpub, "5").Difference, 1e-9);
        Assert.AreEqual(vpub.First.Total - 4.51, vpub.Second.Total, 1e-9);
    }

    [TestMethod]
    public void Each_cut_carries_the_appraisers_note_on_the_input_it_reads()
    {
        var notes = _rounds.Cuts("VPUB").ToDictionary(c => c.Criterion.Code, c => c.Notes.Single());
        Assert.AreEqual("headChairedDialogue", notes["1.5"].Input);
        Assert.AreEqual("Không có biên bản đối thoại do người đứng đầu chủ trì", notes["1.5"].Text);
        Assert.AreEqual("jobPositionsApproved", notes["5.1"].Input);
        Assert.AreEqual("trainingCompletion", notes["5.3"].Input);
        // The note's place: line 2 of the file (VPUB's row), in the headChairedDialogue#note column.
        var header = File.ReadLines(FileOf("appraised-2024.csv")).First().Split(',');
        Assert.AreEqual(2, notes["1.5"].Location.Line);
        Assert.AreEqual(Array.IndexOf(header, "headChairedDialogue#note") + 1, notes["1.5"].Location.Column);
    }

    [TestMethod]
    public void A_raise_is_shown_and_the_area_cap_limits_it_in_the_total()
    {
        var snv = Agency(_rounds, "SNV");
        var change = _rounds.Changes("SNV").Single();
        Assert.AreEqual("1.4", change.Criterion.Code);
        Assert.AreEqual(1.5, change.Criterion.FirstPoints, 1e-9);
        Assert.AreEqual(2, change.Criterion.SecondPoints, 1e-9);
        Assert.AreEqual(0.5, change.Criterion.Difference, 1e-9);
        Assert.IsFalse(change.IsCut);
        Assert.IsEmpty(_rounds.Cuts("SNV"));
        Assert.AreEqual(11.67, Criterion(snv, "1").FirstPoints, 1e-9);
        Assert.AreEqual(12, Criterion(snv, "1").SecondPoints, 1e-9);
        Assert.AreEqual(0.33, snv.TotalDifference, 1e-9);
        Assert.AreEqual("Bổ sung 01 hội nghị tuyên truyền có tài liệu kiểm chứng", change.Notes.Single().Text);
    }

    [TestMethod]
    public void An_unchanged_agency_has_no_changes_and_keeps_its_note()
    {
        var skhdt = Agency(_rounds, "SKHDT");
        Assert.IsFalse(skhdt.HasChanges);
        Assert.IsEmpty(_rounds.Changes("SKHDT"));
        var note = _rounds.OtherNotes("SKHDT").Single();
        Assert.AreEqual("eDocsShare", note.Input);
        Assert.IsEmpty(_rounds.OtherNotes("VPUB"), "every VPUB note is on a cut criterion");
    }

    [TestMethod]
    public void Agencies_of_one_round_are_listed_with_a_warning_never_dropped()
    {
        Assert.AreEqual("SCT", _rounds.SelfOnly.Single().AgencyId);
        Assert.IsNull(_rounds.SelfOnly.Single().Rejection);
        Assert.AreEqual("STP", _rounds.AppraisedOnly.Single().AgencyId);
        Assert.AreEqual(3, _rounds.Agencies.Count);
        var warnings = _rounds.Warnings;
        Assert.HasCount(2, warnings);
        Assert.IsTrue(warnings.All(w => w.Code == DiagnosticCodes.AgencyInOneRound && w.Severity == DiagnosticSeverity.Warning));
        StringAssert.Contains(warnings[0].Message, "'SCT'");
        StringAssert.Contains(warnings[1].Message, "'STP'");
    }

    [TestMethod]
    public void Ranks_of_both_rounds_are_each_rounds_own()
    {
        foreach (var agency in _rounds.Agencies)
        {
            Assert.AreEqual(_rounds.Self.Find(agency.AgencyId)!.Rank, agency.First.Rank, agency.AgencyId);
            Assert.AreEqual(_rounds.Appraised.Find(agency.AgencyId)!.Rank, agency.Second.Rank, agency.AgencyId);
            Assert.AreEqual(agency.First.Rank - agency.Second.Rank, agency.RankChange, agency.AgencyId);
        }
        // Appraised: STP and SNV share 100 points (rank 1), SKHDT 71.05 (3); VPUB, cut to below SKHDT, is last (4).
        Assert.AreEqual(4, Agency(_rounds, "VPUB").Second.Rank);
    }

    [TestMethod]
    public void Note_columns_are_not_unknown_fields_but_a_note_on_no_input_is()
    {
        var batch = CsvAgencyReader.ReadFile(_rules, FileOf("appraised-2024.csv"));
        Assert.IsEmpty(batch.Diagnostics, string.Join("; ", batch.Diagnostics));
        var csv = File.ReadAllText(FileOf("appraised-2024.csv"));
        var header = csv[..csv.IndexOf('\n')];
        var renamed = header.Replace("eDocsShare#note", "eDocShare#note", StringComparison.Ordinal) + csv[csv.IndexOf('\n')..];
        var warned = CsvAgencyReader.Read(_rules, new StringReader(renamed));
        var warning = warned.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.UnknownColumn, warning.Code);
        StringAssert.Contains(warning.Message, "'eDocShare#note'");
    }

    [TestMethod]
    public void Paired_columns_in_one_file_give_the_same_cuts_as_two_files()
    {
        var paired = Rounds(FileOf("paired-2024.csv"), SelfColumnsReader.ReadFile);
        // The paired file has the appraised file's four agencies in both rounds; STP's and SKHDT's #self values equal their values.
        Assert.AreEqual(4, paired.Agencies.Count);
        Assert.IsEmpty(paired.SelfOnly);
        Assert.IsEmpty(paired.AppraisedOnly);
        foreach (var id in new[] { "VPUB", "SNV" })
        {
            var expected = _rounds.Changes(id).Select(c => (c.Criterion.Code, c.Criterion.FirstPoints, c.Criterion.SecondPoints)).ToList();
            CollectionAssert.AreEqual(expected, paired.Changes(id).Select(c => (c.Criterion.Code, c.Criterion.FirstPoints, c.Criterion.SecondPoints)).ToList(), id);
        }
        Assert.AreEqual(-4.51, Agency(paired, "VPUB").TotalDifference, 1e-9);
        foreach (var id in new[] { "STP", "SKHDT" })
        {
            Assert.IsEmpty(Agency(paired, id).ChangedLeaves, id);
            Assert.AreEqual(0, Agency(paired, id).TotalDifference, id);
        }
        // SKHDT's points do not change, but its rank does: VPUB is above it in the self-assessment
        // and, cut by 4.51, below it after the appraisal.
        var skhdt = Agency(paired, "SKHDT");
        var vpub = Agency(paired, "VPUB");
        Assert.IsTrue(vpub.First.Total > skhdt.First.Total && vpub.Second.Total < skhdt.Second.Total);
        Assert.AreEqual(1, skhdt.RankChange);
        Assert.IsTrue(skhdt.HasChanges, "a rank change is a change");
        Assert.IsEmpty(CsvAgencyReader.ReadFile(_rules, FileOf("paired-2024.csv")).Diagnostics, "the #self columns are not unknown fields");
    }

    [TestMethod]
    public void A_bad_self_value_rejects_that_agency_in_the_self_round_only_at_its_own_cell()
    {
        using var folder = new TempFolder();
        var lines = File.ReadAllLines(FileOf("paired-2024.csv"));
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "trainingCompletion#self");
        var cells = lines[2].Split(',');  // SNV
        Assert.AreEqual("SNV", cells[0]);
        cells[column] = "abc";
        lines[2] = string.Join(',', cells);
        var path = folder.Write("paired.csv", string.Join('\n', lines) + "\n");

        var self = _rules.Score(SelfColumnsReader.ReadFile(_rules, path, DataReadOptions.Default));
        var error = self.RowErrors.Single();
        Assert.AreEqual("SNV", error.AgencyId);
        Assert.AreEqual("trainingCompletion", error.Field);
        Assert.AreEqual(3, error.Location.Line);
        Assert.AreEqual(column + 1, error.Location.Column);
        var appraised = _rules.Score(CsvAgencyReader.ReadFile(_rules, path));
        Assert.IsEmpty(appraised.RowErrors);

        var rounds = AppraisalRounds.Compare(self, appraised);
        var only = rounds.AppraisedOnly.Single();
        Assert.AreEqual("SNV", only.AgencyId);
        StringAssert.StartsWith(only.Rejection, DiagnosticCodes.WrongType);
    }

    /// <summary>The CSV's records as the text cells of a one-sheet workbook (CsvHelper parses the CSV: an independent reader).</summary>
    private static byte[] AsWorkbook(string csv)
    {
        using var reader = new StreamReader(csv);
        using var parser = CsvHelper.CsvReader.Create(reader, new CsvHelper.CsvReaderOptions { HasHeader = false }, true);
        var rows = new List<string[]>();
        while (parser.Read()) rows.Add(Enumerable.Range(0, parser.FieldCount).Select(parser.GetString).ToArray());
        return new Workbooks.TestWorkbook().Sheet("Dữ liệu").Rows(1, [.. rows]).ToBytes();
    }

    [TestMethod]
    public void Paired_columns_in_a_workbook_read_as_the_same_rounds_as_in_the_CSV()
    {
        using var folder = new TempFolder();
        var workbook = folder.Write("paired-2024.xlsx", AsWorkbook(FileOf("paired-2024.csv")));

        var fromCsv = _rules.Score(SelfColumnsReader.ReadFile(_rules, FileOf("paired-2024.csv"), DataReadOptions.Default));
        var fromWorkbook = _rules.Score(SelfColumnsReader.ReadFile(_rules, workbook, DataReadOptions.Default));
        // Four agencies; the self round's totals, agency by agency, as the CSV's paired columns give them.
        Assert.HasCount(4, fromWorkbook.Agencies);
        CollectionAssert.AreEqual(fromCsv.Agencies.Select(a => (a.AgencyId, a.Total)).ToList(), fromWorkbook.Agencies.Select(a => (a.AgencyId, a.Total)).ToList());
        Assert.IsEmpty(fromWorkbook.RowErrors);
        // …and the self round is not the appraised one: VPUB was cut by 4.51 in the appraisal.
        var appraised = _rules.Score(XlsxAgencyReader.ReadFile(_rules, workbook, DataReadOptions.Default));
        Assert.AreEqual(4.51, fromWorkbook.Agencies.Single(a => a.AgencyId == "VPUB").Total - appraised.Agencies.Single(a => a.AgencyId == "VPUB").Total, 1e-9);
    }

    [TestMethod]
    public void A_workbook_without_self_columns_cannot_be_read_as_the_self_round()
    {
        using var folder = new TempFolder();
        var workbook = folder.Write("appraised-2024.xlsx", AsWorkbook(FileOf("appraised-2024.csv")));
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => SelfColumnsReader.ReadFile(_rules, workbook, DataReadOptions.Default));
        StringAssert.Contains(ex.Message, "#self");
        StringAssert.Contains(ex.Message, "appraised-2024.xlsx");
    }

    [TestMethod]
    public void A_file_without_self_columns_cannot_be_read_as_the_self_round()
    {
        var ex = Assert.ThrowsExactly<InvalidDataException>(() => SelfColumnsReader.ReadFile(_rules, FileOf("appraised-2024.csv"), DataReadOptions.Default));
        StringAssert.Contains(ex.Message, "#self");
        StringAssert.Contains(ex.Message, "appraised-2024.csv");
    }

    [TestMethod]
    public void Results_of_different_rule_sets_are_refused()
    {
        using var other = RuleSets.Load("""[{ "code": "1", "title": "x", "max": 1, "formula": "1" }]""");
        var report = other.ScoreRows(("VPUB", RuleSets.NoValues()));
        var ex = Assert.ThrowsExactly<ArgumentException>(() => AppraisalRounds.Compare(report, _rounds.Appraised));
        StringAssert.StartsWith(ex.Message, DiagnosticCodes.RoundsOfDifferentRuleSets);
    }

    [TestMethod]
    public void Json_data_notes_are_read_by_property_name()
    {
        using var folder = new TempFolder();
        var path = folder.Write("notes.json", """
            { "agencies": [
              { "agencyId": "VPUB", "trainingCompletion": 0.729, "trainingCompletion#note": " Thiếu tài liệu kiểm chứng " },
              { "agencyId": "SNV", "trainingCompletion#note": "" }
            ] }
            """);
        var notes = AppraisalNotesReader.ReadFile(_rules, path);
        var note = notes.All.Single();
        Assert.AreEqual(("VPUB", "trainingCompletion", "Thiếu tài liệu kiểm chứng"), (note.AgencyId, note.Input, note.Text));
        Assert.AreEqual("agencies[0].trainingCompletion#note", note.Location.JsonPath);
    }

    /// <summary>A temporary folder for one test's files.</summary>
    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("parindex-rounds-");

        public string Write(string name, string content)
        {
            var path = Path.Combine(_directory.FullName, name);
            File.WriteAllText(path, content);
            return path;
        }

        public string Write(string name, byte[] content)
        {
            var path = Path.Combine(_directory.FullName, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
