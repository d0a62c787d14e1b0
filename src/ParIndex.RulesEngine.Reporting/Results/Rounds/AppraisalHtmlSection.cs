using System.Text;
using ParIndex.RulesEngine.Results.Report;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The report's section on the appraisal ("Kết quả thẩm định"): per group, every agency's
/// self-assessed ("tự chấm") and appraised ("thẩm định") total, the difference ("chênh lệch")
/// and both ranks; then per agency the appraisal changed, the criteria with the appraiser's
/// notes; then the agencies scored in one round only.
/// </summary>
internal static class AppraisalHtmlSection
{
    public static void Write(StringBuilder html, AppraisalRounds rounds, int precision)
    {
        var report = rounds.Appraised;
        html.Append("<section id=\"tham-dinh\">\n<h2>Kết quả thẩm định so với tự chấm</h2>\n");
        html.Append("<p>").Append(Html.Encode($"{rounds.Agencies.Count} đơn vị có cả điểm tự chấm và điểm thẩm định; {rounds.CutAgencies.Count} đơn vị bị trừ điểm khi thẩm định. Chênh lệch = thẩm định − tự chấm.")).Append("</p>\n");
        foreach (var group in report.Groups)
        {
            var agencies = rounds.Agencies.Where(a => a.Second.Group == group).OrderBy(a => a.Second.Rank).ThenBy(a => a.AgencyId, StringComparer.Ordinal).ToList();
            if (agencies.Count == 0) continue;
            if (report.Groups.Count > 1 || group.Length > 0) html.Append("<h3>").Append(Html.Encode(report.GroupTitle(group))).Append("</h3>\n");
            html.Append("<div class=\"table-wrap\"><table class=\"rounds\">\n<thead><tr><th>Mã</th><th>Đơn vị</th><th class=\"num\">Tự chấm</th><th class=\"num\">Thẩm định</th>")
                .Append("<th class=\"num\">Chênh lệch</th><th class=\"num\">Hạng tự chấm</th><th class=\"num\">Hạng thẩm định</th></tr></thead>\n<tbody>\n");
            foreach (var a in agencies)
                html.Append("<tr data-agency=\"").Append(Html.Encode(a.AgencyId)).Append("\"><td>").Append(Html.Encode(a.AgencyId)).Append("</td><td>").Append(Html.Encode(a.Name ?? a.AgencyId))
                    .Append("</td><td class=\"num\">").Append(Html.Number(a.First.Total, precision)).Append("</td><td class=\"num\">").Append(Html.Number(a.Second.Total, precision))
                    .Append("</td><td class=\"num\">").Append(Signed(a.TotalDifference, precision)).Append("</td><td class=\"num\">").Append(a.First.Rank)
                    .Append("</td><td class=\"num\">").Append(a.Second.Rank).Append("</td></tr>\n");
            html.Append("</tbody></table></div>\n");
        }
        foreach (var agency in rounds.Agencies) Changes(html, rounds, agency, precision);
        Unmatched(html, "Chỉ có điểm tự chấm (không có trong dữ liệu thẩm định)", rounds.SelfOnly, precision);
        Unmatched(html, "Chỉ có điểm thẩm định (không có trong dữ liệu tự chấm)", rounds.AppraisedOnly, precision);
        html.Append("</section>\n");
    }

    private static void Changes(StringBuilder html, AppraisalRounds rounds, AgencyComparison agency, int precision)
    {
        var changes = rounds.Changes(agency.AgencyId);
        var others = rounds.OtherNotes(agency.AgencyId);
        if (changes.Count == 0 && others.Count == 0) return;
        html.Append("<article class=\"rounds-agency\" data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\">\n<h4>")
            .Append(Html.Encode($"{agency.Name ?? agency.AgencyId} ({agency.AgencyId}): tự chấm {Html.Number(agency.First.Total, precision)}, thẩm định {Html.Number(agency.Second.Total, precision)}, chênh lệch {Signed(agency.TotalDifference, precision)}"))
            .Append("</h4>\n");
        if (changes.Count > 0)
        {
            html.Append("<div class=\"table-wrap\"><table class=\"criteria\">\n<thead><tr><th>Mã</th><th>Tiêu chí</th><th class=\"num\">Tự chấm</th><th class=\"num\">Thẩm định</th><th class=\"num\">Chênh lệch</th><th>Ghi chú thẩm định</th></tr></thead>\n<tbody>\n");
            foreach (var change in changes)
            {
                var c = change.Criterion;
                html.Append("<tr><td>").Append(Html.Encode(c.Code)).Append("</td><td>").Append(Html.Encode(c.Title)).Append("</td><td class=\"num\">")
                    .Append(c.FirstApplicable ? Html.Compact(c.FirstPoints) : "–").Append("</td><td class=\"num\">").Append(c.SecondApplicable ? Html.Compact(c.SecondPoints) : "–")
                    .Append("</td><td class=\"num\">").Append(Signed(c.Difference, precision)).Append("</td><td>")
                    .Append(Html.Encode(AppraisalNoteText.Join(change.Notes))).Append("</td></tr>\n");
            }
            html.Append("</tbody></table></div>\n");
        }
        if (others.Count > 0)
        {
            html.Append("<ul class=\"notes\">");
            foreach (var note in others) html.Append("<li>").Append(Html.Encode($"Ghi chú về {note.Input}: {note.Text}")).Append("</li>");
            html.Append("</ul>\n");
        }
        html.Append("</article>\n");
    }

    private static void Unmatched(StringBuilder html, string title, IReadOnlyList<UnmatchedAgency> agencies, int precision)
    {
        if (agencies.Count == 0) return;
        html.Append("<h4>").Append(Html.Encode(title)).Append("</h4>\n<ul>");
        foreach (var a in agencies)
            html.Append("<li>").Append(Html.Encode($"{a.Name ?? a.AgencyId} ({a.AgencyId}): {Html.Number(a.Score.Total, precision)} điểm" + (a.Rejection is { } why ? $"; dòng dữ liệu ở vòng kia bị loại ({why})" : ""))).Append("</li>");
        html.Append("</ul>\n");
    }

    /// <summary>A difference in the report's number format with its sign: +0,50, −2,00, 0,00.</summary>
    private static string Signed(double value, int precision) =>
        value > 0 ? "+" + Html.Number(value, precision) : value < 0 ? "−" + Html.Number(-value, precision) : Html.Number(0, precision);
}
