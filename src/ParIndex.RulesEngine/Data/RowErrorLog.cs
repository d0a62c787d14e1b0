using System.Globalization;

namespace ParIndex.RulesEngine.Data;

/// <summary>One rejected row, in a few words: enough to list every rejected agency without keeping every message.</summary>
/// <param name="AgencyId">The agency id, when the row has one that could be read.</param>
/// <param name="Row">1-based position of the row among the data rows.</param>
/// <param name="Line">Line in the file (CSV: first physical line of the record), or 0 when unknown.</param>
/// <param name="Code">The code of the row's first error.</param>
public readonly record struct RejectedRow(string? AgencyId, int Row, int Line, string Code);

/// <summary>How many row errors had one code on one field (null field: the whole row).</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Field">The input or column, or null.</param>
/// <param name="Count">How many errors.</param>
public sealed record RowErrorCount(string Code, string? Field, int Count);

/// <summary>
/// The row errors of one batch or streaming run, with bounded memory: the first
/// <see cref="MaxKept"/> errors in full (<see cref="Errors"/>), the number of every error by code
/// and field (<see cref="Counts"/>, exact), and every rejected row in compact form
/// (<see cref="Rejected"/>, exact and in order). Nothing is dropped without being counted: a file
/// whose every row has a dozen bad cells costs a few dozen bytes per row, not a dozen messages.
/// Read-only once handed out.
/// </summary>
public sealed class RowErrorLog
{
    // The list of rejected rows and the counts are made with the first error: both are generic
    // framework code over value types with no ReadyToRun image, which a clean file never needs.
    private static readonly RejectedRow[] NoRejectedRows = [];
    private readonly List<RowError> _errors = new();
    private List<RejectedRow>? _rejected;
    private Dictionary<(string Code, string? Field), int>? _counts;
    private int _lastRow;

    /// <summary>Creates an empty log that keeps at most <paramref name="maxKept"/> errors in full.</summary>
    /// <param name="maxKept">Errors kept in full; 0 or more.</param>
    public RowErrorLog(int maxKept = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxKept);
        MaxKept = maxKept;
    }

    /// <summary>How many errors are kept in full.</summary>
    public int MaxKept { get; }

    /// <summary>The first <see cref="MaxKept"/> errors, in the order they were found.</summary>
    public IReadOnlyList<RowError> Errors => _errors;

    /// <summary>Every error found, kept in full or not.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Errors counted but not kept in full.</summary>
    public int OmittedCount => ErrorCount - _errors.Count;

    /// <summary>Every rejected row, once each, in the order found.</summary>
    public IReadOnlyList<RejectedRow> Rejected => _rejected ?? (IReadOnlyList<RejectedRow>)NoRejectedRows;

    /// <summary>The number of <see cref="Rejected"/> rows.</summary>
    internal int RejectedCount => _rejected?.Count ?? 0;

    private List<RejectedRow> RejectedList => _rejected ??= new();

    private Dictionary<(string Code, string? Field), int> CountsByKey => _counts ??= new();

    /// <summary>Errors by code and field, most frequent first.</summary>
    public IReadOnlyList<RowErrorCount> Counts =>
        (_counts ?? []).Select(p => new RowErrorCount(p.Key.Code, p.Key.Field, p.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Field, StringComparer.Ordinal).ToList();

    /// <summary>Records one error; errors of one row must be added together (rows are told apart by <see cref="RowError.Row"/>).</summary>
    internal void Add(RowError error)
    {
        ErrorCount++;
        var key = (error.Code, error.Field);
        var counts = CountsByKey;
        counts[key] = counts.GetValueOrDefault(key) + 1;
        if (_errors.Count < MaxKept) _errors.Add(error);
        if (error.Row != _lastRow || RejectedCount == 0)
        {
            RejectedList.Add(new RejectedRow(error.AgencyId is null ? null : InputChecks.Shorten(error.AgencyId), error.Row, error.Location.Line, error.Code));
            _lastRow = error.Row;
        }
    }

    internal void AddRange(IEnumerable<RowError> errors)
    {
        foreach (var error in errors) Add(error);
    }

    /// <summary>Adds every error of <paramref name="other"/> (a chunk of a streaming run): all counted, kept in full while there is room.</summary>
    internal void Merge(RowErrorLog other)
    {
        foreach (var error in other._errors)
            if (_errors.Count < MaxKept) _errors.Add(error);
        ErrorCount += other.ErrorCount;
        if (other.ErrorCount == 0) return;
        var counts = CountsByKey;
        if (other._counts is not null)
            foreach (var (key, count) in other._counts) counts[key] = counts.GetValueOrDefault(key) + count;
        if (other._rejected is not null) RejectedList.AddRange(other._rejected);
        if (other.RejectedCount > 0) _lastRow = other._lastRow;
    }

    /// <summary>A copy to which more errors can be added (scoring adds formula faults to the reader's log).</summary>
    internal RowErrorLog Copy()
    {
        var copy = new RowErrorLog(MaxKept) { ErrorCount = ErrorCount, _lastRow = _lastRow };
        copy._errors.AddRange(_errors);
        if (_rejected is not null) copy._rejected = new List<RejectedRow>(_rejected);
        if (_counts is not null) copy._counts = new Dictionary<(string Code, string? Field), int>(_counts);
        return copy;
    }

    /// <summary>Empties the log (the builder starts a new chunk).</summary>
    internal void Clear()
    {
        _errors.Clear();
        _rejected?.Clear();
        _counts?.Clear();
        ErrorCount = 0;
        _lastRow = 0;
    }

    /// <summary>
    /// A warning (PAR0614) counting the errors not kept in full by code and field, e.g.
    /// "1,234 more row error(s) not listed in full (the first 1,000 are): PAR0603 on 'score' ×1,200, PAR0604 on 'kind' ×34".
    /// Null when every error is kept.
    /// </summary>
    /// <param name="source">The data file, for the diagnostic's location.</param>
    public Diagnostics.Diagnostic? OmittedSummary(string? source = null)
    {
        if (OmittedCount == 0) return null;
        var kept = _errors.GroupBy(e => (e.Code, e.Field)).ToDictionary(g => g.Key, g => g.Count());
        var parts = CountsByKey.Select(p => (p.Key, Count: p.Value - kept.GetValueOrDefault(p.Key))).Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count).ThenBy(p => p.Key.Code, StringComparer.Ordinal)
            .Select(p => p.Key.Field is null
                ? Resources.EngineText.Format("RowErrorCount", p.Key.Code, p.Count)
                : Resources.EngineText.Format("RowErrorCountOnField", p.Key.Code, p.Key.Field, p.Count));
        return Diagnostics.Diagnostic.Create(Diagnostics.DiagnosticCatalog.RowErrorsOmitted, "Summary", Diagnostics.DiagnosticSeverity.Warning,
            new Diagnostics.SourceLocation(source, null, 0, 0), OmittedCount, MaxKept, string.Join(", ", parts), Rejected.Count);
    }
}
