using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>One item of the agencies array.</summary>
/// <param name="Index">0-based position in the array.</param>
/// <param name="Path">JSON path of the item, e.g. "[3]" or "agencies[3]".</param>
/// <param name="Object">The item when it is an object (detached: it has no parent), else null.</param>
/// <param name="Location">File, path, line and column of the item.</param>
/// <param name="DuplicateKeys">Keys that appeared again in the object, with where (the first value is kept).</param>
internal sealed record JsonRow(int Index, string Path, JObject? Object, SourceLocation Location, IReadOnlyList<(string Key, SourceLocation Location)> DuplicateKeys);

/// <summary>
/// Reads the agencies array of a JSON data file one item at a time. The file is not loaded as one
/// tree: with a tree, every location asked Newtonsoft for <c>token.Path</c>, which finds the
/// item's index by searching the array from its start, so a file with many rejected rows took
/// quadratic time. Here each item is parsed on its own (paths are built from the known index)
/// and keys are checked for duplicates item by item, so a duplicated key rejects that row only.
/// </summary>
internal sealed class JsonRowReader
{
    private static readonly JsonLoadSettings Load = new() { LineInfoHandling = LineInfoHandling.Load };

    private readonly JsonTextReader _json;
    private readonly string? _source;
    private string _prefix = "";
    private bool _insideObject;
    private int _index = -1;

    public JsonRowReader(TextReader text, string? source)
    {
        _json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, CloseInput = false };
        _source = source;
    }

    /// <summary>Moves to the first item; false (with the reason) when the document is not an array or an object with an "agencies" array.</summary>
    public bool Start(out Diagnostic? problem)
    {
        problem = null;
        if (!ReadToken())
        {
            problem = Diagnostic.Error(DiagnosticCodes.DataFile, "The data file is empty: it must be an array of agency objects, or an object with an \"agencies\" array.", Here());
            return false;
        }
        if (_json.TokenType == JsonToken.StartArray) return true;
        if (_json.TokenType == JsonToken.StartObject)
        {
            var start = Here();
            while (ReadToken() && _json.TokenType == JsonToken.PropertyName)
            {
                var name = (string)_json.Value!;
                ReadToken();
                if (name == "agencies" && _json.TokenType == JsonToken.StartArray)
                {
                    _prefix = "agencies";
                    _insideObject = true;
                    return true;
                }
                _json.Skip();
            }
            problem = Diagnostic.Error(DiagnosticCodes.DataFile, "The data must be an array of agency objects, or an object with an \"agencies\" array.", start);
            return false;
        }
        problem = Diagnostic.Error(DiagnosticCodes.DataFile, "The data must be an array of agency objects, or an object with an \"agencies\" array.", Here());
        JToken.ReadFrom(_json); // the rest of the value, so that malformed text is still reported as such
        return false;
    }

    /// <summary>The next item, or null after the last.</summary>
    public JsonRow? Next()
    {
        if (!ReadToken()) throw Ended("the agencies array");
        if (_json.TokenType == JsonToken.EndArray) return null;
        _index++;
        var path = $"{_prefix}[{_index}]";
        var location = new SourceLocation(_source, path, _json.LineNumber, _json.LinePosition);
        ReadStats.Current.PathSteps++;
        if (_json.TokenType != JsonToken.StartObject)
        {
            JToken.ReadFrom(_json, Load);
            return new JsonRow(_index, path, null, location, []);
        }
        var item = new JObject();
        List<(string, SourceLocation)>? duplicates = null;
        while (ReadToken() && _json.TokenType == JsonToken.PropertyName)
        {
            var name = (string)_json.Value!;
            var at = new SourceLocation(_source, path + Segment(name), _json.LineNumber, _json.LinePosition);
            ReadToken();
            var value = JToken.ReadFrom(_json, Load);
            if (item.ContainsKey(name)) (duplicates ??= new()).Add((name, at));
            else item.Add(name, value);
        }
        if (_json.TokenType != JsonToken.EndObject) throw Ended($"the object at {path}");
        return new JsonRow(_index, path, item, location, (IReadOnlyList<(string, SourceLocation)>?)duplicates ?? []);
    }

    /// <summary>Where a value of <paramref name="row"/> is: its line and column, and a path built from the row's.</summary>
    public SourceLocation Locate(JToken token, JsonRow row)
    {
        ReadStats.Current.PathSteps++;
        var info = (IJsonLineInfo)token;
        var name = token.Parent is JProperty property ? property.Name : null;
        return new SourceLocation(_source, name is null ? row.Path : row.Path + Segment(name),
            info.HasLineInfo() ? info.LineNumber : row.Location.Line, info.HasLineInfo() ? info.LinePosition : row.Location.Column);
    }

    /// <summary>After the array: the rest of the enclosing object, then nothing but whitespace and comments (else PAR0612).</summary>
    public void Finish(AgencyBatchBuilder builder)
    {
        if (_insideObject)
        {
            while (ReadToken() && _json.TokenType == JsonToken.PropertyName)
            {
                ReadToken();
                _json.Skip();
            }
        }
        try
        {
            if (ReadToken()) builder.Report(AfterEnd(_json.LineNumber, _json.LinePosition));
        }
        catch (JsonReaderException ex) when (ex.Message.StartsWith("Additional text", StringComparison.Ordinal))
        {
            builder.Report(AfterEnd(ex.LineNumber, ex.LinePosition));
        }
    }

    private Diagnostic AfterEnd(int line, int column) => Diagnostic.Error(DiagnosticCodes.ContentAfterJson,
        $"The data file has more content after its JSON value (from line {line}, column {column}); a data file holds one array or object. Nothing of the file is scored.",
        new SourceLocation(_source, null, line, column));

    private bool ReadToken()
    {
        while (_json.Read())
            if (_json.TokenType != JsonToken.Comment) return true;
        return false;
    }

    private JsonReaderException Ended(string inside) =>
        new($"The file ends inside {inside} (line {_json.LineNumber}, column {_json.LinePosition}).", _json.Path, _json.LineNumber, _json.LinePosition, null);

    private SourceLocation Here() => new(_source, null, _json.LineNumber, _json.LinePosition);

    private static string Segment(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]) ? "." + name : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
