using System.Globalization;
using System.Text.Json;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>
/// A JSON value of a results file, with its place and path. As for data, a scalar is placed at its
/// last character, an object or array at its first (lines and character columns).
/// </summary>
internal sealed class ResultsJsonValue
{
    private readonly ResultsJsonValue? _parent;
    private readonly string? _key;
    private readonly int _index;

    public ResultsJsonValue(JsonTokenType kind, int line, int column, ResultsJsonValue? parent, string? key, int index)
    {
        (Kind, Line, Column, _parent, _key, _index) = (kind, line, column, parent, key, index);
    }

    public JsonTokenType Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>A string's value, or a number as written.</summary>
    public string? Text { get; set; }

    /// <summary>A number's value (±∞ when it overflows).</summary>
    public double Number { get; set; }

    public List<(string Name, ResultsJsonValue Value)>? Properties { get; set; }

    public List<ResultsJsonValue>? Items { get; set; }

    /// <summary>The first property named <paramref name="name"/>, or null.</summary>
    public ResultsJsonValue? this[string name]
    {
        get
        {
            if (Properties is null) return null;
            foreach (var (key, value) in Properties)
                if (key == name) return value;
            return null;
        }
    }

    /// <summary>The JSON path, e.g. "agencies[3].rank" (built when a message needs it).</summary>
    public string Path => _parent is null ? _key ?? "" : _key is null ? $"{_parent.Path}[{_index}]" : _parent.Path.Length == 0 ? _key : $"{_parent.Path}.{_key}";

    /// <summary>A string property's value, or null when absent or not a string.</summary>
    public string? String(string name) => this[name] is { Kind: JsonTokenType.String } value ? value.Text : null;

    /// <summary>A format error at this value: "file(line,column): path: message."</summary>
    public FormatException Error(string source, string message) =>
        new($"{source}({Line},{Column}):{(Path.Length > 0 ? " " + Path + ":" : "")} {message}.");

    /// <summary>"the string "x"", "the number 1.5", "an array"…, for messages.</summary>
    public string Describe() => Kind switch
    {
        JsonTokenType.String => EngineText.Format("ResultsJsonString", ValueConverter.Shorten(Text)),
        JsonTokenType.Number => EngineText.Format("ResultsJsonNumber", Text),
        JsonTokenType.StartObject => EngineText.Get("ResultsJsonObject"),
        JsonTokenType.StartArray => EngineText.Get("ResultsJsonArray"),
        JsonTokenType.True or JsonTokenType.False => EngineText.Get("ResultsJsonBool"),
        _ => "null",
    };

    /// <summary>A number property: absent or null gives null; a string, an overflowing number or another kind is an error at the value.</summary>
    public double? NumberOf(string source, string name) => this[name] switch
    {
        null or { Kind: JsonTokenType.Null } => null,
        { Kind: JsonTokenType.Number, Number: var n } when double.IsFinite(n) => n,
        { Kind: JsonTokenType.Number } value => throw value.Error(source, EngineText.Format("ResultsJsonNotFinite", name, value.Text)),
        var other => throw other.Error(source, EngineText.Format("ResultsJsonNotNumber", name)),
    };

    /// <summary>
    /// A rank property: absent or null gives null; a whole number from 1 to 2,147,483,647 (written
    /// 3 or 3.0: both writers' forms) is the rank; anything else is an error at the value.
    /// </summary>
    public int? RankOf(string source, string name) => this[name] switch
    {
        null or { Kind: JsonTokenType.Null } => null,
        { Kind: JsonTokenType.Number, Number: var n } when n >= 1 && n <= int.MaxValue && n == Math.Floor(n) => (int)n,
        { Kind: JsonTokenType.Number, Number: var n } value when n == Math.Floor(n) || !double.IsFinite(n) =>
            throw value.Error(source, EngineText.Format("ResultsJsonRankRange", name, value.Text, int.MaxValue)),
        var other => throw other.Error(source, EngineText.Format("ResultsJsonNotWhole", name, other.Describe())),
    };
}

