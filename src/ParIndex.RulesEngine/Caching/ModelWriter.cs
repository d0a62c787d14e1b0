using System.Text;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Caching;

/// <summary>
/// The primitive layer of the cached model's format: 7-bit encoded integers, doubles, a string
/// table, and object references that keep sharing. An object is written once; later uses write
/// its number. Numbers are given after an object's body (post-order), so the reader, which can
/// only create an immutable record once its parts are read, numbers objects in the same order.
/// Reference 0 is null, 1 announces a new object, n + 2 is object n.
/// </summary>
internal sealed class ModelWriter
{
    private readonly BinaryWriter _out;
    private readonly Dictionary<object, int> _objects = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

    public ModelWriter(Stream stream) => _out = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);

    public void Int(int value) => _out.Write7BitEncodedInt(value);

    public void Bool(bool value) => _out.Write(value);

    public void Double(double value) => _out.Write(value);

    public void NullableDouble(double? value)
    {
        Bool(value.HasValue);
        if (value is { } v) Double(v);
    }

    /// <summary>A string through the table: rule files repeat their file name in every location.</summary>
    public void String(string? value)
    {
        if (value is null) { Int(0); return; }
        if (_strings.TryGetValue(value, out var index)) { Int(index + 2); return; }
        Int(1);
        _out.Write(value);
        _strings.Add(value, _strings.Count);
    }

    /// <summary>An object once, its number afterwards.</summary>
    public void Shared<T>(T? value, Action<T> body) where T : class
    {
        if (value is null) { Int(0); return; }
        if (_objects.TryGetValue(value, out var index)) { Int(index + 2); return; }
        Int(1);
        body(value);
        _objects.Add(value, _objects.Count);
    }

    public void List<T>(IReadOnlyList<T> list, Action<T> item) => Shared(list, l =>
    {
        Int(l.Count);
        foreach (var element in l) item(element);
    });

    public void Strings(IReadOnlyList<string> list) => List(list, String);

    public void Set(IReadOnlySet<string> set) => Shared(set, s =>
    {
        Int(s.Count);
        foreach (var element in s) String(element);
    });

    public void Location(SourceLocation? location) => Shared(location, l =>
    {
        String(l.File);
        String(l.JsonPath);
        Int(l.Line);
        Int(l.Column);
    });

    /// <summary>A scalar of a rule file (an input's default, a test value): null, double, long, bool or string.</summary>
    public void Scalar(object? value)
    {
        switch (value)
        {
            case null: Int(0); break;
            case double d: Int(1); Double(d); break;
            case long l: Int(2); _out.Write(l); break;
            case bool b: Int(3); Bool(b); break;
            case string s: Int(4); String(s); break;
            case int i: Int(5); Int(i); break;
            // Anything else cannot be written faithfully: the entry is not stored (the load still succeeds).
            default: throw new NotSupportedException($"a value of type {value.GetType().Name} cannot be cached");
        }
    }

    public void Flush() => _out.Flush();
}
