using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Computes each group aggregate (max, min, mean of an input or variable) per ranking group,
/// between the two kernel stages. Missing values (NaN) are left out; a group with no value gets
/// NaN. Accumulates over any number of frames, so a stream of chunks gives the same result as
/// one batch.
/// </summary>
internal sealed class GroupAggregator
{
    private readonly BoundRuleSet _rules;
    private readonly List<double>[] _values;
    private readonly List<int>[] _counts;

    public GroupAggregator(BoundRuleSet rules)
    {
        _rules = rules;
        _values = rules.Aggregates.Select(_ => new List<double>()).ToArray();
        _counts = rules.Aggregates.Select(_ => new List<int>()).ToArray();
    }

    /// <summary>One batch: accumulate its rows and store the results in its frame.</summary>
    public static void Compute(BoundRuleSet rules, KernelFrame frame, int groupCount, bool[]? excluded = null)
    {
        if (rules.Aggregates.Count == 0) return;
        var aggregator = new GroupAggregator(rules);
        aggregator.Add(frame, excluded);
        aggregator.StoreInto(frame, groupCount);
    }

    /// <summary>Adds the rows of a frame whose variables stage has run, except the excluded ones.</summary>
    public void Add(KernelFrame frame, bool[]? excluded = null)
    {
        foreach (var aggregate in _rules.Aggregates)
        {
            var source = aggregate.FromInput ? frame.Numbers[aggregate.Slot] : frame.NumberVariables[aggregate.Slot];
            var values = _values[aggregate.Index];
            var counts = _counts[aggregate.Index];
            for (var row = 0; row < frame.Rows; row++)
            {
                var value = source[row];
                if (double.IsNaN(value) || (excluded is not null && excluded[row])) continue;
                var group = frame.Groups[row];
                while (values.Count <= group)
                {
                    values.Add(Start(aggregate.Kind));
                    counts.Add(0);
                }
                counts[group]++;
                values[group] = aggregate.Kind switch
                {
                    AggregateKind.Max => Math.Max(values[group], value),
                    AggregateKind.Min => Math.Min(values[group], value),
                    _ => values[group] + value,
                };
            }
        }
    }

    /// <summary>Writes the per-group results into a frame's aggregate arrays.</summary>
    public void StoreInto(KernelFrame frame, int groupCount)
    {
        foreach (var aggregate in _rules.Aggregates)
        {
            var result = new double[groupCount];
            for (var group = 0; group < groupCount; group++)
            {
                var count = group < _counts[aggregate.Index].Count ? _counts[aggregate.Index][group] : 0;
                var value = count == 0 ? double.NaN : _values[aggregate.Index][group];
                result[group] = aggregate.Kind == AggregateKind.Mean && count > 0 ? value / count : value;
            }
            frame.Aggregates[aggregate.Index] = result;
        }
    }

    private static double Start(AggregateKind kind) => kind switch
    {
        AggregateKind.Max => double.NegativeInfinity,
        AggregateKind.Min => double.PositiveInfinity,
        _ => 0d,
    };
}
