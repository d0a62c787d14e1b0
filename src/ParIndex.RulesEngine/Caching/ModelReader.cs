using System.Text;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Caching;

/// <summary>Reads what <see cref="ModelWriter"/> wrote, sharing restored; any inconsistency throws <see cref="InvalidDataException"/>.</summary>
internal sealed class ModelReader
{
    private readonly BinaryReader _in;
    private readonly List<object> _objects = [];
    private readonly List<string> _strings = [];

    public ModelReader(Stream stream) => _in = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);

    public int Int() => _in.Read7BitEncodedInt();

    /// <summary>A count, refused when negative or beyond what the remaining bytes could hold.</summary>
    public int Count()
    {
        var count = Int();
        if (count < 0 || count > _in.BaseStream.Length - _in.BaseStream.Position)
            throw new InvalidDataException($"a count of {count} does not fit the entry");
        return count;
    }

    public bool Bool() => _in.ReadBoolean();

    public double Double() => _in.ReadDouble();

    public double? NullableDouble() => Bool() ? Double() : null;

    public string? String()
    {
        var reference = Int();
        if (reference == 0) return null;
        if (reference == 1)
        {
            var value = _in.ReadString();
            _strings.Add(value);
            return value;
        }
        return reference - 2 < _strings.Count && reference >= 2 ? _strings[reference - 2] : throw new InvalidDataException($"string {reference - 2} is not defined");
    }

    public string RequiredString() => String() ?? throw new InvalidDataException("a required string is null");

    public T? Shared<T>(Func<T> body) where T : class
    {
        var reference = Int();
        if (reference == 0) return null;
        if (reference == 1)
        {
            var value = body();
            _objects.Add(value);
            return value;
        }
        if (reference < 2 || reference - 2 >= _objects.Count) throw new InvalidDataException($"object {reference - 2} is not defined");
        return _objects[reference - 2] as T ?? throw new InvalidDataException($"object {reference - 2} is not a {typeof(T).Name}");
    }

    public T Required<T>(Func<T> body) where T : class => Shared(body) ?? throw new InvalidDataException($"a required {typeof(T).Name} is null");

    public IReadOnlyList<T> List<T>(Func<T> item) => Required<IReadOnlyList<T>>(() =>
    {
        var items = new T[Count()];
        for (var i = 0; i < items.Length; i++) items[i] = item();
        return items;
    });

    public IReadOnlyList<string> Strings() => List(RequiredString);

    public IReadOnlySet<string> Set() => Required<IReadOnlySet<string>>(() =>
    {
        var count = Count();
        var set = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) set.Add(RequiredString());
        return set;
    });

    public SourceLocation? Location() => Shared(() => new SourceLocation(String(), String(), Int(), Int()));

    public SourceLocation RequiredLocation() => Location() ?? throw new InvalidDataException("a required location is null");

    public object? Scalar() => Int() switch
    {
        0 => null,
        1 => Double(),
        2 => _in.ReadInt64(),
        3 => Bool(),
        4 => String(),
        5 => Int(),
        var tag => throw new InvalidDataException($"unknown scalar tag {tag}"),
    };

    /// <summary>True when every byte was read: a longer entry is not one this reader wrote.</summary>
    public bool AtEnd => _in.BaseStream.Position == _in.BaseStream.Length;
}
