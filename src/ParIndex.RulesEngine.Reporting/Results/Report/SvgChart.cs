using System.Text;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>One bar of a bar chart.</summary>
/// <param name="Label">Text left of the bar (shortened to fit; the full text is in the tooltip).</param>
/// <param name="Value">Length of the bar, from 0 to <see cref="BarChartOptions.Max"/>; NaN draws no bar.</param>
/// <param name="Color">Fill colour (any CSS colour); <see cref="SvgChart.DefaultColor"/> when null.</param>
/// <param name="Tooltip">Tooltip text; the label and the value when null.</param>
public sealed record ChartBar(string Label, double Value, string? Color = null, string? Tooltip = null);

/// <summary>A dashed line across a bar chart at a value, e.g. a classification threshold.</summary>
/// <param name="Value">Where the line is, on the value axis.</param>
/// <param name="Label">Text under the line, e.g. "Tốt ≥ 90".</param>
public sealed record ChartMarker(double Value, string Label);

/// <summary>One series of a grouped bar chart, with one value per category (null: no bar).</summary>
/// <param name="Name">Legend text, e.g. the agency's name or "Trung bình nhóm".</param>
/// <param name="Color">Fill colour (any CSS colour).</param>
/// <param name="Values">One value per category, in the order of the categories.</param>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double?> Values);

/// <summary>Size, scale and text of a bar chart drawn by <see cref="SvgChart"/>.</summary>
public sealed record BarChartOptions
{
    /// <summary>Accessible title of the chart (the SVG's &lt;title&gt; and aria-label).</summary>
    public string Title { get; init; } = "";
    /// <summary>The value at the right end of the axis (default 100, for percentages).</summary>
    public double Max { get; init; } = 100;
    /// <summary>Width of the whole chart in pixels (default 880).</summary>
    public int Width { get; init; } = 880;
    /// <summary>Width of the label column in pixels (default 300).</summary>
    public int LabelWidth { get; init; } = 300;
    /// <summary>Height of one bar in pixels (default 18).</summary>
    public int BarHeight { get; init; } = 18;
    /// <summary>Decimals of the value printed after each bar (default 2).</summary>
    public int Decimals { get; init; } = 2;
    /// <summary>Text after each printed value (default "%").</summary>
    public string ValueSuffix { get; init; } = "%";
    /// <summary>Dashed lines across the chart, e.g. classification thresholds.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];
    /// <summary>A CSS class for the &lt;svg&gt; element, besides "chart".</summary>
    public string? CssClass { get; init; }
}

/// <summary>
/// Horizontal bar charts as inline SVG text, with no script and no external resource, for the
/// HTML report (<see cref="HtmlReportWriter"/>). All text is encoded; numbers are printed in
/// Vietnamese format (decimal comma), coordinates in invariant culture.
/// </summary>
public static class SvgChart
{
    /// <summary>The colour of bars that name none.</summary>
    public const string DefaultColor = "#2f6fb3";

    private const int Top = 26;
    private const int Gap = 6;
    private const int ValueRoom = 72;
    private const double CharWidth = 6.6;

    /// <summary>One bar per item, in the order given, with an axis from 0 to <see cref="BarChartOptions.Max"/>.</summary>
    /// <param name="bars">The bars, top to bottom.</param>
    /// <param name="options">Size, scale and text; defaults to a percent chart.</param>
    /// <returns>An &lt;svg&gt; element.</returns>
    public static string Bars(IReadOnlyList<ChartBar> bars, BarChartOptions? options = null)
    {
        options ??= new BarChartOptions();
        var rowHeight = options.BarHeight + Gap;
        var bottom = MarkerRoom(options);
        var height = Top + Math.Max(1, bars.Count) * rowHeight + bottom;
        var svg = new StringBuilder();
        Open(svg, options, height, "bar-chart");
        Axis(svg, options, height - bottom);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * rowHeight + Gap / 2.0;
            var valueText = Value(bar.Value, options);
            svg.Append("<g class=\"row\"><title>").Append(Html.Encode(bar.Tooltip ?? $"{bar.Label}: {valueText}")).Append("</title>");
            Label(svg, bar.Label, options, y + options.BarHeight / 2.0);
            BarRect(svg, options, bar.Value, y, options.BarHeight, bar.Color ?? DefaultColor, valueText);
            svg.Append("</g>");
        }
        Markers(svg, options, height - bottom);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// For each category, one bar per series (e.g. an agency's percent per area next to its group's
    /// mean), with a legend above.
    /// </summary>
    /// <param name="categories">Category labels, top to bottom.</param>
    /// <param name="series">The series; each has one value per category.</param>
    /// <param name="options">Size, scale and text; defaults to a percent chart.</param>
    /// <returns>An &lt;svg&gt; element.</returns>
    /// <exception cref="ArgumentException">A series has not one value per category.</exception>
    public static string GroupedBars(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, BarChartOptions? options = null)
    {
        options ??= new BarChartOptions();
        foreach (var s in series)
            if (s.Values.Count != categories.Count)
                throw new ArgumentException($"Series '{s.Name}' has {s.Values.Count} values for {categories.Count} categories.", nameof(series));
        var barHeight = Math.Max(8, options.BarHeight * 3 / 4);
        var groupHeight = Math.Max(1, series.Count) * (barHeight + 2) + 10;
        const int legend = 22;
        var bottom = MarkerRoom(options);
        var height = legend + Top + Math.Max(1, categories.Count) * groupHeight + bottom;
        var svg = new StringBuilder();
        Open(svg, options, height, "grouped-bar-chart");
        // Legend.
        var x = (double)options.LabelWidth;
        foreach (var s in series)
        {
            svg.Append($"<rect class=\"legend-key\" x=\"{Html.Coordinate(x)}\" y=\"4\" width=\"12\" height=\"12\" fill=\"{Html.Encode(s.Color)}\"/>");
            svg.Append($"<text x=\"{Html.Coordinate(x + 16)}\" y=\"14\" font-size=\"12\">{Html.Encode(Html.Shorten(s.Name, 48))}</text>");
            x += 28 + Math.Min(48, s.Name.Length) * CharWidth;
        }
        svg.Append($"<g transform=\"translate(0,{legend})\">");
        Axis(svg, options, height - legend - bottom);
        for (var c = 0; c < categories.Count; c++)
        {
            var y0 = Top + c * groupHeight + 5;
            var tooltip = categories[c] + ": " + string.Join("; ", series.Select(s => $"{s.Name} {(s.Values[c] is { } v ? Value(v, options) : "không áp dụng")}"));
            svg.Append("<g class=\"category\"><title>").Append(Html.Encode(tooltip)).Append("</title>");
            Label(svg, categories[c], options, y0 + (groupHeight - 10) / 2.0);
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[c];
                var y = y0 + s * (barHeight + 2);
                if (value is { } v) BarRect(svg, options, v, y, barHeight, series[s].Color, Value(v, options));
                else svg.Append($"<text class=\"value na\" x=\"{Html.Coordinate(options.LabelWidth + 4)}\" y=\"{Html.Coordinate(y + barHeight - 1)}\" font-size=\"11\" fill=\"#6e7781\">không áp dụng</text>");
            }
            svg.Append("</g>");
        }
        Markers(svg, options, height - legend - bottom);
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static double PlotWidth(BarChartOptions options) => Math.Max(40, options.Width - options.LabelWidth - ValueRoom);

