using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// The ranking as aligned text tables, one per group (see <see cref="TableResultWriter"/>).
/// Column widths and the order by rank need every row of a group, so the rows are kept as
/// their cell texts until <see cref="Complete"/>: a table is for reading, not for millions of agencies.
/// </summary>
internal sealed class TableSink(ResultText output) : ResultSink
{
    private ResultLayout _layout = null!;
    private readonly Dictionary<string, List<TableRow>> _rowsByGroup = new(StringComparer.Ordinal);

    public override void Begin(ResultLayout layout) => _layout = layout;

    public override void Write(ScoredRows rows)
    {
        var frame = rows.Frame;
        var precision = _layout.Definition.Precision;
        var eligibility = _layout.Rules.Eligibility;
        for (var row = 0; row < rows.Count; row++)
        {
            if (!rows.Scored[row]) continue;
            var id = rows.Batch.AgencyIds[row];
            var rank = (int)frame.Rank[row];
            var cells = new string[8 + eligibility.Count];
            cells[0] = rank.ToString(CultureInfo.InvariantCulture);
            cells[1] = Format.Change(double.IsNaN(frame.RankChange[row]) ? null : (int)frame.RankChange[row]);
            cells[2] = id;
            cells[3] = rows.Batch.AgencyNames[row] ?? "";
            cells[4] = Format.Fixed(frame.Total[row], precision);
            cells[5] = Format.Number(frame.Max[row]);
            cells[6] = Format.Fixed(frame.Percent[row], precision);
            cells[7] = frame.Classification[row] ?? "";
            for (var e = 0; e < eligibility.Count; e++) cells[8 + e] = EligibilityRows.Holds(frame, eligibility[e], row) ? "yes" : "no";
            var group = frame.GroupNames[row];
            if (!_rowsByGroup.TryGetValue(group, out var list)) _rowsByGroup[group] = list = new List<TableRow>();
            list.Add(new TableRow(rank, id, cells));
        }
    }

    public override void Complete(RowErrorLog rowErrors)
    {
        var definition = _layout.Definition;
        Line(DisplayText.Escape($"{definition.Title} ({definition.Id} {definition.Version})"));
        // Eligibility columns only when some agency was scored, as the ranking always showed them.
        var eligibility = _rowsByGroup.Count > 0 ? definition.Eligibility.Select(e => e.Id).ToList() : [];
        foreach (var group in _layout.Groups)
        {
            if (_layout.Groups.Count > 1 || group.Length > 0)
                Line($"\n== {DisplayText.Escape(definition.Ranking.GroupTitles.GetValueOrDefault(group) ?? group)} ==");
            var columns = new List<(string, bool)> { ("Rank", true), ("Change", true), ("Id", false), ("Name", false), ("Points", true), ("Max", true), ("%", true), ("Class", false) };
            columns.AddRange(eligibility.Select(id => (id, false)));
            var table = new TextTable(columns.ToArray());
            var rows = _rowsByGroup.GetValueOrDefault(group) ?? [];
            rows.Sort(static (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Id, b.Id));
            foreach (var row in rows) table.Add(row.Cells);
            output.Write(table.ToString());
        }
        // The exact counts from the log: RowErrors holds only the errors kept in full.
        if (rowErrors.ErrorCount > 0)
            Line(string.Create(CultureInfo.InvariantCulture,
                $"\n{rowErrors.Rejected.Count} row(s) not scored ({rowErrors.ErrorCount} problem(s)); each is listed with agency id, field and reason in ScoreReport.RowErrorLog (the CLI prints them on standard error)."));
        output.Flush();
    }

    private void Line(string text)
    {
        output.Write(text);
        output.NewLine();
    }

    private sealed record TableRow(int Rank, string Id, string[] Cells);
}
