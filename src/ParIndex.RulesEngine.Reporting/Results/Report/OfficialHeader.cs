using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>
/// The head of the report as a provincial office prints it: the issuing body and the province
/// above the title, then the document the scheme implements with its number and date, all from
/// the rule file's <c>metadata</c>. Nothing is written for a rule file without metadata.
/// </summary>
internal static class OfficialHeader
{
    public static void Write(StringBuilder html, RuleSetMetadata? metadata)
    {
        if (metadata is null) return;
        var issuer = metadata.Issuer ?? metadata.Province;
        if (issuer is { Length: > 0 })
        {
            html.Append("<div class=\"official\"><p class=\"issuer\">").Append(Html.Encode(issuer.ToUpper(Html.Vietnamese))).Append("</p>");
            if (metadata.Province is { Length: > 0 } province && metadata.Issuer is { Length: > 0 })
                html.Append("<p class=\"province\">").Append(Html.Encode(province)).Append("</p>");
            html.Append("</div>\n");
        }
        var basis = Basis(metadata);
        if (basis.Length > 0) html.Append("<p class=\"basis\">").Append(Html.Encode("Căn cứ: " + basis)).Append("</p>\n");
    }

    /// <summary>"Kế hoạch … số 42/KH-UBND ngày 24 tháng 12 năm 2024", with the parts the metadata gives.</summary>
    internal static string Basis(RuleSetMetadata metadata)
    {
        var parts = new List<string>();
        if (metadata.Document is { Length: > 0 } document) parts.Add(document);
        if (metadata.Number is { Length: > 0 } number) parts.Add("số " + number);
        if (DateText(metadata.Date) is { } date) parts.Add(date);
        return string.Join(" ", parts);
    }

    /// <summary>A date of the metadata in Vietnamese: "ngày 24 tháng 12 năm 2024", "tháng 12 năm 2024" or "năm 2023".</summary>
    internal static string? DateText(string? date)
    {
        if (date is not { Length: >= 4 }) return null;
        var pieces = date.Split('-');
        int Part(int i) => int.Parse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture);
        return pieces.Length switch
        {
            3 => $"ngày {Part(2):00} tháng {Part(1):00} năm {Part(0)}",
            2 => $"tháng {Part(1):00} năm {Part(0)}",
            _ => $"năm {Part(0)}",
        };
    }
}
