using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.Rounds;
using ParIndex.RulesEngine.Results.WhatIf;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Rounds;

/// <summary>
/// What-if runs on a small scheme worked by hand: criterion 1 = 4 × a / 10 (proportional, max 4),
/// 2 = 2 when flag (yes/no), 3 = 4 × share / GroupMax(share) (max 4), total of 10, ranked by kind.
/// Three agencies of kind "so":
/// A (a 5, no flag, share 0.5): 2 + 0 + 2 = 4, rank 3;
/// B (a 8, flag, share 1): 3.2 + 2 + 4 = 9.2, rank 1;
/// C (a 10, no flag, share 0.8): 4 + 0 + 3.2 = 7.2, rank 2.
/// </summary>
[TestClass]
public sealed class WhatIfTests
{
    private static CompiledRuleSet _rules = null!;
    private static AgencyBatch _batch = null!;

    [ClassInitialize]
    public static void Load(TestContext _)
    {
        _rules = RuleSets.Load(
            criteria: """
                [
                  { "code": "1", "title": "A", "max": 4, "proportional": { "value": "a", "target": 10 } },
                  { "code": "2", "title": "Flag", "max": 2, "yesNo": "flag" },
                  { "code": "3", "title": "Share", "max": 4, "formula": "4 * shareVsBest" }
                ]
                """,
            inputs: """
                [
                  { "name": "a", "type": "number", "min": 0, "max": 10 },
                  { "name": "flag", "type": "bool" },
                  { "name": "share", "type": "number", "min": 0 },
                  { "name": "kind", "type": "enum", "values": ["so", "xa"] }
                ]
                """,
            variables: """[{ "name": "shareVsBest", "formula": "Ratio(share, GroupMax(share))" }]""",
            ranking: """{ "groupBy": "kind" }""");
        var builder = _rules.CreateBatch();
        builder.Add("A", new Dictionary<string, object?> { ["a"] = 5.0, ["flag"] = false, ["share"] = 0.5, ["kind"] = "so" });
        builder.Add("B", new Dictionary<string, object?> { ["a"] = 8.0, ["flag"] = true, ["share"] = 1.0, ["kind"] = "so" });
        builder.Add("C", new Dictionary<string, object?> { ["a"] = 10.0, ["flag"] = false, ["share"] = 0.8, ["kind"] = "so" });
        _batch = builder.Build();
    }

    [ClassCleanup]
    public static void Unload() => _rules.Dispose();

    private static WhatIfResult Run(params InputOverride[] overrides) => WhatIfAnalysis.Run(_rules, _batch, overrides);

    private static AgencyComparison Agency(WhatIfResult result, string id) => result.Comparison.Find(id)!;

    [TestMethod]
    public void The_scheme_scores_as_worked_out()
    {
        var before = Run().Before;
        CollectionAssert.AreEqual(new[] { 4.0, 9.2, 7.2 }, before.Agencies.Select(a => a.Total).ToArray());
        CollectionAssert.AreEqual(new[] { 3, 1, 2 }, before.Agencies.Select(a => a.Rank).ToArray());
    }

    [TestMethod]
    public void One_change_for_one_agency_shows_its_criterion_total_percent_and_rank()
    {
        // A with the flag: 2 + 2 + 2 = 6, still below C (7.2): rank 3.
        var result = Run(new InputOverride("flag", "true", "A"));
        var a = result.Changes.Single();
        Assert.AreEqual("A", a.AgencyId);
        Assert.IsTrue(result.IsChanged("A"));
        var changed = a.ChangedLeaves.Single();
        Assert.AreEqual(("2", 0.0, 2.0, 2.0), (changed.Code, changed.FirstPoints, changed.SecondPoints, changed.Difference));
        Assert.AreEqual(2, a.TotalDifference, 1e-9);
        Assert.AreEqual(20, a.PercentDifference, 1e-9);  // of 10 points
        Assert.AreEqual((3, 3, 0), (a.First.Rank, a.Second.Rank, a.RankChange));
    }

