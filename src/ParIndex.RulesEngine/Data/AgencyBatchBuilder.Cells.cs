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
    /// <summary>Per input: the value a missing cell gets under the 'default' policy, converted once.</summary>
    private double[]? _defaultNumbers;
    private bool[]? _defaultBools;
    /// <summary>Scratch values of the row being added (by input index): nothing is stored before every cell passed.</summary>
    private double[]? _rowValues;
    private bool[]? _rowBools;
    private string?[]? _rowTexts;
    private bool[]? _rowMissing;

    /// <summary>
    /// Adds a row straight from its cells, without a string per cell (only the id, the name and
    /// text inputs become strings), when every cell is valid and the id is new. Returns false,
    /// having changed nothing, when any cell would be an error: the caller then adds the row
    /// through <see cref="Add(string?, string?, Func{string, object?}, IEnumerable{string}?, Func{string?, Diagnostics.SourceLocation}, IReadOnlyList{RowError}?)"/>,
    /// which finds and words every error, so both ways reject and word rows identically.
    /// </summary>
    internal bool TryAddCells<TCells>(scoped in TCells cells) where TCells : IRowCells, allows ref struct
    {
        PrepareCellScratch();
        var idCell = cells.Id;
        var nameCell = cells.Name;
        if (idCell.IsEmpty || idCell.Length > InputChecks.MaxCellLength || nameCell.Length > InputChecks.MaxCellLength) return false;
        for (var k = 0; k < _inputs.Count; k++)
        {
            var input = _inputs[k].Definition;
            var cell = cells.Input(k);
            if (cell.Length > InputChecks.MaxCellLength) return false;
            _rowMissing![k] = false;
            if (cell.IsEmpty)
            {
                switch (input.Missing)
                {
                    case MissingPolicy.Error: return false;
                    case MissingPolicy.Default:
                        _rowValues![k] = _defaultNumbers![k];
                        _rowBools![k] = _defaultBools![k];
                        _rowTexts![k] = input.Default as string;
                        break;
                    default:
                        _rowMissing[k] = true;
                        _rowValues![k] = double.NaN;
                        _rowBools![k] = false;
                        _rowTexts![k] = null;
                        break;
                }
                continue;
            }
            switch (input.Type)
            {
                case InputType.Number:
                    if (!NumberGrammar.TryParse(cell, _culture, _options.AllowThousands, out var number, out _, out _) || !double.IsFinite(number)
                        || number < input.Min || number > input.Max)
                        return false;
                    _rowValues![k] = number;
                    break;
                case InputType.Bool:
                    if (!CellValues.TryBool(cell, out var flag)) return false;
                    _rowBools![k] = flag;
                    break;
                case InputType.Enum:
                    if (CellValues.EnumValue(cell, input) is not { } declared) return false;
                    _rowTexts![k] = declared;
                    break;
                default:
                    _rowTexts![k] = cell.ToString();
                    break;
            }
        }
        var id = AgencyIdRegistry.Nfc(idCell.ToString())!;
        if (id.Length > InputChecks.MaxCellLength || _seenIds.Problem(id) is not null) return false;
        _rowNumber++;
        PendingRows++;
        _seenIds.Add(id, _rowNumber);
        _ids.Add(id);
        _rowNumbers.Add(_rowNumber);
        _names.Add(nameCell.IsEmpty ? null : nameCell.ToString());
        for (var k = 0; k < _inputs.Count; k++)
        {
            var input = _inputs[k];
            switch (input.Type)
            {
                case InputType.Number: _numbers[input.Slot].Add(_rowValues![k]); break;
                case InputType.Bool: _bools[input.Slot].Add(_rowBools![k]); break;
                default: _texts[input.Slot].Add(_rowTexts![k]); break;
            }
            _missing[k]?.Add(_rowMissing![k]);
        }
        return true;
    }

    private void PrepareCellScratch()
    {
        if (_rowMissing is not null) return;
        var count = _inputs.Count;
        _rowValues = new double[count];
        _rowBools = new bool[count];
        _rowTexts = new string?[count];
        _rowMissing = new bool[count];
        _defaultNumbers = new double[count];
        _defaultBools = new bool[count];
        for (var k = 0; k < count; k++)
        {
            var input = _inputs[k].Definition;
            if (input.Missing != MissingPolicy.Default) continue;
            if (input.Type == InputType.Number) _defaultNumbers[k] = Convert.ToDouble(input.Default, System.Globalization.CultureInfo.InvariantCulture);
            if (input.Type == InputType.Bool) _defaultBools[k] = input.Default is true;
        }
    }
}
