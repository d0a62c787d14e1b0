using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>The sheets of the results workbook, each written from the scored rows; each returns its autofilter range ($A$1:$K$n).</summary>
internal static class XlsxResultSheets
{
    private static readonly string[] RankingHeadings =
        ["Nhóm", "Hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm", "Điểm tối đa", "Chỉ số (%)", "Xếp loại", "Hạng chung", "Hạng kỳ trước", "Thay đổi hạng"];

    /// <summary>The ranking: groups in order of first appearance, then by rank, ties in input order.</summary>
    public static string Ranking(XlsxSheetWriter sheet, ResultLayout layout, ScoredRows rows)
    {
        var frame = rows.Frame;
        var groupOrder = layout.Groups.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i, StringComparer.Ordinal);
        var order = Enumerable.Range(0, rows.Count).Where(r => rows.Scored[r])
            .OrderBy(r => groupOrder.GetValueOrDefault(frame.GroupNames[r], int.MaxValue)).ThenBy(r => frame.Rank[r]).ThenBy(r => r).ToList();
        sheet.Begin(frozenRows: 1, frozenColumns: 4, [18, 7, 14, 36, 11, 11, 11, 16, 10, 12, 12], landscape: true);
        Headings(sheet, RankingHeadings);
        foreach (var r in order)
        {
            sheet.StartRow();
            sheet.Text(GroupTitle(layout, frame.GroupNames[r]));
            sheet.Number(frame.Rank[r], XlsxStyles.Whole);
            sheet.Text(rows.Batch.AgencyIds[r], XlsxStyles.Text);
            sheet.Text(rows.Batch.AgencyNames[r]);
            sheet.Number(frame.Total[r], XlsxStyles.Points);
            sheet.Number(frame.Max[r], XlsxStyles.Points);
            sheet.Number(frame.Percent[r], XlsxStyles.Points);
            sheet.Text(frame.Classification[r]);
            sheet.Number(frame.OverallRank[r], XlsxStyles.Whole);
            sheet.Number(frame.PreviousRank[r], XlsxStyles.Whole);
            sheet.Number(frame.RankChange[r], XlsxStyles.Whole);
        }
        return Finish(sheet, RankingHeadings.Length);
    }

    /// <summary>Agencies × criteria: points coloured by share of the applicable max; "–" where a criterion does not apply.</summary>
    public static string Matrix(XlsxSheetWriter sheet, ResultLayout layout, ScoredRows rows)
    {
        var frame = rows.Frame;
        var nodes = layout.Rules.Nodes;
        sheet.Begin(frozenRows: 2, frozenColumns: 2, [14, 36, .. nodes.Select(_ => 12.0)], landscape: true);
        sheet.StartRow();
        sheet.Text("Mã đơn vị", XlsxStyles.Header);
        sheet.Text("Tên đơn vị", XlsxStyles.Header);
        foreach (var node in nodes) sheet.Text($"{node.Code} {node.Definition.Title}", XlsxStyles.Header);
        sheet.StartRow();
        sheet.Text("Điểm tối đa", XlsxStyles.Note);
        sheet.Skip();
        foreach (var node in nodes) sheet.Number(node.Max, XlsxStyles.Points);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!rows.Scored[r]) continue;
            sheet.StartRow();
            sheet.Text(rows.Batch.AgencyIds[r], XlsxStyles.Text);
            sheet.Text(rows.Batch.AgencyNames[r]);
            foreach (var node in nodes)
            {
                var max = frame.MaxPoints[node.Index][r];
                if (double.IsNaN(max)) sheet.Text("–");
                else sheet.Number(frame.Points[node.Index][r], node.Kind == CriterionKind.Regular ? XlsxStyles.Share(frame.Points[node.Index][r], max) : XlsxStyles.Points);
            }
        }
        return Finish(sheet, 2 + nodes.Count, headerRow: 2);
    }

    /// <summary>Per responsible unit and leaf criterion: agencies below max, points lost in all and on average.</summary>
    public static string Shortfalls(XlsxSheetWriter sheet, ResultLayout layout, ScoredRows rows)
    {
        var frame = rows.Frame;
        var lines = new List<(string Unit, Binding.BoundNode Node, int Agencies, double Lost)>();
        foreach (var node in layout.Rules.Nodes.Where(n => n.IsLeaf && n.Kind == CriterionKind.Regular))
        {
            var (agencies, lost) = (0, 0.0);
            for (var r = 0; r < rows.Count; r++)
            {
                if (!rows.Scored[r] || double.IsNaN(frame.MaxPoints[node.Index][r])) continue;
                var gap = frame.MaxPoints[node.Index][r] - frame.Points[node.Index][r];
                if (gap <= 1e-9) continue;
                agencies++;
                lost += gap;
            }
            if (agencies == 0) continue;
            foreach (var unit in node.Responsible.DefaultIfEmpty("(chưa giao)")) lines.Add((unit, node, agencies, lost));
        }
        var byUnit = lines.GroupBy(l => l.Unit).OrderByDescending(g => g.Sum(l => l.Lost)).ThenBy(g => g.Key, StringComparer.Ordinal);
        string[] headings = ["Đơn vị chịu trách nhiệm", "Mã", "Tiêu chí", "Điểm tối đa", "Số đơn vị chưa đạt tối đa", "Tổng điểm thiếu", "Điểm thiếu bình quân"];
        sheet.Begin(frozenRows: 1, frozenColumns: 1, [28, 8, 48, 11, 14, 14, 14], landscape: true);
        Headings(sheet, headings);
        foreach (var unit in byUnit)
            foreach (var line in unit.OrderByDescending(l => l.Lost))
            {
                sheet.StartRow();
                sheet.Text(line.Unit);
                sheet.Text(line.Node.Code, XlsxStyles.Text);
                sheet.Text(line.Node.Definition.Title);
                sheet.Number(line.Node.Max, XlsxStyles.Points);
                sheet.Number(line.Agencies, XlsxStyles.Whole);
                sheet.Number(line.Lost, XlsxStyles.Points);
                sheet.Number(line.Lost / line.Agencies, XlsxStyles.Points);
            }
        return Finish(sheet, headings.Length);
    }

    /// <summary>Per agency, whether each eligibility rule holds (Đạt / Không đạt).</summary>
    public static string Eligibility(XlsxSheetWriter sheet, ResultLayout layout, ScoredRows rows)
    {
        var rules = layout.Rules.Eligibility;
        sheet.Begin(frozenRows: 1, frozenColumns: 2, [14, 36, 18, .. rules.Select(_ => 22.0)], landscape: true);
        Headings(sheet, ["Mã đơn vị", "Tên đơn vị", "Nhóm", .. rules.Select(r => r.Definition.Title)]);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!rows.Scored[r]) continue;
            sheet.StartRow();
            sheet.Text(rows.Batch.AgencyIds[r], XlsxStyles.Text);
            sheet.Text(rows.Batch.AgencyNames[r]);
            sheet.Text(GroupTitle(layout, rows.Frame.GroupNames[r]));
            foreach (var rule in rules) sheet.Text(EligibilityRows.Holds(rows.Frame, rule, r) ? "Đạt" : "Không đạt");
        }
        return Finish(sheet, 3 + rules.Count);
    }

    private static void Headings(XlsxSheetWriter sheet, IEnumerable<string> headings)
    {
        sheet.StartRow();
        foreach (var heading in headings) sheet.Text(heading, XlsxStyles.Header);
    }

    private static string GroupTitle(ResultLayout layout, string group) => layout.Definition.Ranking.GroupTitles.GetValueOrDefault(group) ?? group;

    /// <summary>Closes the sheet with an autofilter over its header and rows and the print setup; returns the filter range.</summary>
    private static string Finish(XlsxSheetWriter sheet, int columns, int headerRow = 1)
    {
        var last = Data.CellReference.ColumnName(columns - 1);
        var range = $"A{headerRow}:{last}{Math.Max(sheet.Row, headerRow)}";
        sheet.End([new AutoFilter { Reference = range }, .. XlsxSheetWriter.PrintA4Landscape()]);
        return $"$A${headerRow}:${last}${Math.Max(sheet.Row, headerRow)}";
    }
}
