using ParIndex.RulesEngine.Resources;
using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// The ranking as aligned text tables, one per group (see <see cref="TableResultWriter"/>).
/// Column widths and the order by rank need every row of a group before its first line, so the
/// rows wait in a <see cref="TableRowStore"/> (a spill file when streaming: memory keeps a key
/// per row) and the widths grow as rows arrive.
/// </summary>
internal sealed class TableSink(ResultText output, string? spillFolder = null) : ResultSink
{
    // Headers are resource keys: the words follow the UI culture of the run.
    private static readonly (string Header, bool RightAligned)[] FixedColumns =
        [("TableRank", true), ("TableChange", true), ("TableId", false), ("TableName", false), ("TablePoints", true), ("TableMax", true), ("TablePercent", true), ("TableClass", false)];

    // The keys live in an array of this class's own and are ordered by a counting sort, not in a
    // List<RowKey> sorted by the framework: generic framework code over a struct of this library has
    // no ReadyToRun image, and the table is what a plain `parindex score` prints, so every start
    // compiled some forty methods of List, Sort and LINQ for it.
    private RowKey[] _keys = new RowKey[64];
    private int _keyCount;
    private readonly Dictionary<string, int> _groupIndex = new(StringComparer.Ordinal);
    private ResultLayout _layout = null!;
    private TableRowStore _store = null!;
    private string[] _headers = [];
    private bool[] _rightAligned = [];
    private int[][] _widths = [];
    private string _yes = "", _no = "";

    public override void Begin(ResultLayout layout)
    {
        _layout = layout;
        _store = new TableRowStore(spillFolder);
        (_yes, _no) = (EngineText.Get("Yes"), EngineText.Get("No"));
        var eligibility = layout.Definition.Eligibility;
        _headers = new string[FixedColumns.Length + eligibility.Count];
        _rightAligned = new bool[_headers.Length];
        for (var c = 0; c < FixedColumns.Length; c++)
            (_headers[c], _rightAligned[c]) = (TextTable.Prepare(EngineText.Get(FixedColumns[c].Header)), FixedColumns[c].RightAligned);
        for (var e = 0; e < eligibility.Count; e++) _headers[FixedColumns.Length + e] = TextTable.Prepare(eligibility[e].Id);
        _widths = new int[layout.Groups.Count][];
        for (var g = 0; g < _widths.Length; g++)
        {
            _widths[g] = new int[_headers.Length];
            for (var c = 0; c < _headers.Length; c++) _widths[g][c] = TextTable.Width(_headers[c]);
        }
        for (var g = 0; g < layout.Groups.Count; g++) _groupIndex[layout.Groups[g]] = g;
    }