    private static double Scale(BarChartOptions options, double value) =>
        options.LabelWidth + PlotWidth(options) * Math.Clamp(options.Max > 0 ? value / options.Max : 0, 0, 1);

    private static string Value(double value, BarChartOptions options) => Html.Number(value, options.Decimals) + options.ValueSuffix;

    private static void Open(StringBuilder svg, BarChartOptions options, int height, string kind)
    {
        var css = options.CssClass is { Length: > 0 } extra ? $"chart {kind} {Html.Encode(extra)}" : $"chart {kind}";
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{css}\" viewBox=\"0 0 {options.Width} {height}\" width=\"{options.Width}\" height=\"{height}\" role=\"img\" aria-label=\"{Html.Encode(options.Title)}\" font-family=\"inherit\">");
        svg.Append("<title>").Append(Html.Encode(options.Title)).Append("</title>");
    }

    private static void Axis(StringBuilder svg, BarChartOptions options, double bottom)
    {
        const int ticks = 5;
        for (var t = 0; t <= ticks; t++)
        {
            var value = options.Max * t / ticks;
            var x = Html.Coordinate(Scale(options, value));
            svg.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Top - 6}\" x2=\"{x}\" y2=\"{Html.Coordinate(bottom)}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>");
            svg.Append($"<text class=\"tick\" x=\"{x}\" y=\"{Top - 10}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">{Html.Encode(Html.Compact(Math.Round(value, 2)))}</text>");
        }
    }

    private static void Label(StringBuilder svg, string label, BarChartOptions options, double middle)
    {
        var fit = Math.Max(4, (int)((options.LabelWidth - 12) / CharWidth));
        svg.Append($"<text class=\"label\" x=\"{options.LabelWidth - 8}\" y=\"{Html.Coordinate(middle + 4)}\" font-size=\"12\" text-anchor=\"end\" fill=\"#1f2328\">{Html.Encode(Html.Shorten(label, fit))}</text>");
    }

    private static void BarRect(StringBuilder svg, BarChartOptions options, double value, double y, double height, string color, string valueText)
    {
        if (double.IsNaN(value)) return;
        var end = Scale(options, value);
        var width = Math.Max(0, end - options.LabelWidth);
        svg.Append($"<rect class=\"bar\" x=\"{options.LabelWidth}\" y=\"{Html.Coordinate(y)}\" width=\"{Html.Coordinate(width)}\" height=\"{Html.Coordinate(height)}\" rx=\"2\" fill=\"{Html.Encode(color)}\"/>");
        svg.Append($"<text class=\"value\" x=\"{Html.Coordinate(end + 4)}\" y=\"{Html.Coordinate(y + height / 2 + 4)}\" font-size=\"11\" fill=\"#1f2328\">{Html.Encode(valueText)}</text>");
    }

    /// <summary>Room under the bars for marker labels: two staggered lines so that close thresholds do not overlap.</summary>
    private static int MarkerRoom(BarChartOptions options) => options.Markers.Count switch { 0 => 10, 1 => 26, _ => 40 };

    private static void Markers(StringBuilder svg, BarChartOptions options, double bottom)
    {
        var markers = options.Markers.OrderBy(m => m.Value).ToList();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            var x = Html.Coordinate(Scale(options, marker.Value));
            var labelY = bottom + 14 + (markers.Count > 1 ? i % 2 * 13 : 0);
            svg.Append($"<g class=\"marker\"><line x1=\"{x}\" y1=\"{Top - 6}\" x2=\"{x}\" y2=\"{Html.Coordinate(labelY - 10)}\" stroke=\"#8c959f\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>");
            svg.Append($"<text x=\"{x}\" y=\"{Html.Coordinate(labelY)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">{Html.Encode(marker.Label)}</text></g>");
        }
    }
}