    [TestMethod]
    public void A_rise_in_rank_moves_the_agency_passed_too()
    {
        // A with a = 10 and the flag: 4 + 2 + 2 = 8 > C's 7.2, so A rises to 2 and C falls to 3; B (9.2) stays first.
        var result = Run(new InputOverride("a", "10", "A"), new InputOverride("flag", "có", "A"));
        var a = Agency(result, "A");
        Assert.AreEqual(8, a.Second.Total, 1e-9);
        Assert.AreEqual((3, 2, 1), (a.First.Rank, a.Second.Rank, a.RankChange));
        CollectionAssert.AreEqual(new[] { "1", "2" }, a.ChangedLeaves.Select(c => c.Code).ToArray());
        Assert.AreEqual(2, a.ChangedLeaves[0].Difference, 1e-9);  // 4 × 5 / 10 = 2 → 4
        var c = Agency(result, "C");
        Assert.IsFalse(result.IsChanged("C"));
        Assert.AreEqual(-1, c.RankChange);
        Assert.AreEqual(0, c.TotalDifference);
        CollectionAssert.AreEqual(new[] { "A", "C" }, result.Changes.Select(x => x.AgencyId).ToArray());
    }

    [TestMethod]
    public void A_group_aggregate_changes_the_points_of_agencies_whose_inputs_stay_the_same()
    {
        // A's share 2 becomes the group's best: A 4 × 2 / 2 = 4 (total 6); B 4 × 1 / 2 = 2 (7.2); C 4 × 0.8 / 2 = 1.6 (5.6).
        var result = Run(new InputOverride("share", "2", "A"));
        Assert.AreEqual(6, Agency(result, "A").Second.Total, 1e-9);
        var b = Agency(result, "B");
        Assert.IsFalse(result.IsChanged("B"));
        Assert.AreEqual(-2, b.TotalDifference, 1e-9);
        Assert.AreEqual(-2, b.ChangedLeaves.Single().Difference, 1e-9);
        Assert.AreEqual(-1.6, Agency(result, "C").TotalDifference, 1e-9);
        // Ranks: B 7.2 (1), A 6 (2), C 5.6 (3).
        CollectionAssert.AreEqual(new[] { 2, 1, 3 }, result.After.Agencies.Select(x => x.Rank).ToArray());
        Assert.HasCount(3, result.Changes);
    }

    [TestMethod]
    public void Without_an_agency_the_change_applies_to_every_agency()
    {
        // a = 10 everywhere: A 4 + 0 + 2 = 6, B 4 + 2 + 4 = 10, C already had 10 (no change, but listed: its input was set).
        var result = Run(new InputOverride("a", "10"));
        Assert.AreEqual(2, Agency(result, "A").TotalDifference, 1e-9);
        Assert.AreEqual(0.8, Agency(result, "B").TotalDifference, 1e-9);
        var c = Agency(result, "C");
        Assert.IsTrue(result.IsChanged("C"));
        Assert.IsFalse(c.HasChanges);
        CollectionAssert.AreEqual(new[] { "A", "B", "C" }, result.Changes.Select(x => x.AgencyId).ToArray());
    }

    [TestMethod]
    public void Values_are_read_like_data_cells_with_the_culture()
    {
        // 7,5 under vi-VN is 7.5: 4 × 7.5 / 10 = 3, one point more than A's 2.
        var vi = new DataReadOptions { Culture = CultureInfo.GetCultureInfo("vi-VN") };
        var result = WhatIfAnalysis.Run(_rules, _batch, [new InputOverride("a", "7,5", "A")], values: vi);
        Assert.AreEqual(1, Agency(result, "A").TotalDifference, 1e-9);
        // Under the invariant culture the same text is refused, naming input, value and agency.
        var ex = Assert.ThrowsExactly<InputOverrideException>(() => Run(new InputOverride("a", "7,5", "A")));
        Assert.AreEqual(DiagnosticCodes.BadOverrideValue, ex.Diagnostic.Code);
        StringAssert.Contains(ex.Message, "a=7,5");
        StringAssert.Contains(ex.Message, "'A'");
    }

