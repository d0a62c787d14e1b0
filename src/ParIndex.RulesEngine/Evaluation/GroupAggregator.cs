using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Computes each group aggregate (max, min, mean of an input or variable) per ranking group,
/// between the two kernel stages. Missing values (NaN) are left out; a group with no value gets NaN.
/// </summary>
internal static class GroupAggregator
{
    public static void Compute(BoundRuleSet rules, KernelFrame frame, int groupCount)
    {
        foreach (var aggregate in rules.Aggregates)
        {
            var source = aggregate.FromInput ? frame.Numbers[aggregate.Slot] : frame.NumberVariables[aggregate.Slot];
            var result = new double[groupCount];
            var counts = new int[groupCount];
            Array.Fill(result, aggregate.Kind switch
            {
                AggregateKind.Max => double.NegativeInfinity,
                AggregateKind.Min => double.PositiveInfinity,
                _ => 0d,
            });
            for (var row = 0; row < frame.Rows; row++)
            {
                var value = source[row];
                if (double.IsNaN(value)) continue;
                var group = frame.Groups[row];
                counts[group]++;
                result[group] = aggregate.Kind switch
                {
                    AggregateKind.Max => Math.Max(result[group], value),
                    AggregateKind.Min => Math.Min(result[group], value),
                    _ => result[group] + value,
                };
            }
            for (var group = 0; group < groupCount; group++)
            {
                if (counts[group] == 0) result[group] = double.NaN;
                else if (aggregate.Kind == AggregateKind.Mean) result[group] /= counts[group];
            }
            frame.Aggregates[aggregate.Index] = result;
        }
    }
}
