using ParIndex.RulesEngine.Evaluation;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>
/// "Kết quả các năm trước": per group, in this period's ranking order, each agency's percent
/// and group rank in the earlier periods of <see cref="HtmlReportOptions.History"/> and in this
/// one, and its rank change against the latest earlier period. Written only when a history is
/// given. Earlier results are read by today's ids (the history's id map already applied), so a
/// renamed or merged unit shows its earlier results on its current row.
/// </summary>
internal static class HistorySection
{
    /// <summary>
    /// The earlier periods shown, newest first kept: two columns each beside the name, so more
    /// would make the table wider than the printed page.
    /// </summary>
    internal static int PeriodsShown(PageOrientation orientation) => orientation == PageOrientation.Landscape ? 7 : 4;

    public static void Write(HtmlReportWriter.ReportPage page)
    {
        if (page.Options.History is not { Periods.Count: > 0 } history || page.Report.Agencies.Count == 0) return;
        var report = page.Report;
        var html = page.Output;
        var shown = PeriodsShown(page.Options.Orientation);
        // Oldest to newest from left to right, this period last.
        var periods = Enumerable.Range(1, Math.Min(shown, history.Periods.Count)).Reverse().ToList();
        html.Append("<section id=\"cac-nam-truoc\">\n<h2>Kết quả các năm trước</h2>\n");
        html.Append("<p class=\"muted\">Tỷ lệ điểm (%) và hạng trong nhóm của từng kỳ; “Thay đổi” so với kỳ ")
            .Append(history.Periods[0].Year).Append(" (↑ tăng hạng, ↓ giảm hạng, = giữ nguyên); “–” là đơn vị không có trong kỳ đó.");
        if (history.Periods.Count > shown)
            html.Append(Html.Encode($" Chỉ hiển thị {shown} kỳ gần nhất trong {history.Periods.Count} kỳ đã cho."));
        html.Append("</p>\n");
        var current = report.RuleSet.Metadata?.Period is { Length: > 0 } period ? period : "Kỳ này";
        foreach (var group in report.Groups)
        {
            var ranking = report.Ranking(group);
            if (ranking.Count == 0) continue;
            html.Append("<div class=\"history-group\" data-group=\"").Append(Html.Encode(group)).Append("\">\n");
            if (report.Groups.Count > 1 || group.Length > 0) html.Append("<h3>").Append(Html.Encode(report.GroupTitle(group))).Append("</h3>\n");
            html.Append("<table class=\"history\">\n<thead><tr><th rowspan=\"2\" class=\"agency\">Đơn vị</th>");
            foreach (var k in periods) html.Append("<th colspan=\"2\" class=\"period\">").Append(history.Periods[k - 1].Year).Append("</th>");
            html.Append("<th colspan=\"2\" class=\"period\">").Append(Html.Encode(current)).Append("</th><th rowspan=\"2\" class=\"num\">Thay đổi</th></tr>\n<tr>");
            for (var i = 0; i <= periods.Count; i++) html.Append("<th class=\"num\">%</th><th class=\"num\">Hạng</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var agency in ranking)
            {
                html.Append("<tr data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\"><td class=\"agency\">")
                    .Append(Html.Encode(agency.Name ?? agency.AgencyId)).Append("</td>");
                foreach (var k in periods) Cells(html, history.Find(k, agency.AgencyId), page.Precision);
                Cells(html, new PeriodResult(agency.Percent, agency.Rank, agency.OverallRank), page.Precision);
                html.Append("<td class=\"num\">").Append(Change(agency.Rank, history.Find(1, agency.AgencyId))).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n</div>\n");
        }
        html.Append("</section>\n");
    }

    private static void Cells(System.Text.StringBuilder html, PeriodResult? result, int precision)
    {
        if (result is null) { html.Append("<td class=\"num missing\">–</td><td class=\"num missing\">–</td>"); return; }
        html.Append("<td class=\"num\">").Append(Html.Number(result.Percent, precision)).Append("</td><td class=\"num\">").Append(result.Rank).Append("</td>");
    }

    /// <summary>Places gained (↑), lost (↓) or kept (=) since the latest earlier period; "–" when the agency was not ranked then.</summary>
    internal static string Change(int rank, PeriodResult? latest) => latest is null
        ? "<span class=\"change new\" title=\"Không có trong kỳ trước\">–</span>"
        : (latest.Rank - rank) switch
        {
            > 0 and var up => $"<span class=\"change up\" title=\"Tăng {up} bậc (kỳ trước hạng {latest.Rank})\">↑ {up}</span>",
            < 0 and var down => $"<span class=\"change down\" title=\"Giảm {-down} bậc (kỳ trước hạng {latest.Rank})\">↓ {-down}</span>",
            _ => $"<span class=\"change same\" title=\"Giữ nguyên hạng {latest.Rank}\">=</span>",
        };
}
