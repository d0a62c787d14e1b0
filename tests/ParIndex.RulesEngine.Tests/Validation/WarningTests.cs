using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// Warnings: the rule set still loads and scores, and the warnings travel with it in
/// <see cref="CompiledRuleSet.Diagnostics"/>.
/// </summary>
[TestClass]
public sealed class WarningTests
{
    private static CompiledRuleSet LoadWithWarnings(string json)
    {
        var result = RuleSetLoader.TryLoadJson(json, FileName);
        Assert.IsTrue(result.Success, "warnings must not stop the load: " + Describe(result.Diagnostics));
        Assert.IsTrue(result.Diagnostics.All(d => d.Severity == DiagnosticSeverity.Warning), Describe(result.Diagnostics));
        CollectionAssert.AreEqual(result.Diagnostics.ToList(), result.RuleSet!.Diagnostics.ToList());
        return result.RuleSet;
    }

    [TestMethod]
    public void Children_max_not_adding_up_is_a_warning_and_the_rule_set_still_scores()
    {
        // The parent opens at line 5, column 5; its regular children add up to 2, not 3.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 3,
                  "children": [
                    { "code": "1.1", "title": "B", "max": 1, "formula": "x" },
                    { "code": "1.2", "title": "C", "max": 1, "formula": "x" }
                  ] }
              ]
            }
            """;
        using var rules = LoadWithWarnings(json);
        var warning = Single(rules.Diagnostics, DiagnosticCodes.MaxSumMismatch);
        AssertAt(warning, 5, 5, "criteria[0]");
        AssertMessageContains(warning, "criterion 1", "2", "3");

        var batch = rules.CreateBatch();
        Assert.IsTrue(batch.Add("A", new Dictionary<string, object?> { ["x"] = 1d }));
        var agency = rules.Score(batch.Build()).Agencies.Single();
        // Both children give their full 1 point; the parent keeps its declared max of 3.
        Assert.AreEqual(2, agency["1"].Points);
        Assert.AreEqual(3, agency["1"].MaxPoints);
    }

    [TestMethod]
    public void Band_covered_by_earlier_bands_is_unreachable_and_a_partial_overlap_is_reported()
    {
        // Steps open at column 9 of lines 7, 8 and 9. Step 2 (>= 20) lies inside step 1 (>= 10);
        // step 3 ([5, 15)) only partly overlaps step 1.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 1,
                  "bands": { "of": "x", "steps": [
                    { "atLeast": 10, "points": 1 },
                    { "atLeast": 20, "points": 0.5 },
                    { "atLeast": 5, "below": 15, "points": 0.25 }
                  ] } }
              ]
            }
            """;
        using var rules = LoadWithWarnings(json);
        AssertAt(Single(rules.Diagnostics, DiagnosticCodes.UnreachableBand), 8, 9, "criteria[0].bands.steps[1]");
        AssertAt(Single(rules.Diagnostics, DiagnosticCodes.OverlappingBand), 9, 9, "criteria[0].bands.steps[2]");
    }

    [TestMethod]
    public void Classification_without_a_zero_band_leaves_a_gap()
    {
        // The lowest band (50%) opens at line 6, column 5: percents below 50 get no label.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [], "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ],
              "classification": [
                { "label": "Tốt", "minPercent": 90 },
                { "label": "Trung bình", "minPercent": 50 }
              ]
            }
            """;
        using var rules = LoadWithWarnings(json);
        var warning = Single(rules.Diagnostics, DiagnosticCodes.ClassificationGap);
        AssertAt(warning, 6, 5, "classification[1]");
        AssertMessageContains(warning, "50%");
    }

    [TestMethod]
    public void Classification_repeating_a_label_is_reported()
    {
        // The second "Khá" opens at line 7, column 5.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [], "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ],
              "classification": [
                { "label": "Tốt", "minPercent": 90 },
                { "label": "Khá", "minPercent": 80 },
                { "label": "Khá", "minPercent": 0 }
              ]
            }
            """;
        using var rules = LoadWithWarnings(json);
        var warning = Single(rules.Diagnostics, DiagnosticCodes.ClassificationGap);
        AssertAt(warning, 7, 5, "classification[2]");
        AssertMessageContains(warning, "'Khá'");
    }

    [TestMethod]
    public void Classification_repeating_a_threshold_is_reported_at_the_band_that_can_never_be_given()
    {
        // "Khá" (line 6, column 5) has the same 90% as "Tốt" before it.
        // Note: the engine reports this as PAR0306 (an unreachable band), not PAR0309.
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [], "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "1" } ],
              "classification": [
                { "label": "Tốt", "minPercent": 90 },
                { "label": "Khá", "minPercent": 90 },
                { "label": "Yếu", "minPercent": 0 }
              ]
            }
            """;
        using var rules = LoadWithWarnings(json);
        var warning = Single(rules.Diagnostics, DiagnosticCodes.UnreachableBand);
        AssertAt(warning, 6, 5, "classification[1]");
        AssertMessageContains(warning, "'Tốt'", "'Khá'", "90%");
    }

    [TestMethod]
    [DoNotParallelize] // sets the process-wide default culture that new threads (the load thread) start with
    public void Load_diagnostics_write_numbers_invariant_under_a_vi_VN_current_culture()
    {
        // Children 0.75 + 0.75 = 1.5 of a parent max of 2.5: the warning must say "1.5" and "2.5"
        // whatever the machine's culture (under vi-VN a plain interpolation gives "1,5").
        const string json = """
            {
              "id": "t", "title": "T", "version": "1",
              "inputs": [ { "name": "x", "type": "number" } ],
              "criteria": [
                { "code": "1", "title": "A", "max": 2.5,
                  "children": [
                    { "code": "1.1", "title": "B", "max": 0.75, "formula": "x" },
                    { "code": "1.2", "title": "C", "max": 0.75, "formula": "x" }
                  ] }
              ]
            }
            """;
        var saved = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.DefaultThreadCurrentCulture);
        try
        {
            var vi = new System.Globalization.CultureInfo("vi-VN");
            System.Globalization.CultureInfo.CurrentCulture = vi;
            System.Globalization.CultureInfo.DefaultThreadCurrentCulture = vi;
            using var rules = LoadWithWarnings(json);
            var warning = Single(rules.Diagnostics, DiagnosticCodes.MaxSumMismatch);
            AssertMessageContains(warning, "1.5", "2.5");
            Assert.IsFalse(warning.Message.Contains("1,5", StringComparison.Ordinal), warning.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved.Item1;
            System.Globalization.CultureInfo.DefaultThreadCurrentCulture = saved.Item2;
        }
    }
}
