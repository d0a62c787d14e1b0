using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Testing;

/// <summary>One expectation of a test case that did not hold.</summary>
/// <param name="Code"><see cref="DiagnosticCodes.TestCaseFailed"/> (a result differs) or <see cref="DiagnosticCodes.TestCaseRejected"/> (the case's data is rejected).</param>
/// <param name="What">What was checked, e.g. "criterion 1.2", "total", "eligibility muc-tieu-2019" (in the UI culture of the run; field names of <c>expect</c> as written).</param>
/// <param name="Expected">The expected value as text.</param>
/// <param name="Actual">The actual value as text (for a rejected row: why).</param>
/// <param name="Location">Where the expectation (or the rejected agency) stands in the rule file.</param>
public sealed record TestFailure(string Code, string What, string Expected, string Actual, SourceLocation Location)
{
    /// <summary>
    /// The sentence for a person, in the UI culture of the run: "what: expected X, actual Y." (PAR0730)
    /// or "agency X: the row is rejected, so the case cannot be scored: why" (PAR0731).
    /// </summary>
    public string Message { get; } = Code == DiagnosticCodes.TestCaseRejected
        ? DiagnosticCatalog.TestCaseRejected.FormatMessage(null, What, Actual)
        : DiagnosticCatalog.TestCaseFailed.FormatMessage(null, What, Expected, Actual);

    /// <summary>Formats as <c>file(line,col): CODE: message</c>.</summary>
    public override string ToString() => $"{Location}: {Code}: {Message}";
}

/// <summary>The outcome of one test case.</summary>
/// <param name="Case">The case as declared.</param>
/// <param name="Failures">Every expectation that did not hold, in the order they are declared; empty when the case passed.</param>
public sealed record RuleSetTestResult(RuleSetTestCase Case, IReadOnlyList<TestFailure> Failures)
{
    /// <summary>The case's name.</summary>
    public string Name => Case.Name;

    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}

/// <summary>The outcome of every test case of a rule file, in file order.</summary>
/// <param name="Cases">One result per case.</param>
public sealed record RuleSetTestRun(IReadOnlyList<RuleSetTestResult> Cases)
{
    /// <summary>Cases that passed.</summary>
    public int PassedCount => Cases.Count(c => c.Passed);

    /// <summary>Cases that failed.</summary>
    public int FailedCount => Cases.Count - PassedCount;

    /// <summary>True when every case passed (also when there is none).</summary>
    public bool AllPassed => FailedCount == 0;
}
