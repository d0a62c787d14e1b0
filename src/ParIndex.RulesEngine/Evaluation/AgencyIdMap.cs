using ParIndex.RulesEngine.Data;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Agency ids that changed between periods: old id → new id (a renamed unit, or each of the
/// units merged into a new one). Chains are followed (A → B, B → C carries A to C); ids are
/// compared after the same NFC normalisation as data files.
/// </summary>
public sealed class AgencyIdMap
{
    private readonly Dictionary<string, string> _resolved;

    /// <summary>The map that changes no id.</summary>
    public static AgencyIdMap Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Checks the pairs and resolves chains.</summary>
    /// <param name="oldToNew">Old id → new id.</param>
    /// <exception cref="ArgumentException">An id is empty, or the pairs form a cycle (the message names it).</exception>
    public AgencyIdMap(IReadOnlyDictionary<string, string> oldToNew)
    {
        ArgumentNullException.ThrowIfNull(oldToNew);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in oldToNew)
        {
            var old = AgencyIdRegistry.Normalize(from);
            var now = AgencyIdRegistry.Normalize(to);
            if (string.IsNullOrEmpty(old) || string.IsNullOrEmpty(now))
                throw new ArgumentException($"An agency id mapping needs both ids ('{from}' → '{to}').", nameof(oldToNew));
            if (old != now) pairs[old] = now;
        }
        _resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var old in pairs.Keys)
        {
            var path = new List<string> { old };
            var current = pairs[old];
            while (pairs.TryGetValue(current, out var next))
            {
                path.Add(current);
                if (path.Contains(next))
                    throw new ArgumentException($"The agency id mapping has a cycle: {string.Join(" → ", path)} → {next}.", nameof(oldToNew));
                current = next;
            }
            _resolved[old] = current;
        }
        Count = pairs.Count;
    }

    /// <summary>Number of old ids mapped.</summary>
    public int Count { get; }

    /// <summary>Today's id for an id of an earlier period (the id itself when it did not change).</summary>
    /// <param name="agencyId">An id as written in an earlier period's results.</param>
    public string Resolve(string agencyId)
    {
        var id = AgencyIdRegistry.Normalize(agencyId) ?? agencyId;
        return _resolved.GetValueOrDefault(id, id);
    }
}
