using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Agency data in columnar form, checked against one rule set's inputs (its <see cref="InputSchema"/>): one typed array per
/// input, a missing-value mask where the rule set needs one. Rows that failed the checks are not
/// in the arrays; they are listed in <see cref="RowErrors"/>. Build one with
/// <see cref="AgencyBatchBuilder"/>, <see cref="CsvAgencyReader"/> or <see cref="JsonAgencyReader"/>.
/// Immutable once built.
/// </summary>
public sealed class AgencyBatch
{
    internal AgencyBatch(string schemaKey, string[] ids, int[] rowNumbers, string?[] names, double[][] numbers, bool[][] bools, string?[][] texts,
        bool[][] missing, RowErrorLog rowErrors, IReadOnlyList<Diagnostic> diagnostics, string? source)
    {
        SchemaKey = schemaKey;
        AgencyIds = ids;
        RowNumbers = rowNumbers;
        AgencyNames = names;
        Numbers = numbers;
        Bools = bools;
        Texts = texts;
        Missing = missing;
        RowErrorLog = rowErrors;
        Diagnostics = diagnostics;
        Source = source;
    }

    /// <summary>Number of agencies that passed the checks.</summary>
    public int Count => AgencyIds.Count;

    /// <summary>Agency ids, in input order.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Agency names (null where the data had none).</summary>
    public IReadOnlyList<string?> AgencyNames { get; }

    /// <summary>The array behind <see cref="AgencyIds"/> (the constructor takes one), for the code that refills a finished chunk.</summary>
    internal string[] IdColumn => (string[])AgencyIds;

    /// <summary>The array behind <see cref="AgencyNames"/>.</summary>
    internal string?[] NameColumn => (string?[])AgencyNames;

    /// <summary>
    /// Why rows were rejected: the first <see cref="DataReadOptions.MaxRowErrors"/> errors in full
    /// (default 1,000). <see cref="RowErrorLog"/> has the exact count, counts by code and field,
    /// and every rejected row.
    /// </summary>
    public IReadOnlyList<RowError> RowErrors => RowErrorLog.Errors;

    /// <summary>Every rejected row (compactly), the errors kept in full, and counts of all errors.</summary>
    public RowErrorLog RowErrorLog { get; }

    /// <summary>Number of rows rejected while reading (exact, whatever the cap on kept errors).</summary>
    public int RejectedCount => RowErrorLog.RejectedCount;

    /// <summary>
    /// File-level findings (unknown or missing columns, a truncated file, a repeated header
    /// column, malformed JSON…). Any error among them means the file as a whole cannot be
    /// trusted: see <see cref="HasFileErrors"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// True when <see cref="Diagnostics"/> holds an error: the batch may miss rows or hold rows
    /// read wrongly. <see cref="CompiledRuleSet.Score"/> then throws <see cref="DataFileErrorException"/>
    /// unless <see cref="Evaluation.ScoringOptions.AllowFileErrors"/> is set; the CLI exits with 3.
    /// </summary>
    public bool HasFileErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The file the data came from, if any.</summary>
    public string? Source { get; }

    /// <summary>The <see cref="InputSchema.Key"/> of the schema the batch was read with.</summary>
    internal string SchemaKey { get; }
    /// <summary>1-based position of each accepted row among all data rows.</summary>
    internal int[] RowNumbers { get; }
    internal double[][] Numbers { get; }
    internal bool[][] Bools { get; }
    internal string?[][] Texts { get; }
    internal bool[][] Missing { get; }
}
