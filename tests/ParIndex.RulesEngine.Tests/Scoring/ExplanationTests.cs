using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>ScoreReport.Explain: values read, points before and after caps, why a criterion does not apply.</summary>
[TestClass]
public sealed class ExplanationTests
{
    [TestMethod]
    public void Values_IncludeTheVariableAndTheInputsBehindIt()
    {
        using var rules = RuleSets.Load(
            inputs: """
            [ { "name": "filesOnline", "title": "Hồ sơ trực tuyến", "type": "number" },
              { "name": "filesReceived", "title": "Hồ sơ tiếp nhận", "type": "number" },
              { "name": "unused", "type": "number" } ]
            """,
            variables: """[ { "name": "onlineShare", "title": "Tỷ lệ trực tuyến", "formula": "Ratio(filesOnline, filesReceived)" } ]""",
            criteria: """[ { "code": "7.6", "title": "Online", "max": 1, "proportional": { "value": "onlineShare", "target": 0.25 } } ]""");

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["filesOnline"] = 30.0, ["filesReceived"] = 200.0, ["unused"] = 1.0 }));
        var explanation = report.Explain("A", "7.6");

        var values = explanation.Values.ToDictionary(v => v.Name);
        // onlineShare = 30 / 200 = 0.15, read directly; both inputs behind it are listed too
        Assert.AreEqual("variable", values["onlineShare"].Kind);
        Assert.AreEqual(0.15, (double)values["onlineShare"].Value!, 1e-12);
        Assert.AreEqual("input", values["filesOnline"].Kind);
        Assert.AreEqual(30.0, (double)values["filesOnline"].Value!, 1e-12);
        Assert.AreEqual("Hồ sơ tiếp nhận", values["filesReceived"].Title);
        Assert.AreEqual(200.0, (double)values["filesReceived"].Value!, 1e-12);
        // an input the criterion does not read is not listed
        Assert.IsFalse(values.ContainsKey("unused"));
        // 0.15 / 0.25 = 0.6 → 0.6 × 1 = 0.6
        Assert.AreEqual(0.6, explanation.Points, 1e-9);
        Assert.AreEqual("proportional", explanation.ScoringForm);
    }

    [TestMethod]
    public void Leaf_PointsBeforeCap_DiffersFromPoints_WhenCapped()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "F", "max": 2, "formula": "x * 1.5" } ]""");

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["x"] = 3.0 }));
        var explanation = report.Explain("A", "1");

        // 3 × 1.5 = 4.5 before the cap → max 2 after
        Assert.AreEqual(4.5, explanation.PointsBeforeCap, 1e-9);
        Assert.AreEqual(2.0, explanation.Points, 1e-9);
        Assert.AreEqual(2.0, explanation.ApplicableMaxPoints, 1e-9);
        Assert.AreEqual("x * 1.5", explanation.Rule);
    }

    [TestMethod]
    public void Parent_PointsBeforeCap_IsTheSumOfChildren_WithPenaltiesSubtracted()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "A", "max": 1, "formula": "1" },
                { "code": "1.2", "title": "B", "max": 1, "formula": "0.75" },
                { "code": "1.B", "title": "Bonus", "kind": "bonus", "max": 1, "formula": "x" },
                { "code": "1.P", "title": "Penalty", "kind": "penalty", "max": 1, "formula": "0.25" } ] } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["x"] = 1.0 }));
        var explanation = report.Explain("A", "1");

        // 1 + 0.75 + 1 − 0.25 = 2.5 before the cap → 2 after (parent max 2)
        Assert.AreEqual(2.5, explanation.PointsBeforeCap, 1e-9);
        Assert.AreEqual(2.0, explanation.Points, 1e-9);
        Assert.AreEqual("sum of children", explanation.ScoringForm);
        CollectionAssert.AreEqual(new[] { "1.1", "1.2", "1.B", "1.P" }, explanation.Children.Select(c => c.Code).ToArray());
    }

    [TestMethod]
    public void NotApplicableReason_NamesTheFalseCondition()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "agencyType", "type": "enum", "values": ["huyen", "xa"] } ]""",
            criteria: """
            [ { "code": "1", "title": "Area", "max": 2, "children": [
                { "code": "1.1", "title": "All", "max": 1, "formula": "1" },
                { "code": "1.2", "title": "Not communes", "max": 1, "appliesTo": "agencyType != \"xa\"", "formula": "1" } ] } ]
            """);

        var report = rules.ScoreRows(("X", new Dictionary<string, object?> { ["agencyType"] = "xa" }));
        var explanation = report.Explain("X", "1.2");

        Assert.IsFalse(explanation.IsApplicable);
        Assert.AreEqual(0.0, explanation.ApplicableMaxPoints, 1e-9);
        Assert.IsNotNull(explanation.NotApplicableText);
        StringAssert.Contains(explanation.NotApplicableText, "agencyType != \"xa\"");
        // the declared max is still shown
        Assert.AreEqual(1.0, explanation.DeclaredMaxPoints, 1e-9);
    }

    [TestMethod]
    public void NotApplicableReason_NamesTheMissingInput()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "auditFollowUp", "type": "number", "missing": "notApplicable" }, { "name": "x", "type": "number" } ]""",
            variables: """[ { "name": "followUpShare", "formula": "auditFollowUp / 10" } ]""",
            criteria: """
            [ { "code": "1", "title": "Audit", "max": 1, "formula": "followUpShare" },
              { "code": "2", "title": "Other", "max": 1, "formula": "x" } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["x"] = 1.0 }));
        var explanation = report.Explain("A", "1");

        Assert.IsFalse(explanation.IsApplicable);
        StringAssert.Contains(explanation.NotApplicableText, "auditFollowUp");
        StringAssert.Contains(explanation.NotApplicableText, "missing");
        // the missing input is shown as missing among the values read
        Assert.AreEqual("missing", explanation.Values.Single(v => v.Name == "auditFollowUp").Display);
    }

    [TestMethod]
    public void NotApplicableReason_NamesTheParent_ForAChildOfANonApplicableParent()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "4", "title": "Districts only", "max": 1, "appliesTo": "!isCommune", "children": [
                { "code": "4.1", "title": "Child", "max": 1, "formula": "1" } ] },
              { "code": "5", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["isCommune"] = true }));

        StringAssert.Contains(report.Explain("A", "4.1").NotApplicableText, "parent 4");
        StringAssert.Contains(report.Explain("A", "4").NotApplicableText, "!isCommune");
    }

    [TestMethod]
    public void NotApplicableReason_ForAParentWhoseChildrenAllDropOut()
    {
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "isCommune", "type": "bool" } ]""",
            criteria: """
            [ { "code": "4", "title": "Area", "max": 1, "children": [
                { "code": "4.1", "title": "Child", "max": 1, "appliesTo": "!isCommune", "formula": "1" } ] },
              { "code": "5", "title": "Everyone", "max": 1, "formula": "1" } ]
            """);

        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["isCommune"] = true }));

        // the parent gives its own reason; the child gives its condition, not "its parent does not apply"
        StringAssert.Contains(report.Explain("A", "4").NotApplicableText, "none of its regular children");
        StringAssert.Contains(report.Explain("A", "4.1").NotApplicableText, "!isCommune");
    }
}
