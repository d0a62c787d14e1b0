using System.Globalization;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// The edge cases of docs/rule-files.md that the engine used to get wrong without a word: bands
/// over missing and infinite values, proportional scoring with a target of 0 or negative values,
/// the relative tolerance at band edges and rounding halves, "-0", and Min/Max/Clamp over a
/// missing value. Every expected value is worked out by hand in the comment next to it.
/// </summary>
[TestClass]
public sealed class ScoringEdgeCaseTests
{
    // ---- Bands over NaN and ±∞ ----------------------------------------------------------

    [TestMethod]
    public void Band_over_a_missing_value_matches_no_step_and_scores_0_without_a_row_error()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number", "missing": "allow" } ]""",
            criteria: """
            [ { "code": "1", "title": "B", "max": 1,
                "bands": { "of": "x", "steps": [ { "atLeast": 10, "points": 1 }, { "below": 10, "points": 0.5 } ] } } ]
            """);

        var report = rules.ScoreRows(("NAN", new Dictionary<string, object?> { ["x"] = null }), ("MID", new Dictionary<string, object?> { ["x"] = 4.0 }));

        Assert.IsEmpty(report.RowErrors, string.Join("; ", report.RowErrors));
        // NaN ≥ 10 is false and NaN < 10 is false too: no step → 0 points (it used to reject the row)
        Assert.AreEqual(0.0, report.Find("NAN")!["1"].Points);
        // 4 < 10 → second step → 0.5
        Assert.AreEqual(0.5, report.Find("MID")!["1"].Points);
    }

    [TestMethod]
    public void Band_over_plus_infinity_matches_atLeast_steps_and_minus_infinity_matches_below_steps()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "a", "type": "number" }, { "name": "b", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "B", "max": 1,
                "bands": { "of": "a / b", "steps": [
                  { "atLeast": 10, "points": 1 }, { "atLeast": 0, "below": 10, "points": 0.5 }, { "below": 0, "points": 0.25 } ] } } ]
            """);

        var report = rules.ScoreRows(
            ("POS", new Dictionary<string, object?> { ["a"] = 5.0, ["b"] = 0.0 }),
            ("NEG", new Dictionary<string, object?> { ["a"] = -5.0, ["b"] = 0.0 }));

        Assert.IsEmpty(report.RowErrors, string.Join("; ", report.RowErrors));
        // 5 / 0 = +∞ ≥ 10 → first step → 1
        Assert.AreEqual(1.0, report.Find("POS")!["1"].Points);
        // −5 / 0 = −∞: not ≥ 10, not ≥ 0, but < 0 → third step → 0.25
        Assert.AreEqual(0.25, report.Find("NEG")!["1"].Points);
    }

    [TestMethod]
    public void Many_band_steps_still_pick_the_first_matching_step()
    {
        // 300 steps [i, i+1) → i/100 points; the generated code is a flat list of guarded ifs now.
        var steps = string.Join(", ", Enumerable.Range(0, 300).Select(i => $$"""{ "atLeast": {{i}}, "below": {{i + 1}}, "points": {{(i / 100.0).ToString(CultureInfo.InvariantCulture)}} }"""));
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: $$"""[ { "code": "1", "title": "B", "max": 3, "bands": { "of": "x", "steps": [ {{steps}}, { "atLeast": 0, "points": 3 } ] } } ]""");

        // 0 is in [0, 1) → 0; 150.5 is in [150, 151) → 1.5; 299.99 in [299, 300) → 2.99;
        // 300 is in no [i, i+1), the last step (≥ 0) gives 3.
        Assert.AreEqual(0.0, rules.ScoreOne(new() { ["x"] = 0.0 })["1"].Points);
        Assert.AreEqual(1.5, rules.ScoreOne(new() { ["x"] = 150.5 })["1"].Points);
        Assert.AreEqual(2.99, rules.ScoreOne(new() { ["x"] = 299.99 })["1"].Points);
        Assert.AreEqual(3.0, rules.ScoreOne(new() { ["x"] = 300.0 })["1"].Points);
    }

    // ---- Proportional -------------------------------------------------------------------

    private static CompiledRuleSet Proportional(bool lowerIsBetter) => RuleSets.Load(
        inputs: """[ { "name": "v", "type": "number", "missing": "allow" }, { "name": "t", "type": "number" } ]""",
        criteria: $$"""
        [ { "code": "1", "title": "P", "max": 2,
            "proportional": { "value": "v", "target": "t", "lowerIsBetter": {{(lowerIsBetter ? "true" : "false")}} } } ]
        """);

    private static double Points(CompiledRuleSet rules, double value, double target) =>
        rules.ScoreOne(new() { ["v"] = value, ["t"] = target })["1"].Points;

    [TestMethod]
    [DataRow(0.0, 0.0, 2.0, DisplayName = "target 0, value 0: meets it → max 2")]
    [DataRow(-0.1, 0.0, 0.0, DisplayName = "target 0, value −0.1: misses it, t ≤ 0 → 0")]
    [DataRow(-0.5, -1.0, 2.0, DisplayName = "target −1, value −0.5 ≥ −1 → max 2 (was 2 × 0.5 = 1)")]
    [DataRow(-2.0, -1.0, 0.0, DisplayName = "target −1, value −2 < −1, t ≤ 0 → 0 (was 2 × 2 capped = 2)")]
    [DataRow(-0.2, 0.5, 0.0, DisplayName = "target 0.5, value −0.2: 2 × max(−0.2, 0) ÷ 0.5 = 0")]
    [DataRow(0.3, 0.4, 1.5, DisplayName = "target 0.4, value 0.3: 2 × 0.3 ÷ 0.4 = 1.5")]
    public void Proportional_higher_is_better_follows_the_documented_rule(double value, double target, double expected)
    {
        using var rules = Proportional(lowerIsBetter: false);

        Assert.AreEqual(expected, Points(rules, value, target), 1e-12);
    }

    [TestMethod]
    [DataRow(0.0, 0.0, 2.0, DisplayName = "target 0, value 0 ≤ 0 → max 2")]
    [DataRow(0.3, 0.0, 0.0, DisplayName = "target 0, value 0.3 > 0, t ≤ 0 → 0")]
    [DataRow(-0.01, 0.02, 2.0, DisplayName = "target 0.02, value −0.01 ≤ 0.02 → max 2")]
    [DataRow(0.04, 0.02, 1.0, DisplayName = "target 0.02, value 0.04: 2 × 0.02 ÷ 0.04 = 1")]
    [DataRow(-0.5, -1.0, 0.0, DisplayName = "target −1, value −0.5 > −1, t ≤ 0 → 0 (was max: every value ≤ 0 scored max)")]
    [DataRow(-2.0, -1.0, 2.0, DisplayName = "target −1, value −2 ≤ −1 → max 2")]
    public void Proportional_lower_is_better_follows_the_documented_rule(double value, double target, double expected)
    {
        using var rules = Proportional(lowerIsBetter: true);

        Assert.AreEqual(expected, Points(rules, value, target), 1e-12);
    }

    [TestMethod]
    public void Proportional_over_a_missing_value_is_a_row_fault_naming_the_criterion()
    {
        using var rules = Proportional(lowerIsBetter: true);

        var report = rules.ScoreRows(("NAN", new Dictionary<string, object?> { ["v"] = null, ["t"] = 0.02 }), ("MID", new Dictionary<string, object?> { ["v"] = 0.04, ["t"] = 0.02 }));

        // v missing (NaN): a fault, the row is rejected with the criterion named; MID: 2 × 0.02 ÷ 0.04 = 1
        Assert.AreEqual("NAN", report.RowErrors.Single().AgencyId);
        Assert.AreEqual("1", report.RowErrors.Single().Field);
        Assert.AreEqual(1.0, report.Find("MID")!["1"].Points);
    }

    // ---- Relative tolerance -------------------------------------------------------------

    private static CompiledRuleSet Threshold(string step) => RuleSets.Load(
        inputs: """[ { "name": "x", "type": "number" } ]""",
        criteria: $$"""[ { "code": "1", "title": "B", "max": 1, "bands": { "of": "x", "steps": [ {{step}} ] } } ]""");

    [TestMethod]
    [DataRow(0.2999999994, 0.0, DisplayName = "0.2999999994 < 0.3 − 0.3e-9 = 0.2999999997 → no match")]
    [DataRow(0.2999999998, 1.0, DisplayName = "0.2999999998 ≥ 0.2999999997 → match")]
    [DataRow(0.30000000000000004, 1.0, DisplayName = "0.1 + 0.2 ≥ 0.3 → match")]
    public void AtLeast_tolerance_is_relative_below_1(double value, double expected)
    {
        // It used to be max(1, |lo|) × 1e-9, i.e. an absolute 1e-9 below 1: 0.2999999994 matched.
        using var rules = Threshold("""{ "atLeast": 0.3, "points": 1 }""");

        Assert.AreEqual(expected, rules.ScoreOne(new() { ["x"] = value })["1"].Points);
    }

    [TestMethod]
    public void AtLeast_0_and_below_0_are_exact()
    {
        using var atLeast = Threshold("""{ "atLeast": 0, "points": 1 }""");
        using var below = Threshold("""{ "below": 0, "points": 1 }""");

        // atLeast 0: threshold 0 − 1e-9 × 0 = 0, and −1e-12 < 0 → no match (it used to match: 0 − 1e-9 ≤ −1e-12)
        Assert.AreEqual(0.0, atLeast.ScoreOne(new() { ["x"] = -1e-12 })["1"].Points);
        Assert.AreEqual(1.0, atLeast.ScoreOne(new() { ["x"] = 0.0 })["1"].Points);
        // below 0: −1e-12 < 0 − 0 → match (it used to need < −1e-9)
        Assert.AreEqual(1.0, below.ScoreOne(new() { ["x"] = -1e-12 })["1"].Points);
        Assert.AreEqual(0.0, below.ScoreOne(new() { ["x"] = 0.0 })["1"].Points);
    }

    [TestMethod]
    [DataRow(0.4999999992, 0.0, DisplayName = "s = 0.4999999992: floor(0.9999999992 + 0.0000000005) = 0")]
    [DataRow(0.4999999996, 1.0, DisplayName = "s = 0.4999999996: floor(0.9999999996 + 0.0000000005) = 1")]
    [DataRow(2.5, 3.0, DisplayName = "2.5 → 3 (half away from zero)")]
    public void Rounding_halves_use_a_tolerance_relative_to_the_value(double value, double expected)
    {
        // precision 0, a formula leaf: points = Round(x). The tolerance used to be max(1, s) × 1e-9,
        // so 0.4999999992 + 0.5 + 1e-9 = 1.0000000002 rounded to 1.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "F", "max": 3, "formula": "x" } ]""",
            precision: 0);

        Assert.AreEqual(expected, rules.ScoreOne(new() { ["x"] = value })["1"].Points);
        Assert.AreEqual(expected, FormulaFunctions.Round(value));
    }

    // ---- Never −0 -----------------------------------------------------------------------

    [TestMethod]
    public void Points_of_a_negative_zero_are_positive_zero_and_print_as_0()
    {
        // "-x" with x = 0 is −0 in IEEE doubles; Clamp(−0, 0, 1) kept it and Round copied its sign.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "F", "max": 1, "formula": "-x" }, { "code": "2", "title": "G", "max": 1, "formula": "Round(-0.4)" } ]""");

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["x"] = 0.0 }));
        var agency = report.Find("A")!;

        Assert.IsFalse(double.IsNegative(agency["1"].Points), "criterion 1 is −0");
        Assert.IsFalse(double.IsNegative(agency["2"].Points), "criterion 2 is −0");
        Assert.IsFalse(double.IsNegative(agency.Total), "the total is −0");
        var csv = new StringWriter();
        CsvResultWriter.Write(report, csv);
        Assert.IsFalse(csv.ToString().Contains("-0", StringComparison.Ordinal), csv.ToString());
    }

    [TestMethod]
    public void Rounding_functions_never_return_negative_zero()
    {
        // Round(−0.4) = −0 before, Ceiling(−0.5) = −0 (Math.Ceiling), Clamp(−0, 0, 1) = −0, Min(0, −0) = −0
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Round(-0.4)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Round(-0.004, 2)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Ceiling(-0.5)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Floor(-0.0)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Clamp(-0.0, 0, 1)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Min(0, -0.0)));
        Assert.IsFalse(double.IsNegative(FormulaFunctions.Max(-0.0, -1)));
        // Non-zero results keep their sign: −0.125 → −0.13 at precision 2
        Assert.AreEqual(-0.13, FormulaFunctions.Round(-0.125, 2));
    }

    [TestMethod]
    public void PercentOf_is_100_times_the_ratio_so_a_whole_share_is_exactly_100()
    {
        // The documented definition is 100 × Ratio(a, b): 0.17 ÷ 0.17 = 1 exactly, so 100. The
        // other order, (100 × 0.17) ÷ 0.17 = 17.0 ÷ 0.17 (0.17 is stored as 0.17000000000000001),
        // gives 99.99999999999999, so a formula "PercentOf(a, b) == 100" would be false.
        Assert.AreEqual(100d, FormulaFunctions.PercentOf(0.17, 0.17));
        Assert.AreEqual(100d * (0.29 / 0.3), FormulaFunctions.PercentOf(0.29, 0.3));
        Assert.AreEqual(0d, FormulaFunctions.PercentOf(5, 0));
    }

    // ---- Min / Max / Clamp over a missing value ------------------------------------------

    [TestMethod]
    public void Min_Max_and_Clamp_propagate_NaN_whatever_the_argument_order()
    {
        var nan = double.NaN;
        // Min(NaN, 1) was 1 (NaN < 1 is false → b) while Min(1, NaN) was NaN: now both NaN.
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Min(nan, 1)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Min(1, nan)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Max(nan, 1)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Max(1, nan)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Min(1, 2, nan)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Min(nan, 1, 2, 3)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Max(1, nan, 2)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Max(1, 2, 3, nan)));
        // Clamp(x, lo, NaN) was x: now NaN in any position
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Clamp(nan, 0, 1)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Clamp(0.5, nan, 1)));
        Assert.IsTrue(double.IsNaN(FormulaFunctions.Clamp(0.5, 0, nan)));
        // Numbers as before: Min(3, 1, 2) = 1, Max(3, 1, 2, 4) = 4, Clamp(5, 0, 1) = 1
        Assert.AreEqual(1.0, FormulaFunctions.Min(3, 1, 2));
        Assert.AreEqual(4.0, FormulaFunctions.Max(3, 1, 2, 4));
        Assert.AreEqual(1.0, FormulaFunctions.Clamp(5, 0, 1));
    }

    [TestMethod]
    public void Min_of_a_missing_value_is_missing_in_a_formula_whichever_side_it_is_on()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number", "missing": "allow" } ]""",
            criteria: """
            [ { "code": "1", "title": "L", "max": 5, "formula": "IfMissing(Min(x, 1), 5)" },
              { "code": "2", "title": "R", "max": 5, "formula": "IfMissing(Min(1, x), 5)" } ]
            """);

        var agency = rules.ScoreOne(new() { ["x"] = null });

        // Min(NaN, 1) = Min(1, NaN) = NaN → IfMissing gives 5 on both sides (criterion 1 used to give 1)
        Assert.AreEqual(5.0, agency["1"].Points);
        Assert.AreEqual(5.0, agency["2"].Points);
    }
}
