using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>Criteria that do not apply are removed from both points and max.</summary>
[TestClass]
public sealed class NotApplicableTests
{
    /// <summary>
    /// Area 7 (max 3) = 7.1 (0.5, yesNo) + 7.6 (1, only for non-communes) + 7.7 (1.5), plus area 8 (max 6).
    /// The total max is 9.
    /// </summary>
    private static CompiledRuleSet AreaSeven() => RuleSets.Load(
        inputs: """
        [ { "name": "agencyType", "type": "enum", "values": ["so", "huyen", "xa"] },
          { "name": "arch", "type": "bool" },
          { "name": "online", "type": "number" },
          { "name": "other", "type": "number" },
          { "name": "rest", "type": "number" } ]
        """,
        criteria: """
        [ { "code": "7", "title": "Modernisation", "max": 3, "children": [
            { "code": "7.1", "title": "Architecture", "max": 0.5, "yesNo": "arch" },
            { "code": "7.6", "title": "Online files", "max": 1, "appliesTo": "agencyType != \"xa\"",
              "proportional": { "value": "online", "target": 0.25 } },
            { "code": "7.7", "title": "Other", "max": 1.5, "formula": "other" } ] },
          { "code": "8", "title": "Rest", "max": 6, "formula": "rest" } ]
        """);

    private static Dictionary<string, object?> Values(string type, double online = 0.25, double other = 1.5, double rest = 6) =>
        new() { ["agencyType"] = type, ["arch"] = true, ["online"] = online, ["other"] = other, ["rest"] = rest };

    [TestMethod]
    public void AppliesToFalse_RemovesPointsAndMax_AndLowersTheParentsMax()
    {
        using var rules = AreaSeven();

        var commune = rules.ScoreOne(Values("xa", online: 0.25));

        // 7.6 does not apply to a commune: no points, no max
        Assert.IsFalse(commune["7.6"].IsApplicable);
        Assert.AreEqual(0.0, commune["7.6"].Points, 1e-9);
        Assert.AreEqual(0.0, commune["7.6"].MaxPoints, 1e-9);
        // area 7 applicable max = min(3, 0.5 + 1.5) = 2; points 0.5 + 1.5 = 2 → 2 of 2
        Assert.AreEqual(2.0, commune["7"].MaxPoints, 1e-9);
        Assert.AreEqual(2.0, commune["7"].Points, 1e-9);
    }