    [TestMethod]
    public void An_enum_value_is_matched_in_any_letter_case_and_may_move_the_agency_to_another_group()
    {
        // A alone in group xa: GroupMax(share) is its own 0.5, so 3 = 4 × 0.5 / 0.5 = 4; total 2 + 0 + 4 = 6, rank 1 of its group.
        var result = Run(new InputOverride("kind", "XA", "A"));
        var a = Agency(result, "A");
        Assert.AreEqual(("so", "xa"), (a.First.Group, a.Second.Group));
        Assert.AreEqual(6, a.Second.Total, 1e-9);
        Assert.AreEqual(1, a.Second.Rank);
        Assert.ThrowsExactly<InputOverrideException>(() => Run(new InputOverride("kind", "huyen", "A")));
    }

    [TestMethod]
    public void Wrong_changes_get_their_own_codes()
    {
        static string CodeOf(Action action) => Assert.ThrowsExactly<InputOverrideException>(action).Diagnostic.Code;
        var unknown = Assert.ThrowsExactly<InputOverrideException>(() => Run(new InputOverride("flagg", "true", "A")));
        Assert.AreEqual(DiagnosticCodes.UnknownOverrideInput, unknown.Diagnostic.Code);
        StringAssert.Contains(unknown.Message, "Did you mean 'flag'?");
        Assert.AreEqual(DiagnosticCodes.OverrideAgencyNotFound, CodeOf(() => Run(new InputOverride("flag", "true", "D"))));
        Assert.AreEqual(DiagnosticCodes.RepeatedOverride, CodeOf(() => Run(new InputOverride("a", "1", "A"), new InputOverride("a", "2", "A"))));
        Assert.AreEqual(DiagnosticCodes.RepeatedOverride, CodeOf(() => Run(new InputOverride("a", "1"), new InputOverride("a", "2", "B"))));
        Assert.AreEqual(DiagnosticCodes.MalformedOverride, CodeOf(() => InputOverride.Parse("a")));
        Assert.AreEqual(DiagnosticCodes.MalformedOverride, CodeOf(() => InputOverride.Parse("=3")));
        var range = Assert.ThrowsExactly<InputOverrideException>(() => Run(new InputOverride("a", "11", "A")));
        Assert.AreEqual(DiagnosticCodes.BadOverrideValue, range.Diagnostic.Code);
        StringAssert.Contains(range.Message, "outside the allowed range");
        var missing = Assert.ThrowsExactly<InputOverrideException>(() => Run(InputOverride.Parse("a=", "A")));
        StringAssert.Contains(missing.Message, "missing");
    }

    [TestMethod]
    public void The_bad_one_of_several_changes_is_named_whatever_the_row_error_limit()
    {
        // a=3 is fine; flag=maybe is the change that fails, also when the caller keeps no row errors in full.
        var noErrorsKept = new DataReadOptions { MaxRowErrors = 0 };
        var ex = Assert.ThrowsExactly<InputOverrideException>(() =>
            WhatIfAnalysis.Run(_rules, _batch, [new InputOverride("a", "3", "A"), new InputOverride("flag", "maybe", "A")], values: noErrorsKept));
        StringAssert.StartsWith(ex.Message, "flag=maybe: Agency 'A', input 'flag'");
    }

    [TestMethod]
    public void Parse_splits_at_the_first_equals_sign()
    {
        var change = InputOverride.Parse(" kind =so=x", "A");
        Assert.AreEqual(("kind", "so=x", "A"), (change.Input, change.Value, change.AgencyId));
    }
}
