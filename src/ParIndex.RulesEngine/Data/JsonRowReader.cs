using System.Text;
using System.Text.Json;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads the agencies array of a JSON data file one item at a time with <see cref="Utf8JsonReader"/>
/// over a buffer refilled from the input, so memory is bounded by the largest item, not the file.
/// Tokens are handled one by one (a row may straddle two buffers); numbers become doubles straight
/// from their bytes and known property names are matched on their bytes (<see cref="JsonFieldPlan"/>).
/// Places are exact: lines and character columns from <see cref="TextPosition"/>, paths built from
/// the item's index (never by searching the array), and a key given twice is noted for that row only.
/// Locations follow the convention of this reader: a value is placed at its last character, an
/// object or array value and an item at its first, a repeated key at its colon.
/// The same instance reads synchronously (<see cref="Next"/>) or asynchronously (<see cref="NextAsync"/>).
/// </summary>
internal sealed class JsonRowReader : IDisposable, IAsyncDisposable
{
    private const int InitialBuffer = 1 << 16;

    /// <summary>Comments and trailing commas are accepted; several values are read so content after the first is reported, not thrown (PAR0612).</summary>
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowMultipleValues = true, MaxDepth = 64,
    };

    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Utf8Input _input;
    private readonly string? _source;
    private readonly JsonFieldPlan _plan;
    private readonly JsonNonFiniteLiterals _literals = new();
    private byte[] _buffer = new byte[InitialBuffer];
    private long _base;
    private int _start;
    private int _ready;
    private int _end;
    private bool _inputDone;
    private JsonReaderState _state = new(ReaderOptions);
    private TextPosition _position = TextPosition.Start;
    private Phase _phase = Phase.Root;
    private Phase _afterSkip;
    private int _depth;
    private int _index = -1;
    private JsonRow? _row;
    private bool _inWrapper;
    private bool _isAgencies;
    private SourceLocation _rootStart = SourceLocation.None;
    private Diagnostic? _problem;
    // The property being read in a row: its plan index (-1 unknown), unknown name, whether it repeats.
    private int _field;
    private string? _key;
    private bool _repeated;
    private long _captureFrom = -1;
    private (int Line, int Column) _captureAt;
    private int _propertyIndex;
    private int[] _expected = new int[16];

    private enum Phase { Root, Wrapper, WrapperValue, Items, Row, RowValue, Capture, Skip, WrapperRest, WrapperRestValue, Done, Stopped }

    private enum Step { NeedData, Started, Row, EndOfRows, Problem, End }

    public JsonRowReader(Utf8Input input, string? source, JsonFieldPlan plan)
    {
        _input = input;
        _source = source;
        _plan = plan;
    }

    /// <summary>A reader of JSON text with no known fields (every key is noted as unknown), for tests of the reading itself.</summary>
    public JsonRowReader(TextReader text, string? source) : this(Utf8Input.FromText(text), source, new JsonFieldPlan([]))
    {
    }

    /// <summary>Moves to the first item; false (with the reason) when the document is not an array or an object with an "agencies" array.</summary>
    /// <exception cref="JsonDataException">The JSON is malformed.</exception>
    public bool Start(out Diagnostic? problem)
    {
        var step = Pump();
        problem = step == Step.Problem ? _problem : null;
        return step == Step.Started;
    }

    /// <summary>As <see cref="Start"/>: null when the first item is next, else the reason.</summary>
    public async ValueTask<Diagnostic?> StartAsync(CancellationToken cancellationToken) =>
        await PumpAsync(cancellationToken).ConfigureAwait(false) == Step.Started ? null : _problem;

    /// <summary>The next item, or null after the last. The row is reused: it is valid until the next call.</summary>
    /// <exception cref="JsonDataException">The JSON is malformed or ends inside the array.</exception>
    public JsonRow? Next() => Pump() == Step.Row ? _row : null;

    /// <summary>As <see cref="Next"/>, reading the input asynchronously.</summary>
    public async ValueTask<JsonRow?> NextAsync(CancellationToken cancellationToken) =>
        await PumpAsync(cancellationToken).ConfigureAwait(false) == Step.Row ? _row : null;

    /// <summary>After the array: the rest of the enclosing object, then nothing but whitespace and comments; the PAR0612 error when there is more.</summary>
    public Diagnostic? Finish() => Pump() == Step.Problem ? _problem : null;

    /// <summary>As <see cref="Finish"/>, reading the input asynchronously.</summary>
    public async ValueTask<Diagnostic?> FinishAsync(CancellationToken cancellationToken) =>
        await PumpAsync(cancellationToken).ConfigureAwait(false) == Step.Problem ? _problem : null;

    public void Dispose() => _input.Dispose();

    public ValueTask DisposeAsync() => _input.DisposeAsync();

    private Step Pump()
    {
        while (true)
        {
            var step = Advance();
            if (step != Step.NeedData) return step;
            MakeRoom();
            Filled(_input.Read(_buffer.AsSpan(_end)));
        }
    }

    private async ValueTask<Step> PumpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = Advance();
            if (step != Step.NeedData) return step;
            MakeRoom();
            Filled(await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Drops the bytes read (keeping a value being captured), growing the buffer when an item fills it.</summary>
    private void MakeRoom()
    {
        var keep = _captureFrom >= 0 ? (int)(_captureFrom - _base) : _start;
        _position.AdvanceTo(_buffer, _base, _base + keep);
        if (keep > 0)
        {
            _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
            (_base, _start, _ready, _end) = (_base + keep, _start - keep, _ready - keep, _end - keep);
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
    }

    private void Filled(int count)
    {
        if (count == 0) _inputDone = true;
        _end += count;
        _ready = _literals.Scan(_buffer.AsSpan(0, _end), _ready, _base, _inputDone);
    }

    private Step Advance()
    {
        if (_phase == Phase.Stopped) return Step.End;
        var final = _inputDone && _ready == _end;
        if (final && _phase == Phase.Root && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
            return Stop(Diagnostic.Create(DiagnosticCatalog.DataFile, "JsonEmpty", DiagnosticSeverity.Error,
                new SourceLocation(_source, null, _position.Line, _position.Column)));
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _ready - _start), final, _state);
        var step = Step.NeedData;
        try
        {
            while (step == Step.NeedData && reader.Read()) step = Token(ref reader);
        }
        catch (JsonException error)
        {
            return Failed(error);
        }
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        if (step == Step.NeedData && final)
        {
            if (_phase is Phase.Done or Phase.Stopped) return Step.End;
            throw Malformed(EngineText.Format("JsonEndsInside", Inside()), new TextPosition { Offset = -1 });
        }
        return step;
    }

    private Step Token(ref Utf8JsonReader reader)
    {
        var tokenStart = _base + _start + reader.TokenStartIndex;
        var tokenEnd = _base + _start + reader.BytesConsumed;
        var type = reader.TokenType;
        switch (_phase)
        {
            case Phase.Root:
                if (type == JsonTokenType.StartArray) return Begin("", inWrapper: false);
                var at = StartOf(tokenStart);
                if (type == JsonTokenType.StartObject)
                {
                    _rootStart = at;
                    _phase = Phase.Wrapper;
                    return Step.NeedData;
                }
                return Stop(NotAnArray(at));
            case Phase.Wrapper:
                if (type == JsonTokenType.EndObject) return Stop(NotAnArray(_rootStart));
                _isAgencies = reader.ValueTextEquals("agencies"u8);
                _phase = Phase.WrapperValue;
                return Step.NeedData;
            case Phase.WrapperValue:
                if (_isAgencies && type == JsonTokenType.StartArray) return Begin("agencies", inWrapper: true);
                return SkipValue(type, then: Phase.Wrapper);
            case Phase.Items:
                if (type == JsonTokenType.EndArray)
                {
                    _phase = _inWrapper ? Phase.WrapperRest : Phase.Done;
                    return Step.EndOfRows;
                }
                _index++;
                var composite = type is JsonTokenType.StartObject or JsonTokenType.StartArray;
                var place = composite ? StartAt(tokenStart) : EndOf(tokenEnd);
                _row!.Begin(_index, type == JsonTokenType.StartObject, place.Line, place.Column);
                _literals.IsLiteral(tokenStart, out _);
                if (type == JsonTokenType.StartObject)
                {
                    _phase = Phase.Row;
                    _propertyIndex = 0;
                    return Step.NeedData;
                }
                SkipValue(type, then: Phase.Items);
                return Step.Row;
            case Phase.Row:
                if (type == JsonTokenType.EndObject)
                {
                    _phase = Phase.Items;
                    return Step.Row;
                }
                Property(ref reader, tokenStart);
                _phase = Phase.RowValue;
                return Step.NeedData;
            case Phase.RowValue:
                return Value(ref reader, tokenStart, tokenEnd);
            case Phase.Capture:
                if (!Nest(type)) return Step.NeedData;
                var raw = Encoding.UTF8.GetString(_buffer.AsSpan((int)(_captureFrom - _base), (int)(tokenEnd - _captureFrom)));
                _row!.Set(_field, raw, composite: true, _captureAt.Line, _captureAt.Column);
                _captureFrom = -1;
                _phase = Phase.Row;
                return Step.NeedData;
            case Phase.Skip:
                if (Nest(type)) _phase = _afterSkip;
                return Step.NeedData;
            case Phase.WrapperRest:
                _phase = type == JsonTokenType.EndObject ? Phase.Done : Phase.WrapperRestValue;
                return Step.NeedData;
            case Phase.WrapperRestValue:
                return SkipValue(type, then: Phase.WrapperRest);
            default: // Done: a second value
                var after = StartOf(tokenStart);
                return Stop(AfterEnd(after.Line, after.Column));
        }
    }

    private Step Begin(string prefix, bool inWrapper)
    {
        _row = new JsonRow(_plan, _source, prefix);
        _inWrapper = inWrapper;
        _phase = Phase.Items;
        return Step.Started;
    }

    /// <summary>A property name in a row: which field it is, whether the row has it already (then the place of its colon is noted).</summary>
    private void Property(ref Utf8JsonReader reader, long tokenStart)
    {
        if (_literals.IsLiteral(tokenStart, out _)) throw Malformed("a property name must be a string in double quotes", Here(tokenStart));
        _field = FieldOf(ref reader, out _key);
        _repeated = _field >= 0 ? _row!.Has(_field) : _row!.HasUnknown(_key!);
        if (_repeated)
        {
            var colon = ColonAfter(tokenStart + reader.ValueSpan.Length + 2);
            _row.AddDuplicate(_key ?? _plan.Names[_field], colon.Line, colon.Column);
        }
    }

    /// <summary>The plan index of the current property name: the field at this position in the previous row is tried first, on bytes.</summary>
    private int FieldOf(ref Utf8JsonReader reader, out string? unknownName)
    {
        unknownName = null;
        if (_propertyIndex >= _expected.Length) Array.Resize(ref _expected, _expected.Length * 2);
        var hint = _expected[_propertyIndex];
        int field;
        if (!reader.ValueIsEscaped && hint < _plan.Utf8Names.Length && reader.ValueSpan.SequenceEqual(_plan.Utf8Names[hint])) field = hint;
        else
        {
            var name = JsonStrings.Read(ref reader);
            field = _plan.IndexOf(name);
            if (field >= 0) _expected[_propertyIndex] = field;
            else unknownName = name;
        }
        _propertyIndex++;
        return field;
    }

    private Step Value(ref Utf8JsonReader reader, long tokenStart, long tokenEnd)
    {
        var type = reader.TokenType;
        if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            if (_repeated || _field < 0)
            {
                if (!_repeated) NoteUnknown(StartAt(tokenStart));
                return SkipValue(type, then: Phase.Row);
            }
            (_captureFrom, _captureAt, _depth, _phase) = (tokenStart, StartAt(tokenStart), 1, Phase.Capture);
            return Step.NeedData;
        }
        _phase = Phase.Row;
        if (_repeated)
        {
            _literals.IsLiteral(tokenStart, out _);
            return Step.NeedData;
        }
        var place = EndOf(tokenEnd);
        if (_field < 0)
        {
            _literals.IsLiteral(tokenStart, out _);
            NoteUnknown(place);
            return Step.NeedData;
        }
        _row!.Set(_field, Scalar(ref reader, _plan.Kinds[_field], tokenStart), composite: false, place.Line, place.Column);
        return Step.NeedData;
    }

    private void NoteUnknown((int Line, int Column) at) => _row!.AddUnknown(_key!, at.Line, at.Column);

    /// <summary>A scalar value for a field of <paramref name="kind"/>; see <see cref="ValueConverter"/> for the rules of JSON numbers.</summary>
    private object? Scalar(ref Utf8JsonReader reader, JsonFieldKind kind, long tokenStart) => reader.TokenType switch
    {
        JsonTokenType.String => _literals.IsLiteral(tokenStart, out var literal) ? (object)literal : JsonStrings.Read(ref reader),
        JsonTokenType.Number => kind == JsonFieldKind.Text ? ValueConverter.JsonNumberText(reader.ValueSpan) : ValueConverter.JsonNumber(reader.ValueSpan),
        JsonTokenType.True => True,
        JsonTokenType.False => False,
        _ => null,
    };

    /// <summary>Skips an object or array value token by token (it may span buffers); a scalar is already whole.</summary>
    private Step SkipValue(JsonTokenType type, Phase then)
    {
        if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            (_depth, _afterSkip, _phase) = (1, then, Phase.Skip);
        }
        else _phase = then;
        return Step.NeedData;
    }

    /// <summary>Follows nesting inside a skipped or captured value; true when the value has closed.</summary>
    private bool Nest(JsonTokenType type)
    {
        if (type is JsonTokenType.StartObject or JsonTokenType.StartArray) _depth++;
        else if (type is JsonTokenType.EndObject or JsonTokenType.EndArray) _depth--;
        return _depth == 0;
    }

    private Step Stop(Diagnostic problem)
    {
        _problem = problem;
        _phase = Phase.Stopped;
        return Step.Problem;
    }

    /// <summary>A reader exception: content after the first value (PAR0612) once it is complete, else malformed JSON.</summary>
    private Step Failed(JsonException error)
    {
        var at = Here(OffsetOf(error));
        if (_phase == Phase.Done) return Stop(AfterEnd(at.Line, at.Column));
        if (at.Offset >= _base + _end && _inputDone) throw Malformed(EngineText.Format("JsonEndsInside", Inside()), at);
        throw Malformed(JsonStrings.Reason(error), at);
    }

    /// <summary>The absolute offset of the place a reader exception names (0-based line feeds and bytes in that line).</summary>
    private long OffsetOf(JsonException error)
    {
        var scan = _position;
        var lineFeeds = error.LineNumber ?? scan.LineFeeds;
        while (scan.LineFeeds < lineFeeds)
        {
            var from = (int)(scan.Offset - _base);
            var next = _buffer.AsSpan(from, _end - from).IndexOf((byte)'\n');
            if (next < 0) break;
            scan.AdvanceTo(_buffer, _base, scan.Offset + next + 1);
        }
        return Math.Clamp(scan.LineFeedLineStart + (error.BytePositionInLine ?? 0), _position.Offset, _base + _end);
    }

    private JsonDataException Malformed(string reason, TextPosition at)
    {
        if (at.Offset < 0) at = Here(_base + _end);
        var path = _phase switch
        {
            Phase.Row or Phase.RowValue or Phase.Capture => _row!.Path + (_phase == Phase.Row ? "" : JsonRow.Segment(_key ?? _plan.Names[_field])),
            Phase.Items when _row is not null && _index >= 0 => _row.Path,
            _ => null,
        };
        var where = path is null ? "" : EngineText.Format("JsonPathAt", path);
        return new JsonDataException(Diagnostic.Create(DiagnosticCatalog.DataFile, "JsonMalformed", DiagnosticSeverity.Error,
            new SourceLocation(_source, path, at.Line, at.Column), reason.TrimEnd('.'), where, at.Line, at.Column));
    }

    private string Inside() => _phase switch
    {
        Phase.Row or Phase.RowValue or Phase.Capture => EngineText.Format("JsonInsideObject", _row!.Path),
        Phase.Items => EngineText.Get("JsonInsideAgencies"),
        _ => EngineText.Get("JsonInsideFirst"),
    };

    private Diagnostic NotAnArray(SourceLocation at) =>
        Diagnostic.Create(DiagnosticCatalog.DataFile, "JsonNotArray", DiagnosticSeverity.Error, at);

    private Diagnostic AfterEnd(int line, int column) => Diagnostic.Create(DiagnosticCatalog.ContentAfterJson, "After", DiagnosticSeverity.Error,
        new SourceLocation(_source, null, line, column), line, column);

    /// <summary>The position at <paramref name="offset"/> (moving the tracker there).</summary>
    private TextPosition Here(long offset)
    {
        _position.AdvanceTo(_buffer, _base, Math.Max(offset, _position.Offset));
        return _position;
    }

    private SourceLocation StartOf(long tokenStart)
    {
        var (line, column) = StartAt(tokenStart);
        return new SourceLocation(_source, null, line, column);
    }

    /// <summary>Line and column of the first character of a token.</summary>
    private (int Line, int Column) StartAt(long tokenStart)
    {
        var at = Here(tokenStart);
        return (at.Line, at.Column);
    }

    /// <summary>Line and column of the last character before <paramref name="tokenEnd"/> (a value's closing quote or last digit).</summary>
    private (int Line, int Column) EndOf(long tokenEnd)
    {
        var at = Here(tokenEnd);
        return (at.Line, at.CharsBefore);
    }

    /// <summary>Line and column of the colon after a property name ending at <paramref name="nameEnd"/>.</summary>
    private (int Line, int Column) ColonAfter(long nameEnd)
    {
        var from = (int)(nameEnd - _base);
        var colon = _buffer.AsSpan(from, _ready - from).IndexOf((byte)':');
        var at = Here(nameEnd + Math.Max(colon, 0));
        return (at.Line, at.Column);
    }
}

/// <summary>The JSON of a data file is malformed; the diagnostic names the place.</summary>
internal sealed class JsonDataException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
