using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>Encoding and number formatting shared by the HTML report and the SVG charts.</summary>
internal static class Html
{
    /// <summary>Vietnamese number format: decimal comma, dot for thousands.</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Encodes text for an HTML or SVG element or a quoted attribute: &amp; &lt; &gt; " and '.
    /// Other characters (Vietnamese letters included) stay as they are; the document is UTF-8.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length + 16);
        foreach (var c in normalized)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                // Control characters are not allowed in XML (SVG); drop them, keep tabs and newlines.
                case < ' ' when c is not ('\t' or '\n' or '\r'): break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A coordinate or length for SVG: invariant culture, at most two decimals.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A number for people: Vietnamese format with the given decimals (fixed).</summary>
    public static string Number(double value, int decimals) =>
        double.IsNaN(value) ? "–" : value.ToString("N" + decimals, Vietnamese);

    /// <summary>A number for people without trailing zeros, e.g. "13,5".</summary>
    public static string Compact(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("#,##0.######", Vietnamese);

    /// <summary>Shortens text to at most <paramref name="length"/> text elements, ending with "…".</summary>
    public static string Shorten(string text, int length)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        var info = new StringInfo(normalized);
        return info.LengthInTextElements <= length ? normalized : info.SubstringByTextElements(0, length - 1).TrimEnd() + "…";
    }
}
