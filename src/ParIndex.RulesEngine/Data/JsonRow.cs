using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>How the JSON reader materialises the value of a known field (unknown fields are only noted).</summary>
internal enum JsonFieldKind
{
    /// <summary>A number input: JSON numbers become doubles straight from their bytes.</summary>
    Number,
    /// <summary>A bool input.</summary>
    Bool,
    /// <summary>Text, an enum, the agency id or name: JSON numbers keep their literal text.</summary>
    Text,
}

/// <summary>
/// The fields the reader materialises, by name: the rule set's inputs, the agency id and name.
/// Property names are matched against their UTF-8 bytes, so a known name costs no string.
/// </summary>
internal sealed class JsonFieldPlan
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public JsonFieldPlan(IEnumerable<(string Name, JsonFieldKind Kind)> fields)
    {
        var names = new List<string>();
        var kinds = new List<JsonFieldKind>();
        foreach (var (name, kind) in fields)
        {
            if (!_byName.TryAdd(name, names.Count)) continue;
            names.Add(name);
            kinds.Add(kind);
        }
        Names = names.ToArray();
        Kinds = kinds.ToArray();
        Utf8Names = names.Select(n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray();
    }

    /// <summary>The plan for a rule set: every input with its type, then the id and name columns.</summary>
    public static JsonFieldPlan For(CompiledRuleSet ruleSet) => new(
        ruleSet.Bound.Inputs.Select(i => (i.Definition.Name, i.Type switch
        {
            Definition.InputType.Number => JsonFieldKind.Number,
            Definition.InputType.Bool => JsonFieldKind.Bool,
            _ => JsonFieldKind.Text,
        }))
        .Append((ruleSet.Definition.Agency.IdColumn, JsonFieldKind.Text))
        .Append((ruleSet.Definition.Agency.NameColumn, JsonFieldKind.Text)));

    public string[] Names { get; }

    public JsonFieldKind[] Kinds { get; }

    public byte[][] Utf8Names { get; }

    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;
}

/// <summary>
/// One item of the agencies array, as read: for an object, the values of its known fields and
/// where each stands, and its unknown and repeated keys. The reader reuses one instance for every
/// row (no allocation per row beyond the values), so a row is valid until the next is read.
/// Paths are built only when a location is asked for.
/// </summary>
internal sealed class JsonRow
{
    private readonly JsonFieldPlan _plan;
    private readonly string? _source;
    private readonly string _prefix;
    private readonly object?[] _values;
    private readonly bool[] _composite;
    private readonly int[] _lines;
    private readonly int[] _columns;
    private readonly int[] _stamps;
    private readonly Dictionary<string, (int Line, int Column)> _unknown = new(StringComparer.Ordinal);
    private readonly List<string> _unknownKeys = new();
    private readonly List<(string Key, SourceLocation Location)> _duplicates = new();
    private int _stamp;
    private string? _path;
    private int _nextHint;

    public JsonRow(JsonFieldPlan plan, string? source, string prefix)
    {
        _plan = plan;
        _source = source;
        _prefix = prefix;
        var n = plan.Names.Length;
        (_values, _composite, _lines, _columns, _stamps) = (new object?[n], new bool[n], new int[n], new int[n], new int[n]);
        ValueOf = Value;
        Locator = Locate;
    }

    /// <summary>0-based position in the array.</summary>
    public int Index { get; private set; }

    /// <summary>True when the item is an object (else it is rejected as a whole).</summary>
    public bool IsObject { get; private set; }

    /// <summary>Line of the item's first character.</summary>
    public int Line { get; private set; }

    /// <summary>Column of the item's first character.</summary>
    public int Column { get; private set; }

    /// <summary>JSON path of the item, e.g. "[3]" or "agencies[3]" (built on first use).</summary>
    public string Path
    {
        get
        {
            if (_path is null)
            {
                ReadStats.Current.PathSteps++;
                _path = $"{_prefix}[{Index}]";
            }
            return _path;
        }
    }

    /// <summary>File, path, line and column of the item.</summary>
    public SourceLocation Location => new(_source, Path, Line, Column);

    /// <summary>Keys that appeared again in the object, with where (the first value is kept).</summary>
    public IReadOnlyList<(string Key, SourceLocation Location)> DuplicateKeys => _duplicates;

    /// <summary>Keys that are not fields of the plan, or null when there are none.</summary>
    public IReadOnlyList<string>? UnknownKeys => _unknownKeys.Count == 0 ? null : _unknownKeys;

    /// <summary><see cref="Value"/> as a delegate made once, for the batch builder.</summary>
    public Func<string, object?> ValueOf { get; }

    /// <summary><see cref="Locate"/> as a delegate made once, for the batch builder.</summary>
    public Func<string?, SourceLocation> Locator { get; }

    /// <summary>The value of a field as read (null when absent or JSON null).</summary>
    public object? Value(string name)
    {
        var field = Field(name);
        return field >= 0 && _stamps[field] == _stamp ? _values[field] : null;
    }

    /// <summary>The value of a field when it is a JSON string, number or bool (arrays and objects give null), for the agency id and name.</summary>
    public object? ScalarValue(string name)
    {
        var field = Field(name);
        return field >= 0 && _stamps[field] == _stamp && !_composite[field] ? _values[field] : null;
    }

    /// <summary>Where the value of <paramref name="field"/> is (its line and column, the path built from the row's); the row itself when it has none.</summary>
    public SourceLocation Locate(string? field)
    {
        if (field is null) return Location;
        var index = Field(field);
        if (index >= 0 && _stamps[index] == _stamp) return At(field, _lines[index], _columns[index]);
        return _unknown.TryGetValue(field, out var at) ? At(field, at.Line, at.Column) : Location;
    }

    private SourceLocation At(string key, int line, int column)
    {
        ReadStats.Current.PathSteps++;
        return new SourceLocation(_source, Path + Segment(key), line, column);
    }

    /// <summary>The plan index of <paramref name="name"/>: the builder asks for inputs in plan order, so the next index is tried first by reference.</summary>
    private int Field(string name)
    {
        if (_plan.Names.Length == 0) return -1;
        var hint = _nextHint < _plan.Names.Length ? _nextHint : 0;
        var index = ReferenceEquals(_plan.Names[hint], name) ? hint : _plan.IndexOf(name);
        _nextHint = index + 1;
        return index;
    }

    internal void Begin(int index, bool isObject, int line, int column)
    {
        _stamp++;
        _path = null;
        _unknown.Clear();
        _unknownKeys.Clear();
        _duplicates.Clear();
        (Index, IsObject, Line, Column) = (index, isObject, line, column);
    }

    /// <summary>True when the field already has a value in this row.</summary>
    internal bool Has(int field) => _stamps[field] == _stamp;

    internal void Set(int field, object? value, bool composite, int line, int column)
    {
        _stamps[field] = _stamp;
        (_values[field], _composite[field], _lines[field], _columns[field]) = (value, composite, line, column);
    }

    /// <summary>True when the row already has the unknown key.</summary>
    internal bool HasUnknown(string key) => _unknown.ContainsKey(key);

    /// <summary>Notes an unknown key; false when the row already has it.</summary>
    internal bool AddUnknown(string key, int line, int column)
    {
        if (!_unknown.TryAdd(key, (line, column))) return false;
        _unknownKeys.Add(key);
        return true;
    }

    internal void AddDuplicate(string key, int line, int column) =>
        _duplicates.Add((key, new SourceLocation(_source, Path + Segment(key), line, column)));

    /// <summary>".name" for a plain name, "['name']" otherwise, as JSON paths are written.</summary>
    internal static string Segment(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]) ? "." + name : $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
}
