using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Data fields that are not inputs, reported once each, and as ONE summary warning when there
/// are more than <see cref="MaxListed"/>: a header of a million unknown columns gives one line,
/// not a million.
/// </summary>
/// <remarks>
/// For a tabular file (<paramref name="headings"/> given) the warning also lists the headings each
/// input is read under, so a user whose sheet says something else sees what to write.
/// </remarks>
internal sealed class UnknownFields(string ruleSetId, IReadOnlyList<string> inputNames, ColumnHeadings? headings = null)
{
    /// <summary>Up to this many unknown fields get a warning each (with a "did you mean"); more give one summary.</summary>
    public const int MaxListed = 5;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<(string Name, SourceLocation Location)> _pending = new();
    private int _pendingCount;

    public void Note(string name, SourceLocation location)
    {
        if (!_seen.Add(name) || Results.Rounds.RoundColumns.IsCompanion(name, inputNames)) return;
        _pendingCount++;
        if (_pending.Count <= MaxListed) _pending.Add((name, location));
    }

    /// <summary>The warnings for the fields noted since the last call.</summary>
    public IReadOnlyList<Diagnostic> Flush()
    {
        if (_pendingCount == 0) return [];
        IReadOnlyList<Diagnostic> warnings = _pendingCount <= MaxListed
            ? _pending.Select(p => Diagnostic.Create(DiagnosticCatalog.UnknownColumn, "Field", DiagnosticSeverity.Warning, p.Location,
                p.Name, ruleSetId, Hint(p.Name))).ToList()
            : [Diagnostic.Create(DiagnosticCatalog.UnknownColumn, "Many", DiagnosticSeverity.Warning, _pending[0].Location,
                _pendingCount, ruleSetId, string.Join(", ", _pending.Take(MaxListed).Select(p => $"'{InputChecks.Shorten(p.Name)}'")), _pendingCount - MaxListed)];
        _pending.Clear();
        _pendingCount = 0;
        return warnings;
    }

    /// <summary>Up to this many inputs have their headings listed in a warning.</summary>
    private const int MaxCandidates = 10;

    private string Hint(string name)
    {
        if (headings is null) return NameSuggester.Hint(name, inputNames);
        var suggestion = NameSuggester.Hint(name, headings.All.SelectMany(h => h.Headings));
        var listed = string.Join("; ", headings.All.Take(MaxCandidates).Select(h => string.Join(" / ", h.Headings.Select(t => $"'{InputChecks.Shorten(t)}'"))));
        if (headings.All.Count > MaxCandidates) listed = Resources.EngineText.Format("ColumnCandidatesMore", listed, headings.All.Count - MaxCandidates);
        return suggestion + Resources.EngineText.Format("ColumnCandidates", listed);
    }
}
