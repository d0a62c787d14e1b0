using System.Globalization;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.Report;

/// <summary>
/// A small scheme with two ranking groups, not-applicable criteria, responsible units,
/// classification and an award rule, scored for five agencies (plus one rejected row), with
/// previous ranks. Expected values are worked out by hand in the comments.
/// </summary>
internal static class ReportFixture
{
    public const string RulesJson = """
        {
          "id": "report-test",
          "title": "Chỉ số CCHC thử nghiệm <2024> & \"báo cáo\"",
          "version": "1.0",
          "legalBasis": "892/QĐ-BNV",
          "inputs": [
            { "name": "kind", "type": "enum", "values": ["so", "huyen"] },
            { "name": "plan", "type": "number", "min": 0, "max": 1 },
            { "name": "reports", "type": "bool" },
            { "name": "online", "type": "number", "min": 0, "max": 1, "missing": "notApplicable" }
          ],
          "criteria": [
            { "code": "1", "title": "Công tác chỉ đạo, điều hành cải cách hành chính", "max": 10, "children": [
              { "code": "1.1", "title": "Kế hoạch CCHC", "max": 6, "proportional": { "value": "plan", "target": 1 }, "responsible": ["Sở Nội vụ"] },
              { "code": "1.2", "title": "Báo cáo đúng hạn", "max": 4, "yesNo": "reports", "responsible": ["Văn phòng UBND tỉnh", "Sở Nội vụ"] }
            ] },
            { "code": "2", "title": "Hiện đại hóa hành chính", "max": 10, "children": [
              { "code": "2.1", "title": "Hồ sơ trực tuyến", "max": 10, "proportional": { "value": "online", "target": 0.5 }, "responsible": ["Sở Thông tin và Truyền thông"] }
            ] }
          ],
          "classification": [
            { "label": "Tốt", "minPercent": 90 }, { "label": "Khá", "minPercent": 70 },
            { "label": "Trung bình", "minPercent": 50 }, { "label": "Yếu", "minPercent": 0 }
          ],
          "ranking": { "groupBy": "kind", "groupTitles": { "so": "Sở, ban, ngành", "huyen": "UBND cấp huyện" } },
          "eligibility": [
            { "id": "bang-khen", "title": "Bằng khen của Chủ tịch UBND tỉnh", "conditions": [
              { "title": "Chỉ số CCHC ≥ 90%", "when": "percent >= 90" },
              { "title": "Báo cáo đầy đủ, đúng hạn", "when": "reports" }
            ] }
          ]
        }
        """;

    /// <summary>The name of B, with characters that must be encoded.</summary>
    public const string AwkwardName = "Sở <Xây dựng> & \"Giao thông\" <script>alert(1)</script>";

    // A (so):    6 + 4 + 10 = 20 / 20 = 100%  Tốt, eligible; was 2nd → ▲1
    // B (so):    3 + 0 + 5  =  8 / 20 =  40%  Yếu; was 1st → ▼2
    // C (so):    4.8 + 4, online missing: area 2 does not apply → 8.8 / 10 = 88%  Khá; new (no previous rank)
    // D (huyen): 6 + 4 + 8  = 18 / 20 =  90%  Tốt, eligible; was 1st → =
    // E (huyen): 5.4 + 0 + 2 = 7.4 / 20 = 37%  Yếu; was 2nd → =
    // F: plan 1.5 is above the max → rejected row.
    public const string DataCsv = """
        agencyId,agencyName,kind,plan,reports,online
        A,Sở Tư pháp,so,1,true,0.5
        B,"Sở <Xây dựng> & ""Giao thông"" <script>alert(1)</script>",so,0.5,false,0.25
        C,Sở Y tế,so,0.8,true,
        D,UBND huyện Đắk Hà,huyen,1,true,0.4
        E,UBND huyện Kon Rẫy,huyen,0.9,false,0.1
        F,UBND huyện Sa Thầy,huyen,1.5,true,0.2
        """;

    public static readonly PreviousRanks Previous = new(new Dictionary<string, PreviousRank>
    {
        ["A"] = new(2, 2), ["B"] = new(1, 1), ["D"] = new(1, 3), ["E"] = new(2, 5),
    });

    public static CompiledRuleSet Load() => RuleSetLoader.LoadJson(RulesJson, "report-test.json");

    public static ScoreReport Score(CompiledRuleSet rules, ScoreDetail detail = ScoreDetail.Full) =>
        rules.Score(Data.CsvAgencyReader.Read(rules, new StringReader(DataCsv), CultureInfo.InvariantCulture, "report-test.csv"),
            new ScoringOptions { Previous = Previous, Detail = detail });
}
