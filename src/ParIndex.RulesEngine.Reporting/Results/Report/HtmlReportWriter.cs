using System.Reflection;
using System.Text;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>
/// Writes a score report as one self-contained HTML page in Vietnamese: ranking per group with
/// classification and rank change, a bar chart of percent per agency, each agency's points per
/// area against its group's mean (chosen with a list; a few lines of inline script), points lost
/// by responsible unit, award eligibility and rejected rows, and with a history the earlier
/// periods' percent and rank ("Kết quả các năm trước"). No external script, style sheet,
/// font or image: charts are inline SVG (<see cref="SvgChart"/>) and every text is HTML-encoded.
/// </summary>
/// <remarks>
/// The per-area and shortfall sections need every criterion's points (the default
/// <see cref="Evaluation.ScoreDetail.Full"/>); with totals only they are left out.
/// Without script every agency's section is shown one after another.
/// </remarks>
public static class HtmlReportWriter
{
    /// <summary>The attribute the inline script sets on &lt;html&gt; once it ran: data-report-ready="true".</summary>
    public const string ReadyAttribute = "data-report-ready";

    private static readonly string[] Palette = ["#1a7f37", "#2f6fb3", "#bf8700", "#cf222e", "#8250df", "#0a7a8a", "#6e7781"];
    private const string MeanColor = "#afb8c1";

    /// <summary>Writes the report as HTML.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write (the page declares UTF-8).</param>
    /// <param name="options">Title, subtitle, footer text and the first agency shown.</param>
    public static void Write(ScoreReport report, TextWriter output, HtmlReportOptions? options = null) =>
        output.Write(Render(report, options));

