using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Kernel;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Without detail, each area computes the variables it reads itself instead of reading a column
/// a separate pass wrote; only the variables a group aggregate, a later variable or an
/// eligibility condition reads still get their column (ComputeSharedVariables). Scores, faults
/// and eligibility must be the same as with detail, where every variable has its column.
/// </summary>
[TestClass]
public sealed class InlinedVariableTests
{
    // share       = Ratio(done, planned)            areas 1 and 2 (through shareCapped), GroupMax → shared
    // shareCapped = Min(1, share)                   area 2 only → computed there, with share
    // lateShare   = late / received                 area 1 and the eligibility condition → shared
    // vsBest      = Ratio(share, GroupMax(share))   needs the aggregate: a column of the scoring stage
    private static CompiledRuleSet Rules() => RuleSets.Load(
        inputs: """
            [ { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
              { "name": "done", "type": "number" }, { "name": "planned", "type": "number" },
              { "name": "late", "type": "number" }, { "name": "received", "type": "number" } ]
            """,
        ranking: """{ "groupBy": "kind" }""",
        variables: """
            [ { "name": "share", "formula": "Ratio(done, planned)" },
              { "name": "shareCapped", "formula": "Min(1, share)" },
              { "name": "lateShare", "formula": "late / received" },
              { "name": "vsBest", "formula": "Ratio(share, GroupMax(share))" } ]
            """,
        eligibility: """[ { "id": "award", "title": "Few late files", "conditions": [ { "title": "Late ≤ 10 %", "when": "lateShare <= 0.1" } ] } ]""",
        criteria: """
            [ { "code": "1", "title": "Work", "max": 3, "children": [
                { "code": "1.1", "title": "Done", "max": 2, "formula": "2 * share" },
                { "code": "1.2", "title": "On time", "max": 1, "formula": "1 - lateShare" } ] },
              { "code": "2", "title": "Capped", "max": 1, "formula": "shareCapped" },
              { "code": "3", "title": "Against the best", "max": 1, "formula": "vsBest" } ]
            """);

    private static (string, Dictionary<string, object?>) Row(string id, string kind, double done, double planned, double late, double received) =>
        (id, new Dictionary<string, object?> { ["kind"] = kind, ["done"] = done, ["planned"] = planned, ["late"] = late, ["received"] = received });

    private static readonly (string, Dictionary<string, object?>)[] Rows =
    [
        Row("S1", "so", 8, 10, 1, 20),
        Row("S2", "so", 4, 10, 5, 10),
        Row("BAD", "so", 9, 10, 2, 0),
        Row("H1", "huyen", 3, 3, 0, 5),
    ];

    [TestMethod]
    [DataRow(ScoreDetail.Full)]
    [DataRow(ScoreDetail.TotalsOnly)]
    public void Variables_give_the_same_points_faults_and_eligibility_at_both_detail_levels(ScoreDetail detail)
    {
        using var rules = Rules();

        var report = rules.ScoreRows(new ScoringOptions { Detail = detail }, Rows);

        // BAD: lateShare = 2 / 0 = +∞, so 1.2 = 1 − ∞ gives no number: a row error on 1.2, and the
        // row takes no part in GroupMax (so's best share stays 0.8, not BAD's 0.9).
        var error = report.RowErrors.Single();
        Assert.AreEqual("BAD", error.AgencyId);
        Assert.AreEqual("1.2", error.Field);
        // S1: share 0.8, lateShare 0.05, vsBest 0.8 / 0.8 = 1: 1.6 + 0.95 + 0.8 + 1 = 4.35 of 5 = 87 %
        AssertScore(report, "S1", 4.35, 87, eligible: true);
        // S2: share 0.4, lateShare 0.5, vsBest 0.4 / 0.8 = 0.5: 0.8 + 0.5 + 0.4 + 0.5 = 2.2 = 44 %
        AssertScore(report, "S2", 2.2, 44, eligible: false);
        // H1: share 1 (its group's best), lateShare 0: 2 + 1 + 1 + 1 = 5 = 100 %
        AssertScore(report, "H1", 5, 100, eligible: true);
    }

