using DocumentFormat.OpenXml.Packaging;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads the data sheet of a workbook into an <see cref="AgencyBatchBuilder"/>. The header is the
/// row of input names (a template's hidden row) when one of the first rows names the id column,
/// otherwise the first row with a value, together with the rows its merged cells reach down to
/// (for each column the lowest header text counts: a sub-heading under a merged group title).
/// It is bound by the CSV reader's header code. Each later row with a value is one agency; typed
/// numbers and booleans are taken as they are, text in the data's culture; an error value
/// (#DIV/0!, #N/A) rejects its row. Every location is the sheet and cell (<c>Nhập liệu!F12</c>).
/// </summary>
internal sealed class XlsxAgencyRows
{
    /// <summary>How far down the header (the row of input names) is looked for.</summary>
    private const int HeaderSearchRows = 20;

    private readonly InputSchema _schema;
    private readonly AgencyBatchBuilder _builder;
    private readonly string? _source;
    private readonly XlsxSheetReader _sheet;
    private readonly Func<string[], string[]>? _renameHeader;
    private Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private XlsxAgencyRows(InputSchema schema, AgencyBatchBuilder builder, string? source, XlsxSheetReader sheet, Func<string[], string[]>? renameHeader)
    {
        _renameHeader = renameHeader;
        _schema = schema;
        _builder = builder;
        _source = source;
        _sheet = sheet;
    }

    /// <summary>
    /// Reads the workbook's data sheet into <paramref name="builder"/>, checking <paramref name="cancellationToken"/> between rows.
    /// <paramref name="renameHeader"/>, when given, maps the header's names before they are bound
    /// (the self round of paired columns swaps each input with its #self column).
    /// </summary>
    public static void ReadAll(InputSchema schema, SpreadsheetDocument document, string? source, AgencyBatchBuilder builder, CancellationToken cancellationToken,
        Func<string[], string[]>? renameHeader = null)
    {
        if (XlsxSheetReader.FirstVisible(document) is not { } sheet)
        {
            builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "NoSheet", DiagnosticSeverity.Error, new SourceLocation(source, null, 0, 0)));
            return;
        }
        new XlsxAgencyRows(schema, builder, source, sheet, renameHeader).Read(cancellationToken);
    }

    private void Read(CancellationToken cancellationToken)
    {
        var merged = _sheet.MergedRanges();
        var leading = new List<XlsxRow>();
        using var rows = _sheet.Rows().GetEnumerator();
        while (leading.Count < HeaderSearchRows && rows.MoveNext()) leading.Add(rows.Current);
        if (leading.Count == 0)
        {
            _builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "SheetEmpty", DiagnosticSeverity.Error, Place(0, 1), _sheet.SheetName));
            return;
        }
        var headerEnd = BindHeader(leading, merged);
        var n = 0;
        foreach (var row in leading.Where(r => r.Number > headerEnd)) Add(row, ref n, cancellationToken);
        while (rows.MoveNext()) Add(rows.Current, ref n, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Binds the header and returns the number of its last row (data rows come after it).</summary>
    private int BindHeader(List<XlsxRow> leading, List<(int FirstColumn, int FirstRow, int LastColumn, int LastRow)> merged)
    {
        var names = leading.FirstOrDefault(r => r.Columns.Any(c => c is { } cell && cell.AsText().Trim() == _schema.IdColumn));
        var first = names ?? leading[0];
        var last = merged.Where(m => m.FirstRow == first.Number).Select(m => m.LastRow).DefaultIfEmpty(first.Number).Max();
        var texts = new SortedDictionary<int, string>();
        foreach (var row in leading.Where(r => r.Number >= first.Number && r.Number <= last))
            foreach (var cell in row.Columns)
                if (cell is { } c && c.AsText().Trim() is { Length: > 0 } text)
                {
                    // A merged cell's text stands for every column of its range.
                    var range = merged.FirstOrDefault(m => m.FirstRow == row.Number && m.FirstColumn == c.Column && m.LastColumn > m.FirstColumn);
                    for (var column = c.Column; column <= Math.Max(c.Column, range.LastColumn); column++) texts[column] = text;
                }
        var header = texts.Values.ToArray();
        if (_renameHeader is not null) header = _renameHeader(header);
        var positions = texts.Keys.ToArray();
        var headerRow = last;
        var byPosition = CsvAgencyRows.ReadColumns(_schema, _builder, header, i => Place(positions[i], headerRow));
        _columns = byPosition.ToDictionary(p => p.Key, p => positions[p.Value], StringComparer.Ordinal);
        CsvAgencyRows.ReportMissingColumns(_schema, _builder, _columns, EngineText.Get("KindWorkbook"), Place(0, headerRow) with { Cell = $"{_sheet.SheetName}!{headerRow}:{headerRow}" });
        _builder.DeclareFields(_columns.Keys, name => Place(_columns[name], headerRow));
        return last;
    }

    private void Add(XlsxRow row, ref int n, CancellationToken cancellationToken)
    {
        if (n++ % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
        List<RowError>? errors = null;
        foreach (var (name, column) in _columns)
            if (row.At(column) is { Kind: XlsxCellKind.Error } bad)
                (errors ??= []).Add(new RowError(null, 0, name, DiagnosticCodes.WrongType,
                    DiagnosticCatalog.WrongType.FormatSituation("CellError", [name, $"{_sheet.SheetName}!{CellReference.Address(column, row.Number)}", bad.Text]),
                    Place(column, row.Number)));
        _builder.Add(TextAt(row, _schema.IdColumn), TextAt(row, _schema.NameColumn), name => ValueAt(row, name), null,
            field => Place(field is not null && _columns.TryGetValue(field, out var c) ? c : _columns.GetValueOrDefault(_schema.IdColumn), row.Number),
            errors);
    }

    private string? TextAt(XlsxRow row, string name) =>
        _columns.TryGetValue(name, out var column) && row.At(column) is { Kind: not XlsxCellKind.Error } cell ? cell.AsText().Trim() : null;

    /// <summary>
    /// The value of an input's cell. An error cell gives a valid stand-in: the row is already
    /// rejected by the error naming the cell, and a second message about the stand-in would mislead.
    /// </summary>
    private object? ValueAt(XlsxRow row, string name)
    {
        if (!_columns.TryGetValue(name, out var column) || row.At(column) is not { } cell) return null;
        if (cell.Kind != XlsxCellKind.Error) return cell.Value;
        var input = _schema.Find(name)!.Definition;
        return input.Type switch
        {
            InputType.Number => input.Min ?? input.Max ?? 0.0,
            InputType.Bool => false,
            InputType.Enum => input.Values[0],
            _ => "",
        };
    }

    private SourceLocation Place(int column, int row) =>
        new(_source, null, row, column + 1) { Cell = $"{_sheet.SheetName}!{CellReference.Address(column, row)}" };
}
