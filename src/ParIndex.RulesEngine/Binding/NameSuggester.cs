using ParIndex.RulesEngine.Resources;
namespace ParIndex.RulesEngine.Binding;

/// <summary>Suggests the closest known name for a misspelled one ("did you mean …?").</summary>
internal static class NameSuggester
{
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var best = Closest(name, candidates);
        return best is null ? "" : EngineText.Format("DidYouMean", best);
    }

    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        // Only suggest when the names are reasonably alike; a random suggestion misleads.
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
