using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>One CSV record: its fields, or why its first line could not be read.</summary>
/// <param name="FirstLine">1-based physical line where the record starts.</param>
/// <param name="LastLine">Last physical line it covers (a quoted field may hold line breaks).</param>
/// <param name="Fields">The fields, or null when the record is bad.</param>
/// <param name="Problem">Why the record is bad (null when it is good).</param>
/// <param name="Column">1-based field where the problem starts (0 when the record is good).</param>
/// <param name="LeadingFields">For a bad record: the fields of its first line before the bad one (to name the agency).</param>
/// <param name="Truncated">True when this is the file's last line, it has no line break and it was cut in the middle of the record.</param>
internal sealed record CsvRecord(int FirstLine, int LastLine, string[]? Fields, string? Problem, int Column, IReadOnlyList<string> LeadingFields, bool Truncated = false)
{
    /// <summary>Where each field starts (physical line, 1-based character column); only when the splitter tracks positions.</summary>
    public CsvPosition[]? FieldStarts { get; init; }

    /// <summary>For a bad record: the character the problem is at (the quote left open, or the character that breaks the field).</summary>
    public CsvPosition ProblemAt { get; init; }

    /// <summary>For a bad record: what is wrong (<see cref="CsvProblem.None"/> for a good one).</summary>
    public CsvProblem Kind { get; init; }
}

/// <summary>What makes a CSV record bad.</summary>
internal enum CsvProblem
{
    /// <summary>The record is good.</summary>
    None,
    /// <summary>A quoted field is still open at the end of the file or past the record limit.</summary>
    QuoteNeverClosed,
    /// <summary>A quoted field closes on a later line, but the lines then hold another number of fields than the header.</summary>
    QuoteSpansFieldCount,
    /// <summary>A character other than a blank follows a closing quote before the delimiter.</summary>
    TextAfterClosingQuote,
    /// <summary>A quote inside an unquoted value.</summary>
    QuoteInUnquotedField,
}

/// <summary>A place in CSV text: 1-based physical line and character column.</summary>
internal readonly record struct CsvPosition(int Line, int Column);

/// <summary>
/// Splits CSV text into records (RFC 4180: fields separated by one delimiter, optionally in
/// double quotes, "" for a quote inside quotes, line breaks allowed inside quotes), one physical
/// line at a time. CsvHelper is not used for data: after an unterminated quote it reads on to
/// the next quote, so the lines in between vanish into one field or one "malformed" record with
/// no error for the rows on them. Here a record that spans several lines is accepted only when it
/// is well formed and has the header's number of fields; otherwise only its first line is
/// rejected (with the range the bad quote covered) and reading resumes on the next physical
/// line, so every other line is read as usual.
/// </summary>
internal sealed class CsvRecordSplitter
{
    /// <summary>Longest record accepted across lines; a quote still open after this many characters is a bad quote.</summary>
    public const int MaxRecordChars = 1 << 20;

    private readonly IPhysicalLines _lines;
    /// <summary>Lines read ahead and put back, the next one on top.</summary>
    private readonly Stack<PhysicalLine> _lookahead = new();

    private readonly bool _trackPositions;

    /// <param name="reader">The CSV text.</param>
    /// <param name="trackPositions">Record where every field starts (<see cref="CsvRecord.FieldStarts"/>), for messages at a cell; off for agency data, where a field is named by its column.</param>
    public CsvRecordSplitter(TextReader reader, bool trackPositions = false) : this(new TextReaderLines(reader), trackPositions)
    {
    }

    /// <param name="lines">The physical lines of the CSV text.</param>
    /// <param name="trackPositions">Record where every field starts, as above.</param>
    public CsvRecordSplitter(IPhysicalLines lines, bool trackPositions = false)
    {
        _lines = lines;
        _trackPositions = trackPositions;
    }

    /// <summary>True when lines were put back after a bad record: they are read (as records of their own) before any new line.</summary>
    public bool HasPutBackLines => _lookahead.Count > 0;

