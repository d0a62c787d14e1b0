using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Collects agency rows for one rule set and checks each value against its input: type, range,
/// missing-value policy. A row with any problem is rejected with every problem listed (agency id,
/// field and reason) and the other rows go on. Not thread-safe; one builder per batch.
/// </summary>
public sealed partial class AgencyBatchBuilder
{
    private readonly InputSchema _schema;
    private readonly IReadOnlyList<BoundInput> _inputs;
    private readonly DataReadOptions _options;
    private readonly CultureInfo _culture;
    private readonly string? _source;
    private readonly ColumnBuffer<string> _ids = new();
    private readonly ColumnBuffer<string?> _names = new();
    private readonly ColumnBuffer<int> _rowNumbers = new();
    private readonly ColumnBuffer<double>[] _numbers;
    private readonly ColumnBuffer<bool>[] _bools;
    private readonly ColumnBuffer<string?>[] _texts;
    private readonly ColumnBuffer<bool>?[] _missing;
    private readonly AgencyIdRegistry _seenIds;
    private readonly RowErrorLog _rowErrors;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly UnknownFields _unknown;
    private readonly HashSet<string> _knownKeys;
    private int _rowNumber;

    /// <summary>Creates a builder for the inputs of <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set the data is for.</param>
    /// <param name="culture">Culture for numbers given as text (e.g. vi-VN for decimal commas); invariant by default.</param>
    /// <param name="source">A label for messages, such as the data file path.</param>
    public AgencyBatchBuilder(CompiledRuleSet ruleSet, CultureInfo? culture = null, string? source = null)
        : this(ruleSet.InputSchema, DataReadOptions.For(culture), source)
    {
    }

    /// <summary>Creates a builder for the inputs of <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set the data is for.</param>
    /// <param name="options">Culture and grouping of numbers given as text, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages, such as the data file path.</param>
    public AgencyBatchBuilder(CompiledRuleSet ruleSet, DataReadOptions options, string? source = null)
        : this(ruleSet.InputSchema, options, source)
    {
    }

    /// <summary>Creates a builder for data of <paramref name="schema"/> (no compiled rule set needed).</summary>
    /// <param name="schema">The inputs the data is for.</param>
    /// <param name="culture">Culture for numbers given as text (e.g. vi-VN for decimal commas); invariant by default.</param>
    /// <param name="source">A label for messages, such as the data file path.</param>
    public AgencyBatchBuilder(InputSchema schema, CultureInfo? culture = null, string? source = null)
        : this(schema, DataReadOptions.For(culture), source)
    {
    }

    /// <summary>Creates a builder for data of <paramref name="schema"/> (no compiled rule set needed).</summary>
    /// <param name="schema">The inputs the data is for.</param>
    /// <param name="options">Culture and grouping of numbers given as text, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages, such as the data file path.</param>
    public AgencyBatchBuilder(InputSchema schema, DataReadOptions options, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        _schema = schema;
        _inputs = schema.Bound;
        _options = options;
        _culture = options.CultureOrInvariant;
        _rowErrors = new RowErrorLog(options.MaxRowErrors);
        _seenIds = new AgencyIdRegistry(options.SpillFolder, options.AcceptedIdsToFile);
        _source = source;
        _numbers = Lists<double>(InputType.Number);
        _bools = Lists<bool>(InputType.Bool);
        _texts = Lists<string?>(InputType.Enum, InputType.Text);
        _missing = _inputs.Select(i => i.NeedsMissingMask ? new ColumnBuffer<bool>() : null).ToArray();
        _knownKeys = _inputs.Select(i => i.Name).Append(schema.IdColumn).Append(schema.NameColumn).ToHashSet(StringComparer.Ordinal);
        _unknown = new UnknownFields(schema.RuleSetId, _inputs.Select(i => i.Name).ToList(), schema.Headings);
    }

    /// <summary>Row errors so far (the first <see cref="DataReadOptions.MaxRowErrors"/> in full).</summary>
    public IReadOnlyList<RowError> RowErrors => _rowErrors.Errors;

    /// <summary>Every rejected row so far, the errors kept in full and the count of all errors.</summary>
    public RowErrorLog RowErrorLog => _rowErrors;

    /// <summary>The reading options.</summary>
    internal DataReadOptions Options => _options;

    /// <summary>Adds one agency. Returns false (and records why) when the row is rejected.</summary>
    /// <param name="agencyId">The agency's id; required and unique.</param>
    /// <param name="values">Input values by input name; numbers may be given as text in the builder's culture.</param>
    /// <param name="agencyName">Optional display name.</param>
    public bool Add(string? agencyId, IReadOnlyDictionary<string, object?> values, string? agencyName = null) =>
        Add(agencyId, agencyName, name => values.TryGetValue(name, out var v) ? v : null, values.Keys, _ => new SourceLocation(_source, null, 0, 0));