    [TestMethod]
    public void Totals_stage_keeps_columns_only_for_variables_read_outside_the_areas()
    {
        using var rules = Rules();
        var source = KernelGenerator.Generate(rules.Bound).Text;

        var shared = Method(source, "ComputeSharedVariables");
        StringAssert.Contains(shared, "__out_share[__i] = share;");
        StringAssert.Contains(shared, "__out_lateShare[__i] = lateShare;");
        Assert.DoesNotContain("shareCapped", shared);
        // Area 2 computes shareCapped and the share it reads, and reads no variable column.
        var area2 = Method(source, "TotalsArea" + rules.Bound.Nodes.Single(n => n.Code == "2").Index);
        StringAssert.Contains(area2, "double share = (Ratio(done, planned));");
        StringAssert.Contains(area2, "double shareCapped = (Min(1d, share));");
        Assert.DoesNotContain("NumberVariables", area2);
        // The detail stage still reads the column (explanations show the variable's value).
        var detailArea2 = Method(source, "ScoresArea" + rules.Bound.Nodes.Single(n => n.Code == "2").Index);
        StringAssert.Contains(detailArea2, "__f.NumberVariables[");
        // vsBest needs the group aggregate, so area 3 reads the column the stage's variables part wrote.
        var area3 = Method(source, "TotalsArea" + rules.Bound.Nodes.Single(n => n.Code == "3").Index);
        StringAssert.Contains(area3, "__f.NumberVariables[");
    }

    [TestMethod]
    public void A_frame_without_detail_allocates_columns_only_for_the_variables_it_keeps()
    {
        using var rules = Rules();
        var builder = rules.CreateBatch();
        foreach (var (id, values) in Rows) builder.Add(id, values);
        var batch = builder.Build();
        int Slot(string name) => rules.Bound.Variables.Single(v => v.Name == name).Slot;

        var totals = Scorer.NewFrame(rules.Bound, batch, detail: false);
        var full = Scorer.NewFrame(rules.Bound, batch, detail: true);

        // Kept: share (GroupMax), lateShare (eligibility), vsBest (needs the aggregate).
        CollectionAssert.AreEquivalent(new[] { "share", "lateShare", "vsBest" }, rules.Bound.VariablesKeptWithoutDetail.Select(v => v.Name).ToArray());
        foreach (var name in new[] { "share", "lateShare", "vsBest" })
            Assert.HasCount(Rows.Length, totals.NumberVariables[Slot(name)], name);
        Assert.IsEmpty(totals.NumberVariables[Slot("shareCapped")]);
        foreach (var variable in rules.Bound.Variables)
            Assert.HasCount(Rows.Length, full.NumberVariables[variable.Slot], variable.Name);
        // What a streaming run budgets a chunk by follows: one double fewer per row.
        Assert.AreEqual(8, KernelFrame.OutputBytesPerRow(Scorer.ShapeOf(rules.Bound, storeDetail: false) with { NumberVariablesKept = null })
            - KernelFrame.OutputBytesPerRow(Scorer.ShapeOf(rules.Bound, storeDetail: false)));
    }

    private static void AssertScore(ScoreReport report, string id, double total, double percent, bool eligible)
    {
        var agency = report.Find(id) ?? throw new AssertFailedException($"{id} was not scored");
        Assert.AreEqual(total, agency.Total, 1e-9, id);
        Assert.AreEqual(percent, agency.Percent, 1e-9, id);
        Assert.AreEqual(eligible, agency.Eligibility.Single().IsEligible, id);
    }

    /// <summary>The text of one generated method, from its signature to the next method.</summary>
    private static string Method(string source, string name)
    {
        var match = Regex.Match(source, $@"static void {name}\(.*?(?=\n        (public|private) static void |\n    \}})", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, $"no method {name} in the generated source");
        return match.Value;
    }
}