/// <summary>
/// Reads a results JSON file (as written by <c>parindex score --format json</c>, with Json.NET's
/// <c>72.0</c> or System.Text.Json's <c>72</c> for whole numbers) with System.Text.Json, keeping
/// the place of every value. The agencies array is handed over one agency at a time; the other
/// properties of the root object as whole values. Malformed JSON is a <see cref="FormatException"/>
/// "file(line,column): not valid JSON: …".
/// </summary>
internal static class ResultsJson
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowMultipleValues = true, MaxDepth = 64 };

    /// <summary>Reads <paramref name="utf8"/>: a root object (its "agencies" array item by item, other properties whole) or, when allowed, a root array of agencies.</summary>
    /// <returns>True when the root was an object with an "agencies" array, false when it was an array.</returns>
    /// <exception cref="FormatException">Malformed JSON, or a root that is neither (message: "expected an object with an "agencies" array…").</exception>
    public static bool Read(byte[] utf8, string source, bool allowArray, Action<string, ResultsJsonValue> property, Action<ResultsJsonValue> agency)
    {
        // Bare NaN and Infinity (Json.NET writes them for non-finite numbers) are numbers here, refused where a finite one is needed.
        var literals = new JsonNonFiniteLiterals();
        literals.Scan(utf8, 0, 0, final: true);
        var walker = new Walker(utf8, source, literals);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            if (!reader.Read()) throw walker.Malformed(EngineText.Get("ResultsJsonNoValue"), utf8.Length);
            var root = walker.Start(ref reader, null, null, 0);
            if (root.Kind == JsonTokenType.StartArray && allowArray)
            {
                walker.Items(ref reader, root, agency);
                walker.End(ref reader);
                return false;
            }
            if (root.Kind != JsonTokenType.StartObject) throw Shape(walker, ref reader, root, source);
            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = JsonStrings.Read(ref reader);
                reader.Read();
                var start = walker.Start(ref reader, root, name, 0);
                if (name == "agencies" && start.Kind == JsonTokenType.StartArray && !found)
                {
                    found = true;
                    walker.Items(ref reader, start, agency);
                }
                else property(name, walker.Rest(ref reader, start));
            }
            walker.End(ref reader);
            if (!found) throw root.Error(source, EngineText.Get("ResultsJsonNotResults"));
            return true;
        }
        catch (JsonException error)
        {
            throw walker.Malformed(JsonStrings.Reason(error), walker.OffsetOf(error, utf8.Length));
        }
    }

    private static FormatException Shape(Walker walker, ref Utf8JsonReader reader, ResultsJsonValue root, string source)
    {
        walker.Rest(ref reader, root);
        walker.End(ref reader);
        return root.Error(source, EngineText.Get("ResultsJsonNotResults"));
    }

    /// <summary>Builds values from tokens, moving one <see cref="TextPosition"/> forward through the bytes.</summary>
    private sealed class Walker(byte[] utf8, string source, JsonNonFiniteLiterals literals)
    {
        private TextPosition _position = TextPosition.Start;

        /// <summary>The value whose first token the reader is on; scalars are complete, containers get filled by <see cref="Rest"/>.</summary>
        public ResultsJsonValue Start(ref Utf8JsonReader reader, ResultsJsonValue? parent, string? key, int index)
        {
            var container = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
            _position.AdvanceTo(utf8, 0, container ? reader.TokenStartIndex : reader.BytesConsumed);
            var isLiteral = literals.IsLiteral(reader.TokenStartIndex, out var literal);
            var value = new ResultsJsonValue(isLiteral ? JsonTokenType.Number : reader.TokenType, _position.Line, container ? _position.Column : _position.CharsBefore, parent, key, index);
            if (isLiteral) (value.Text, value.Number) = (double.IsNaN(literal) ? "NaN" : literal > 0 ? "Infinity" : "-Infinity", literal);
            else if (reader.TokenType == JsonTokenType.String) value.Text = JsonStrings.Read(ref reader);
            else if (reader.TokenType == JsonTokenType.Number)
            {
                value.Text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                value.Number = double.Parse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            return value;
        }

        /// <summary>Fills a container value from the reader (a scalar is returned as it is).</summary>
        public ResultsJsonValue Rest(ref Utf8JsonReader reader, ResultsJsonValue value)
        {
            if (value.Kind == JsonTokenType.StartObject)
            {
                value.Properties = new();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = JsonStrings.Read(ref reader);
                    reader.Read();
                    value.Properties.Add((name, Rest(ref reader, Start(ref reader, value, name, 0))));
                }
            }
            else if (value.Kind == JsonTokenType.StartArray)
            {
                value.Items = new();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    value.Items.Add(Rest(ref reader, Start(ref reader, value, null, value.Items.Count)));
            }
            return value;
        }

        /// <summary>Hands over the items of an array one by one, each complete, none kept.</summary>
        public void Items(ref Utf8JsonReader reader, ResultsJsonValue array, Action<ResultsJsonValue> item)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                item(Rest(ref reader, Start(ref reader, array, null, index++)));
        }

        /// <summary>After the value: nothing but whitespace and comments, else an error where the rest starts.</summary>
        public void End(ref Utf8JsonReader reader)
        {
            long at;
            try
            {
                if (!reader.Read()) return;
                at = reader.TokenStartIndex;
            }
            catch (JsonException error)
            {
                at = OffsetOf(error, utf8.Length);
            }
            throw Malformed(EngineText.Get("ResultsJsonAfter"), at);
        }

        public long OffsetOf(JsonException error, long length)
        {
            var scan = _position;
            var span = utf8;
            while (scan.LineFeeds < (error.LineNumber ?? 0))
            {
                var next = span[(int)scan.Offset..].IndexOf((byte)'\n');
                if (next < 0) break;
                scan.AdvanceTo(span, 0, scan.Offset + next + 1);
            }
            return Math.Clamp(scan.LineFeedLineStart + (error.BytePositionInLine ?? 0), _position.Offset, length);
        }

        public FormatException Malformed(string reason, long offset)
        {
            _position.AdvanceTo(utf8, 0, Math.Max(offset, _position.Offset));
            return new FormatException($"{source}({_position.Line},{_position.Column}): {EngineText.Format("ResultsJsonInvalid", reason.TrimEnd('.'))}");
        }
    }
}
