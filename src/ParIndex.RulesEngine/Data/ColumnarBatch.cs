using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Builds a batch from whole columns (one array per input), the fastest way in: values are
/// checked column by column without boxing, and when every row passes and no default must be
/// filled in, the caller's arrays are used as they are, without copying. The caller must not
/// change those arrays while the batch is in use.
/// </summary>
public static class ColumnarBatch
{
    /// <summary>Creates a batch from columns.</summary>
    /// <param name="ruleSet">The rule set the data is for.</param>
    /// <param name="agencyIds">One id per row; required and unique.</param>
    /// <param name="columns">Columns by input name: <c>double[]</c> for number inputs (NaN = missing),
    /// <c>bool[]</c> for bool inputs, <c>string?[]</c> for enum and text inputs (null = missing).
    /// A column left out counts as missing for every row. Other column types are converted by the
    /// rules of values from code (docs/api.md): any CLR numeric array for numbers, <c>bool?[]</c> for
    /// bools, and <c>object?[]</c>, <c>JsonElement[]</c> or <c>JsonNode?[]</c> for any input.</param>
    /// <param name="agencyNames">Optional display names, one per row.</param>
    public static AgencyBatch Create(CompiledRuleSet ruleSet, IReadOnlyList<string> agencyIds, IReadOnlyDictionary<string, Array> columns, IReadOnlyList<string?>? agencyNames = null) =>
        Create(ruleSet.InputSchema, agencyIds, columns, agencyNames);

