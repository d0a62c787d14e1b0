namespace ParIndex.RulesEngine.Evaluation;

/// <summary>Numbers ranking groups in order of first appearance; shared across the chunks of a stream.</summary>
internal sealed class GroupIndex
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _names = new();

    public IReadOnlyList<string> Names => _names;

    public int Count => _names.Count;

    public int IndexOf(string name)
    {
        if (_index.TryGetValue(name, out var group)) return group;
        group = _names.Count;
        _index[name] = group;
        _names.Add(name);
        return group;
    }
}
