namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// Ranking keys of a streaming run: the percent of every scored agency, by group, eight bytes
/// each while the scoring pass collects them. <see cref="Build"/> sorts them and keeps only the
/// distinct percents with how many agencies score higher, so the writing pass gives each agency
/// its competition rank ("1, 2, 2, 4") from its own percent: rank = 1 + agencies scoring higher,
/// exactly what <see cref="Ranker"/> gives a whole batch.
/// </summary>
internal sealed class StreamingRankKeys
{
    private const int FirstBlock = 256;
    private const int BlockSize = 16384;
    private readonly List<List<double[]>> _blocks = new();
    private readonly List<int> _counts = new();

    public void Add(int group, double percent)
    {
        while (_blocks.Count <= group)
        {
            _blocks.Add(new List<double[]>());
            _counts.Add(0);
        }
        // A small first block so that many small groups stay small; fixed blocks after it, so a large group never copies.
        var blocks = _blocks[group];
        var count = _counts[group];
        var offset = count < FirstBlock ? count : (count - FirstBlock) % BlockSize;
        if (count == 0 || (count >= FirstBlock && offset == 0)) blocks.Add(new double[count == 0 ? FirstBlock : BlockSize]);
        blocks[^1][offset] = percent;
        _counts[group] = count + 1;
    }

    /// <summary>The rank tables per group and overall; the keys are released.</summary>
    public (StreamingRankTable[] Groups, StreamingRankTable Overall) Build(int groupCount)
    {
        var groups = new StreamingRankTable[groupCount];
        for (var group = 0; group < groupCount; group++)
        {
            var values = group < _blocks.Count ? Gather(group) : [];
            if (group < _blocks.Count) _blocks[group].Clear();
            Array.Sort(values);
            groups[group] = StreamingRankTable.FromSorted(values);
        }
        _blocks.Clear();
        _counts.Clear();
        return (groups, StreamingRankTable.Merge(groups));
    }

    private double[] Gather(int group)
    {
        var values = new double[_counts[group]];
        var at = 0;
        foreach (var block in _blocks[group])
        {
            var take = Math.Min(block.Length, values.Length - at);
            Array.Copy(block, 0, values, at, take);
            at += take;
        }
        return values;
    }
}

/// <summary>Distinct percents in ascending order, each with the number of agencies scoring higher.</summary>
internal sealed class StreamingRankTable
{
    private readonly double[] _values;
    private readonly int[] _counts;
    private readonly int[] _higher;

    private StreamingRankTable(double[] values, int[] counts)
    {
        _values = values;
        _counts = counts;
        _higher = new int[values.Length];
        var above = 0;
        for (var i = values.Length - 1; i >= 0; i--)
        {
            _higher[i] = above;
            above += counts[i];
        }
    }

    /// <summary>Number of distinct percents held.</summary>
    public int Size => _values.Length;

    /// <summary>Competition rank of an agency with this percent (which must be one of the keys).</summary>
    public int RankOf(double percent)
    {
        var index = Array.BinarySearch(_values, percent);
        if (index < 0) throw new InvalidOperationException("A percent of the writing pass is not among the ranking keys: the passes of a streaming run disagree.");
        return 1 + _higher[index];
    }

    public static StreamingRankTable FromSorted(double[] sorted)
    {
        var values = new List<double>();
        var counts = new List<int>();
        foreach (var value in sorted)
        {
            if (values.Count > 0 && values[^1] == value) counts[^1]++;
            else
            {
                values.Add(value);
                counts.Add(1);
            }
        }
        return new StreamingRankTable(values.ToArray(), counts.ToArray());
    }

    /// <summary>The overall table: the groups' distinct percents merged, their counts added.</summary>
    public static StreamingRankTable Merge(IReadOnlyList<StreamingRankTable> tables)
    {
        var pairs = tables.SelectMany(t => t._values.Select((value, i) => (value, count: t._counts[i]))).OrderBy(p => p.value).ToList();
        var values = new List<double>();
        var counts = new List<int>();
        foreach (var (value, count) in pairs)
        {
            if (values.Count > 0 && values[^1] == value) counts[^1] += count;
            else
            {
                values.Add(value);
                counts.Add(count);
            }
        }
        return new StreamingRankTable(values.ToArray(), counts.ToArray());
    }
}
