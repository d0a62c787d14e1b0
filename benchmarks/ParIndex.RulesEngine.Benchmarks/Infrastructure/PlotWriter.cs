using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>
/// Draws time per agency against batch size (log–log) for the engine and the baselines of
/// BatchBenchmarks as a hand-written SVG (no plotting library needed).
/// </summary>
public static class PlotWriter
{
    private static readonly (string Method, string Label, string Color)[] Series =
    [
        ("NaiveScripting", "(b) naive scripting", "#9467bd"),
        ("Interpreter", "(c) interpreter", "#d62728"),
        ("ScoreTotalsOnly", "engine Score(TotalsOnly)", "#2ca02c"),
        ("Kernel", "engine kernel", "#1f77b4"),
        ("HandWritten", "(a0) descriptor-driven", "#8c564b"),
        ("Expert", "(a) expert hand-written", "#ff7f0e"),
    ];

    /// <summary>Reads batch results and writes the SVG.</summary>
    public static void Write(string resultsCsv, string svgPath)
    {
        var results = BatchResults.Load(resultsCsv).Where(r => r.Class == "BatchBenchmarks" && r.Rows > 0).ToList();
        if (results.Count == 0) throw new InvalidOperationException($"No BatchBenchmarks results in {resultsCsv}.");
        File.WriteAllText(svgPath, Render(results));
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Render(List<BatchResult> results)
    {
        const double width = 820, height = 500, left = 90, right = 230, top = 60, bottom = 70;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var perAgency = results.Select(r => r.MeanNs / r.Rows).ToList();
        var yMin = Math.Floor(Math.Log10(perAgency.Min()));
        var yMax = Math.Ceiling(Math.Log10(perAgency.Max()));
        if (yMax - yMin < 1) yMax = yMin + 1;
        var xMin = 3d;
        var xMax = 6d;
        double X(double rows) => left + (Math.Log10(rows) - xMin) / (xMax - xMin) * plotW;
        double Y(double ns) => top + (yMax - Math.Log10(ns)) / (yMax - yMin) * plotH;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n");
        svg.Append($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{F(left + plotW / 2)}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">Time per agency vs batch size (150-leaf scheme, 1 thread)</text>\n");
        svg.Append($"<text x=\"{F(left + plotW / 2)}\" y=\"46\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">BenchmarkDotNet mean, wall clock, one run on a shared 2-core machine (see RESULTS.md)</text>\n");
        // Grid and axes.
        for (var d = yMin; d <= yMax; d++)
        {
            var y = Y(Math.Pow(10, d));
            svg.Append($"<line x1=\"{F(left)}\" y1=\"{F(y)}\" x2=\"{F(left + plotW)}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>\n");
            svg.Append($"<text x=\"{F(left - 8)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{NsLabel(Math.Pow(10, d))}</text>\n");
            if (d < yMax)
                for (var m = 2; m <= 9; m++)
                {
                    var ym = Y(m * Math.Pow(10, d));
                    svg.Append($"<line x1=\"{F(left)}\" y1=\"{F(ym)}\" x2=\"{F(left + plotW)}\" y2=\"{F(ym)}\" stroke=\"#f2f2f2\"/>\n");
                }
        }
        foreach (var (rows, label) in new[] { (1_000d, "1K"), (10_000d, "10K"), (100_000d, "100K"), (1_000_000d, "1M") })
        {
            var x = X(rows);
            svg.Append($"<line x1=\"{F(x)}\" y1=\"{F(top)}\" x2=\"{F(x)}\" y2=\"{F(top + plotH)}\" stroke=\"#ddd\"/>\n");
            svg.Append($"<text x=\"{F(x)}\" y=\"{F(top + plotH + 20)}\" text-anchor=\"middle\">{label}</text>\n");
        }
        svg.Append($"<rect x=\"{F(left)}\" y=\"{F(top)}\" width=\"{F(plotW)}\" height=\"{F(plotH)}\" fill=\"none\" stroke=\"#333\"/>\n");
        svg.Append($"<text x=\"{F(left + plotW / 2)}\" y=\"{F(height - 22)}\" text-anchor=\"middle\">agencies in the batch (log scale)</text>\n");
        svg.Append($"<text transform=\"translate(22,{F(top + plotH / 2)}) rotate(-90)\" text-anchor=\"middle\">mean time per agency (log scale)</text>\n");

        var legendY = top + 10;
        foreach (var (method, label, color) in Series)
        {
            var points = results.Where(r => r.Method == method).OrderBy(r => r.Rows).ToList();
            if (points.Count == 0) continue;
            if (points.Count > 1)
            {
                var path = string.Join(" ", points.Select(p => $"{F(X(p.Rows))},{F(Y(p.MeanNs / p.Rows))}"));
                svg.Append($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n");
            }
            foreach (var p in points)
            {
                var (x, y) = (X(p.Rows), Y(p.MeanNs / p.Rows));
                svg.Append($"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4.5\" fill=\"{color}\"/>\n");
                svg.Append($"<text x=\"{F(x + 7)}\" y=\"{F(y - 7)}\" font-size=\"11\" fill=\"{color}\">{NsLabel(p.MeanNs / p.Rows)}</text>\n");
            }
            svg.Append($"<line x1=\"{F(width - right + 20)}\" y1=\"{F(legendY)}\" x2=\"{F(width - right + 44)}\" y2=\"{F(legendY)}\" stroke=\"{color}\" stroke-width=\"2.5\"/>\n");
            svg.Append($"<circle cx=\"{F(width - right + 32)}\" cy=\"{F(legendY)}\" r=\"4.5\" fill=\"{color}\"/>\n");
            svg.Append($"<text x=\"{F(width - right + 52)}\" y=\"{F(legendY + 4)}\">{label}</text>\n");
            legendY += 24;
        }
        svg.Append($"<text x=\"{F(width - right + 20)}\" y=\"{F(legendY + 14)}\" font-size=\"11\" fill=\"#555\">(b) measured at 1K only</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string NsLabel(double ns) => ns switch
    {
        >= 1e6 => F(ns / 1e6) + " ms",
        >= 1e3 => F(ns / 1e3) + " µs",
        _ => F(ns) + " ns",
    };
}