    /// <summary>Records a file-level finding.</summary>
    internal void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Records a row that could not even be read (e.g. a malformed CSV line).</summary>
    internal void RejectRow(string? agencyId, string code, string message, SourceLocation location)
    {
        _rowNumber++;
        PendingRows++;
        _rowErrors.Add(new RowError(agencyId, _rowNumber, null, code, message, location));
    }

    /// <summary>
    /// Declares the fields every row has (a CSV header), so unknown ones are reported once here
    /// rather than checked on every row. Rows added afterwards pass no keys.
    /// </summary>
    internal void DeclareFields(IEnumerable<string> keys, Func<string, SourceLocation> locate)
    {
        foreach (var key in keys)
            if (!_knownKeys.Contains(key)) _unknown.Note(key, locate(key));
        _diagnostics.AddRange(_unknown.Flush());
    }

    /// <summary>The general entry used by the file readers, which know where each value stands.</summary>
    internal bool Add(string? agencyId, string? agencyName, Func<string, object?> valueOf, IEnumerable<string>? keys, Func<string?, SourceLocation> locate,
        IReadOnlyList<RowError>? readerErrors = null)
    {
        _rowNumber++;
        PendingRows++;
        if (keys is not null)
            foreach (var key in keys)
                if (!_knownKeys.Contains(key)) _unknown.Note(key, locate(key));
        var errors = new List<RowError>();
        var id = AgencyIdRegistry.Normalize(agencyId);
        if (readerErrors is not null)
            foreach (var e in readerErrors) errors.Add(e with { Row = _rowNumber, AgencyId = e.AgencyId ?? (id is { Length: > 0 } ? InputChecks.Shorten(id) : null) });
        if (string.IsNullOrEmpty(id))
            errors.Add(Error(null, _schema.IdColumn, DiagnosticCodes.MissingAgencyId, DiagnosticCatalog.MissingAgencyId.FormatSituation("Row", [_rowNumber, _schema.IdColumn]), locate));
        else if (id.Length <= InputChecks.MaxCellLength && _seenIds.Problem(id) is { } duplicate)
            errors.Add(Error(id, _schema.IdColumn, DiagnosticCodes.DuplicateAgency, duplicate, locate));

        if ((InputChecks.TooLong(id) ?? InputChecks.TooLong(agencyName)) is { } longName)
        {
            errors.Add(Error(null, _schema.IdColumn, DiagnosticCodes.WrongType, DiagnosticCatalog.WrongType.FormatSituation("IdTooLong", [_rowNumber, longName]), locate));
            id = InputChecks.Shorten(id);
        }

        var converted = new object?[_inputs.Count];
        var missing = new bool[_inputs.Count];
        for (var k = 0; k < _inputs.Count; k++)
        {
            var input = _inputs[k].Definition;
            var raw = valueOf(input.Name);
            if (InputChecks.TooLong(raw as string) is { } tooLong)
                errors.Add(Error(id, input.Name, DiagnosticCodes.WrongType, InputChecks.AgencyInput(InputChecks.Shorten(id), input.Name, EngineText.Format("ValueTooLong", tooLong)), locate));
            else if (!TryConvert(input, raw, out converted[k], out missing[k], out var problem, out var code))
                errors.Add(Error(id, input.Name, code!, InputChecks.AgencyInput(id ?? "?", input.Name, problem!), locate));
        }
        if (errors.Count > 0)
        {
            _rowErrors.AddRange(errors);
            return false;
        }
        Append(id!, agencyName, converted, missing);
        return true;
    }

    /// <summary>
    /// Returns the rows collected so far as a batch and starts a new one, keeping the row count,
    /// the ids already seen (duplicates are caught across chunks) and the warnings already given.
    /// Used to read a file in chunks with bounded memory.
    /// </summary>
    /// <remarks>
    /// The chunk's input columns are those of a finished chunk of as many rows taken from
    /// <paramref name="finished"/>, when there is one (see <see cref="FinishedColumns{T}"/>).
    /// </remarks>
    internal AgencyBatch BuildChunk(FinishedColumns<AgencyBatch>? finished = null)
    {
        var batch = Build(finished?.Take(_ids.Count));
        _ids.Clear();
        _names.Clear();
        _rowNumbers.Clear();
        foreach (var list in _numbers) list.Clear();
        foreach (var list in _bools) list.Clear();
        foreach (var list in _texts) list.Clear();
        foreach (var list in _missing) list?.Clear();
        _rowErrors.Clear();
        _diagnostics.Clear();
        PendingRows = 0;
        return batch;
    }

