using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>ScoreReport.Shortfalls: criteria where points were lost, most lost first, with responsible units.</summary>
[TestClass]
public sealed class ShortfallTests
{
    /// <summary>
    /// Area 1 names "Sở Nội vụ"; 1.1 inherits it, 1.2 names its own unit. Area 2 names nobody.
    /// </summary>
    private static CompiledRuleSet Rules() => RuleSets.Load(
        inputs: """[ { "name": "a", "type": "number" }, { "name": "b", "type": "number" }, { "name": "c", "type": "number" }, { "name": "skipC", "type": "bool" } ]""",
        criteria: """
        [ { "code": "1", "title": "Area 1", "max": 3, "responsible": ["Sở Nội vụ"], "children": [
            { "code": "1.1", "title": "Plan", "max": 1, "formula": "a" },
            { "code": "1.2", "title": "Reports", "max": 2, "formula": "b", "responsible": ["Văn phòng UBND", "Sở Tư pháp"] } ] },
          { "code": "2", "title": "Area 2", "max": 2, "children": [
            { "code": "2.1", "title": "Online", "max": 2, "formula": "c", "appliesTo": "!skipC" } ] } ]
        """);

    private static Dictionary<string, object?> Values(double a, double b, double c, bool skipC = false) =>
        new() { ["a"] = a, ["b"] = b, ["c"] = c, ["skipC"] = skipC };

    [TestMethod]
    public void Shortfalls_AreSortedByPointsLost()
    {
        using var rules = Rules();

        var report = rules.ScoreRows(("A", Values(a: 0.75, b: 0.5, c: 1.5)));
        var shortfalls = report.Shortfalls("A");

        // lost: 1.1 = 1 − 0.75 = 0.25; 1.2 = 2 − 0.5 = 1.5; 2.1 = 2 − 1.5 = 0.5 → 1.2, 2.1, 1.1
        CollectionAssert.AreEqual(new[] { "1.2", "2.1", "1.1" }, shortfalls.Select(s => s.Code).ToArray());
        Assert.AreEqual(1.5, shortfalls[0].Lost, 1e-9);
        Assert.AreEqual(0.5, shortfalls[1].Lost, 1e-9);
        Assert.AreEqual(0.25, shortfalls[2].Lost, 1e-9);
    }

    [TestMethod]
    public void Shortfalls_LeaveOutFullMarksAndCriteriaThatDoNotApply()
    {
        using var rules = Rules();

        var report = rules.ScoreRows(("A", Values(a: 1, b: 1, c: 0, skipC: true)));
        var shortfalls = report.Shortfalls("A");

        // 1.1 full (1 of 1) → not listed; 2.1 does not apply → not listed; only 1.2 lost 2 − 1 = 1
        Assert.HasCount(1, shortfalls);
        Assert.AreEqual("1.2", shortfalls[0].Code);
        Assert.AreEqual(1.0, shortfalls[0].Lost, 1e-9);
    }

    [TestMethod]
    public void ResponsibleUnits_AreInheritedFromTheParent_UnlessTheCriterionNamesItsOwn()
    {
        using var rules = Rules();

        var report = rules.ScoreRows(("A", Values(a: 0, b: 0, c: 0)));
        var byCode = report.Shortfalls("A").ToDictionary(s => s.Code);

        CollectionAssert.AreEqual(new[] { "Sở Nội vụ" }, byCode["1.1"].Responsible.ToArray());
        CollectionAssert.AreEqual(new[] { "Văn phòng UBND", "Sở Tư pháp" }, byCode["1.2"].Responsible.ToArray());
        Assert.IsEmpty(byCode["2.1"].Responsible);
    }

    [TestMethod]
    public void ShortfallsByUnit_SumThePointsLostPerUnit()
    {
        using var rules = Rules();

        var report = rules.ScoreRows(("A", Values(a: 0.5, b: 1.25, c: 2)));
        var byUnit = report.ShortfallsByUnit("A").ToDictionary(u => u.Unit);

        // Sở Nội vụ: 1.1 lost 1 − 0.5 = 0.5
        Assert.AreEqual(0.5, byUnit["Sở Nội vụ"].Lost, 1e-9);
        // Văn phòng UBND and Sở Tư pháp each: 1.2 lost 2 − 1.25 = 0.75
        Assert.AreEqual(0.75, byUnit["Văn phòng UBND"].Lost, 1e-9);
        Assert.AreEqual(0.75, byUnit["Sở Tư pháp"].Lost, 1e-9);
        // 2.1 full (2 of 2) → nothing unassigned
        Assert.IsFalse(byUnit.ContainsKey("(not assigned)"));
    }

    [TestMethod]
    public void ShortfallsByUnit_SerializeWithSystemTextJsonAsNamedMembers()
    {
        using var rules = Rules();
        var report = rules.ScoreRows(("A", Values(a: 0.5, b: 1.25, c: 2)));

        // A tuple would serialize as {} (System.Text.Json writes properties, not tuple fields).
        var json = System.Text.Json.JsonSerializer.Serialize(report.ShortfallsByUnit("A"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var first = document.RootElement[0];
        // Most lost first, ties by unit name (ordinal): "Sở Tư pháp" < "Văn phòng UBND", both 0.75.
        Assert.AreEqual("Sở Tư pháp", first.GetProperty("Unit").GetString());
        Assert.AreEqual(0.75, first.GetProperty("Lost").GetDouble(), 1e-9);
        Assert.AreEqual("1.2", first.GetProperty("Criteria")[0].GetProperty("Code").GetString());
        Assert.AreEqual(3, document.RootElement.GetArrayLength());
    }
}
