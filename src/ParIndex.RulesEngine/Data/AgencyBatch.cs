using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Agency data in columnar form, checked against one rule set's inputs: one typed array per
/// input, a missing-value mask where the rule set needs one. Rows that failed the checks are not
/// in the arrays; they are listed in <see cref="RowErrors"/>. Build one with
/// <see cref="AgencyBatchBuilder"/>, <see cref="CsvAgencyReader"/> or <see cref="JsonAgencyReader"/>.
/// Immutable once built.
/// </summary>
public sealed class AgencyBatch
{
    internal AgencyBatch(string ruleSetKey, string[] ids, int[] rowNumbers, string?[] names, double[][] numbers, bool[][] bools, string?[][] texts,
        bool[][] missing, IReadOnlyList<RowError> rowErrors, IReadOnlyList<Diagnostic> diagnostics, string? source)
    {
        RuleSetKey = ruleSetKey;
        AgencyIds = ids;
        RowNumbers = rowNumbers;
        AgencyNames = names;
        Numbers = numbers;
        Bools = bools;
        Texts = texts;
        Missing = missing;
        RowErrors = rowErrors;
        Diagnostics = diagnostics;
        Source = source;
    }

    /// <summary>Number of agencies that passed the checks.</summary>
    public int Count => AgencyIds.Count;

    /// <summary>Agency ids, in input order.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Agency names (null where the data had none).</summary>
    public IReadOnlyList<string?> AgencyNames { get; }

    /// <summary>Rows that were rejected, with the reason.</summary>
    public IReadOnlyList<RowError> RowErrors { get; }

    /// <summary>File-level findings (unknown or missing columns, unreadable file).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The file the data came from, if any.</summary>
    public string? Source { get; }

    internal string RuleSetKey { get; }
    /// <summary>1-based position of each accepted row among all data rows.</summary>
    internal int[] RowNumbers { get; }
    internal double[][] Numbers { get; }
    internal bool[][] Bools { get; }
    internal string?[][] Texts { get; }
    internal bool[][] Missing { get; }
}
