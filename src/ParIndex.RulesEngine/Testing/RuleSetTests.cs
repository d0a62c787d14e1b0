using System.Globalization;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Testing;

/// <summary>
/// Runs the test cases of a rule file (<c>tests</c>): each case's agencies are scored as one batch
/// by the compiled rules, exactly as data from a file would be, and the case agency's results are
/// compared with the expected ones. Numbers compare at the scheme's precision: both sides rounded
/// half away from zero to <c>precision</c> decimals must be equal. The load already checked every
/// name and value type of the cases (PAR0312–PAR0315).
/// </summary>
public static class RuleSetTests
{
    /// <summary>Runs every test case of the rule set, in file order.</summary>
    /// <param name="rules">The compiled rule set whose definition holds the cases.</param>
    /// <returns>One result per case; a case never stops the others.</returns>
    public static RuleSetTestRun Run(CompiledRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RuleSetTestRun(rules.Definition.Tests.Select(test => Run(rules, test)).ToList());
    }

    /// <summary>Runs one test case.</summary>
    /// <param name="rules">The compiled rule set.</param>
    /// <param name="test">A case, usually one of <c>rules.Definition.Tests</c>.</param>
    /// <returns>The case's failures; none when it passed.</returns>
    public static RuleSetTestResult Run(CompiledRuleSet rules, RuleSetTestCase test)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(test);
        var builder = rules.CreateBatch();
        var rejected = new List<TestFailure>();
        foreach (var agency in test.Others.Prepend(test.Agency))
        {
            var values = agency.Inputs.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            var errorsBefore = builder.RowErrorLog.ErrorCount;
            if (builder.Add(agency.Id, values, agency.Name)) continue;
            var reasons = builder.RowErrors.Skip(errorsBefore).Select(e => e.Message).DefaultIfEmpty(EngineText.Get("TestRejectedByChecks"));
            rejected.Add(new TestFailure(DiagnosticCodes.TestCaseRejected, EngineText.Format("TestWhatAgency", agency.Id), EngineText.Get("TestRowScored"), string.Join("; ", reasons), agency.Location));
        }
        if (rejected.Count > 0) return new RuleSetTestResult(test, rejected);

        var report = rules.Score(builder.Build());
        var scored = report.Find(test.Agency.Id);
        if (scored is null)
            return new RuleSetTestResult(test, [new TestFailure(DiagnosticCodes.TestCaseRejected, EngineText.Format("TestWhatAgency", test.Agency.Id), EngineText.Get("TestAResult"), EngineText.Get("TestNoResult"), test.Agency.Location)]);
        return new RuleSetTestResult(test, Compare(scored, test.Expect, rules.Definition.Precision));
    }

    private static List<TestFailure> Compare(AgencyScore actual, TestExpectation expect, int precision)
    {
        var failures = new List<TestFailure>();
        void Number(string what, TestValue? expected, double value)
        {
            if (expected?.Value is not double number || Same(number, value, precision)) return;
            failures.Add(Failure(what, Text(number, precision), Text(value, precision), expected.Location));
        }

        foreach (var criterion in expect.Criteria)
        {
            var score = actual.Criteria.FirstOrDefault(c => c.Code == criterion.Name);
            var what = EngineText.Format("OwnerCriterion", criterion.Name);
            var actualText = score is null ? EngineText.Get("TestNoSuchCriterion") : score.IsApplicable ? Text(score.Points, precision) : EngineText.Get("TestNotApplicable");
            var holds = (criterion.Value, score) switch
            {
                (null, { IsApplicable: false }) => true,
                (double expected, { IsApplicable: true } s) => Same(expected, s.Points, precision),
                _ => false,
            };
            if (!holds) failures.Add(Failure(what, criterion.Value is double d ? Text(d, precision) : EngineText.Get("TestNotApplicable"), actualText, criterion.Location));
        }
        Number("total", expect.Total, actual.Total);
        Number("maxPoints", expect.MaxPoints, actual.MaxPoints);
        Number("percent", expect.Percent, actual.Percent);
        if (expect.Classification is { } classification && !string.Equals(classification.Value as string, actual.Classification, StringComparison.Ordinal))
            failures.Add(Failure("classification", Label(classification.Value as string), Label(actual.Classification), classification.Location));
        if (expect.Rank is { Value: double rank } rankValue && rank != actual.Rank)
            failures.Add(Failure("rank", Text(rank, 0), actual.Rank.ToString(CultureInfo.InvariantCulture), rankValue.Location));
        foreach (var rule in expect.Eligibility)
        {
            var outcome = actual.Eligibility.FirstOrDefault(e => e.Id == rule.Name);
            var expected = rule.Value is true;
            if (outcome is not null && outcome.IsEligible == expected) continue;
            var actualText = outcome is null ? EngineText.Get("TestNotEvaluated") : outcome.IsEligible ? EngineText.Get("TestEligible")
                : EngineText.Format("TestNotEligibleBecause", string.Join("; ", outcome.FailedConditions));
            failures.Add(Failure(EngineText.Format("TestWhatEligibility", rule.Name), EngineText.Get(expected ? "TestEligible" : "TestNotEligible"), actualText, rule.Location));
        }
        return failures;
    }

    private static TestFailure Failure(string what, string expected, string actual, SourceLocation location) =>
        new(DiagnosticCodes.TestCaseFailed, what, expected, actual, location);

    private static bool Same(double expected, double actual, int precision) =>
        Math.Round(expected, precision, MidpointRounding.AwayFromZero) == Math.Round(actual, precision, MidpointRounding.AwayFromZero);

    private static string Text(double value, int precision) =>
        Math.Round(value, precision, MidpointRounding.AwayFromZero).ToString("F" + precision, CultureInfo.InvariantCulture);

    private static string Label(string? label) => label is null ? EngineText.Get("TestNone") : $"\"{label}\"";
}
