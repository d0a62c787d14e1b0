using System.Globalization;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Explanations read what the kernel recorded while scoring: a reason per criterion that does not
/// apply, and the values bands and proportional leaves compared. Every rule set here is built by
/// hand so the expected reason and numbers follow from the rules alone (docs/rule-files.md,
/// "Criteria that do not apply").
/// </summary>
[TestClass]
public sealed class ExplanationFactsTests
{
    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    [TestMethod]
    public void Reason_ConditionFalse_WhenAppliesToIsFalse()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "1", "title": "Districts only", "max": 1, "appliesTo": "!isCommune", "formula": "1" },
              { "code": "2", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var explanation = rules.ScoreRows(("A", Values(("isCommune", true)))).Explain("A", "1");

        // isCommune = true → !isCommune is false → criterion 1 does not apply
        Assert.AreEqual(NotApplicableReason.ConditionFalse, explanation.NotApplicableReason);
        Assert.IsNull(explanation.MissingInput);
        Assert.AreEqual("its condition is false: !isCommune", explanation.NotApplicableText);
    }

    [TestMethod]
    public void Reason_ParentNotApplicable_ComesBeforeTheChildsOwnCondition()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "4", "title": "Districts only", "max": 2, "appliesTo": "!isCommune", "children": [
                { "code": "4.1", "title": "Plain child", "max": 1, "formula": "1" },
                { "code": "4.2", "title": "Child with a false condition too", "max": 1, "appliesTo": "!isCommune", "formula": "1" } ] },
              { "code": "5", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(("A", Values(("isCommune", true))));

        // 4 fails its own condition; 4.1 and 4.2 are evaluated under a parent that does not apply,
        // and the parent is the first reason the kernel meets (4.2's own condition is false too)
        Assert.AreEqual(NotApplicableReason.ConditionFalse, report.Explain("A", "4").NotApplicableReason);
        Assert.AreEqual(NotApplicableReason.ParentNotApplicable, report.Explain("A", "4.1").NotApplicableReason);
        Assert.AreEqual(NotApplicableReason.ParentNotApplicable, report.Explain("A", "4.2").NotApplicableReason);
        Assert.AreEqual("its parent 4 does not apply", report.Explain("A", "4.2").NotApplicableText);
    }

    [TestMethod]
    public void Reason_MissingInput_NamesTheInputThatIsMissing()
    {
        using var rules = RuleSets.Load(
            inputs: """
            [ { "name": "audits", "type": "number", "missing": "notApplicable" },
              { "name": "followUps", "type": "number", "missing": "notApplicable" },
              { "name": "x", "type": "number" } ]
            """,
            variables: """[ { "name": "followUpShare", "formula": "followUps / audits" } ]""",
            criteria: """
            [ { "code": "1", "title": "Follow-up through a variable", "max": 1, "formula": "followUpShare" },
              { "code": "2", "title": "Other", "max": 1, "formula": "x" } ]
            """);

        var report = rules.ScoreRows(
            ("onlyFollowUpsMissing", Values(("audits", 4.0), ("x", 1.0))),
            ("bothMissing", Values(("x", 1.0))));

        // criterion 1 reads followUpShare, which reads followUps and audits (both notApplicable).
        // Only followUps is missing: that is the input named, not the first one declared.
        var one = report.Explain("onlyFollowUpsMissing", "1");
        Assert.AreEqual(NotApplicableReason.MissingInput, one.NotApplicableReason);
        Assert.AreEqual("followUps", one.MissingInput);
        Assert.AreEqual("input followUps is missing (policy notApplicable)", one.NotApplicableText);
        // both missing: the kernel tests the inputs in name order, so "audits" is met first
        var both = report.Explain("bothMissing", "1");
        Assert.AreEqual(NotApplicableReason.MissingInput, both.NotApplicableReason);
        Assert.AreEqual("audits", both.MissingInput);
    }

    /// <summary>
    /// Missing-input codes are negative numbers in the generated C#; under sv-SE .NET writes a
    /// negative number with U+2212 ("−2"), which is not C#, so the generator writes them invariant.
    /// </summary>
    [TestMethod]
    public void Reason_MissingInput_IsRecorded_WhenTheKernelIsGeneratedUnderACultureWithAnotherMinusSign()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
            using var rules = RuleSets.Load(
                inputs: """[ { "name": "x", "type": "number" }, { "name": "swedishMinus", "type": "number", "missing": "notApplicable" } ]""",
                criteria: """
                [ { "code": "1", "title": "Reads the optional input", "max": 1, "formula": "swedishMinus" },
                  { "code": "2", "title": "Other", "max": 1, "formula": "x" } ]
                """);

            var explanation = rules.ScoreRows(("A", Values(("x", 1.0)))).Explain("A", "1");

            // swedishMinus is input index 1 → code −2 in the kernel
            Assert.AreEqual(NotApplicableReason.MissingInput, explanation.NotApplicableReason);
            Assert.AreEqual("swedishMinus", explanation.MissingInput);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void Reason_NoRegularChildApplies_ForAParentWhoseChildrenAllDropOut()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "4", "title": "Area", "max": 1, "children": [
                { "code": "4.1", "title": "Child", "max": 1, "appliesTo": "!isCommune", "formula": "1" } ] },
              { "code": "5", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(("A", Values(("isCommune", true))));

        Assert.AreEqual(NotApplicableReason.NoRegularChildApplies, report.Explain("A", "4").NotApplicableReason);
        Assert.AreEqual("none of its regular children applies", report.Explain("A", "4").NotApplicableText);
        // the child keeps its own reason: it was evaluated while its parent still applied
        Assert.AreEqual(NotApplicableReason.ConditionFalse, report.Explain("A", "4.1").NotApplicableReason);
    }

    /// <summary>
    /// The reported bug: a bonus under a parent that lost applicability was explained as "none of
    /// its regular children applies", which is the parent's reason, not the bonus's.
    /// </summary>
    [TestMethod]
    public void Reason_BonusAndPenaltyUnderAParentThatLostApplicability_IsTheCascade()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "Districts only", "max": 2, "appliesTo": "!isCommune", "formula": "1" },
                { "code": "1.B", "title": "Bonus", "kind": "bonus", "max": 1, "children": [
                  { "code": "1.B.1", "title": "Under the bonus", "max": 1, "formula": "1" } ] },
                { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "0.5" } ] },
              { "code": "2", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(("A", Values(("isCommune", true))));

        // 1.1 does not apply (its condition), so 1 has no regular child that applies; its bonus
        // 1.B, the criterion 1.B.1 below it and its penalty 1.P go with it
        Assert.AreEqual(NotApplicableReason.NoRegularChildApplies, report.Explain("A", "1").NotApplicableReason);
        var bonus = report.Explain("A", "1.B");
        Assert.AreEqual(NotApplicableReason.BonusOrPenaltyParentNotApplicable, bonus.NotApplicableReason);
        Assert.AreEqual("it is a bonus of 1, which does not apply (none of its regular children applies)", bonus.NotApplicableText);
        Assert.IsFalse(bonus.IsApplicable);
        Assert.AreEqual(0.0, bonus.Points);
        var below = report.Explain("A", "1.B.1");
        Assert.AreEqual(NotApplicableReason.BonusOrPenaltyParentNotApplicable, below.NotApplicableReason);
        Assert.AreEqual("it is under bonus 1.B of 1, which does not apply (none of its regular children applies)", below.NotApplicableText);
        var penalty = report.Explain("A", "1.P");
        Assert.AreEqual(NotApplicableReason.BonusOrPenaltyParentNotApplicable, penalty.NotApplicableReason);
        Assert.AreEqual("it is a penalty of 1, which does not apply (none of its regular children applies)", penalty.NotApplicableText);
    }

    [TestMethod]
    public void ApplicableCriterion_HasNoReason()
    {
        using var rules = RuleSets.Load(criteria: """[ { "code": "1", "title": "Always", "max": 1, "formula": "1" } ]""");

        var explanation = rules.ScoreRows(("A", RuleSets.NoValues())).Explain("A", "1");

        Assert.IsTrue(explanation.IsApplicable);
        Assert.IsNull(explanation.NotApplicableReason);
        Assert.IsNull(explanation.MissingInput);
        Assert.IsNull(explanation.NotApplicableText);
    }

    [TestMethod]
    public void ComparedValue_OfBands_IsTheOfValue_EvenForAnExpression()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "online", "type": "number" }, { "name": "received", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Online share", "max": 1,
                "bands": { "of": "online / received", "steps": [
                  { "atLeast": 0.7, "points": 1, "label": "Đạt" },
                  { "atLeast": 0.5, "points": 0.5, "label": "Gần đạt" } ] } } ]
            """);

        var report = rules.ScoreRows(("A", Values(("online", 3.0), ("received", 5.0))));

        // of = 3 / 5 = 0.6: 0.6 < 0.7, 0.6 ≥ 0.5 → step 2, 0.5 points
        var explanation = report.Explain("A", "1");
        Assert.AreEqual(0.6, explanation.ComparedValue!.Value, 1e-12);
        Assert.IsNull(explanation.Target);
        Assert.AreEqual(0.5, explanation.Points, 1e-9);
        // Compare reads the same recorded value (it used to know only plain names and literals)
        var comparison = report.Compare("A", "1");
        Assert.AreEqual(0.6, comparison.Value!.Value, 1e-12);
        Assert.AreEqual("≥ 0.7", comparison.Target);
        Assert.AreEqual("Gần đạt", comparison.Verdict);
    }

    [TestMethod]
    public void ComparedValue_OfProportional_IsTheValueAndTheTarget()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" }, { "name": "t", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Proportional", "max": 1,
                "proportional": { "value": "x * 2", "target": "t + 0.05" } } ]
            """);

        var report = rules.ScoreRows(("A", Values(("x", 0.1), ("t", 0.2))));

        // value = 0.1 × 2 = 0.2, target = 0.2 + 0.05 = 0.25; 0.2 < 0.25 → 1 × 0.2 / 0.25 = 0.8
        var explanation = report.Explain("A", "1");
        Assert.AreEqual(0.2, explanation.ComparedValue!.Value, 1e-12);
        Assert.AreEqual(0.25, explanation.Target!.Value, 1e-12);
        Assert.AreEqual(0.8, explanation.Points, 1e-9);
        var comparison = report.Compare("A", "1");
        Assert.AreEqual(0.2, comparison.Value!.Value, 1e-12);
        Assert.AreEqual("≥ 0.25", comparison.Target);
    }

    [TestMethod]
    public void ComparedValue_IsNull_ForBandsWithoutOf_AndOtherForms_ButKnownWhenNotApplicable()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" }, { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "1", "title": "When steps", "max": 1, "bands": { "steps": [ { "when": "x > 1", "points": 1 } ] } },
              { "code": "2", "title": "Formula", "max": 1, "formula": "x" },
              { "code": "3", "title": "Proportional, districts only", "max": 1, "appliesTo": "!isCommune",
                "proportional": { "value": "x", "target": 4 } } ]
            """);

        var report = rules.ScoreRows(("A", Values(("x", 2.0), ("isCommune", true))));

        Assert.IsNull(report.Explain("A", "1").ComparedValue);
        Assert.IsNull(report.Explain("A", "2").ComparedValue);
        // 3 does not apply (isCommune), yet the value it would compare is recorded: x = 2, target 4
        var notApplicable = report.Explain("A", "3");
        Assert.IsFalse(notApplicable.IsApplicable);
        Assert.AreEqual(2.0, notApplicable.ComparedValue!.Value, 1e-12);
        Assert.AreEqual(4.0, notApplicable.Target!.Value, 1e-12);
        var comparison = report.Compare("A", "3");
        Assert.AreEqual(2.0, comparison.Value!.Value, 1e-12);
        Assert.AreEqual("≥ 4", comparison.Target);
        Assert.IsNull(comparison.Verdict);
    }

    [TestMethod]
    public void ComparedValue_IsNaN_WhenItReadsAMissingInput_NotTheDefaultOfTheType()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "done", "type": "bool", "missing": "notApplicable" }, { "name": "x", "type": "number" } ]""",
            variables: """[ { "name": "donePct", "formula": "done ? 100 : 0" } ]""",
            criteria: """
            [ { "code": "1", "title": "Deliverable", "max": 1,
                "bands": { "of": "donePct", "steps": [ { "atLeast": 100, "points": 1, "label": "Đạt" } ] } },
              { "code": "2", "title": "Other", "max": 1, "formula": "x" } ]
            """);

        var report = rules.ScoreRows(("missing", Values(("x", 1.0))), ("done", Values(("done", true), ("x", 1.0))));

        // done is missing: criterion 1 does not apply, and a missing bool must not show as 0 (false)
        var missing = report.Explain("missing", "1");
        Assert.AreEqual(NotApplicableReason.MissingInput, missing.NotApplicableReason);
        Assert.IsTrue(double.IsNaN(missing.ComparedValue!.Value));
        Assert.IsNull(report.Compare("missing", "1").Value);
        // done = true → donePct = 100 ≥ 100 → Đạt
        Assert.AreEqual(100.0, report.Explain("done", "1").ComparedValue!.Value, 1e-12);
        Assert.AreEqual("Đạt", report.Compare("done", "1").Verdict);
    }

    /// <summary>
    /// The reported bug: under a vi-VN current culture the values were written with a dot and the
    /// points line with a comma ("x = 1.25" … "points: 1,25 before cap"). Without a culture every
    /// number is invariant, whatever the current culture.
    /// </summary>
    [TestMethod]
    public void Explanation_UnderViVnCurrentCulture_WritesEveryNumberInvariant()
    {
        using var rules = BandRules();
        var report = rules.ScoreRows(("A", Values(("x", 1.25))));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");

            // x = 1.25: 1.25 < 1.5, 1.25 ≥ 0.5 → step 2, 1.25 points of 2
            Assert.AreEqual(Lines(
                "1.1 Band — agency A",
                "  scoring: bands: 1) x ≥ 1.5 → 2; 2) x ≥ 0.5 → 1.25; otherwise 0",
                "  x = 1.25",
                "  compared value: 1.25",
                "  matched band: 2: x ≥ 0.5 → 1.25",
                "  points: 1.25 before cap → 1.25 of 2 (declared max 2)"), report.Explain("A", "1.1").ToString());
            Assert.AreEqual(Lines(
                "1 Area — agency A",
                "  scoring: sum of children: sum of children (bonus added, penalties subtracted), capped at the applicable max",
                "  1.1 Band: 1.25 / 2",
                "  points: 1.25 before cap → 1.25 of 2 (declared max 2)"), report.Explain("A", "1").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void Explanation_WithACulture_WritesEveryNumberInThatCulture()
    {
        using var rules = BandRules();
        var report = rules.ScoreRows(("A", Values(("x", 1.25))));
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");

        var explanation = report.Explain("A", "1.1", vietnamese);

        Assert.AreEqual(vietnamese, explanation.Culture);
        Assert.AreEqual(Lines(
            "1.1 Band — agency A",
            "  scoring: bands: 1) x ≥ 1,5 → 2; 2) x ≥ 0,5 → 1,25; otherwise 0",
            "  x = 1,25",
            "  compared value: 1,25",
            "  matched band: 2: x ≥ 0,5 → 1,25",
            "  points: 1,25 before cap → 1,25 of 2 (declared max 2)"), explanation.ToString());
        Assert.AreEqual("≥ 1,5", report.Compare("A", "1.1", vietnamese).Target);
        var all = report.ExplainAll("A", vietnamese);
        Assert.IsTrue(all.All(e => Equals(e.Culture, vietnamese)));
        StringAssert.Contains(all[0].ToString(), "  1.1 Band: 1,25 / 2");
    }

    [TestMethod]
    public void Explanation_NeverWritesMinusZero()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "F", "max": 1, "formula": "x" } ]""");
        var report = rules.ScoreRows(("tiny", Values(("x", -0.0000001))), ("negativeZero", Values(("x", -0.0))));

        // -0.0000001 shows as 0 at six decimals, and -0.0 is zero: both without a sign; the points
        // are clamped to [0, 1] → 0
        foreach (var id in new[] { "tiny", "negativeZero" })
            Assert.AreEqual(Lines(
                $"1 F — agency {id}",
                "  scoring: formula: x",
                "  x = 0",
                "  points: 0 before cap → 0 of 1 (declared max 1)"), report.Explain(id, "1").ToString(), id);
        Assert.AreEqual("0", report.Explain("tiny", "1", CultureInfo.GetCultureInfo("vi-VN")).Values[0].Format(CultureInfo.GetCultureInfo("vi-VN")));
    }

    [TestMethod]
    public void Facts_AreAllocatedOnlyForTheDetailStage()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "Bands", "max": 1, "bands": { "of": "x", "steps": [ { "atLeast": 1, "points": 1 } ] } },
                { "code": "1.2", "title": "Proportional", "max": 1, "proportional": { "value": "x", "target": 2 } } ] } ]
            """);
        var batch = rules.CreateBatch();
        batch.Add("A", Values(("x", 1.0)));
        var data = batch.Build();

        var detail = Scorer.NewFrame(rules.Bound, data, detail: true);
        var totals = Scorer.NewFrame(rules.Bound, data, detail: false);

        // 3 criteria → 3 reason columns of shorts; bands with of → 1 column, proportional → 2
        Assert.HasCount(3, detail.NotApplicable);
        Assert.HasCount(1, detail.NotApplicable[0]);
        Assert.HasCount(3, detail.Compared);
        Assert.IsEmpty(totals.NotApplicable);
        Assert.IsEmpty(totals.Compared);
    }

    [TestMethod]
    public void MissingInputCodes_CarryTheInputIndex_UpToTheirRange()
    {
        Assert.AreEqual((short)-1, NotApplicableCodes.MissingInput(0));
        Assert.AreEqual(0, NotApplicableCodes.MissingInputIndex(NotApplicableCodes.MissingInput(0)));
        Assert.AreEqual(32766, NotApplicableCodes.MissingInputIndex(NotApplicableCodes.MissingInput(32766)));
        // 32,767 and beyond share one code that names no index
        Assert.AreEqual(short.MinValue, NotApplicableCodes.MissingInput(32767));
        Assert.AreEqual(-1, NotApplicableCodes.MissingInputIndex(NotApplicableCodes.MissingInput(40000)));
        Assert.AreEqual(-1, NotApplicableCodes.MissingInputIndex(NotApplicableCodes.ConditionFalse));
    }

    private static CompiledRuleSet BandRules() => RuleSets.Load(
        inputs: """[ { "name": "x", "type": "number" } ]""",
        criteria: """
        [ { "code": "1", "title": "Area", "max": 2, "children": [
            { "code": "1.1", "title": "Band", "max": 2,
              "bands": { "of": "x", "steps": [ { "atLeast": 1.5, "points": 2 }, { "atLeast": 0.5, "points": 1.25 } ] } } ] } ]
        """);

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);
}