    /// <summary>Hands a line already read from the source to the splitter, to be read next.</summary>
    public void PutBack(PhysicalLine line) => _lookahead.Push(line);

    /// <summary>The delimiter: set from the header (comma, semicolon or tab, whichever occurs most outside quotes).</summary>
    public char Delimiter { get; private set; } = ',';

    /// <summary>Reads the header record and chooses the delimiter from it; null for an empty file.</summary>
    public CsvRecord? ReadHeader()
    {
        var first = NextLine();
        while (first is { Text.Length: 0 }) first = NextLine();
        if (first is null) return null;
        Delimiter = DetectDelimiter(first.Text);
        _lookahead.Push(first);
        return Next(expectedFields: null);
    }

    /// <summary>The next record, or null at the end. <paramref name="expectedFields"/>: the header's field count.</summary>
    public CsvRecord? Next(int? expectedFields)
    {
        PhysicalLine? first;
        do first = NextLine();
        while (first is not null && string.IsNullOrWhiteSpace(first.Text));
        if (first is null) return null;

        var parser = new FieldParser(Delimiter, _trackPositions);
        var consumed = new List<PhysicalLine> { first };
        var line = first;
        var length = 0;
        while (true)
        {
            length += line.Text.Length;
            var state = parser.Feed(line.Text, line.Number);
            if (state == ParseState.Malformed)
                return Bad(first, consumed, parser, $"{parser.Problem}", parser.ProblemKind);
            if (state == ParseState.Complete)
            {
                var fields = parser.Fields.ToArray();
                if (consumed.Count > 1 && expectedFields is { } expected && fields.Length != expected)
                    return Bad(first, consumed, parser, EngineText.Format("CsvQuoteFieldCount", parser.OpenedField, line.Number, first.Number, line.Number, fields.Length, expected), CsvProblem.QuoteSpansFieldCount);
                var truncated = !line.Terminated && consumed.Count == 1 && expectedFields is { } header && fields.Length < header;
                return new CsvRecord(first.Number, line.Number, fields, null, 0, [], truncated) { FieldStarts = parser.Starts?.ToArray() };
            }
            // Inside quotes at the end of the line: the field goes on on the next line.
            var next = length > MaxRecordChars ? null : NextLine();
            if (next is null)
            {
                var why = length > MaxRecordChars
                    ? EngineText.Format("CsvQuoteOpenTooLong", parser.OpenedField, MaxRecordChars, line.Number)
                    : EngineText.Format("CsvQuoteOpenAtEnd", parser.OpenedField);
                return Bad(first, consumed, parser, why, CsvProblem.QuoteNeverClosed);
            }
            parser.FeedLineBreak(line.Terminator);
            consumed.Add(next);
            line = next;
        }
    }

    /// <summary>
    /// The record starting at <paramref name="first"/> is bad: report it over the lines it
    /// covered, and put every line after the first back, to be read as records of their own.
    /// </summary>
    private CsvRecord Bad(PhysicalLine first, List<PhysicalLine> consumed, FieldParser parser, string problem, CsvProblem kind)
    {
        for (var i = consumed.Count - 1; i >= 1; i--) _lookahead.Push(consumed[i]);
        var leading = FieldParser.LeadingFields(first.Text, Delimiter);
        return new CsvRecord(first.Number, consumed[^1].Number, null, problem, parser.ProblemField, leading)
        {
            // A quote left open is reported where it was opened; a broken field where it breaks.
            ProblemAt = kind is CsvProblem.QuoteNeverClosed or CsvProblem.QuoteSpansFieldCount ? parser.OpenedAt : parser.ProblemAt,
            Kind = kind,
        };
    }

    private PhysicalLine? NextLine() => _lookahead.Count > 0 ? _lookahead.Pop() : _lines.Next();

