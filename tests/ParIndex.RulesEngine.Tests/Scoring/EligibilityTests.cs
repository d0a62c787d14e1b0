using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>Eligibility rules: every condition must hold; failed conditions are named.</summary>
[TestClass]
public sealed class EligibilityTests
{
    private const string Classification = """
        [ { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 80 }, { "label": "Yếu", "minPercent": 0 } ]
        """;

    /// <summary>Area 1 (max 6) = 1.1 (max 4) + 1.2 (max 2); area 2 (max 4). Total max 10.</summary>
    private static CompiledRuleSet Rules(string conditions) => RuleSets.Load(
        inputs: """[ { "name": "a", "type": "number" }, { "name": "b", "type": "number" }, { "name": "c", "type": "number" } ]""",
        classification: Classification,
        eligibility: $$"""[ { "id": "award", "title": "Bằng khen", "conditions": {{conditions}} } ]""",
        criteria: """
        [ { "code": "1", "title": "Area 1", "max": 6, "children": [
            { "code": "1.1", "title": "A", "max": 4, "formula": "a" },
            { "code": "1.2", "title": "B", "max": 2, "formula": "b" } ] },
          { "code": "2", "title": "Area 2", "max": 4, "formula": "c" } ]
        """);

    private static (string, Dictionary<string, object?>) Row(string id, double a, double b, double c) =>
        (id, new Dictionary<string, object?> { ["a"] = a, ["b"] = b, ["c"] = c });

    private static EligibilityOutcome Award(ScoreReport report, string id) => report.Find(id)!.Eligibility.Single(e => e.Id == "award");

    [TestMethod]
    public void TotalAndPercent_AreUsable()
    {
        using var rules = Rules("""
            [ { "title": "Total ≥ 9", "when": "total >= 9" },
              { "title": "Index ≥ 90%", "when": "percent >= 90" },
              { "title": "Max is 10", "when": "maxPoints == 10" } ]
            """);

        var report = rules.ScoreRows(Row("HIGH", 4, 2, 3), Row("LOW", 4, 1.5, 3));

        // HIGH: 4 + 2 + 3 = 9 of 10 → 90 % → all hold
        Assert.IsTrue(Award(report, "HIGH").IsEligible);
        Assert.IsEmpty(Award(report, "HIGH").FailedConditions);
        // LOW: 4 + 1.5 + 3 = 8.5 → 85 % → total and percent fail, max holds
        CollectionAssert.AreEqual(new[] { "Total ≥ 9", "Index ≥ 90%" }, Award(report, "LOW").FailedConditions.ToArray());
        Assert.IsFalse(Award(report, "LOW").IsEligible);
    }

    [TestMethod]
    public void AgenciesWithTheSameOutcome_ShareItsImmutableLists_AndEachGetsItsOwnOutcome()
    {
        using var rules = Rules("""
            [ { "title": "Total ≥ 9", "when": "total >= 9" },
              { "title": "Area 2 full", "when": "c >= 4" } ]
            """);

        // A: 4 + 2 + 4 = 10 → both hold; B and C: 4 + 2 + 3 = 9 → total holds, c = 3 fails;
        // D: 4 + 1 + 3 = 8 → both fail.
        var report = rules.ScoreRows(Row("A", 4, 2, 4), Row("B", 4, 2, 3), Row("C", 4, 2, 3), Row("D", 4, 1, 3));
        var byId = report.Agencies.ToDictionary(a => a.AgencyId);

        Assert.IsTrue(byId["A"].Eligibility.Single().IsEligible);
        CollectionAssert.AreEqual(new[] { "Area 2 full" }, byId["B"].Eligibility.Single().FailedConditions.ToArray());
        CollectionAssert.AreEqual(new[] { "Area 2 full" }, byId["C"].Eligibility.Single().FailedConditions.ToArray());
        CollectionAssert.AreEqual(new[] { "Total ≥ 9", "Area 2 full" }, byId["D"].Eligibility.Single().FailedConditions.ToArray());
        // B and C failed the same condition: one list serves both, so neither it nor its failed
        // titles may be changed through a cast (that would change the other agency's result too).
        Assert.AreSame(byId["B"].Eligibility, byId["C"].Eligibility);
        Assert.AreNotSame(byId["B"].Eligibility, byId["D"].Eligibility);
        Assert.ThrowsExactly<NotSupportedException>(() => ((IList<EligibilityOutcome>)byId["B"].Eligibility).Clear());
        Assert.ThrowsExactly<NotSupportedException>(() => ((IList<string>)byId["B"].Eligibility[0].FailedConditions).Clear());
        // A look-up builds its agency afresh, with the same outcome.
        Assert.AreEqual(byId["C"].Eligibility[0].FailedConditions.Single(), report.Find("C")!.Eligibility[0].FailedConditions.Single());
    }

