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

    private readonly List<RowKey> _keys = new();
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
        var columns = FixedColumns.Select(c => (EngineText.Get(c.Header), c.RightAligned)).Concat(layout.Definition.Eligibility.Select(e => (e.Id, false))).ToArray();
        _headers = columns.Select(c => TextTable.Prepare(c.Item1)).ToArray();
        _rightAligned = columns.Select(c => c.Item2).ToArray();
        _widths = layout.Groups.Select(_ => _headers.Select(TextTable.Width).ToArray()).ToArray();
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
            _keys.Add(new RowKey(group, rank, _store.Add(id, cells)));
        }
    }

    public override void Complete(RowErrorLog rowErrors)
    {
        using var store = _store;
        var definition = _layout.Definition;
        Line(DisplayText.Escape($"{definition.Title} ({definition.Id} {definition.Version})"));
        // Eligibility columns only when some agency was scored, as the ranking always showed them.
        var columns = _keys.Count > 0 ? _headers.Length : FixedColumns.Length;
        using var ordered = Ordered().GetEnumerator();
        var more = ordered.MoveNext();
        var text = new StringBuilder();
        for (var group = 0; group < _layout.Groups.Count; group++)
        {
            var name = _layout.Groups[group];
            if (_layout.Groups.Count > 1 || name.Length > 0)
                Line($"\n== {DisplayText.Escape(definition.Ranking.GroupTitles.GetValueOrDefault(name) ?? name)} ==");
            var widths = _widths[group][..columns];
            var right = _rightAligned[..columns];
            text.Clear();
            TextTable.AppendLine(text, _headers[..columns], widths, right);
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

    /// <summary>
    /// Row keys by group, then rank, then agency id (ordinal), as <see cref="ScoreReport.Ranking"/>
    /// orders them; ids are read back only for agencies that share a rank, one tie at a time.
    /// </summary>
    private IEnumerable<RowKey> Ordered()
    {
        _keys.Sort(static (a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group) : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Place.Offset.CompareTo(b.Place.Offset));
        for (var start = 0; start < _keys.Count;)
        {
            var end = start + 1;
            while (end < _keys.Count && _keys[end].Group == _keys[start].Group && _keys[end].Rank == _keys[start].Rank) end++;
            if (end - start == 1) yield return _keys[start];
            else
                foreach (var tied in _keys.GetRange(start, end - start).Select(k => (Key: k, _store.Read(k.Place).Id)).OrderBy(t => t.Id, StringComparer.Ordinal))
                    yield return tied.Key;
            start = end;
        }
    }

    private void Line(string line)
    {
        output.Write(line);
        output.NewLine();
    }

    private readonly record struct RowKey(int Group, int Rank, (long Offset, int Length) Place);
}
