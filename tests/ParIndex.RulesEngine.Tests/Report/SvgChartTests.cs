using System.Globalization;
using System.Xml.Linq;
using ParIndex.RulesEngine.Results.Report;

namespace ParIndex.RulesEngine.Tests.Report;

[TestClass]
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Bars(XElement svg) =>
        svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();

    private static double Width(XElement rect) => double.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture);

    [TestMethod]
    public void Bars_are_proportional_to_their_values_and_printed_in_Vietnamese_format()
    {
        var svg = XElement.Parse(SvgChart.Bars([new("Sở Tư pháp", 100), new("Sở Y tế", 72.5), new("Sở Nội vụ", 25)]));
        var bars = Bars(svg);
        Assert.HasCount(3, bars);
        Assert.AreEqual(0.725, Width(bars[1]) / Width(bars[0]), 1e-3);
        Assert.AreEqual(0.25, Width(bars[2]) / Width(bars[0]), 1e-3);
        var values = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value).ToList();
        CollectionAssert.AreEqual(new[] { "100,00%", "72,50%", "25,00%" }, values);
        var labels = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "label").Select(t => t.Value).ToList();
        CollectionAssert.AreEqual(new[] { "Sở Tư pháp", "Sở Y tế", "Sở Nội vụ" }, labels);
    }

    [TestMethod]
    public void Values_beyond_the_axis_are_clamped_and_NaN_draws_no_bar()
    {
        var svg = XElement.Parse(SvgChart.Bars([new("a", 50), new("b", 150), new("c", -5), new("d", double.NaN)]));
        var bars = Bars(svg);
        Assert.HasCount(3, bars);
        Assert.AreEqual(2 * Width(bars[0]), Width(bars[1]), 1e-6, "150 is drawn as 100");
        Assert.AreEqual(0, Width(bars[2]), 1e-9, "a negative value has no length");
    }

    [TestMethod]
    public void Coordinates_use_a_dot_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
            var svg = XElement.Parse(SvgChart.Bars([new("a", 33.333), new("b", 66.667)], new BarChartOptions { Width = 701 }));
            foreach (var attribute in svg.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "x2" or "y1" or "y2"))
            {
                Assert.DoesNotContain(",", attribute.Value, $"{attribute.Name} = {attribute.Value}");
                Assert.IsTrue(double.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), attribute.ToString());
            }
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [TestMethod]
    public void Text_is_encoded_and_long_labels_are_shortened_with_the_full_text_in_the_tooltip()
    {
        var label = "Ủy ban nhân dân huyện <Đắk Hà> & \"các xã\" — một cái tên rất dài không vừa cột nhãn";
        var text = SvgChart.Bars([new(label, 10)], new BarChartOptions { Title = "Biểu đồ <1>", LabelWidth = 160 });
        Assert.DoesNotContain("<Đắk Hà>", text);
        var svg = XElement.Parse(text);
        Assert.AreEqual("Biểu đồ <1>", svg.Element(Svg + "title")!.Value);
        Assert.AreEqual("Biểu đồ <1>", (string?)svg.Attribute("aria-label"));
        var shown = svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "label").Value;
        StringAssert.EndsWith(shown, "…");
        Assert.IsLessThan(label.Length, shown.Length);
        var tooltip = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "row").Element(Svg + "title")!.Value;
        StringAssert.StartsWith(tooltip, label);
    }

    [TestMethod]
    public void Markers_are_dashed_lines_at_their_values()
    {
        var svg = XElement.Parse(SvgChart.Bars([new("a", 100)], new BarChartOptions { Markers = [new(90, "Tốt ≥ 90"), new(50, "Đạt")] }));
        var full = Width(Bars(svg)[0]);
        var start = double.Parse((string)Bars(svg)[0].Attribute("x")!, CultureInfo.InvariantCulture);
        var markers = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "marker").ToList();
        Assert.HasCount(2, markers);
        var x = markers.ToDictionary(m => m.Value, m => double.Parse((string)m.Element(Svg + "line")!.Attribute("x1")!, CultureInfo.InvariantCulture));
        Assert.AreEqual(start + 0.9 * full, x["Tốt ≥ 90"], 0.01);
        Assert.AreEqual(start + 0.5 * full, x["Đạt"], 0.01);
    }

    [TestMethod]
    public void Grouped_bars_draw_one_bar_per_series_and_category_with_a_legend()
    {
        var svg = XElement.Parse(SvgChart.GroupedBars(
            ["1. Chỉ đạo điều hành", "2. Thể chế", "3. TTHC"],
            [new("Sở Tư pháp", "#2f6fb3", [80, null, 40]), new("Trung bình nhóm", "#afb8c1", [60, 70, 40])]));
        var bars = Bars(svg);
        Assert.HasCount(5, bars, "the missing value draws no bar");
        Assert.AreEqual(80.0 / 60, Width(bars[0]) / Width(bars[1]), 1e-3);
        Assert.HasCount(2, svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "legend-key").ToList());
        Assert.IsTrue(svg.Descendants(Svg + "text").Any(t => t.Value == "không áp dụng"));
        var tooltips = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "category").Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.AreEqual("2. Thể chế: Sở Tư pháp không áp dụng; Trung bình nhóm 70,00%", tooltips[1]);
    }

    [TestMethod]
    public void Grouped_bars_need_one_value_per_category()
    {
        Assert.ThrowsExactly<ArgumentException>(() => SvgChart.GroupedBars(["a", "b"], [new("s", "#000", [1])]));
    }
}
