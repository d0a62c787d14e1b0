using System.Globalization;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>
/// Per group, the matrix of points: agencies (in rank order) × areas, then agencies × every
/// criterion below the areas, each cell shaded by its share of the criterion's maximum. Columns
/// are split into several tables so that none is wider than the printed page (fewer columns on
/// portrait pages than on landscape ones); the header shows codes, a legend under the table the titles.
/// </summary>
internal static class CriterionMatrixSection
{
    /// <summary>Criterion columns per table beside the agency column.</summary>
    internal static int ColumnsPerTable(PageOrientation orientation) => orientation == PageOrientation.Landscape ? 16 : 10;

    public static void Write(HtmlReportWriter.ReportPage page)
    {
        var report = page.Report;
        if (!page.Full || report.Agencies.Count == 0) return;
        var areas = report.Criteria.Where(c => c.Depth == 0).ToList();
        var details = report.Criteria.Where(c => c.Depth > 0).ToList();
        var perTable = ColumnsPerTable(page.Options.Orientation);
        var html = page.Output;
        html.Append("<section id=\"ma-tran\">\n<h2>Ma trận điểm theo tiêu chí</h2>\n");
        html.Append("<p class=\"muted\">Mỗi ô là điểm đạt được; màu càng đậm, tỷ lệ so với điểm tối đa của tiêu chí càng cao; “–” là tiêu chí không áp dụng.</p>\n");
        foreach (var group in report.Groups)
        {
            var agencies = report.Ranking(group);
            if (agencies.Count == 0) continue;
            html.Append("<div class=\"matrix-group\" data-group=\"").Append(Html.Encode(group)).Append("\">\n");
            if (report.Groups.Count > 1 || group.Length > 0) html.Append("<h3>").Append(Html.Encode(report.GroupTitle(group))).Append("</h3>\n");
            foreach (var columns in areas.Chunk(perTable)) Table(page, agencies, columns, "Lĩnh vực");
            foreach (var columns in details.Chunk(perTable)) Table(page, agencies, columns, "Tiêu chí");
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    private static void Table(HtmlReportWriter.ReportPage page, IReadOnlyList<AgencyScore> agencies, CriterionInfo[] columns, string kind)
    {
        var html = page.Output;
        html.Append("<table class=\"matrix\">\n<thead><tr><th class=\"agency\">Đơn vị</th>");
        foreach (var c in columns)
            html.Append("<th class=\"num\" title=\"").Append(Html.Encode($"{c.Code}. {c.Title} (tối đa {Html.Compact(c.MaxPoints)})")).Append("\">")
                .Append(Html.Encode(c.Code)).Append("<br><span class=\"max\">").Append(Html.Encode(Html.Compact(c.MaxPoints))).Append("</span></th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var agency in agencies)
        {
            html.Append("<tr data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\"><th class=\"agency\">")
                .Append(Html.Encode($"{agency.Rank}. {agency.Name ?? agency.AgencyId}")).Append("</th>");
            foreach (var c in columns) Cell(page, agency, c);
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n<p class=\"matrix-legend\">");
        html.Append(Html.Encode(kind + ": " + string.Join(" · ", columns.Select(c => $"{c.Code} {c.Title}")))).Append("</p>\n");
    }

    private static void Cell(HtmlReportWriter.ReportPage page, AgencyScore agency, CriterionInfo criterion)
    {
        var score = agency.Criteria.FirstOrDefault(s => s.Code == criterion.Code);
        if (score is not { IsApplicable: true })
        {
            page.Output.Append("<td class=\"num cell na\">–</td>");
            return;
        }
        var share = score.MaxPoints > 0 ? Math.Clamp(score.Points / score.MaxPoints, 0, 1) : 0;
        page.Output.Append("<td class=\"num cell\" data-share=\"").Append(share.ToString("0.###", CultureInfo.InvariantCulture))
            .Append("\" style=\"background:").Append(Shade(share)).Append("\">")
            .Append(Html.Encode(Html.Number(score.Points, page.Precision))).Append("</td>");
    }

    /// <summary>White for 0, a green that stays readable under black text for the full maximum.</summary>
    internal static string Shade(double share) =>
        $"hsl(130 45% {(97 - 42 * share).ToString("0.#", CultureInfo.InvariantCulture)}%)";
}
