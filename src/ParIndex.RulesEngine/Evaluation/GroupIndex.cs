namespace ParIndex.RulesEngine.Evaluation;

/// <summary>Numbers ranking groups in order of first appearance; shared across the chunks of a stream.</summary>
internal sealed class GroupIndex
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    // The readers give every cell of one enum value the same string instance, so the first few
    // instances met are matched by reference before a name is hashed: a scheme has a handful of
    // agency types, and most rows never reach the dictionary.
    private readonly string?[] _instances = new string?[8];
    private readonly int[] _instanceGroups = new int[8];

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    public int IndexOf(string name)
    {
        for (var k = 0; k < _instances.Length && _instances[k] is { } seen; k++)
            if (ReferenceEquals(seen, name)) return _instanceGroups[k];
        var group = Lookup(name);
        var free = Array.IndexOf(_instances, null);
        if (free >= 0)
        {
            _instances[free] = name;
            _instanceGroups[free] = group;
        }
        return group;
    }

    private int Lookup(string name)
    {
        if (_index.TryGetValue(name, out var group)) return group;
        group = _names.Count;
        _index[name] = group;
        _names.Add(name);
        return group;
    }
}
