using nietras.SeparatedValues;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads CSV agency data record by record into an <see cref="AgencyBatchBuilder"/>. Sep splits
/// the text into physical lines and fields (quotes parsing off, so a line is always a line); the
/// header is bound to input positions once, and each line without a quote character goes from
/// its field spans straight into the typed columns (<see cref="AgencyBatchBuilder.TryAddCells"/>).
/// A line with a quote, a short last line without a line break (perhaps truncated), and every line
/// put back after a bad quote go through <see cref="CsvRecordSplitter"/>, the RFC 4180 splitter
/// that defines what a record is; a row with a bad cell is re-read as text to word its errors.
/// Not thread-safe; one instance per read.
/// </summary>
internal sealed class CsvAgencyRows : IPhysicalLines, IDisposable
{
    private readonly InputSchema _schema;
    private readonly AgencyBatchBuilder _builder;
    private readonly string? _source;
    private readonly LineBreakTracker _text;
    private readonly SepReader? _sep;
    private readonly CsvRecordSplitter _splitter;
    private Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private string[] _header = [];
    private int _headerLine;
    private int _idColumn = -1;
    private int _nameColumn = -1;
    private int[] _inputColumns = [];
    /// <summary>Number of the last physical line taken from Sep.</summary>
    private int _line;
    private bool _headerRead;
    private bool _ended;

    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="text">The CSV text (disposed with this reader).</param>
    /// <param name="source">A label for messages.</param>
    /// <param name="builder">Where rows go.</param>
    /// <param name="splitterOnly">
    /// Read every line with <see cref="CsvRecordSplitter"/> and every row as text, without Sep:
    /// the reference the fast path is tested against (it defines what a record and a row error are).
    /// </param>
    public CsvAgencyRows(InputSchema schema, TextReader text, string? source, AgencyBatchBuilder builder, bool splitterOnly = false)
    {
        _schema = schema;
        _builder = builder;
        _source = source;
        _text = new LineBreakTracker(text);
        if (splitterOnly)
        {
            _splitter = new CsvRecordSplitter(text);
            return;
        }
        _splitter = new CsvRecordSplitter(this);
        var first = _text.PeekFirstLine();
        if (first is null) return;
        var delimiter = CsvRecordSplitter.DetectDelimiter(first);
        _sep = Sep.Reader(o => o with
        {
            Sep = new Sep(delimiter),
            HasHeader = false,
            DisableQuotesParsing = true,
            DisableColCountCheck = true,
            DisableFastFloat = true,
        }).From(_text, leaveOpen: true);
    }

    /// <summary>Reads the next record (an agency row, or a line that cannot be one) into the builder; false at the end.</summary>
    public bool ReadRecord()
    {
        if (_ended) return false;
        if (!_headerRead) return ReadHeader();
        while (true)
        {
            if (_splitter.HasPutBackLines || _sep is null) return Handle(_splitter.Next(_header.Length));
            if (!_sep.MoveNext()) return End();
            var row = _sep.Current;
            var line = ++_line;
            var lineBreak = _text.TakeBreak();
            var span = row.Span;
            if (span.IsWhiteSpace()) continue;
            if (span.Contains('"') || (lineBreak.Length == 0 && row.ColCount < _header.Length))
            {
                _splitter.PutBack(new PhysicalLine(line, span.ToString(), lineBreak));
                return Handle(_splitter.Next(_header.Length));
            }
#if NET9_0_OR_GREATER
            if (!_builder.TryAddCells(new SepRowCells(row, _idColumn, _nameColumn, _inputColumns)))
#else
            if (!_builder.TryAddCells(new SepRowCells(_sep, _idColumn, _nameColumn, _inputColumns)))
#endif
            {
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = row[i].Span.Trim().ToString();
                AddRow(fields, line);
            }
            return true;
        }
    }

    /// <summary>The splitter's source: the next physical line from Sep, as text.</summary>
    PhysicalLine? IPhysicalLines.Next()
    {
        if (_sep is null || !_sep.MoveNext()) return null;
        return new PhysicalLine(++_line, _sep.Current.Span.ToString(), _text.TakeBreak());
    }