    /// <summary>Comma, semicolon or tab: whichever occurs most outside quotes in the header line.</summary>
    public static char DetectDelimiter(string header)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == ',') commas++;
            else if (c == ';') semicolons++;
            else if (c == '\t') tabs++;
        }
        if (semicolons > commas && semicolons >= tabs) return ';';
        if (tabs > commas && tabs > semicolons) return '\t';
        return ',';
    }

    private enum ParseState { Complete, InQuotes, Malformed }

    /// <summary>The RFC 4180 state machine over one record, fed line by line.</summary>
    private sealed class FieldParser(char delimiter, bool trackPositions = false)
    {
        private readonly StringBuilder _field = new();
        private bool _inQuotes;
        private bool _quotedField;
        private bool _afterClosingQuote;
        private CsvPosition _fieldStart;

        public List<string> Fields { get; } = new();
        /// <summary>Where each field starts; null unless positions are tracked.</summary>
        public List<CsvPosition>? Starts { get; } = trackPositions ? new() : null;
        /// <summary>Where the last quoted field was opened.</summary>
        public CsvPosition OpenedAt { get; private set; }
        /// <summary>The character a malformed field breaks at.</summary>
        public CsvPosition ProblemAt { get; private set; }
        public CsvProblem ProblemKind { get; private set; }
        public string? Problem { get; private set; }
        /// <summary>1-based field where the problem (or the still open quote) starts.</summary>
        public int ProblemField { get; private set; }
        /// <summary>1-based field whose quote is (or was) open across lines.</summary>
        public int OpenedField { get; private set; }

        public ParseState Feed(string line, int lineNumber = 0)
        {
            // The record's first line: its first field starts at column 1 (continuation lines go on inside a quoted field).
            if (Fields.Count == 0 && !_inQuotes && _field.Length == 0) _fieldStart = new CsvPosition(lineNumber, 1);
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (_inQuotes)
                {
                    if (c != '"') _field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"') { _field.Append('"'); i++; }
                    else { _inQuotes = false; _afterClosingQuote = true; }
                    continue;
                }
                if (c == delimiter)
                {
                    EndField();
                    _fieldStart = new CsvPosition(lineNumber, i + 2);
                    continue;
                }
                if (_afterClosingQuote)
                {
                    if (c is ' ' or '\t') continue;
                    ProblemAt = new CsvPosition(lineNumber, i + 1);
                    return Malformed(CsvProblem.TextAfterClosingQuote, EngineText.Format("CsvTextAfterQuote", c, Fields.Count + 1));
                }
                if (c == '"')
                {
                    if (_field.ToString().Trim().Length > 0)
                    {
                        ProblemAt = new CsvPosition(lineNumber, i + 1);
                        return Malformed(CsvProblem.QuoteInUnquotedField, EngineText.Format("CsvQuoteInUnquoted", Fields.Count + 1));
                    }
                    _field.Clear();
                    OpenedAt = new CsvPosition(lineNumber, i + 1);
                    _inQuotes = true;
                    _quotedField = true;
                    OpenedField = ProblemField = Fields.Count + 1;
                    continue;
                }
                _field.Append(c);
            }
            if (_inQuotes) return ParseState.InQuotes;
            EndField();
            return ParseState.Complete;
        }

        /// <summary>A line break inside quotes is part of the field.</summary>
        public void FeedLineBreak(string terminator) => _field.Append(terminator.Length == 0 ? "\n" : terminator);

        private void EndField()
        {
            Fields.Add(_quotedField ? _field.ToString() : _field.ToString().Trim());
            Starts?.Add(_fieldStart);
            _field.Clear();
            _quotedField = false;
            _afterClosingQuote = false;
        }

        private ParseState Malformed(CsvProblem kind, string problem)
        {
            ProblemKind = kind;
            Problem = problem;
            ProblemField = Fields.Count + 1;
            return ParseState.Malformed;
        }

        /// <summary>The well-formed fields of <paramref name="line"/> before the first field with a quote problem or an open quote.</summary>
        public static IReadOnlyList<string> LeadingFields(string line, char delimiter)
        {
            var parser = new FieldParser(delimiter);
            var state = parser.Feed(line);
            return state == ParseState.Complete ? parser.Fields : parser.Fields.ToList();
        }
    }
}
