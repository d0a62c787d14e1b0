namespace ParIndex.RulesEngine.Results.Plan;

/// <summary>
/// The fewest criteria whose full recovery reaches a required total: a knapsack cover, solved
/// exactly by trying set sizes from the smallest that could suffice, each exhaustively with
/// pruning. The bound is sound because recovering a criterion never adds more to the total
/// than its bound (its recoverable points, capped by the room under each parent's max: the
/// clamps only take away), and the exact total of the criteria already chosen is simulated. Among the sets of the
/// smallest size the one with the lowest resulting total is kept (the least overshoot), then
/// the first in tree order, so the answer does not depend on the search order.
/// </summary>
internal static class RecoverySearch
{
    /// <summary>Total simulations before the search gives up proving minimality (it then returns the best set found).</summary>
    public const int MaxSimulations = 2_000_000;

    /// <param name="candidates">Criterion indices with the most each can add to the total (all &gt; 0).</param>
    /// <param name="required">The total to reach.</param>
    /// <param name="totalWith">The total with a set of criteria recovered.</param>
    /// <returns>The set (criterion indices, sorted), its total, and whether minimality is proven; null when even all candidates fall short.</returns>
    public static (IReadOnlyList<int> Set, double Total, bool Proven)? Find(
        IReadOnlyList<(int Index, double Bound)> candidates, double required, Func<IReadOnlySet<int>, double> totalWith)
    {
        var all = candidates.Select(c => c.Index).ToHashSet();
        if (totalWith(all) < required - Tolerance(required)) return null;
        // Largest recoverable first (ties in tree order): the bound of the next r is their sum.
        var order = candidates.OrderByDescending(c => c.Bound).ThenBy(c => c.Index).ToArray();
        var simulations = 0;
        var current = totalWith(new HashSet<int>());
        for (var size = 1; size <= order.Length; size++)
        {
            if (order.Take(size).Sum(c => c.Bound) < required - current - Tolerance(required)) continue;
            (int[] Set, double Total)? best = null;
            var proven = true;
            var chosen = new List<int>();
            void Visit(int start)
            {
                if (!proven) return;
                if (chosen.Count == size)
                {
                    if (++simulations > MaxSimulations) { proven = false; return; }
                    var set = chosen.Select(p => order[p].Index).ToHashSet();
                    var total = totalWith(set);
                    if (total < required - Tolerance(required)) return;
                    var sorted = set.Order().ToArray();
                    if (best is null || total < best.Value.Total - 1e-9 || (Math.Abs(total - best.Value.Total) <= 1e-9 && Earlier(sorted, best.Value.Set)))
                        best = (sorted, total);
                    return;
                }
                var left = size - chosen.Count;
                var reached = chosen.Count == 0 ? current : totalWith(chosen.Select(q => order[q].Index).ToHashSet());
                if (chosen.Count > 0 && ++simulations > MaxSimulations) { proven = false; return; }
                for (var p = start; p <= order.Length - left; p++)
                {
                    // Bound: this and the next left − 1 bounds are the largest still possible.
                    var bound = 0d;
                    for (var q = p; q < p + left; q++) bound += order[q].Bound;
                    if (reached + bound < required - Tolerance(required)) break;
                    chosen.Add(p);
                    Visit(p + 1);
                    chosen.RemoveAt(chosen.Count - 1);
                    if (!proven) return;
                }
            }
            Visit(0);
            if (best is { } found) return (found.Set, found.Total, proven);
            if (!proven) break;
        }
        // Only reached when the search gave up: fall back to the largest recoverables in order.
        var greedy = new HashSet<int>();
        foreach (var candidate in order)
        {
            greedy.Add(candidate.Index);
            if (totalWith(greedy) >= required - Tolerance(required)) break;
        }
        return (greedy.Order().ToArray(), totalWith(greedy), false);
    }

    /// <summary>Totals are sums of values on the precision grid; a relative 1e-9 absorbs binary rounding.</summary>
    private static double Tolerance(double value) => 1e-9 * Math.Max(1, Math.Abs(value));

    private static bool Earlier(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i] < b[i];
        return a.Length < b.Length;
    }
}