    [TestMethod]
    public void PercentCondition_UsesTheRoundedPercent()
    {
        // max 1.1 and 0.99 points: 100 × 0.99 / 1.1 = 89.99999999999999 in doubles, 90.00 rounded
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            eligibility: """[ { "id": "award", "title": "≥ 90", "conditions": [ { "title": "Index ≥ 90%", "when": "percent >= 90" } ] } ]""",
            criteria: """[ { "code": "1", "title": "R", "max": 1.1, "formula": "x" } ]""");

        var result = rules.ScoreOne(new Dictionary<string, object?> { ["x"] = 0.99 });

        // rounded percent 90.00 ≥ 90 → eligible
        Assert.IsTrue(result.Eligibility.Single().IsEligible);
    }

    [TestMethod]
    public void Rank_IsTheRankInTheGroup()
    {
        using var rules = Rules("""[ { "title": "Top 2", "when": "rank <= 2" }, { "title": "Overall top 2", "when": "overallRank <= 2" } ]""");

        var report = rules.ScoreRows(Row("A", 4, 2, 4), Row("B", 4, 2, 3), Row("C", 4, 2, 3), Row("D", 1, 1, 1));

        // A 100 % → 1; B, C 90 % → 2, 2; D 30 % → 4
        Assert.IsTrue(Award(report, "B").IsEligible);
        Assert.IsTrue(Award(report, "C").IsEligible);
        CollectionAssert.AreEqual(new[] { "Top 2", "Overall top 2" }, Award(report, "D").FailedConditions.ToArray());
    }

    [TestMethod]
    public void RankChange_HoldsWhenRisingEnough_AndIsFalseWithoutAPreviousRank()
    {
        using var rules = Rules("""[ { "title": "Rose by 2 or more", "when": "rankChange >= 2" } ]""");
        var previous = new PreviousRanks(new Dictionary<string, PreviousRank> { ["A"] = new(3, 3), ["B"] = new(1, 1) });

        var report = rules.ScoreRows(new ScoringOptions { Previous = previous },
            Row("A", 4, 2, 4), Row("B", 4, 2, 3), Row("NEW", 1, 1, 1));

        // A: 3 − 1 = 2 ≥ 2 → eligible
        Assert.IsTrue(Award(report, "A").IsEligible);
        // B: 1 − 2 = −1 → not
        Assert.IsFalse(Award(report, "B").IsEligible);
        // NEW: no previous rank → rankChange is NaN → NaN ≥ 2 is false
        Assert.IsFalse(Award(report, "NEW").IsEligible);
        CollectionAssert.AreEqual(new[] { "Rose by 2 or more" }, Award(report, "NEW").FailedConditions.ToArray());
    }

    [TestMethod]
    public void PointsOfACriterion_AreUsable()
    {
        using var rules = Rules("""[ { "title": "Area 1 at least 4.8", "when": "Points(\"1\") >= 4.8" } ]""");

        var report = rules.ScoreRows(Row("OK", 3, 2, 0), Row("SHORT", 2.5, 2, 4));

        // OK: area 1 = 3 + 2 = 5 ≥ 4.8 → eligible (even with area 2 at 0)
        Assert.IsTrue(Award(report, "OK").IsEligible);
        // SHORT: 2.5 + 2 = 4.5 < 4.8 → not eligible (although its total, 8.5, is higher)
        Assert.IsFalse(Award(report, "SHORT").IsEligible);
        CollectionAssert.AreEqual(new[] { "Area 1 at least 4.8" }, Award(report, "SHORT").FailedConditions.ToArray());
    }

    [TestMethod]
    public void PointsAgainstMaxPoints_AsInTheDocumentedExample()
    {
        // docs/rule-files.md, Eligibility: "Points(\"3\") >= 0.8 * MaxPoints(\"3\")"
        using var rules = Rules("""[ { "title": "Area 1 at least 80%", "when": "Points(\"1\") >= 0.8 * MaxPoints(\"1\")" } ]""");

        var report = rules.ScoreRows(Row("OK", 3, 2, 0), Row("SHORT", 2.5, 2, 4));

        // OK: 3 + 2 = 5 ≥ 0.8 × 6 = 4.8 → eligible; SHORT: 4.5 < 4.8 → not
        Assert.IsTrue(Award(report, "OK").IsEligible);
        Assert.IsFalse(Award(report, "SHORT").IsEligible);
    }

    [TestMethod]
    public void MaxPoints_IsTheApplicableMax()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "small", "type": "bool" } ]""",
            eligibility: """[ { "id": "award", "title": "T", "conditions": [ { "title": "Area max 4", "when": "MaxPoints(\"1\") == 4" } ] } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 6, "children": [
                { "code": "1.1", "title": "A", "max": 4, "formula": "4" },
                { "code": "1.2", "title": "B", "max": 2, "appliesTo": "!small", "formula": "2" } ] } ]
            """);

        var report = rules.ScoreRows(
            ("SMALL", new Dictionary<string, object?> { ["small"] = true }),
            ("FULL", new Dictionary<string, object?> { ["small"] = false }));

        // SMALL: 1.2 left out → applicable max min(6, 4) = 4 → holds; FULL: 6 → fails
        Assert.IsTrue(report.Find("SMALL")!.Eligibility.Single().IsEligible);
        Assert.IsFalse(report.Find("FULL")!.Eligibility.Single().IsEligible);
    }

    [TestMethod]
    public void Classification_CanBeCompared()
    {
        using var rules = Rules("""[ { "title": "Classified Tốt", "when": "classification == \"Tốt\"" } ]""");

        var report = rules.ScoreRows(Row("GOOD", 4, 2, 3.5), Row("FAIR", 4, 2, 2.5));

        // GOOD: 9.5 of 10 → 95 % → "Tốt" → eligible; FAIR: 8.5 → 85 % → "Khá" → not
        Assert.AreEqual("Tốt", report.Find("GOOD")!.Classification);
        Assert.IsTrue(Award(report, "GOOD").IsEligible);
        Assert.AreEqual("Khá", report.Find("FAIR")!.Classification);
        Assert.IsFalse(Award(report, "FAIR").IsEligible);
    }

    [TestMethod]
    public void FailedConditions_ListEveryFailingTitle_InDeclarationOrder()
    {
        using var rules = Rules("""
            [ { "title": "Index ≥ 95%", "when": "percent >= 95" },
              { "title": "Area 2 full", "when": "Points(\"2\") == 4" },
              { "title": "First in group", "when": "rank == 1" },
              { "title": "Criterion 1.1 above 3", "when": "Points(\"1.1\") > 3" } ]
            """);

        var report = rules.ScoreRows(Row("A", 2, 2, 4), Row("B", 3.5, 2, 2));

        // B: 3.5 + 2 + 2 = 7.5 → 75 % (< 95); area 2 = 2 ≠ 4; A has 8 → 80 % so B is 2nd; 1.1 = 3.5 > 3 holds
        CollectionAssert.AreEqual(new[] { "Index ≥ 95%", "Area 2 full", "First in group" }, Award(report, "B").FailedConditions.ToArray());
        // A: 2 + 2 + 4 = 8 → 80 % (< 95); area 2 full holds; rank 1 holds; 1.1 = 2 fails
        CollectionAssert.AreEqual(new[] { "Index ≥ 95%", "Criterion 1.1 above 3" }, Award(report, "A").FailedConditions.ToArray());
    }
}
