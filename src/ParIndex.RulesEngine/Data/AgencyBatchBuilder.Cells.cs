using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>The cells of one data row as spans (already trimmed; empty when the row has no such cell).</summary>
internal interface IRowCells
{
    /// <summary>The agency id cell.</summary>
    ReadOnlySpan<char> Id { get; }
    /// <summary>The agency name cell.</summary>
    ReadOnlySpan<char> Name { get; }
    /// <summary>The cell of the input at <paramref name="index"/> (its position among all inputs).</summary>
    ReadOnlySpan<char> Input(int index);
}

public sealed partial class AgencyBatchBuilder
{
    /// <summary>What the cell path needs of each input, by input index, looked up once per builder.</summary>
    private CellInput[]? _cellInputs;
    /// <summary>True when the culture's decimal separator is '.', so "12.5" can be parsed as it stands.</summary>
    private bool _pointIsDot;

    /// <summary>
    /// Adds a row straight from its cells, without a string per cell (only the id, the name and
    /// text inputs become strings): each value is parsed from its span into the place after the
    /// column's last row, and those places are kept only once every cell passed and the id is
    /// new. Returns false, having kept nothing, when any cell would be an error: the caller then
    /// adds the row through <see cref="Add(string?, string?, Func{string, object?}, IEnumerable{string}?, Func{string?, Diagnostics.SourceLocation}, IReadOnlyList{RowError}?)"/>,
    /// which finds and words every error, so both ways reject and word rows identically.
    /// </summary>
    /// <remarks>
    /// .NET 8 cannot instantiate a generic over a ref struct, so there the cells come as an ordinary
    /// struct (still one specialised copy of this method, no boxing).
    /// </remarks>
#if NET9_0_OR_GREATER
    internal bool TryAddCells<TCells>(scoped in TCells cells) where TCells : IRowCells, allows ref struct
#else
    internal bool TryAddCells<TCells>(scoped in TCells cells) where TCells : struct, IRowCells
#endif
    {
        var inputs = _cellInputs ??= CellInputs();
        var idCell = cells.Id;
        var nameCell = cells.Name;
        if (idCell.IsEmpty || idCell.Length > InputChecks.MaxCellLength || nameCell.Length > InputChecks.MaxCellLength) return false;
        for (var k = 0; k < inputs.Length; k++)
        {
            ref readonly var input = ref inputs[k];
            var cell = cells.Input(k);
            if (cell.Length > InputChecks.MaxCellLength) return false;
            var missing = cell.IsEmpty;
            if (input.Mask is { } mask) mask.Pending = missing;
            if (missing)
            {
                if (input.Missing == MissingPolicy.Error) return false;
                var useDefault = input.Missing == MissingPolicy.Default;
                switch (input.Type)
                {
                    case InputType.Number: _numbers[input.Slot].Pending = useDefault ? input.DefaultNumber : double.NaN; break;
                    case InputType.Bool: _bools[input.Slot].Pending = useDefault && input.DefaultBool; break;
                    default: _texts[input.Slot].Pending = useDefault ? input.DefaultText : null; break;
                }
                continue;
            }
            switch (input.Type)
            {
                case InputType.Number:
                    if (!(NumberGrammar.TryParsePlain(cell, _pointIsDot, out var number)
                          || NumberGrammar.TryParse(cell, _culture, _options.AllowThousands, out number, out _, out _)) || !double.IsFinite(number)
                        || number < input.Min || number > input.Max)
                        return false;
                    _numbers[input.Slot].Pending = number;
                    break;
                case InputType.Bool:
                    if (!CellValues.TryBool(cell, out var flag)) return false;
                    _bools[input.Slot].Pending = flag;
                    break;
                case InputType.Enum:
                    if (CellValues.EnumValue(cell, input.Definition) is not { } declared) return false;
                    _texts[input.Slot].Pending = declared;
                    break;
                default:
                    _texts[input.Slot].Pending = cell.ToString();
                    break;
            }
        }
        var id = AgencyIdRegistry.Nfc(idCell.ToString())!;
        // Nothing after this check can refuse the row, so the id is registered by it.
        if (id.Length > InputChecks.MaxCellLength || !_seenIds.TryAccept(id, _rowNumber + 1)) return false;
        _rowNumber++;
        PendingRows++;
        _ids.Add(id);
        _rowNumbers.Add(_rowNumber);
        _names.Add(nameCell.IsEmpty ? null : nameCell.ToString());
        foreach (var column in _numbers) column.Advance();
        foreach (var column in _bools) column.Advance();
        foreach (var column in _texts) column.Advance();
        foreach (var column in _missing) column?.Advance();
        return true;
    }

    private CellInput[] CellInputs()
    {
        _pointIsDot = _culture.NumberFormat.NumberDecimalSeparator == ".";
        return _inputs.Select(CellInputOf).ToArray();
    }

    private CellInput CellInputOf(Binding.BoundInput bound)
    {
        var input = bound.Definition;
        var byDefault = input.Missing == MissingPolicy.Default;
        return new CellInput(input, input.Type, input.Missing, bound.Slot, _missing[bound.Index],
            input.Min ?? double.NegativeInfinity, input.Max ?? double.PositiveInfinity,
            byDefault && input.Type == InputType.Number ? Convert.ToDouble(input.Default, System.Globalization.CultureInfo.InvariantCulture) : double.NaN,
            byDefault && input.Default is true,
            byDefault ? input.Default as string : null);
    }

    /// <summary>One input as the cell path reads it: type, policy, column slot, limits and default, without a look-up per cell.</summary>
    private readonly record struct CellInput(InputDefinition Definition, InputType Type, MissingPolicy Missing, int Slot, ColumnBuffer<bool>? Mask,
        double Min, double Max, double DefaultNumber, bool DefaultBool, string? DefaultText);
}
