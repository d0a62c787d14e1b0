using System.Globalization;
using System.Text;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>A rule set with ranges, enums, bools, a group aggregate, ranking groups and eligibility, and CSV rows for it.</summary>
internal static class HostileDataRules
{
    public const string Header = "agencyId,agencyName,filesReceived,filesOnline,onTimeRate,reportsOnTime,agencyType,satisfaction";

    public const string Json = """
        {
          "id": "hostile-data", "title": "Hostile data", "version": "1",
          "inputs": [
            { "name": "filesReceived", "type": "number", "min": 0 },
            { "name": "filesOnline", "type": "number", "min": 0 },
            { "name": "onTimeRate", "type": "number", "min": 0, "max": 1 },
            { "name": "reportsOnTime", "type": "bool" },
            { "name": "agencyType", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "satisfaction", "type": "number", "min": 0, "max": 100, "missing": "default", "default": 0 }
          ],
          "variables": [
            { "name": "onlineShare", "formula": "Ratio(filesOnline, filesReceived)" },
            { "name": "vsBest", "formula": "Ratio(onlineShare, GroupMax(onlineShare))" }
          ],
          "criteria": [
            { "code": "1", "title": "Online vs best", "max": 2, "formula": "2 * vsBest" },
            { "code": "2", "title": "On time", "max": 1, "proportional": { "value": "onTimeRate", "target": 0.9 } },
            { "code": "3", "title": "Reports", "max": 1, "yesNo": "reportsOnTime" },
            { "code": "4", "title": "Satisfaction", "max": 1, "bands": { "of": "satisfaction", "steps": [
              { "atLeast": 90, "points": 1 }, { "atLeast": 70, "below": 90, "points": 0.5 } ] } }
          ],
          "classification": [ { "label": "Tốt", "minPercent": 80 }, { "label": "Khá", "minPercent": 60 }, { "label": "Yếu", "minPercent": 0 } ],
          "ranking": { "groupBy": "agencyType" },
          "eligibility": [ { "id": "top", "title": "Top 10", "conditions": [ { "title": "rank", "when": "rank <= 10 && percent >= 50" } ] } ]
        }
        """;

    /// <summary>A clean row, deterministic in <paramref name="i"/>.</summary>
    public static string CleanRow(int i)
    {
        var received = 50 + i * 37 % 1000;
        var online = received * (i * 13 % 100) / 100;
        var rate = (i * 7 % 101) / 100.0;
        var type = (i % 3) switch { 0 => "so", 1 => "huyen", _ => "xa" };
        var satisfaction = i % 11 == 0 ? "" : (i * 17 % 101).ToString(CultureInfo.InvariantCulture);
        return string.Join(',', $"A{i:D6}", $"Đơn vị {i}", received, online, rate.ToString(CultureInfo.InvariantCulture), i % 4 != 0 ? "true" : "không", type, satisfaction);
    }

    /// <summary>A CSV file of a header and the given rows.</summary>
    public static string Csv(IEnumerable<string> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows) text.Append(row).Append('\n');
        return text.ToString();
    }

    /// <summary>A clean row with one cell replaced (by column name).</summary>
    public static string WithCell(int i, string column, string value)
    {
        var cells = CleanRow(i).Split(',');
        cells[Array.IndexOf(Header.Split(','), column)] = value;
        return string.Join(',', cells);
    }
}
