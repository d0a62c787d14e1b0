using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Testing;
using static ParIndex.RulesEngine.Tests.RuleFileTests.TestCaseRules;

namespace ParIndex.RulesEngine.Tests.RuleFileTests;

/// <summary>RuleSetTests.Run: cases scored like data, compared at the scheme's precision; expected values from the hand calculations of <see cref="TestCaseRules"/>.</summary>
[TestClass]
public sealed class RuleSetTestsRunTests
{
    private static RuleSetTestRun Run(params string[] cases)
    {
        using var rules = RuleSetLoader.LoadJson(With(cases), "rules.json");
        return RuleSetTests.Run(rules);
    }

    [TestMethod]
    public void Hand_calculated_case_passes()
    {
        var run = Run(Case("A", """{ "criteria": { "1.1": 5.4, "1.2": 4, "1": 9.4, "2.1": 6 }, "total": 15.4, "maxPoints": 20, "percent": 77, "classification": "Khá", "rank": 1, "eligibility": { "top": true } }"""));
        Assert.IsTrue(run.AllPassed, string.Join("\n", run.Cases.SelectMany(c => c.Failures)));
        Assert.AreEqual(1, run.PassedCount);
        Assert.AreEqual(0, run.FailedCount);
    }

    [TestMethod]
    public void Every_wrong_expectation_is_listed_with_expected_actual_and_place()
    {
        var json = With(Case("A", """{ "criteria": { "1.1": 5.5, "2.1": 6 }, "total": 15.41, "classification": "Tốt", "eligibility": { "top": false } }"""));
        using var rules = RuleSetLoader.LoadJson(json, "rules.json");
        var result = RuleSetTests.Run(rules).Cases.Single();
        Assert.IsFalse(result.Passed);
        var failures = result.Failures;
        CollectionAssert.AreEqual(new[] { "criterion 1.1", "total", "classification", "eligibility top" }, failures.Select(f => f.What).ToArray());
        Assert.IsTrue(failures.All(f => f.Code == DiagnosticCodes.TestCaseFailed));
        Assert.AreEqual(("5.50", "5.40"), (failures[0].Expected, failures[0].Actual));
        Assert.AreEqual(("15.41", "15.40"), (failures[1].Expected, failures[1].Actual));
        Assert.AreEqual(("\"Tốt\"", "\"Khá\""), (failures[2].Expected, failures[2].Actual));
        Assert.AreEqual(("not eligible", "eligible"), (failures[3].Expected, failures[3].Actual));
        var (line, column) = Position(json, "5.5,");
        Assert.AreEqual(new SourceLocation("rules.json", "tests[0].expect.criteria['1.1']", line, column), failures[0].Location);
        StringAssert.StartsWith(failures[0].ToString(), $"rules.json({line},{column}): PAR0730: criterion 1.1: expected 5.50, actual 5.40");
    }

    [TestMethod]
    public void Null_expects_not_applicable_and_a_number_there_fails()
    {
        // Online missing (policy notApplicable): area 2 does not apply, 9.4 / 10 = 94% → Tốt.
        var noOnline = """{ "id": "A", "inputs": { "kind": "so", "plan": 0.9, "reports": true } }""";
        var run = Run(
            Case("n/a expected", """{ "criteria": { "2": null, "2.1": null }, "total": 9.4, "maxPoints": 10, "percent": 94, "classification": "Tốt" }""", noOnline),
            Case("points expected", """{ "criteria": { "2": 0 } }""", noOnline),
            Case("n/a expected but applies", """{ "criteria": { "2": null } }"""));
        CollectionAssert.AreEqual(new[] { true, false, false }, run.Cases.Select(c => c.Passed).ToArray());
        Assert.AreEqual(("0.00", "not applicable"), (run.Cases[1].Failures[0].Expected, run.Cases[1].Failures[0].Actual));
        Assert.AreEqual(("not applicable", "6.00"), (run.Cases[2].Failures[0].Expected, run.Cases[2].Failures[0].Actual));
        Assert.AreEqual(1, run.PassedCount);
        Assert.AreEqual(2, run.FailedCount);
    }

    [TestMethod]
    public void Others_give_the_group_context_for_rank()
    {
        // B has 20 / 20 and ranks 1st; A (77%) is 2nd, so "top" (rank == 1) does not hold for A.
        var run = Run(
            Case("A behind B", """{ "rank": 2, "eligibility": { "top": false } }""", others: Best),
            Case("A alone", """{ "rank": 2 }"""));
        Assert.IsTrue(run.Cases[0].Passed, string.Join("\n", run.Cases[0].Failures));
        Assert.AreEqual(("2", "1"), (run.Cases[1].Failures.Single().Expected, run.Cases[1].Failures.Single().Actual));
    }

    [TestMethod]
    public void Rejected_agency_fails_its_case_only()
    {
        // plan 1.5 is above the input's max 1: the row is rejected, the case cannot be scored; the next case still runs.
        var bad = """{ "id": "X", "inputs": { "kind": "so", "plan": 1.5, "reports": true, "online": 0.3 } }""";
        var json = With(Case("bad", """{ "total": 15.4 }""", bad), Case("good", """{ "total": 15.4 }"""));
        using var rules = RuleSetLoader.LoadJson(json, "rules.json");
        var run = RuleSetTests.Run(rules);
        var failure = run.Cases[0].Failures.Single();
        Assert.AreEqual(DiagnosticCodes.TestCaseRejected, failure.Code);
        Assert.AreEqual("agency X", failure.What);
        StringAssert.Contains(failure.Actual, "plan");
        Assert.AreEqual("tests[0].agency", failure.Location.JsonPath);
        Assert.IsTrue(run.Cases[1].Passed);
    }

    [TestMethod]
    public void Rule_file_without_tests_runs_no_case()
    {
        using var rules = RuleSetLoader.LoadJson(Template.Replace(",\n  \"tests\": [\nTESTS\n  ]", "", StringComparison.Ordinal), "rules.json");
        Assert.IsEmpty(rules.Definition.Tests);
        var run = RuleSetTests.Run(rules);
        Assert.IsEmpty(run.Cases);
        Assert.IsTrue(run.AllPassed);
    }
}