    public void Dispose()
    {
        _sep?.Dispose();
        _text.Dispose();
    }

    private bool End()
    {
        _ended = true;
        return false;
    }

    private bool ReadHeader()
    {
        _headerRead = true;
        var headerRecord = _splitter.ReadHeader();
        if (headerRecord is null)
        {
            _builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "CsvEmpty", DiagnosticSeverity.Error, new SourceLocation(_source, null, 1, 1)));
            return End();
        }
        if (headerRecord.Fields is not { } header)
        {
            _builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "CsvHeader", DiagnosticSeverity.Error,
                new SourceLocation(_source, null, headerRecord.FirstLine, headerRecord.Column), headerRecord.Problem, Range(headerRecord)));
            return End();
        }
        _header = header;
        _headerLine = headerRecord.FirstLine;
        _columns = ReadColumns(_schema, _builder, header, i => new SourceLocation(_source, null, _headerLine, i + 1));
        ReportMissingColumns(_schema, _builder, _columns, EngineText.Get("KindCsv"), new SourceLocation(_source, null, 1, 0));
        _builder.DeclareFields(_columns.Keys, name => new SourceLocation(_source, null, _headerLine, _columns[name] + 1));
        _idColumn = _columns.GetValueOrDefault(_schema.IdColumn, -1);
        _nameColumn = _columns.GetValueOrDefault(_schema.NameColumn, -1);
        _inputColumns = _schema.Inputs.Select(i => _columns.GetValueOrDefault(i.Name, -1)).ToArray();
        return ReadRecord();
    }

    /// <summary>A record from the splitter: a row, a truncated last line, or a line with a bad quote.</summary>
    private bool Handle(CsvRecord? record)
    {
        if (record is null) return End();
        var line = record.FirstLine;
        if (record.Fields is not { } fields)
        {
            var id = _idColumn >= 0 && _idColumn < record.LeadingFields.Count ? record.LeadingFields[_idColumn].Trim() : null;
            var who = string.IsNullOrEmpty(id) ? "" : EngineText.Format("RowAgencyWho", InputChecks.Shorten(id));
            var lines = record.LastLine > record.FirstLine
                ? DiagnosticCatalog.BadQuote.FormatSituation("Lines", [Range(record), record.Problem, record.FirstLine, who, record.FirstLine + 1, record.LastLine])
                : DiagnosticCatalog.BadQuote.FormatSituation("Line", [record.FirstLine, who, record.Problem]);
            _builder.RejectRow(string.IsNullOrEmpty(id) ? null : AgencyIdRegistry.Normalize(id), DiagnosticCodes.BadQuote, lines,
                new SourceLocation(_source, null, record.FirstLine, record.Column));
            return true;
        }
        if (record.Truncated)
        {
            _builder.Report(Diagnostic.Create(DiagnosticCatalog.TruncatedFile, "File", DiagnosticSeverity.Error,
                new SourceLocation(_source, null, line, fields.Length), line, fields.Length, _header.Length));
            _builder.RejectRow(AgencyIdRegistry.Normalize(Cell(fields, _schema.IdColumn)), DiagnosticCodes.TruncatedFile,
                DiagnosticCatalog.TruncatedFile.FormatSituation("Row", [line, fields.Length, _header.Length]), new SourceLocation(_source, null, line, fields.Length));
            return true;
        }
        AddRow(fields, line);
        return true;
    }

    /// <summary>Adds a row from its fields as text, checking and wording every problem.</summary>
    private void AddRow(string[] fields, int line) =>
        _builder.Add(Cell(fields, _schema.IdColumn), Cell(fields, _schema.NameColumn), name => Cell(fields, name), null,
            field => new SourceLocation(_source, null, line, field is not null && _columns.TryGetValue(field, out var c) ? c + 1 : 0));

    private string? Cell(string[] fields, string name) => _columns.TryGetValue(name, out var index) && index < fields.Length ? fields[index] : null;

    private static string Range(CsvRecord record) => record.LastLine > record.FirstLine ? $"{record.FirstLine}–{record.LastLine}" : $"{record.FirstLine}";

    /// <summary>
    /// Column positions by input name (a heading that is an input's name, <c>column</c> alias or
    /// title counts as that input; <see cref="ColumnHeadings"/>); other headings keep their text.
    /// A heading that stands for two inputs, or two headings for one input, is a file-level error
    /// (which of the two holds the data?). Every tabular reader (CSV, workbook) binds its header
    /// here; <paramref name="locate"/> places a 0-based column.
    /// </summary>
    internal static Dictionary<string, int> ReadColumns(InputSchema schema, AgencyBatchBuilder builder, string[] header, Func<int, SourceLocation> locate)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var heading = header[i].Trim().TrimStart('\uFEFF');
            var inputs = schema.Headings.InputsHeadedBy(heading);
            if (inputs.Count > 1)
            {
                builder.Report(Diagnostic.Create(DiagnosticCatalog.AmbiguousColumn, locate(i),
                    InputChecks.Shorten(heading), i + 1, string.Join(", ", inputs.Select(n => $"'{n}'"))));
                continue;
            }
            var name = inputs.Count == 1 ? inputs[0] : heading;
            if (columns.TryAdd(name, i)) continue;
            var first = header[columns[name]].Trim().TrimStart('\uFEFF');
            builder.Report(first == heading
                ? Diagnostic.Create(DiagnosticCatalog.RepeatedColumn, "Same", DiagnosticSeverity.Error, locate(i),
                    InputChecks.Shorten(heading), columns[name] + 1, i + 1)
                : Diagnostic.Create(DiagnosticCatalog.RepeatedColumn, "SameInput", DiagnosticSeverity.Error, locate(i),
                    InputChecks.Shorten(first), columns[name] + 1, InputChecks.Shorten(heading), i + 1, name));
        }
        return columns;
    }

    /// <summary>Reports the id column and inputs the header lacks; <paramref name="kind"/> names the file type in the message (EngineText KindCsv, KindWorkbook).</summary>
    internal static void ReportMissingColumns(InputSchema schema, AgencyBatchBuilder builder, Dictionary<string, int> columns, string kind, SourceLocation header)
    {
        if (!columns.ContainsKey(schema.IdColumn))
            builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "NoIdColumn", DiagnosticSeverity.Error, header, kind, schema.IdColumn));
        foreach (var input in schema.Inputs.Where(i => !columns.ContainsKey(i.Name)))
        {
            var policy = input.Definition.Missing;
            var severity = policy == Definition.MissingPolicy.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            builder.Report(Diagnostic.Create(DiagnosticCatalog.DataFile, "NoInputColumn", severity, header,
                kind, input.Name, policy, Binding.NameSuggester.Hint(input.Name, columns.Keys)));
        }
    }

    /// <summary>The cells of one Sep row by input position, trimmed; empty where the row has no such field.</summary>
#if NET9_0_OR_GREATER
    private readonly ref struct SepRowCells(SepReader.Row row, int idColumn, int nameColumn, int[] inputColumns) : IRowCells
    {
        private readonly SepReader.Row _row = row;
#else
    // .NET 8: a generic cannot take a ref struct, so this holds the reader and reads its current row.
    private readonly struct SepRowCells(SepReader reader, int idColumn, int nameColumn, int[] inputColumns) : IRowCells
    {
        private SepReader.Row _row => reader.Current;
#endif

        public ReadOnlySpan<char> Id => Cell(idColumn);
        public ReadOnlySpan<char> Name => Cell(nameColumn);
        public ReadOnlySpan<char> Input(int index) => Cell(inputColumns[index]);

        private ReadOnlySpan<char> Cell(int column) => column >= 0 && column < _row.ColCount ? _row[column].Span.Trim() : default;
    }
}