    /// <summary>
    /// Releases the duplicate check's file of accepted ids, if the input was large enough to need
    /// one (see <see cref="AcceptedIdStore"/>): a reader calls it once its input has ended. The
    /// rows already collected can still be built; no row can be added after.
    /// </summary>
    internal void EndOfInput() => _seenIds.Dispose();

    private static T[][] Frozen<T>(ColumnBuffer<T>[] columns, T[][]? reuse)
    {
        var frozen = new T[columns.Length][];
        for (var c = 0; c < columns.Length; c++) frozen[c] = columns[c].ToArray(FinishedArrays.Column(reuse, c));
        return frozen;
    }

    /// <summary>Rows added (accepted or not) since the last chunk.</summary>
    internal int PendingRows { get; private set; }

    /// <summary>Freezes the collected rows into a batch.</summary>
    public AgencyBatch Build() => Build(reuse: null);

    /// <summary>Freezes the collected rows into a batch, on <paramref name="reuse"/>'s arrays (ids, names, row numbers, inputs) when it has as many rows.</summary>
    private AgencyBatch Build(AgencyBatch? reuse)
    {
        _diagnostics.AddRange(_unknown.Flush());
        return new(
        _schema.Key,
        _ids.ToArray(reuse?.IdColumn),
        _rowNumbers.ToArray(reuse?.RowNumbers),
        _names.ToArray(reuse?.NameColumn),
        Frozen(_numbers, reuse?.Numbers),
        Frozen(_bools, reuse?.Bools),
        Frozen(_texts, reuse?.Texts),
        _missing.Select((l, i) => l?.ToArray(FinishedArrays.Column(reuse?.Missing, i)) ?? []).ToArray(),
        _rowErrors.Copy(),
        _diagnostics.ToList(),
        _source);
    }

    private bool TryConvert(InputDefinition input, object? raw, out object? value, out bool missing, out string? problem, out string? code)
    {
        value = null;
        problem = null;
        code = null;
        missing = ValueConverter.IsMissing(raw);
        if (missing)
        {
            switch (input.Missing)
            {
                case MissingPolicy.Error:
                    (problem, code) = (InputChecks.MissingRequired, DiagnosticCodes.MissingValue);
                    return false;
                case MissingPolicy.Default:
                    missing = false;
                    value = input.Type == InputType.Number ? Convert.ToDouble(input.Default, CultureInfo.InvariantCulture) : input.Default;
                    return true;
                default:
                    value = input.Type == InputType.Number ? double.NaN : input.Type == InputType.Bool ? false : null;
                    return true;
            }
        }
        code = DiagnosticCodes.WrongType;
        switch (input.Type)
        {
            case InputType.Number:
                if (!ValueConverter.TryNumber(raw!, _culture, _options.AllowThousands, out var number, out problem, out var separators))
                {
                    if (separators) code = DiagnosticCodes.NumberSeparator;
                    return false;
                }
                if (InputChecks.OutOfRange(input, number) is { } range)
                {
                    (problem, code) = (range, DiagnosticCodes.OutOfRange);
                    return false;
                }
                value = number;
                return true;
            case InputType.Bool:
                if (!ValueConverter.TryBool(raw!, out var flag, out problem)) return false;
                value = flag;
                return true;
            default:
                if (!ValueConverter.TryText(raw!, input, out var text, out problem)) return false;
                value = text;
                return true;
        }
    }

    private void Append(string id, string? name, object?[] values, bool[] missing)
    {
        _seenIds.Add(id, _rowNumber);
        _ids.Add(id);
        _rowNumbers.Add(_rowNumber);
        _names.Add(string.IsNullOrWhiteSpace(name) ? null : name.Trim());
        for (var k = 0; k < _inputs.Count; k++)
        {
            var input = _inputs[k];
            switch (input.Type)
            {
                case InputType.Number: _numbers[input.Slot].Add((double)values[k]!); break;
                case InputType.Bool: _bools[input.Slot].Add((bool)values[k]!); break;
                default: _texts[input.Slot].Add((string?)values[k]); break;
            }
            _missing[k]?.Add(missing[k]);
        }
    }

    private RowError Error(string? id, string? field, string code, string message, Func<string?, SourceLocation> locate) =>
        new(id, _rowNumber, field, code, message, locate(field));

    private ColumnBuffer<T>[] Lists<T>(params InputType[] types) =>
        _inputs.Where(i => types.Contains(i.Type)).Select(_ => new ColumnBuffer<T>()).ToArray();
}