    public override void Write(ScoredRows rows, int start, int end)
    {
        var frame = rows.Frame;
        var precision = _layout.Definition.Precision;
        var eligibility = _layout.Rules.Eligibility;
        for (var row = start; row < end; row++)
        {
            if (!rows.Scored[row]) continue;
            var id = rows.Batch.AgencyIds[row];
            var rank = (int)frame.Rank[row];
            var cells = new string[FixedColumns.Length + eligibility.Count];
            cells[0] = rank.ToString(CultureInfo.InvariantCulture);
            cells[1] = Format.Change(double.IsNaN(frame.RankChange[row]) ? null : (int)frame.RankChange[row]);
            cells[2] = id;
            cells[3] = rows.Batch.AgencyNames[row] ?? "";
            cells[4] = Format.Fixed(frame.Total[row], precision);
            cells[5] = Format.Number(frame.Max[row]);
            cells[6] = Format.Fixed(frame.Percent[row], precision);
            cells[7] = frame.Classification[row] ?? "";
            for (var e = 0; e < eligibility.Count; e++) cells[FixedColumns.Length + e] = EligibilityRows.Holds(frame, eligibility[e], row) ? _yes : _no;
            var group = _groupIndex[frame.GroupNames[row]];
            var widths = _widths[group];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = TextTable.Prepare(cells[c]);
                widths[c] = Math.Max(widths[c], TextTable.Width(cells[c]));
            }
            AddKey(new RowKey(group, rank, _store.Add(id, cells)));
        }
    }

    public override void Complete(RowErrorLog rowErrors)
    {
        using var store = _store;
        var definition = _layout.Definition;
        Line(DisplayText.Escape($"{definition.Title} ({definition.Id} {definition.Version})"));
        // Eligibility columns only when some agency was scored, as the ranking always showed them.
        var columns = _keyCount > 0 ? _headers.Length : FixedColumns.Length;
        using var ordered = Ordered().GetEnumerator();
        var more = ordered.MoveNext();
        var text = new StringBuilder();
        for (var group = 0; group < _layout.Groups.Count; group++)
        {
            var name = _layout.Groups[group];
            if (_layout.Groups.Count > 1 || name.Length > 0)
                Line($"\n== {DisplayText.Escape(definition.Ranking.GroupTitles.GetValueOrDefault(name) ?? name)} ==");
            var widths = FirstOf(_widths[group], columns);
            var right = FirstOf(_rightAligned, columns);
            text.Clear();
            TextTable.AppendLine(text, FirstOf(_headers, columns), widths, right);
            TextTable.AppendSeparator(text, widths);
            output.Write(text.ToString());
            for (; more && ordered.Current.Group == group; more = ordered.MoveNext())
            {
                text.Clear();
                TextTable.AppendLine(text, store.Read(ordered.Current.Place).Cells, widths, right);
                output.Write(text.ToString());
            }
        }
        // The exact counts from the log: RowErrors holds only the errors kept in full.
        if (rowErrors.ErrorCount > 0)
            Line("\n" + EngineText.Format("TableRowsNotScored", rowErrors.Rejected.Count, rowErrors.ErrorCount));
        output.Flush();
    }

    /// <summary>The first <paramref name="count"/> items (a range expression is generic code compiled at run time for int and bool).</summary>
    private static T[] FirstOf<T>(T[] items, int count)
    {
        var first = new T[count];
        Array.Copy(items, first, count);
        return first;
    }

    private void AddKey(RowKey key)
    {
        if (_keyCount == _keys.Length)
        {
            var larger = new RowKey[2 * _keys.Length];
            Array.Copy(_keys, larger, _keyCount);
            _keys = larger;
        }
        _keys[_keyCount++] = key;
    }

    /// <summary>
    /// Row keys by group, then rank, then agency id (ordinal), as <see cref="ScoreReport.Ranking"/>
    /// orders them; ids are read back only for agencies that share a rank, one tie at a time.
    /// </summary>
    private IEnumerable<RowKey> Ordered()
    {
        var order = ByGroupAndRank();
        for (var start = 0; start < order.Length;)
        {
            var first = _keys[order[start]];
            var end = start + 1;
            while (end < order.Length && _keys[order[end]].Group == first.Group && _keys[order[end]].Rank == first.Rank) end++;
            if (end - start == 1) yield return first;
            else
            {
                var tied = new TiedRow[end - start];
                for (var i = 0; i < tied.Length; i++)
                {
                    var key = _keys[order[start + i]];
                    tied[i] = new TiedRow(key, _store.Read(key.Place).Id);
                }
                Array.Sort(tied, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
                foreach (var row in tied) yield return row.Key;
            }
            start = end;
        }
    }

    /// <summary>
    /// The keys' positions by group, then rank, in the order rows arrived within a rank: a
    /// counting sort, since a competition rank lies between 1 and its group's number of rows.
    /// </summary>
    private int[] ByGroupAndRank()
    {
        var sizes = new int[_layout.Groups.Count];
        for (var i = 0; i < _keyCount; i++) sizes[_keys[i].Group]++;
        var firstOfGroup = new int[sizes.Length];
        for (var g = 1; g < sizes.Length; g++) firstOfGroup[g] = firstOfGroup[g - 1] + sizes[g - 1];
        // next[b]: the next free place of bucket b (group g, rank r at firstOfGroup[g] + r - 1).
        var next = new int[_keyCount];
        for (var i = 0; i < _keyCount; i++) next[Bucket(_keys[i], sizes, firstOfGroup)]++;
        for (int b = 0, place = 0; b < next.Length; b++) (next[b], place) = (place, place + next[b]);
        var order = new int[_keyCount];
        for (var i = 0; i < _keyCount; i++) order[next[Bucket(_keys[i], sizes, firstOfGroup)]++] = i;
        return order;
    }

    private static int Bucket(RowKey key, int[] sizes, int[] firstOfGroup)
    {
        if (key.Rank < 1 || key.Rank > sizes[key.Group])
            throw new InvalidOperationException($"A rank of {key.Rank} in a group of {sizes[key.Group]} scored agencies: ranks and rows disagree.");
        return firstOfGroup[key.Group] + key.Rank - 1;
    }

    /// <summary>A row that shares its rank, with its id to order the tie (a class: see the note on <see cref="_keys"/>).</summary>
    private sealed record TiedRow(RowKey Key, string Id);

    private void Line(string line)
    {
        output.Write(line);
        output.NewLine();
    }

    private readonly record struct RowKey(int Group, int Rank, (long Offset, int Length) Place);
}
