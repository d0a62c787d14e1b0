using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

/// <summary>A use of GroupMax/GroupMin/GroupMean inside a formula.</summary>
/// <param name="Kind">Which statistic.</param>
/// <param name="Name">The input or variable aggregated.</param>
/// <param name="Start">Offset of the call in the formula text.</param>
/// <param name="Length">Length of the call text.</param>
internal sealed record AggregateUse(AggregateKind Kind, string Name, int Start, int Length);

/// <summary>An identifier read by a formula.</summary>
/// <param name="Name">The identifier.</param>
/// <param name="Start">Offset in the formula text.</param>
internal sealed record NameUse(string Name, int Start);

/// <summary>A name compared with a text literal by == or != (<c>agencyType == "xa"</c>), for the enum value check.</summary>
/// <param name="Name">The identifier compared.</param>
/// <param name="Literal">The literal's value.</param>
/// <param name="LiteralStart">Offset of the literal (its opening quote) in the formula text.</param>
internal sealed record TextComparison(string Name, string Literal, int LiteralStart);

/// <summary>A use of Points("code") or MaxPoints("code") inside an eligibility condition.</summary>
/// <param name="Function">Points or MaxPoints.</param>
/// <param name="Code">The criterion code.</param>
/// <param name="Start">Offset of the call in the formula text.</param>
/// <param name="Length">Length of the call text.</param>
internal sealed record CriterionLookup(string Function, string Code, int Start, int Length);

/// <summary>A use of PreviousPercent(k), PreviousRank(k), RankChange(k) or AveragePercent(n) inside a post-ranking formula.</summary>
/// <param name="Function">The function name.</param>
/// <param name="Periods">Its whole-number argument: k periods back, or n periods averaged.</param>
/// <param name="Start">Offset of the call in the formula text.</param>
/// <param name="Length">Length of the call text.</param>
internal sealed record HistoryUse(string Function, int Periods, int Start, int Length)
{
    /// <summary>How many earlier periods the call reads: k, or n − 1 for AveragePercent(n).</summary>
    public int EarlierPeriods => Function == "AveragePercent" ? Periods - 1 : Periods;
}

/// <summary>
/// A formula after parsing and the sandbox's syntax check: the names it reads, the special calls
/// the code generator must rewrite, and the integer literals it must turn into doubles.
/// </summary>
internal sealed class AnalyzedFormula
{
    public required Formula Source { get; init; }
    /// <summary>Names the formula in messages, e.g. "criterion 1.2" or "variable 'onlineShare'".</summary>
    public string Owner { get; init; } = "a formula";
    public ExpressionSyntax? Syntax { get; init; }
    /// <summary>Every identifier the formula reads, with its offset, in text order.</summary>
    public required IReadOnlyList<NameUse> NameUses { get; init; }
    public IEnumerable<string> Names => NameUses.Select(n => n.Name).Distinct(StringComparer.Ordinal);
    public required IReadOnlyList<AggregateUse> Aggregates { get; init; }
    public required IReadOnlyList<CriterionLookup> Lookups { get; init; }
    /// <summary>Calls of the history functions, in text order.</summary>
    public IReadOnlyList<HistoryUse> HistoryUses { get; init; } = [];
    /// <summary>Every comparison of a name with a text literal, in text order.</summary>
    public IReadOnlyList<TextComparison> TextComparisons { get; init; } = [];
    /// <summary>Offsets just after each integer literal, where a 'd' suffix makes it a double (so 1/2 is 0.5).</summary>
    public required IReadOnlyList<int> IntegerLiteralEnds { get; init; }
    public bool IsValid { get; init; }

    public string Text => Source.Text;

    /// <summary>The location of the character at <paramref name="offset"/>, through any JSON escapes before it.</summary>
    public SourceLocation LocationAt(int offset) => Source.LocationAt(offset);
}
