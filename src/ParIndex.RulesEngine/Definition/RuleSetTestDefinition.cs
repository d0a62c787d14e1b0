using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// A test case kept in the rule file (<c>tests</c>): one agency with its inputs, optionally other
/// agencies scored beside it (for ranks and group aggregates), and the results expected for it.
/// Run by <see cref="Testing.RuleSetTests.Run(CompiledRuleSet)"/> and <c>parindex test</c>.
/// </summary>
public sealed record RuleSetTestCase
{
    /// <summary>The case's name, unique in the file, e.g. "Kon Tum 2018".</summary>
    public required string Name { get; init; }
    /// <summary>Where the expected figures come from (a document and its section, or a hand calculation).</summary>
    public string? Source { get; init; }
    /// <summary>The agency whose results are checked.</summary>
    public required TestAgency Agency { get; init; }
    /// <summary>Other agencies scored in the same batch (its group context); their results are not checked.</summary>
    public IReadOnlyList<TestAgency> Others { get; init; } = [];
    /// <summary>The expected results.</summary>
    public required TestExpectation Expect { get; init; }
    /// <summary>Where the case is declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>An agency of a test case: id, optional name and input values as written in the rule file.</summary>
/// <param name="Id">The agency id.</param>
/// <param name="Name">The display name, if given.</param>
/// <param name="Inputs">Input values in file order: a double, bool, string or null (missing).</param>
/// <param name="Location">Where the agency is declared.</param>
public sealed record TestAgency(string Id, string? Name, IReadOnlyList<TestValue> Inputs, SourceLocation Location);

/// <summary>One named value of a test case (an input value or an expected result).</summary>
/// <param name="Name">The input name, criterion code or eligibility rule id.</param>
/// <param name="Value">A double, bool, string, or null.</param>
/// <param name="Location">Where the value stands.</param>
public sealed record TestValue(string Name, object? Value, SourceLocation Location);

/// <summary>
/// What a test case expects; every part is optional. Numbers are compared at the scheme's
/// precision: expected and actual, both rounded half away from zero to <c>precision</c> decimals,
/// must be equal.
/// </summary>
public sealed record TestExpectation
{
    /// <summary>Expected points per criterion code; a null value expects the criterion not to apply.</summary>
    public IReadOnlyList<TestValue> Criteria { get; init; } = [];
    /// <summary>Expected total points.</summary>
    public TestValue? Total { get; init; }
    /// <summary>Expected applicable maximum.</summary>
    public TestValue? MaxPoints { get; init; }
    /// <summary>Expected percent.</summary>
    public TestValue? Percent { get; init; }
    /// <summary>Expected classification label; a null value expects none.</summary>
    public TestValue? Classification { get; init; }
    /// <summary>Expected rank in the agency's group.</summary>
    public TestValue? Rank { get; init; }
    /// <summary>Expected outcome (true: eligible) per eligibility rule id.</summary>
    public IReadOnlyList<TestValue> Eligibility { get; init; } = [];
    /// <summary>Where the expectation is declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}