    /// <summary>Writes the report as HTML with an asynchronous write (a response body's writer).</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where to write (the page declares UTF-8).</param>
    /// <param name="options">Title, subtitle, footer text and the first agency shown.</param>
    /// <param name="cancellationToken">Stops the write (<see cref="OperationCanceledException"/>).</param>
    public static async Task WriteAsync(ScoreReport report, TextWriter output, HtmlReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Render(report, options).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the report as an HTML document.</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="options">Title, subtitle, footer text and the first agency shown.</param>
    public static string Render(ScoreReport report, HtmlReportOptions? options = null)
    {
        options ??= new HtmlReportOptions();
        var page = new ReportPage(report, options);
        return page.Build();
    }

    /// <summary>
    /// The report's sections, in page order. Each writes nothing when it has no data for this
    /// report. A new section is a method taking the <see cref="ReportPage"/> (in its own file)
    /// and one line here.
    /// </summary>
    private static readonly IReadOnlyList<Action<ReportPage>> Sections =
    [
        page => page.Summary(),
        page => page.Ranking(),
        HistorySection.Write,
        page => { if (page.Options.Rounds is { } rounds) Rounds.AppraisalHtmlSection.Write(page.Output, rounds, page.Precision); },
        CriterionMatrixSection.Write,
        page => page.Agencies(),
        page => page.UnitTotals(),
        page => page.Eligibility(),
        page => page.RowErrors(),
    ];

    /// <summary>The page being written: the report, the options and the HTML so far, for the sections.</summary>
    internal sealed class ReportPage(ScoreReport report, HtmlReportOptions options)
    {
        private readonly StringBuilder _html = new(64 * 1024);
        private readonly bool _assignsUnits = ReportLayout.AssignsUnits(report);

        /// <summary>The HTML written so far; sections append to it.</summary>
        internal StringBuilder Output => _html;
        /// <summary>The scoring result.</summary>
        internal ScoreReport Report => report;
        /// <summary>The report's options.</summary>
        internal HtmlReportOptions Options => options;
        /// <summary>Decimals of points and percent.</summary>
        internal int Precision => _precision;
        /// <summary>True when every criterion's points are in the report.</summary>
        internal bool Full => _full;
        private readonly int _precision = report.RuleSet.Precision;
        private readonly bool _full = report.Detail == Evaluation.ScoreDetail.Full;
        private readonly bool _hasPrevious = report.Agencies.Any(a => a.PreviousRank is not null);
        private readonly List<CriterionInfo> _areas = report.Criteria.Where(c => c.Depth == 0 && c.Kind == CriterionKind.Regular).ToList();

        public string Build()
        {
            var title = options.Title ?? report.RuleSet.Title;
            _html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
            _html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            _html.Append("<meta name=\"generator\" content=\"ParIndex.RulesEngine ").Append(Html.Encode(LibraryVersion())).Append("\">\n");
            _html.Append("<title>").Append(Html.Encode(title)).Append("</title>\n<style>").Append(Css).Append(PrintCss.For(options.Orientation)).Append("</style>\n</head>\n<body>\n");
            Header(title);
            _html.Append("<main>\n");
            foreach (var section in Sections) section(this);
            _html.Append("</main>\n");
            Footer();
            _html.Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
            return _html.ToString();
        }

        private void Header(string title)
        {
            var rules = report.RuleSet;
            _html.Append("<header>\n");
            OfficialHeader.Write(_html, rules.Metadata);
            _html.Append("<h1>").Append(Html.Encode(title)).Append("</h1>\n");
            if (options.Subtitle is { Length: > 0 } subtitle) _html.Append("<p class=\"subtitle\">").Append(Html.Encode(subtitle)).Append("</p>\n");
            _html.Append("<dl class=\"meta\">");
            Meta("Bộ chỉ số", $"{rules.Id} (phiên bản {rules.Version})");
            if (rules.LegalBasis is { Length: > 0 } legal) Meta("Căn cứ", legal);
            if (rules.Metadata?.Period is { Length: > 0 } period) Meta("Kỳ đánh giá", period);
            Meta("Số đơn vị được chấm", report.Agencies.Count.ToString(Html.Vietnamese));
            if (report.RowErrorLog.Rejected.Count > 0) Meta("Số dòng bị loại", report.RowErrorLog.Rejected.Count.ToString(Html.Vietnamese));
            Meta("Tổng điểm tối đa", Html.Compact(report.Criteria.Where(c => c.Depth == 0 && c.Kind == CriterionKind.Regular).Sum(c => c.MaxPoints)));
            _html.Append("</dl>\n</header>\n");
        }

        private void Meta(string term, string value) =>
            _html.Append("<div><dt>").Append(Html.Encode(term)).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd></div>");

        internal void Summary()
        {
            if (report.RuleSet.Classification.Count == 0 || report.Agencies.Count == 0) return;
            _html.Append("<section id=\"xep-loai\" class=\"summary\">\n<h2>Kết quả xếp loại</h2>\n<ul class=\"chips\">");
            foreach (var band in Bands())
            {
                var count = report.Agencies.Count(a => a.Classification == band.Label);
                _html.Append($"<li><span class=\"badge\" style=\"background:{ColorOf(band.Label)}\">{Html.Encode(band.Label)}</span> ")
                    .Append(Html.Encode($"≥ {Html.Compact(band.MinPercent)}%: {count} đơn vị")).Append("</li>");
            }
            var unclassified = report.Agencies.Count(a => a.Classification is null);
            if (unclassified > 0) _html.Append("<li>").Append(Html.Encode($"Chưa xếp loại: {unclassified} đơn vị")).Append("</li>");
            _html.Append("</ul>\n</section>\n");
        }

        internal void Ranking()
        {
            _html.Append("<section id=\"xep-hang\">\n<h2>Xếp hạng</h2>\n");
            if (report.Agencies.Count == 0) _html.Append("<p>Không có đơn vị nào được chấm điểm.</p>\n");
            var multipleGroups = report.Groups.Count > 1;
            var overall = ReportLayout.ShowsOverallRank(report);
            foreach (var group in report.Groups)
            {
                var ranking = report.Ranking(group);
                if (ranking.Count == 0) continue;
                var groupTitle = report.GroupTitle(group);
                _html.Append("<div class=\"group\" data-group=\"").Append(Html.Encode(group)).Append("\">\n");
                if (multipleGroups || group.Length > 0) _html.Append("<h3>").Append(Html.Encode(groupTitle)).Append("</h3>\n");
                _html.Append("<div class=\"table-wrap\"><table class=\"ranking\">\n<thead><tr><th class=\"num\">Hạng</th>");
                if (_hasPrevious) _html.Append("<th class=\"num\">Thay đổi</th>");
                if (overall) _html.Append("<th class=\"num\">Hạng chung</th>");
                _html.Append("<th>Mã</th><th>Đơn vị</th><th class=\"num\">Điểm</th><th class=\"num\">Tối đa</th><th class=\"num\">Tỷ lệ (%)</th><th>Xếp loại</th></tr></thead>\n<tbody>\n");
                foreach (var agency in ranking)
                {
                    _html.Append("<tr data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\"><td class=\"num\">").Append(agency.Rank).Append("</td>");
                    if (_hasPrevious) _html.Append("<td class=\"num\">").Append(Change(agency)).Append("</td>");
                    if (overall) _html.Append("<td class=\"num\">").Append(agency.OverallRank).Append("</td>");
                    _html.Append("<td>").Append(Html.Encode(agency.AgencyId)).Append("</td><td>").Append(Html.Encode(agency.Name ?? agency.AgencyId)).Append("</td>")
                        .Append("<td class=\"num\">").Append(Html.Number(agency.Total, _precision)).Append("</td>")
                        .Append("<td class=\"num\">").Append(Html.Compact(agency.MaxPoints)).Append("</td>")
                        .Append("<td class=\"num\">").Append(Html.Number(agency.Percent, _precision)).Append("</td>")
                        .Append("<td>").Append(Badge(agency.Classification)).Append("</td></tr>\n");
                }
                _html.Append("</tbody></table></div>\n");
                var bars = ranking.Select(a => new ChartBar($"{a.Rank}. {a.Name ?? a.AgencyId}", a.Percent, ColorOf(a.Classification),
                    $"{a.Rank}. {a.Name ?? a.AgencyId} ({a.AgencyId}): {Html.Number(a.Percent, _precision)}% — {a.Classification ?? "chưa xếp loại"}")).ToList();
                _html.Append("<figure class=\"chart-box\">").Append(SvgChart.Bars(bars, new BarChartOptions
                {
                    Title = $"Tỷ lệ điểm đạt được (%) của từng đơn vị — {groupTitle}".TrimEnd(' ', '—'),
                    Decimals = _precision,
                    Markers = Bands().Where(b => b.MinPercent > 0).Select(b => new ChartMarker(b.MinPercent, $"{b.Label} ≥ {Html.Compact(b.MinPercent)}")).ToList(),
                    CssClass = "percent-chart",
                })).Append("<figcaption>Tỷ lệ điểm đạt được so với điểm tối đa áp dụng; màu theo xếp loại, đường đứt nét là ngưỡng xếp loại.</figcaption></figure>\n");
                _html.Append("</div>\n");
            }
            _html.Append("</section>\n");
        }

        internal void Agencies()
        {
            if (!_full || report.Agencies.Count == 0) return;
            var overall = ReportLayout.ShowsOverallRank(report);
            var agencies = report.Ranking();
            var selected = agencies.FirstOrDefault(a => a.AgencyId == options.SelectedAgency) ?? agencies[0];
            _html.Append("<section id=\"don-vi\">\n<h2>Điểm theo lĩnh vực và điểm bị mất của từng đơn vị</h2>\n");
            _html.Append("<p class=\"picker\"><label for=\"agency-select\">Chọn đơn vị: </label><select id=\"agency-select\">");
            foreach (var agency in agencies)
            {
                _html.Append("<option value=\"").Append(Html.Encode(agency.AgencyId)).Append('"');
                if (agency == selected) _html.Append(" selected");
                _html.Append('>').Append(Html.Encode($"{(overall || report.Groups.Count <= 1 ? agency.OverallRank.ToString(Html.Vietnamese) : $"{report.GroupTitle(agency.Group)} #{agency.Rank}")}. {agency.Name ?? agency.AgencyId} ({agency.AgencyId}) — {Html.Number(agency.Percent, _precision)}%")).Append("</option>");
            }
            _html.Append("</select></p>\n");
            var means = GroupAreaMeans();
            foreach (var agency in agencies) AgencyPanel(agency, means[agency.Group]);
            _html.Append("</section>\n");
        }

        /// <summary>Mean percent of each area over the agencies of each group to which the area applies.</summary>
        private Dictionary<string, double?[]> GroupAreaMeans() =>
            report.Agencies.GroupBy(a => a.Group).ToDictionary(g => g.Key, g => _areas.Select(area =>
            {
                var values = g.Select(a => AreaPercent(a, area.Code)).OfType<double>().ToList();
                return values.Count == 0 ? (double?)null : values.Average();
            }).ToArray());

        private static double? AreaPercent(AgencyScore agency, string code)
        {
            var score = agency.Criteria.FirstOrDefault(c => c.Code == code);
            return score is { IsApplicable: true, MaxPoints: > 0 } ? 100 * score.Points / score.MaxPoints : null;
        }

        private void AgencyPanel(AgencyScore agency, double?[] means)
        {
            var name = agency.Name ?? agency.AgencyId;
            var groupTitle = report.GroupTitle(agency.Group);
            _html.Append("<article class=\"agency-panel\" data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\">\n");
            _html.Append("<h3>").Append(Html.Encode($"{name} ({agency.AgencyId})")).Append("</h3>\n<p class=\"agency-summary\">")
                .Append(Html.Encode($"Tổng điểm {Html.Number(agency.Total, _precision)} / {Html.Compact(agency.MaxPoints)} ({Html.Number(agency.Percent, _precision)}%) · hạng {agency.Rank}"))
                .Append(Html.Encode(groupTitle.Length > 0 ? $" trong nhóm {groupTitle}" : "")).Append(' ').Append(Badge(agency.Classification));
            if (_hasPrevious) _html.Append(' ').Append(Change(agency));
            _html.Append("</p>\n");

            if (_areas.Count > 0)
            {
                var categories = _areas.Select(a => $"{a.Code}. {a.Title}").ToList();
                var series = new List<ChartSeries>
                {
                    new(name, SvgChart.DefaultColor, _areas.Select(a => AreaPercent(agency, a.Code)).ToList()),
                    new(groupTitle.Length > 0 ? $"Trung bình nhóm {groupTitle}" : "Trung bình các đơn vị", MeanColor, means),
                };
                _html.Append("<figure class=\"chart-box\">").Append(SvgChart.GroupedBars(categories, series, new BarChartOptions
                {
                    Title = $"Tỷ lệ điểm theo lĩnh vực (%): {name} so với trung bình nhóm",
                    Decimals = 1,
                    CssClass = "area-chart",
                })).Append("<figcaption>Điểm đạt được của từng lĩnh vực, tính theo % điểm tối đa áp dụng, so với trung bình của các đơn vị cùng nhóm.</figcaption></figure>\n");
            }

            var shortfalls = report.Shortfalls(agency.AgencyId);
            if (!_assignsUnits)
            {
                // The rule file names no responsible unit: a table by unit would hold one "(chưa phân công)" row.
                _html.Append("<h4>Tiêu chí bị mất điểm</h4>\n");
                if (shortfalls.Count == 0) _html.Append("<p>Đơn vị đạt điểm tối đa ở mọi tiêu chí áp dụng.</p>\n");
                else ShortfallTable(shortfalls, withUnits: false);
            }
            else
            {
                var byUnit = report.ShortfallsByUnit(agency.AgencyId);
                _html.Append("<h4>Điểm bị mất theo đơn vị chịu trách nhiệm</h4>\n");
                if (byUnit.Count == 0) _html.Append("<p>Đơn vị đạt điểm tối đa ở mọi tiêu chí áp dụng.</p>\n");
                else
                {
                    _html.Append("<div class=\"table-wrap\"><table class=\"shortfall\">\n<thead><tr><th>Đơn vị chịu trách nhiệm</th><th class=\"num\">Điểm bị mất</th><th>Tiêu chí</th></tr></thead>\n<tbody>\n");
                    foreach (var (unit, lost, criteria) in byUnit)
                    {
                        _html.Append("<tr><td>").Append(Html.Encode(unit == "(not assigned)" ? "(chưa phân công)" : unit)).Append("</td><td class=\"num\">").Append(Html.Compact(lost)).Append("</td><td>");
                        _html.Append(string.Join(", ", criteria.Select(c => $"<span title=\"{Html.Encode(c.Title)}\">{Html.Encode(c.Code)}</span> ({Html.Encode(Html.Compact(c.Lost))})")));
                        _html.Append("</td></tr>\n");
                    }
                    _html.Append("</tbody></table></div>\n");
                    _html.Append("<details><summary>").Append(Html.Encode($"{shortfalls.Count} tiêu chí bị mất điểm")).Append("</summary>\n");
                    ShortfallTable(shortfalls, withUnits: true);
                    _html.Append("</details>\n");
                }
            }
            _html.Append("</article>\n");
        }

        private void ShortfallTable(IReadOnlyList<Shortfall> shortfalls, bool withUnits)
        {
            _html.Append("<div class=\"table-wrap\"><table class=\"criteria\">\n<thead><tr><th>Mã</th><th>Tiêu chí</th><th class=\"num\">Điểm</th><th class=\"num\">Tối đa</th><th class=\"num\">Bị mất</th>");
            if (withUnits) _html.Append("<th>Đơn vị chịu trách nhiệm</th>");
            _html.Append("</tr></thead>\n<tbody>\n");
            foreach (var s in shortfalls)
            {
                _html.Append("<tr><td>").Append(Html.Encode(s.Code)).Append("</td><td>").Append(Html.Encode(s.Title)).Append("</td><td class=\"num\">")
                    .Append(Html.Compact(s.Points)).Append("</td><td class=\"num\">").Append(Html.Compact(s.MaxPoints)).Append("</td><td class=\"num\">")
                    .Append(Html.Compact(s.Lost)).Append("</td>");
                if (withUnits) _html.Append("<td>").Append(Html.Encode(string.Join("; ", s.Responsible))).Append("</td>");
                _html.Append("</tr>\n");
            }
            _html.Append("</tbody></table></div>\n");
        }

        internal void UnitTotals()
        {
            if (!_full || report.Agencies.Count == 0 || !_assignsUnits) return;
            var rows = report.Agencies
                .SelectMany(a => report.ShortfallsByUnit(a.AgencyId).Select(u => (a.AgencyId, u.Unit, u.Lost)))
                .GroupBy(r => r.Unit)
                .Select(g => (Unit: g.Key, Lost: Math.Round(g.Sum(r => r.Lost), 6), Agencies: g.Select(r => r.AgencyId).Distinct().Count()))
                .OrderByDescending(r => r.Lost).ThenBy(r => r.Unit, StringComparer.Ordinal)
                .ToList();
            if (rows.Count == 0) return;
            _html.Append("<section id=\"don-vi-chiu-trach-nhiem\">\n<h2>Tổng hợp điểm bị mất theo đơn vị chịu trách nhiệm</h2>\n");
            _html.Append("<p>").Append(Html.Encode($"Cộng trên {report.Agencies.Count} đơn vị được chấm; một tiêu chí giao cho nhiều đơn vị được tính cho từng đơn vị.")).Append("</p>\n");
            _html.Append("<div class=\"table-wrap\"><table class=\"units\">\n<thead><tr><th>Đơn vị chịu trách nhiệm</th><th class=\"num\">Tổng điểm bị mất</th><th class=\"num\">Số đơn vị bị mất điểm</th><th class=\"num\">Bình quân mỗi đơn vị</th></tr></thead>\n<tbody>\n");
            foreach (var (unit, lost, agencies) in rows)
                _html.Append("<tr><td>").Append(Html.Encode(unit == "(not assigned)" ? "(chưa phân công)" : unit)).Append("</td><td class=\"num\">").Append(Html.Compact(Math.Round(lost, _precision)))
                    .Append("</td><td class=\"num\">").Append(agencies).Append("</td><td class=\"num\">").Append(Html.Number(lost / report.Agencies.Count, _precision)).Append("</td></tr>\n");
            _html.Append("</tbody></table></div>\n</section>\n");
        }

        internal void Eligibility()
        {
            var rules = report.RuleSet.Eligibility;
            if (rules.Count == 0 || report.Agencies.Count == 0) return;
            var agencies = report.Ranking();
            _html.Append("<section id=\"khen-thuong\">\n<h2>Điều kiện khen thưởng</h2>\n<div class=\"cards\">\n");
            foreach (var rule in rules)
            {
                var eligible = agencies.Where(a => a.Eligibility.Any(e => e.Id == rule.Id && e.IsEligible)).ToList();
                _html.Append("<div class=\"card\" data-rule=\"").Append(Html.Encode(rule.Id)).Append("\"><h3>").Append(Html.Encode(rule.Title)).Append("</h3>");
                if (rule.Description is { Length: > 0 } description) _html.Append("<p class=\"muted\">").Append(Html.Encode(description)).Append("</p>");
                _html.Append("<p><strong>").Append(Html.Encode($"{eligible.Count} / {agencies.Count} đơn vị đủ điều kiện")).Append("</strong></p>");
                if (eligible.Count > 0) _html.Append("<p>").Append(Html.Encode(string.Join(", ", eligible.Select(a => a.Name ?? a.AgencyId)))).Append("</p>");
                _html.Append("<ul class=\"conditions\">");
                foreach (var condition in rule.Conditions) _html.Append("<li>").Append(Html.Encode(condition.Title)).Append("</li>");
                _html.Append("</ul></div>\n");
            }
            _html.Append("</div>\n<div class=\"table-wrap\"><table class=\"eligibility\">\n<thead><tr><th>Đơn vị</th>");
            foreach (var rule in rules) _html.Append("<th>").Append(Html.Encode(rule.Title)).Append("</th>");
            _html.Append("</tr></thead>\n<tbody>\n");
            foreach (var agency in agencies)
            {
                _html.Append("<tr data-agency=\"").Append(Html.Encode(agency.AgencyId)).Append("\"><td>").Append(Html.Encode(agency.Name ?? agency.AgencyId)).Append("</td>");
                foreach (var rule in rules)
                {
                    var outcome = agency.Eligibility.FirstOrDefault(e => e.Id == rule.Id);
                    if (outcome is null) { _html.Append("<td></td>"); continue; }
                    if (outcome.IsEligible) { _html.Append("<td class=\"ok\">✔ Đủ điều kiện</td>"); continue; }
                    _html.Append("<td class=\"no\">✘ Chưa đủ điều kiện<ul class=\"failed\">");
                    foreach (var failed in outcome.FailedConditions) _html.Append("<li>").Append(Html.Encode(failed)).Append("</li>");
                    _html.Append("</ul></td>");
                }
                _html.Append("</tr>\n");
            }
            _html.Append("</tbody></table></div>\n</section>\n");
        }

        internal void RowErrors()
        {
            if (report.RowErrors.Count == 0) return;
            _html.Append("<section id=\"dong-bi-loai\">\n<h2>Dòng dữ liệu không được chấm</h2>\n<ul class=\"row-errors\">\n");
            foreach (var error in report.RowErrors) _html.Append("<li><code>").Append(Html.Encode(error.ToString())).Append("</code></li>\n");
            _html.Append("</ul>\n</section>\n");
        }

        private void Footer()
        {
            _html.Append("<footer><p>").Append(Html.Encode($"Tạo bởi ParIndex.RulesEngine {LibraryVersion()} từ bộ chỉ số {report.RuleSet.Id} {report.RuleSet.Version}."));
            if (options.GeneratedOn is { Length: > 0 } when) _html.Append(' ').Append(Html.Encode(when));
            _html.Append("</p></footer>\n");
        }

        private IEnumerable<ClassificationBand> Bands() => report.RuleSet.Classification.OrderByDescending(b => b.MinPercent);

        private string ColorOf(string? classification)
        {
            if (classification is null) return Palette[^1];
            var index = Bands().Select(b => b.Label).ToList().IndexOf(classification);
            return index < 0 ? Palette[^1] : Palette[Math.Min(index, Palette.Length - 2)];
        }

        private string Badge(string? classification) => classification is null
            ? "<span class=\"badge none\">chưa xếp loại</span>"
            : $"<span class=\"badge\" style=\"background:{ColorOf(classification)}\">{Html.Encode(classification)}</span>";

        private static string Change(AgencyScore agency) => agency.RankChange switch
        {
            null => "<span class=\"change new\" title=\"Không có hạng kỳ trước\">mới</span>",
            > 0 => $"<span class=\"change up\" title=\"Tăng {agency.RankChange} bậc (kỳ trước hạng {agency.PreviousRank})\">▲ {agency.RankChange}</span>",
            < 0 => $"<span class=\"change down\" title=\"Giảm {-agency.RankChange} bậc (kỳ trước hạng {agency.PreviousRank})\">▼ {-agency.RankChange}</span>",
            _ => $"<span class=\"change same\" title=\"Giữ nguyên hạng {agency.PreviousRank}\">=</span>",
        };
    }

    private static string LibraryVersion() =>
        (typeof(HtmlReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "").Split('+')[0];

    private const string Css = """

        :root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
        header { background: #0b3d6e; color: #fff; padding: 20px 32px 16px; }
        header h1 { margin: 0 0 6px; font-size: 24px; }
        .subtitle { margin: 0 0 8px; opacity: .9; }
        .meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 8px 0 0; }
        .meta div { display: flex; gap: 6px; }
        .meta dt { opacity: .8; } .meta dt::after { content: ":"; }
        .meta dd { margin: 0; font-weight: 600; }
        main { padding: 8px 32px 24px; max-width: 1200px; }
        h2 { font-size: 20px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #0b3d6e; }
        h3 { font-size: 17px; margin: 18px 0 8px; }
        h4 { font-size: 15px; margin: 14px 0 6px; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 14px; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: var(--bg); font-weight: 600; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 13px; font-weight: 600; white-space: nowrap; }
        .badge.none { background: #8c959f; }
        .change { font-weight: 700; white-space: nowrap; }
        .change.up { color: #1a7f37; } .change.down { color: #cf222e; } .change.same, .change.new { color: var(--muted); font-weight: 400; }
        .chips { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 8px 22px; }
        figure.chart-box { margin: 8px 0 16px; max-width: 100%; overflow-x: auto; }
        figure.chart-box svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 13px; }
        .picker select { font: inherit; padding: 4px 6px; max-width: 100%; }
        .agency-panel { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 8px; margin: 10px 0; }
        .agency-summary .badge { margin-left: 4px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px; flex: 1 1 320px; }
        .muted { color: var(--muted); }
        td.ok { color: #1a7f37; white-space: nowrap; } td.no { color: #cf222e; }
        ul.failed { margin: 2px 0 0; padding-left: 18px; color: var(--ink); font-size: 13px; }
        .official { margin: 0 0 10px; } .official p { margin: 0; } .official .issuer { font-weight: 700; letter-spacing: .02em; }
        .basis { margin: 4px 0 8px; font-style: italic; }
        table.matrix { table-layout: fixed; width: 100%; }
        table.matrix th.agency { width: 30%; font-weight: 400; text-align: left; }
        table.matrix th.num .max { color: var(--muted); font-weight: 400; font-size: 12px; }
        table.matrix td.cell { padding: 3px 4px; }
        table.matrix td.na { color: var(--muted); background: repeating-linear-gradient(45deg, #fff, #fff 3px, #f3f4f6 3px, #f3f4f6 6px); }
        table.history { font-size: 13px; }
        table.history th.period { text-align: center; }
        table.history td.missing { color: var(--muted); }
        .matrix-legend { color: var(--muted); font-size: 12px; margin: -6px 0 14px; }
        footer { color: var(--muted); font-size: 13px; padding: 8px 32px 24px; border-top: 1px solid var(--line); }
        @media print { .picker { display: none; } .agency-panel[hidden] { display: block !important; } header { background: none; color: var(--ink); } }

        """;

    /// <summary>Shows the chosen agency's section; marks the page when it ran (for tests and tools).</summary>
    private const string Script = """

        (function () {
          "use strict";
          var select = document.getElementById("agency-select");
          var panels = document.querySelectorAll(".agency-panel");
          function show() {
            for (var i = 0; i < panels.length; i++) {
              panels[i].hidden = !select || panels[i].getAttribute("data-agency") !== select.value;
            }
            if (select) document.documentElement.setAttribute("data-selected-agency", select.value);
          }
          if (select) { select.addEventListener("change", show); show(); }
          document.documentElement.setAttribute("data-report-ready", "true");
        })();

        """;
}