    /// <summary>Creates a batch from columns for data of <paramref name="schema"/> (no compiled rule set needed).</summary>
    /// <param name="schema">The inputs the data is for.</param>
    /// <param name="agencyIds">One id per row; required and unique.</param>
    /// <param name="columns">Columns by input name, as in <see cref="Create(CompiledRuleSet, IReadOnlyList{string}, IReadOnlyDictionary{string, Array}, IReadOnlyList{string?}?)"/>.</param>
    /// <param name="agencyNames">Optional display names, one per row.</param>
    public static AgencyBatch Create(InputSchema schema, IReadOnlyList<string> agencyIds, IReadOnlyDictionary<string, Array> columns, IReadOnlyList<string?>? agencyNames = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var rows = agencyIds.Count;
        var inputs = schema.Bound;
        var errors = new List<RowError>();
        var diagnostics = new List<Diagnostic>();
        var rejected = new bool[rows];
        agencyIds = NormalizeIds(agencyIds);
        CheckIds(agencyIds, schema.IdColumn, errors, rejected);
        ReportUnknownColumns(schema, columns, diagnostics);

        var prepared = new Array[inputs.Count];
        var missing = new bool[inputs.Count][];
        for (var k = 0; k < inputs.Count; k++)
        {
            var input = inputs[k];
            if (!columns.TryGetValue(input.Name, out var column))
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.DataFile, "ColumnsNoColumn", DiagnosticSeverity.Warning, SourceLocation.None, input.Name, input.Definition.Missing));
            else if (column.Length != rows)
                throw new ArgumentException($"The column '{input.Name}' has {column.Length} values for {rows} agencies.", nameof(columns));
            // Columns of other types (CLR numbers, objects, JSON values) are converted by the rules of ValueConverter.
            var missingBools = new List<int>();
            column = ValueConverter.ToInputColumn(input.Definition, column, (r, code, problem) =>
                Reject(r, agencyIds[r], input.Name, code, InputChecks.AgencyInput(agencyIds[r], input.Name, problem), errors, rejected), missingBools.Add);
            (prepared[k], missing[k]) = Prepare(input, column, rows, agencyIds, errors, rejected);
            foreach (var r in missingBools)
                if (HandleMissing(input.Definition, r, agencyIds, errors, rejected, missing[k]) && input.Definition.Missing == MissingPolicy.Default)
                    ((bool[])prepared[k])[r] = input.Definition.Default is true;
        }

        var keep = Enumerable.Range(0, rows).Where(r => !rejected[r]).ToArray();
        var all = keep.Length == rows;
        T[] Pick<T>(T[] source) => all ? source : Array.ConvertAll(keep, r => source[r]);
        var ids = Pick(agencyIds as string[] ?? agencyIds.ToArray());
        var names = agencyNames is null ? new string?[ids.Length] : Pick(agencyNames as string?[] ?? agencyNames.ToArray());
        var numbers = inputs.Where(i => i.Type == InputType.Number).Select(i => Pick((double[])prepared[i.Index])).ToArray();
        var bools = inputs.Where(i => i.Type == InputType.Bool).Select(i => Pick((bool[])prepared[i.Index])).ToArray();
        var texts = inputs.Where(i => i.Type is InputType.Enum or InputType.Text).Select(i => Pick((string?[])prepared[i.Index])).ToArray();
        var masks = missing.Select(m => m.Length == 0 ? m : Pick(m)).ToArray();
        var rowNumbers = keep.Select(r => r + 1).ToArray();
        var log = new RowErrorLog();
        log.AddRange(errors.OrderBy(e => e.Row));
        return new AgencyBatch(schema.Key, ids, rowNumbers, names, numbers, bools, texts, masks, log, diagnostics, null);
    }

    /// <summary>The ids in NFC (see <see cref="AgencyIdRegistry"/>); the caller's list itself when every id already is.</summary>
    private static IReadOnlyList<string> NormalizeIds(IReadOnlyList<string> ids)
    {
        string[]? copy = null;
        for (var r = 0; r < ids.Count; r++)
        {
            if (ids[r] is not { } id || string.IsNullOrWhiteSpace(id)) continue;
            var normal = AgencyIdRegistry.Nfc(id)!;
            if (normal == id) continue;
            copy ??= ids.ToArray();
            copy[r] = normal;
        }
        return copy ?? ids;
    }

    private static void CheckIds(IReadOnlyList<string> ids, string column, List<RowError> errors, bool[] rejected)
    {
        var seen = new AgencyIdRegistry();
        for (var r = 0; r < ids.Count; r++)
        {
            var id = ids[r];
            if (string.IsNullOrWhiteSpace(id))
                Reject(r, null, column, DiagnosticCodes.MissingAgencyId, DiagnosticCatalog.MissingAgencyId.FormatSituation("ColumnRow", [r + 1]), errors, rejected);
            else if (seen.Problem(id) is { } duplicate)
                Reject(r, id, column, DiagnosticCodes.DuplicateAgency, duplicate, errors, rejected);
            else seen.Add(id, r + 1);
        }
    }

    /// <summary>Checks one column and returns it (or a copy with defaults filled in) plus its missing mask.</summary>
    private static (Array Values, bool[] Missing) Prepare(BoundInput input, Array? column, int rows, IReadOnlyList<string> ids, List<RowError> errors, bool[] rejected)
    {
        var definition = input.Definition;
        var mask = input.NeedsMissingMask ? new bool[rows] : [];
        switch (input.Type)
        {
            case InputType.Number:
            {
                var values = column as double[] ?? (column is null ? Filled(rows, double.NaN) : throw WrongColumnType(definition, "double[]"));
                double[]? copy = null;
                for (var r = 0; r < rows; r++)
                {
                    var value = values[r];
                    if (double.IsNaN(value))
                    {
                        if (HandleMissing(definition, r, ids, errors, rejected, mask) && definition.Missing == MissingPolicy.Default)
                            (copy ??= (double[])values.Clone())[r] = Convert.ToDouble(definition.Default, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else if (double.IsInfinity(value))
                        Reject(r, ids[r], definition.Name, DiagnosticCodes.WrongType, InputChecks.AgencyInput(ids[r], definition.Name, EngineText.Format("ValueNotFinite", value.ToString(System.Globalization.CultureInfo.InvariantCulture))), errors, rejected);
                    else if (InputChecks.OutOfRange(definition, value) is { } problem)
                        Reject(r, ids[r], definition.Name, DiagnosticCodes.OutOfRange, InputChecks.AgencyInput(ids[r], definition.Name, problem), errors, rejected);
                }
                return (copy ?? values, mask);
            }
            case InputType.Bool:
            {
                if (column is null)
                {
                    var filled = new bool[rows];
                    for (var r = 0; r < rows; r++)
                        if (HandleMissing(definition, r, ids, errors, rejected, mask) && definition.Missing == MissingPolicy.Default)
                            filled[r] = definition.Default is true;
                    return (filled, mask);
                }
                return (column as bool[] ?? throw WrongColumnType(definition, "bool[]"), mask);
            }
            default:
            {
                var values = column as string?[] ?? (column is null ? new string?[rows] : throw WrongColumnType(definition, "string[]"));
                string?[]? copy = null;
                for (var r = 0; r < rows; r++)
                {
                    var value = values[r];
                    if (value is null)
                    {
                        if (HandleMissing(definition, r, ids, errors, rejected, mask) && definition.Missing == MissingPolicy.Default)
                            (copy ??= (string?[])values.Clone())[r] = (string?)definition.Default;
                    }
                    else if (definition.Type == InputType.Enum && !definition.Values.Contains(value))
                        Reject(r, ids[r], definition.Name, DiagnosticCodes.WrongType,
                            InputChecks.AgencyInput(ids[r], definition.Name, EngineText.Format("ValueNotEnum", ValueConverter.Shorten(value), string.Join(", ", definition.Values))) + NameSuggester.Hint(value, definition.Values), errors, rejected);
                }
                return (copy ?? values, mask);
            }
        }
    }

    /// <summary>Applies the missing policy to one value; returns true when the row stays.</summary>
    private static bool HandleMissing(InputDefinition input, int row, IReadOnlyList<string> ids, List<RowError> errors, bool[] rejected, bool[] mask)
    {
        switch (input.Missing)
        {
            case MissingPolicy.Error:
                Reject(row, ids[row], input.Name, DiagnosticCodes.MissingValue, InputChecks.AgencyInput(ids[row], input.Name, InputChecks.MissingRequired), errors, rejected);
                return false;
            case MissingPolicy.NotApplicable:
                mask[row] = true;
                return true;
            default:
                return true;
        }
    }

    private static void Reject(int row, string? id, string field, string code, string message, List<RowError> errors, bool[] rejected)
    {
        rejected[row] = true;
        errors.Add(new RowError(id, row + 1, field, code, message, SourceLocation.None));
    }

    private static void ReportUnknownColumns(InputSchema schema, IReadOnlyDictionary<string, Array> columns, List<Diagnostic> diagnostics)
    {
        var known = schema.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = new UnknownFields(schema.RuleSetId, known.ToList());
        foreach (var name in columns.Keys.Where(n => !known.Contains(n))) unknown.Note(name, SourceLocation.None);
        diagnostics.AddRange(unknown.Flush());
    }

    private static double[] Filled(int rows, double value)
    {
        var array = new double[rows];
        Array.Fill(array, value);
        return array;
    }

    private static ArgumentException WrongColumnType(InputDefinition input, string expected) =>
        new($"The column '{input.Name}' must be a {expected} for a {input.Type.ToString().ToLowerInvariant()} input.", "columns");
}
