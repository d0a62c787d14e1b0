namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// The reference interpreter on the worked examples of docs/rule-files.md, so the oracle itself
/// is checked against the docs and not only against the engine.
/// </summary>
[TestClass]
public sealed class ReferenceInterpreterTests
{
    private static OracleAgencyResult ScoreOne(string json, Dictionary<string, object?> values) =>
        new ReferenceInterpreter(OracleRuleSet.Parse(json)).Score([("A", values)])[0];

    [TestMethod]
    public void AreaSeven_ForACommune_LeavesOut76_AndTheMaxDropsToTwo()
    {
        // The docs' example: area 7 (max 3) = 7.1 (0.5) + 7.6 (1, not for communes) + 7.7 (1.5).
        // For a commune 7.6 does not apply: applicable max min(3, 0.5 + 1.5) = 2, all points 2 of 2.
        var result = ScoreOne("""
            { "inputs": [ { "name": "agencyType", "type": "enum", "values": ["so", "huyen", "xa"] },
                          { "name": "arch", "type": "bool" }, { "name": "online", "type": "number" }, { "name": "other", "type": "number" } ],
              "criteria": [ { "code": "7", "max": 3, "children": [
                { "code": "7.1", "max": 0.5, "yesNo": "arch" },
                { "code": "7.6", "max": 1, "appliesTo": "agencyType != \"xa\"", "proportional": { "value": "online", "target": 0.25 } },
                { "code": "7.7", "max": 1.5, "formula": "other" } ] } ] }
            """, new() { ["agencyType"] = "xa", ["arch"] = true, ["online"] = 0.1, ["other"] = 1.5 });

        Assert.IsFalse(result.Criteria["7.6"].Applies);
        Assert.AreEqual(OracleCauseKind.AppliesToFalse, result.Criteria["7.6"].Causes.Single().Kind);
        Assert.AreEqual(2.0, result.Criteria["7"].ApplicableMax);
        Assert.AreEqual(2.0, result.Total);
        Assert.AreEqual(2.0, result.MaxPoints);
        Assert.AreEqual(100.0, result.Percent);
    }

    [TestMethod]
    public void TrainingPlan_0747_Of09_Gives083_AndHalvesRoundAwayFromZero()
    {
        // 1 × 0.747 ÷ 0.9 = 0.83 (docs); 2.675 stored as 2.67499999… rounds to 2.68 at precision 2.
        var result = ScoreOne("""
            { "inputs": [ { "name": "plan", "type": "number" }, { "name": "x", "type": "number" } ],
              "criteria": [ { "code": "5.3", "max": 1, "proportional": { "value": "plan", "target": 0.9 } },
                            { "code": "9", "max": 5, "formula": "x" } ] }
            """, new() { ["plan"] = 0.747, ["x"] = 2.675 });

        Assert.AreEqual(0.83, result.Criteria["5.3"].Points);
        Assert.AreEqual(2.68, result.Criteria["9"].Points);
        Assert.AreEqual(3.51, result.Total);
    }

    [TestMethod]
    public void BandOverAMissingValue_MatchesNoStep_AndPlusInfinityMatchesAtLeast()
    {
        // R2: NaN matches no step (0 points, no fault); +∞ (1/0) matches "atLeast 25".
        const string json = """
            { "inputs": [ { "name": "share", "type": "number", "missing": "allow" }, { "name": "d", "type": "number" } ],
              "criteria": [ { "code": "1", "max": 1, "bands": { "of": "share", "steps": [ { "atLeast": 25, "points": 1 }, { "below": 25, "points": 0.5 } ] } },
                            { "code": "2", "max": 1, "bands": { "of": "1 / d", "steps": [ { "atLeast": 25, "points": 1 } ] } } ] }
            """;
        var result = ScoreOne(json, new() { ["share"] = null, ["d"] = 0.0 });

        Assert.IsNull(result.Rejection);
        Assert.AreEqual(0.0, result.Criteria["1"].Points);
        Assert.AreEqual(1.0, result.Criteria["2"].Points);
    }

    [TestMethod]
    public void BonusUnderAParentWithoutRegularChildren_DoesNotApply_AndCannotFault()
    {
        // 1.1 does not apply, so 1 does not apply (no regular child) and takes its bonus 1.2 with it:
        // the bonus's NaN is no fault; total 1 of 1 from criterion 2.
        var result = ScoreOne("""
            { "inputs": [ { "name": "applies", "type": "bool" }, { "name": "x", "type": "number", "missing": "allow" } ],
              "criteria": [ { "code": "1", "max": 1, "children": [
                  { "code": "1.1", "max": 1, "appliesTo": "applies", "formula": "1" },
                  { "code": "1.2", "kind": "bonus", "max": 1, "formula": "x" } ] },
                { "code": "2", "max": 1, "formula": "1" } ] }
            """, new() { ["applies"] = false, ["x"] = null });

        Assert.IsNull(result.Rejection);
        Assert.AreEqual(OracleCauseKind.NoRegularChild, result.Criteria["1"].Causes.Single().Kind);
        Assert.AreEqual(new OracleCause(OracleCauseKind.ParentNotApplicable, "1"), result.Criteria["1.2"].Causes.Single());
        Assert.AreEqual(1.0, result.Total);
        Assert.AreEqual(100.0, result.Percent);
    }

    [TestMethod]
    public void Ties_ShareARank_AndTheNextRankSkips()
    {
        // 95.2, 93.1, 93.1, 90 → 1, 2, 2, 4 (docs, competition ranking).
        var rules = new ReferenceInterpreter(OracleRuleSet.Parse("""
            { "inputs": [ { "name": "x", "type": "number" } ], "criteria": [ { "code": "1", "max": 100, "formula": "x" } ] }
            """));
        var results = rules.Score([("a", V(95.2)), ("b", V(93.1)), ("c", V(93.1)), ("d", V(90))]);

        CollectionAssert.AreEqual(new[] { 1, 2, 2, 4 }, results.Select(r => r.OverallRank).ToArray());
        static Dictionary<string, object?> V(double x) => new() { ["x"] = x };
    }

    [TestMethod]
    public void MinAndMax_PropagateNaN_WhateverTheOrder()
    {
        // R7: Min(x, 1) and Min(1, x) are both NaN when x is missing, so the formula faults.
        var result = ScoreOne("""
            { "inputs": [ { "name": "x", "type": "number", "missing": "allow" } ],
              "criteria": [ { "code": "1", "max": 1, "formula": "Min(1, x)" }, { "code": "2", "max": 1, "formula": "Max(x, 0)" } ] }
            """, new() { ["x"] = null });

        CollectionAssert.AreEqual(new[] { "1", "2" }, result.FaultedCriteria);
    }
}