    [TestMethod]
    public void AppliesToFalse_OnATopLevelCriterion_PercentIsOfTheRemainingMax()
    {
        // 1 (max 1, districts only) + 2 (max 9): total max 10, or 9 when 1 does not apply.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" }, { "name": "x", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Districts only", "max": 1, "appliesTo": "!isCommune", "formula": "0" },
              { "code": "2", "title": "Everyone", "max": 9, "formula": "x" } ]
            """);

        var commune = rules.ScoreOne(new Dictionary<string, object?> { ["isCommune"] = true, ["x"] = 8.0 });
        var district = rules.ScoreOne(new Dictionary<string, object?> { ["isCommune"] = false, ["x"] = 8.0 });

        // commune: 8 of 9 → 100 × 8 / 9 = 88.888… → 88.89
        Assert.AreEqual(9.0, commune.MaxPoints, 1e-9);
        Assert.AreEqual(88.89, commune.Percent, 1e-9);
        // district: 0 + 8 = 8 of 10 → 80
        Assert.AreEqual(10.0, district.MaxPoints, 1e-9);
        Assert.AreEqual(80.0, district.Percent, 1e-9);
    }

    [TestMethod]
    public void AppliesToFalse_DeepInTheTree_LowersTheTotalMaxToo()
    {
        // The example of docs/rule-files.md ("Criteria that do not apply"): for a commune, 7.6 is
        // left out, area 7 becomes 2 of 2 "and the scheme's total maximum for that commune drops
        // by 1 as well".
        using var rules = AreaSeven();

        var commune = rules.ScoreOne(Values("xa", other: 1.5, rest: 5));

        // total max = area 7 (2) + area 8 (6) = 8, not 9
        Assert.AreEqual(8.0, commune.MaxPoints, 1e-9);
        // 0.5 + 1.5 + 5 = 7 of 8 → 100 × 7 / 8 = 87.5
        Assert.AreEqual(7.0, commune.Total, 1e-9);
        Assert.AreEqual(87.5, commune.Percent, 1e-9);
    }

    [TestMethod]
    public void MissingInputWithNotApplicablePolicy_UsedThroughAVariable_MakesTheCriterionNotApply()
    {
        using var rules = RuleSets.Load(
            inputs: """
            [ { "name": "filesOnline", "type": "number", "missing": "notApplicable" },
              { "name": "filesReceived", "type": "number", "missing": "notApplicable" },
              { "name": "score", "type": "number" } ]
            """,
            variables: """[ { "name": "onlineShare", "formula": "Ratio(filesOnline, filesReceived)" } ]""",
            criteria: """
            [ { "code": "1", "title": "Online", "max": 1, "proportional": { "value": "onlineShare", "target": 0.5 } },
              { "code": "2", "title": "Other", "max": 8, "formula": "score" } ]
            """);

        var report = rules.ScoreRows(
            ("WITH", new Dictionary<string, object?> { ["filesOnline"] = 20.0, ["filesReceived"] = 100.0, ["score"] = 8.0 }),
            ("WITHOUT", new Dictionary<string, object?> { ["filesOnline"] = null, ["filesReceived"] = 100.0, ["score"] = 8.0 }));

        var with = report.Find("WITH")!;
        var without = report.Find("WITHOUT")!;
        // WITH: share 20 / 100 = 0.2 → 0.2 / 0.5 = 0.4 → 0.4 × 1 = 0.4; total 8.4 of 9 → 93.333… → 93.33
        Assert.AreEqual(0.4, with["1"].Points, 1e-9);
        Assert.AreEqual(93.33, with.Percent, 1e-9);
        // WITHOUT: criterion 1 reads filesOnline through onlineShare → not applicable; 8 of 8 → 100 %
        Assert.IsFalse(without["1"].IsApplicable);
        Assert.AreEqual(8.0, without.MaxPoints, 1e-9);
        Assert.AreEqual(100.0, without.Percent, 1e-9);
        Assert.IsEmpty(report.RowErrors);
    }

    [TestMethod]
    public void ParentWithNoApplicableRegularChild_DoesNotApply()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" }, { "name": "x", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Districts only", "max": 2, "children": [
                { "code": "1.1", "title": "A", "max": 1, "appliesTo": "!isCommune", "formula": "x" },
                { "code": "1.2", "title": "B", "max": 1, "appliesTo": "!isCommune", "formula": "x" } ] },
              { "code": "2", "title": "Everyone", "max": 4, "formula": "x * 4" } ]
            """);

        var commune = rules.ScoreOne(new Dictionary<string, object?> { ["isCommune"] = true, ["x"] = 0.5 });

        // neither 1.1 nor 1.2 applies → area 1 does not apply, its max 2 leaves the total
        Assert.IsFalse(commune["1"].IsApplicable);
        Assert.AreEqual(0.0, commune["1"].MaxPoints, 1e-9);
        // total = area 2: 0.5 × 4 = 2 of 4 → 50 %
        Assert.AreEqual(4.0, commune.MaxPoints, 1e-9);
        Assert.AreEqual(50.0, commune.Percent, 1e-9);
    }

    [TestMethod]
    public void ParentNotApplicable_ItsChildrenDoNotApplyEither()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" }, { "name": "x", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Districts only", "max": 2, "appliesTo": "!isCommune", "children": [
                { "code": "1.1", "title": "A", "max": 1, "formula": "x" },
                { "code": "1.2", "title": "B", "max": 1, "formula": "x" } ] },
              { "code": "2", "title": "Everyone", "max": 1, "formula": "x" } ]
            """);

        var commune = rules.ScoreOne(new Dictionary<string, object?> { ["isCommune"] = true, ["x"] = 1.0 });

        // the parent's appliesTo is false → it and both children are left out; 1 of 1 → 100 %
        Assert.IsFalse(commune["1"].IsApplicable);
        Assert.IsFalse(commune["1.1"].IsApplicable);
        Assert.IsFalse(commune["1.2"].IsApplicable);
        Assert.AreEqual(0.0, commune["1.1"].Points, 1e-9);
        Assert.AreEqual(100.0, commune.Percent, 1e-9);
    }

    [TestMethod]
    public void ApplicableMax_IsTheSmallerOfMaxAndApplicableChildren_WhenChildrenOvershootTheParent()
    {
        // Children max 2 + 2 + 1 = 5 exceed the parent's max 3.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "skipSmall", "type": "bool" }, { "name": "skipBig", "type": "bool" } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 3, "children": [
                { "code": "1.1", "title": "Big", "max": 2, "formula": "2" },
                { "code": "1.2", "title": "Big too", "max": 2, "appliesTo": "!skipBig", "formula": "2" },
                { "code": "1.3", "title": "Small", "max": 1, "appliesTo": "!skipSmall", "formula": "1" } ] } ]
            """);

        var noSmall = rules.ScoreOne(new Dictionary<string, object?> { ["skipSmall"] = true, ["skipBig"] = false });
        var noBig = rules.ScoreOne(new Dictionary<string, object?> { ["skipSmall"] = false, ["skipBig"] = true });
        var onlyOne = rules.ScoreOne(new Dictionary<string, object?> { ["skipSmall"] = true, ["skipBig"] = true });

        // without 1.3: min(3, 2 + 2) = 3; points 2 + 2 = 4 → capped at 3
        Assert.AreEqual(3.0, noSmall["1"].MaxPoints, 1e-9);
        Assert.AreEqual(3.0, noSmall["1"].Points, 1e-9);
        // without 1.2: min(3, 2 + 1) = 3; points 2 + 1 = 3
        Assert.AreEqual(3.0, noBig["1"].MaxPoints, 1e-9);
        // only 1.1: min(3, 2) = 2; points 2 → 2 of 2
        Assert.AreEqual(2.0, onlyOne["1"].MaxPoints, 1e-9);
        Assert.AreEqual(2.0, onlyOne["1"].Points, 1e-9);
    }

    [TestMethod]
    public void BonusChild_OfAParentThatDoesNotApply_DoesNotApplyEither()
    {
        // docs/rule-files.md "Criteria that do not apply": a criterion does not apply when its parent
        // does not apply, and a parent whose regular children all do not apply does not apply.
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "1", "title": "Districts only", "max": 1, "children": [
                { "code": "1.1", "title": "A", "max": 1, "appliesTo": "!isCommune", "formula": "1" },
                { "code": "1.B", "title": "Bonus", "kind": "bonus", "max": 0.5, "formula": "0.5" } ] },
              { "code": "2", "title": "Everyone", "max": 1, "formula": "0.5" } ]
            """);

        var commune = rules.ScoreOne(new Dictionary<string, object?> { ["isCommune"] = true });

        // area 1 does not apply (1.1 is its only regular child) → total = area 2 only: 0.5 of 1 → 50 %
        Assert.IsFalse(commune["1"].IsApplicable);
        Assert.AreEqual(0.5, commune.Total, 1e-9);
        Assert.AreEqual(50.0, commune.Percent, 1e-9);
        // and so its bonus child does not apply: no points shown for it
        Assert.IsFalse(commune["1.B"].IsApplicable, "bonus child of a non-applicable parent is reported as applicable");
        Assert.AreEqual(0.0, commune["1.B"].Points, 1e-9);
    }

    [TestMethod]
    public void BonusUnderAParentThatLostApplicability_DoesNotRejectTheRowWhenItsFormulaGivesNoNumber()
    {
        // Area 1 = 1.1 (regular, only when "applies") + 1.2 (bonus, formula "x" with x missing: NaN).
        // With applies = false, 1.1 does not apply, so area 1 has no regular child and does not
        // apply, and its bonus goes with it: the bonus's NaN is no fault. The agency scores area 2
        // only: total 1 of max 1, 100%. (The row used to be rejected: "criterion 1.2 gave no number".)
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "applies", "type": "bool" }, { "name": "x", "type": "number", "missing": "allow" } ]""",
            criteria: """
            [ { "code": "1", "title": "A", "max": 1, "children": [
                { "code": "1.1", "title": "B", "max": 1, "appliesTo": "applies", "formula": "1" },
                { "code": "1.2", "title": "C", "kind": "bonus", "max": 1, "formula": "x" } ] },
              { "code": "2", "title": "D", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(
            ("OUT", new Dictionary<string, object?> { ["applies"] = false, ["x"] = null }),
            ("IN", new Dictionary<string, object?> { ["applies"] = true, ["x"] = null }));

        var outside = report.Find("OUT");
        Assert.IsNotNull(outside, string.Join("; ", report.RowErrors));
        Assert.AreEqual(1.0, outside.Total);
        Assert.AreEqual(1.0, outside.MaxPoints);
        Assert.AreEqual(100.0, outside.Percent);
        Assert.IsFalse(outside["1.2"].IsApplicable);
        // With applies = true the bonus applies and its NaN is a fault naming 1.2, as before.
        Assert.IsNull(report.Find("IN"));
        var rejected = report.RowErrors.Single(e => e.AgencyId == "IN");
        StringAssert.Contains(rejected.Message, "1.2");
    }
}
