using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>
/// The raw text of a JSON file plus its parsed tree with line information. Knows how to turn a
/// token into a <see cref="SourceLocation"/>, including the exact column where a string's
/// content starts and the string as written (escapes undecoded), so formula errors can point at
/// the character inside the formula even after escapes.
/// </summary>
internal sealed class JsonSource
{
    private readonly string[] _lines;

    private JsonSource(string? file, string text, JToken root)
    {
        File = file;
        Root = root;
        _lines = text.Split('\n');
    }

    public string? File { get; }

    public JToken Root { get; }

    /// <summary>Parses JSON text; on failure reports a diagnostic and returns null.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="file">The file name for locations.</param>
    /// <param name="diagnostics">Receives the error, if any.</param>
    /// <param name="maxDepth">Deepest nesting of objects and arrays accepted (RuleSetLoadOptions.MaxJsonDepth).</param>
    public static JsonSource? Parse(string text, string? file, DiagnosticBag diagnostics, int maxDepth = 64)
    {
        var settings = new JsonLoadSettings
        {
            LineInfoHandling = LineInfoHandling.Load,
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            CommentHandling = CommentHandling.Ignore,
        };
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = maxDepth };
            var root = JToken.ReadFrom(reader, settings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                diagnostics.Add(DiagnosticCatalog.MalformedJson, "ContentAfterEnd", new SourceLocation(file, null, reader.LineNumber, reader.LinePosition));
                return null;
            }
            var source = new JsonSource(file, text, root);
            return source.CheckNumbers(diagnostics) ? source : null;
        }
        catch (JsonReaderException ex) when (ex.Message.StartsWith("The reader's MaxDepth", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.MalformedJson, "TooDeep",
                new SourceLocation(file, string.IsNullOrEmpty(ex.Path) ? null : ex.Path, ex.LineNumber, ex.LinePosition), maxDepth, Math.Max(1, (maxDepth - 2) / 2));
            return null;
        }
        catch (JsonReaderException ex)
        {
            // Newtonsoft's own sentence stays as it gives it. It reports the position of the last
            // character it accepted; the problem is the next one.
            diagnostics.Add(DiagnosticCatalog.MalformedJson, "Reader",
                new SourceLocation(file, string.IsNullOrEmpty(ex.Path) ? null : ex.Path, ex.LineNumber, ex.LinePosition + 1), TrimNewtonsoftSuffix(ex.Message));
            return null;
        }
    }

    /// <summary>
    /// Every number must be a finite double or fit in 64 bits. Newtonsoft also accepts NaN and
    /// Infinity, turns 1e999 into infinity and 30-digit integers into BigInteger, which the schema
    /// validator cannot even compare (it throws) and the generated code cannot write.
    /// </summary>
    private bool CheckNumbers(DiagnosticBag diagnostics)
    {
        var ok = true;
        var values = Root is JContainer container ? container.DescendantsAndSelf().OfType<JValue>() : Root is JValue single ? [single] : [];
        foreach (var value in values)
        {
            if (value.Value is double d ? double.IsFinite(d) : value.Value is not System.Numerics.BigInteger) continue;
            diagnostics.Add(DiagnosticCatalog.MalformedJson, "NumberOutOfRange", LocationOf(value), value.ToString(Formatting.None));
            ok = false;
        }
        return ok;
    }

    /// <summary>The location of a token as Newtonsoft records it (the end of the token for values).</summary>
    public SourceLocation LocationOf(JToken token)
    {
        var info = (IJsonLineInfo)token;
        return new SourceLocation(File, token.Path, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    /// <summary>
    /// A string value as written: the location of its first character inside the quotes (Newtonsoft
    /// reports the position just after the closing quote, so we walk back to the unescaped opening
    /// quote) and the
    /// text between the quotes, escapes not decoded (null when the quotes cannot be found, which
    /// only happens for a token without line information). A JSON string never spans lines, so
    /// the written text lets every offset within the decoded string be mapped to its column.
    /// </summary>
    public (SourceLocation Start, string? Written) StringAt(JToken token)
    {
        var end = LocationOf(token);
        if (token.Type != JTokenType.String || end.Line <= 0 || end.Line > _lines.Length)
            return (end, null);
        var line = _lines[end.Line - 1];
        var close = Math.Min(end.Column, line.Length) - 1;   // 0-based index of the closing quote
        while (close >= 0 && line[close] != '"') close--;
        for (var i = close - 1; i >= 0; i--)
        {
            if (line[i] != '"') continue;
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && line[j] == '\\'; j--) backslashes++;
            if (backslashes % 2 == 0)
                return (end with { Column = i + 2 }, line[(i + 1)..close]); // 1-based column of the char after the quote
        }
        return (end, null);
    }

    /// <summary>
    /// The location of a scalar value's first character (its opening quote for a string):
    /// Newtonsoft records where the value ends, so this walks back over the value's text.
    /// Containers and tokens without line information keep <see cref="LocationOf"/>.
    /// </summary>
    public SourceLocation StartOf(JToken token)
    {
        if (token is not JValue) return LocationOf(token);
        if (token.Type == JTokenType.String)
        {
            var (start, written) = StringAt(token);
            return written is null ? start : start with { Column = start.Column - 1 };
        }
        var end = LocationOf(token);
        if (end.Line <= 0 || end.Line > _lines.Length) return end;
        var line = _lines[end.Line - 1];
        var first = Math.Min(end.Column, line.Length);
        while (first > 0 && line[first - 1] is not (' ' or '\t' or ':' or ',' or '[')) first--;
        return end with { Column = first + 1 };
    }

    private static string TrimNewtonsoftSuffix(string message)
    {
        // Newtonsoft appends "Path 'x', line 3, position 4." which our location already carries.
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(", line ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd(',', ' ') : message;
    }
}
