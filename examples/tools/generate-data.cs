#!/usr/bin/env dotnet
// Writes the synthetic data sets of two examples (a .NET 10 file-based app, not part of RulesEngine.sln):
//   examples/par-index-province-2019/provinces-2018.csv, provinces-2019.csv
//   examples/provincial-internal-index/units-2021.csv … units-2024.csv
// Run from the repository root:  dotnet run examples/tools/generate-data.cs
// The output is deterministic: fixed seeds and an own PRNG (System.Random's sequence is not
// guaranteed across .NET versions), invariant number formatting, "\n" line ends.
// The rows the tests compute by hand are written explicitly below, not drawn at random.

using System.Globalization;
using System.Text;

var root = FindRepositoryRoot();
ProvinceData.Write(Path.Combine(root, "examples", "par-index-province-2019"));
InternalIndexData.Write(Path.Combine(root, "examples", "provincial-internal-index"));

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository (RulesEngine.sln not found).");
}

/// <summary>SplitMix64: tiny, well-known and identical on every platform and .NET version.</summary>
sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Uniform in [0, 1).</summary>
    public double Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }

    public double Between(double low, double high) => low + (high - low) * Next();
    public int Int(int low, int highInclusive) => low + (int)(Next() * (highInclusive - low + 1));
    public bool Chance(double probability) => Next() < probability;
    public T Pick<T>(params T[] items) => items[Int(0, items.Length - 1)];

    /// <summary>A value in [low, high] pulled towards <paramref name="high"/> by quality (0..1), with noise.</summary>
    public double Scaled(double low, double high, double quality) => low + (high - low) * Math.Clamp(0.7 * quality + 0.3 * Next(), 0, 1);
}

/// <summary>One CSV row: column name → text, filled in any order and written in the header's order.</summary>
sealed class Row : Dictionary<string, string>
{
    public Row Set(string column, double value, int decimals = 3)
    {
        this[column] = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);
        return this;
    }

    public Row Set(string column, bool value) { this[column] = value ? "true" : "false"; return this; }
    public Row Set(string column, string value) { this[column] = value; return this; }

    /// <summary>Copies <paramref name="other"/>'s cells over this row's (overrides of a baseline).</summary>
    public Row With(Row other)
    {
        foreach (var (column, value) in other) this[column] = value;
        return this;
    }
}

static class Csv
{
    /// <summary>Writes the rows in <paramref name="header"/> order; every row must have exactly those columns.</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<Row> rows, IEnumerable<string>? verbatimLines = null)
    {
        var text = new StringBuilder().Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var line in verbatimLines ?? []) text.Append(line).Append('\n');
        foreach (var row in rows)
        {
            var missing = header.Where(c => !row.ContainsKey(c)).ToList();
            var extra = row.Keys.Where(c => !header.Contains(c)).ToList();
            if (missing.Count + extra.Count > 0)
                throw new InvalidOperationException($"{path}: row {row.GetValueOrDefault(header[0])} missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
            text.Append(string.Join(',', header.Select(c => Quote(row[c])))).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"wrote {path}");
    }

    private static string Quote(string cell) =>
        cell.Contains(',') || cell.Contains('"') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}

/// <summary>
/// PAR INDEX 2018 and 2019 for the 63 provinces (par-index-province-2019/ruleset.json).
/// Kon Tum's 2018 row is copied verbatim from kontum-2018.csv; its 2019 row is written by hand.
/// The 62 others are drawn so that Kon Tum's rank can be checked by hand from the CSV alone:
/// a province's total is its remainder points S (the eight otherPointsAreaN columns, entered as
/// points) plus its points on the 31 named sub-criteria N, 0 ≤ N ≤ 26.25. Every province is
/// either "below" (S + 26.25 < Kon Tum's total) or "above" (its named inputs stay at or over
/// fixed floors worth N ≥ 16.15, and S + 16.15 > Kon Tum's total).
/// ParIndexProvinceRankingTests re-checks this from the CSV without the engine.
/// </summary>
static class ProvinceData
{
    private const double KonTum2018 = 72.17;  // golden.md
    private const double KonTum2019 = 80.97;  // KonTum2019Row, summed by hand in ParIndexProvinceRankingTests
    // NamedFloor: the points an "above" province's named inputs guarantee at their floors (listed
    // with the points of each floor in ParIndexProvinceRankingTests.AboveFloors): 16.15.
    private const double NamedMax = 26.25, NamedFloor = 16.15, Margin = 0.5;
    private const int Above2018 = 49, Above2019 = 42;  // Kon Tum ranks 50th, then 43rd: +7 places
    private static readonly double[] RemainderMaxima = [4.25, 10, 9.25, 8, 11.25, 9, 5.5, 16.5];

    // Real names of the 62 other provinces before the 2025 merger; the three-letter ids are made up.
    private static readonly (string Id, string Name)[] Others =
    [
        ("AGG", "Tỉnh An Giang"), ("BRV", "Tỉnh Bà Rịa - Vũng Tàu"), ("BGG", "Tỉnh Bắc Giang"), ("BKN", "Tỉnh Bắc Kạn"),
        ("BLU", "Tỉnh Bạc Liêu"), ("BNH", "Tỉnh Bắc Ninh"), ("BTE", "Tỉnh Bến Tre"), ("BDH", "Tỉnh Bình Định"),
        ("BDG", "Tỉnh Bình Dương"), ("BPC", "Tỉnh Bình Phước"), ("BTN", "Tỉnh Bình Thuận"), ("CMU", "Tỉnh Cà Mau"),
        ("CBG", "Tỉnh Cao Bằng"), ("CTO", "Thành phố Cần Thơ"), ("DNG", "Thành phố Đà Nẵng"), ("DLK", "Tỉnh Đắk Lắk"),
        ("DKN", "Tỉnh Đắk Nông"), ("DBN", "Tỉnh Điện Biên"), ("DNI", "Tỉnh Đồng Nai"), ("DTP", "Tỉnh Đồng Tháp"),
        ("GLI", "Tỉnh Gia Lai"), ("HGG", "Tỉnh Hà Giang"), ("HNM", "Tỉnh Hà Nam"), ("HNI", "Thành phố Hà Nội"),
        ("HTH", "Tỉnh Hà Tĩnh"), ("HDG", "Tỉnh Hải Dương"), ("HPG", "Thành phố Hải Phòng"), ("HUG", "Tỉnh Hậu Giang"),
        ("HBH", "Tỉnh Hòa Bình"), ("HYN", "Tỉnh Hưng Yên"), ("KHA", "Tỉnh Khánh Hòa"), ("KGG", "Tỉnh Kiên Giang"),
        ("LCU", "Tỉnh Lai Châu"), ("LDG", "Tỉnh Lâm Đồng"), ("LSN", "Tỉnh Lạng Sơn"), ("LCI", "Tỉnh Lào Cai"),
        ("LAN", "Tỉnh Long An"), ("NDH", "Tỉnh Nam Định"), ("NAN", "Tỉnh Nghệ An"), ("NBH", "Tỉnh Ninh Bình"),
        ("NTN", "Tỉnh Ninh Thuận"), ("PTO", "Tỉnh Phú Thọ"), ("PYN", "Tỉnh Phú Yên"), ("QBH", "Tỉnh Quảng Bình"),
        ("QNM", "Tỉnh Quảng Nam"), ("QNI", "Tỉnh Quảng Ngãi"), ("QNH", "Tỉnh Quảng Ninh"), ("QTI", "Tỉnh Quảng Trị"),
        ("STG", "Tỉnh Sóc Trăng"), ("SLA", "Tỉnh Sơn La"), ("TNH", "Tỉnh Tây Ninh"), ("TBH", "Tỉnh Thái Bình"),
        ("TNN", "Tỉnh Thái Nguyên"), ("THA", "Tỉnh Thanh Hóa"), ("TTH", "Tỉnh Thừa Thiên Huế"), ("TGG", "Tỉnh Tiền Giang"),
        ("HCM", "Thành phố Hồ Chí Minh"), ("TVH", "Tỉnh Trà Vinh"), ("TQG", "Tỉnh Tuyên Quang"), ("VLG", "Tỉnh Vĩnh Long"),
        ("VPC", "Tỉnh Vĩnh Phúc"), ("YBI", "Tỉnh Yên Bái"),
    ];

    /// <summary>Values that stay with a province across both years (bases of reductions, unit counts).</summary>
    private sealed record Province(string Id, string Name, double Quality2018, double Quality2019,
        int PublishingUnits, int ServiceUnits2015, int StaffQuota2015, int IsoUnits, int Communes)
    {
        public double UnitReduction, StaffReduction;  // 2018 values; 2019 never falls below them (cumulative vs 2015)
    }

    public static void Write(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "kontum-2018.csv"));
        var header = lines[0].Split(',');
        var rng = new Rng(2019);
        var provinces = Others.Select(p =>
        {
            var quality = rng.Next();
            return new Province(p.Id, p.Name, quality, Math.Clamp(quality + rng.Between(-0.3, 0.3), 0, 1),
                rng.Int(25, 45), rng.Int(350, 2500), rng.Int(12000, 95000), rng.Int(25, 48), rng.Int(90, 620));
        }).ToList();

        var above2018 = TopIds(provinces, p => p.Quality2018, Above2018);
        var rows2018 = provinces.Select(p => Draw(rng, p, 2018, above2018.Contains(p.Id), KonTum2018)).ToList();
        Csv.Write(Path.Combine(folder, "provinces-2018.csv"), header, rows2018, verbatimLines: [lines[1]]);

        var above2019 = TopIds(provinces, p => p.Quality2019, Above2019);
        var rows2019 = provinces.Select(p => Draw(rng, p, 2019, above2019.Contains(p.Id), KonTum2019)).Prepend(KonTum2019Row()).ToList();
        Csv.Write(Path.Combine(folder, "provinces-2019.csv"), header, rows2019);
    }

    private static HashSet<string> TopIds(List<Province> provinces, Func<Province, double> quality, int count) =>
        provinces.OrderByDescending(quality).Take(count).Select(p => p.Id).ToHashSet();

    private static Row Draw(Rng rng, Province p, int year, bool above, double konTum)
    {
        var q = year == 2018 ? p.Quality2018 : p.Quality2019;
        var row = new Row().Set("agencyId", p.Id).Set("agencyName", p.Name);
        // Weaker provinces still do fairly well on the named sub-criteria (their totals then come
        // close to Kon Tum's from below); the tier bounds hold whatever they draw.
        DrawNamed(rng, row, p, year, above, above ? q : 0.5 + 0.5 * q);
        DrawRemainders(rng, row, above, q, konTum);
        return row;
    }

    /// <summary>The inputs of the 31 named sub-criteria. "Above" provinces stay at or over the floors.</summary>
    private static void DrawNamed(Rng rng, Row row, Province p, int year, bool above, double q)
    {
        double Rate(double aboveLow, double aboveHigh, double belowLow, double belowHigh) =>
            above ? rng.Scaled(aboveLow, aboveHigh, q) : rng.Scaled(belowLow, belowHigh, q);
        int Count(int aboveLow, int aboveHigh, int belowLow, int belowHigh) =>
            (int)Math.Round(above ? rng.Scaled(aboveLow, aboveHigh, q) : rng.Scaled(belowLow, belowHigh, q));
        // Counts of violations: fewer is better, so quality pulls towards the low end.
        int Violations(int aboveHigh, int belowHigh) => (int)Math.Round((above ? aboveHigh : belowHigh) * (1 - rng.Scaled(0, 1, q)));

        row.Set("planCompletionRate", Rate(0.95, 1, 0.8, 1))
           .Set("periodicReportsCompliant", Count(6, 7, 4, 7))
           .Set("inspectionIssuesHandledRate", above || rng.Chance(0.5 + 0.4 * q) ? 1 : rng.Scaled(0.6, 0.95, q))
           .Set("govTasksOnTimeRate", Rate(0.8, 1, 0.6, 1))
           .Set("area1ReconciliationPoints", 0)
           .Set("tthcNationalDbOnTime", above || rng.Chance(0.8))
           .Set("tthcPublishingUnitsTotal", p.PublishingUnits)
           .Set("tthcPublishingUnitsCompliant", Math.Min(p.PublishingUnits, Math.Ceiling(p.PublishingUnits * Rate(0.7, 1, 0.5, 1))))
           .Set("tthcProgressPublishedRate", Rate(0.8, 1, 0.5, 1))
           .Set("tthcSameLevelLinkedCount", Count(3, 6, 1, 6))
           .Set("tthcCrossLevelLinkedCount", Count(2, 6, 1, 5))
           .Set("leadershipNoncompliantAgencies", Violations(2, 4));

        // Reductions against 2015 are cumulative: 2019 never below 2018. Floor() keeps an "above"
        // province's real reduction at or over the drawn one, hence over the floor.
        var unitCut = Math.Max(Rate(0.05, 0.15, 0.02, 0.12), year == 2019 ? p.UnitReduction : 0);
        var staffCut = Math.Max(Rate(0.07, 0.12, 0.04, 0.11), year == 2019 ? p.StaffReduction : 0);
        if (year == 2018) (p.UnitReduction, p.StaffReduction) = (unitCut, staffCut);
        row.Set("publicServiceUnits2015", p.ServiceUnits2015)
           .Set("publicServiceUnitsCurrent", Math.Floor(p.ServiceUnits2015 * (1 - unitCut)))
           .Set("staffQuota2015", p.StaffQuota2015)
           .Set("staffQuotaCurrent", Math.Floor(p.StaffQuota2015 * (1 - staffCut)));

        row.Set("vcRecruitmentCompliant", above || rng.Chance(0.8))
           .Set("appointmentViolatingAgencies", Violations(1, 2))
           .Set("trainingPlanCompletion", Rate(0.9, 1.1, 0.75, 1.05))
           .Set("investmentDisbursementRate", Rate(0.81, 1.05, 0.7, 1))
           .Set("auditRecommendationsDoneRate", Rate(0.8, 1, 0.6, 1))
           .Set("specialisedSpaceNormsIssued", rng.Chance(above ? 0.8 : 0.65))
           .Set("serviceUnitSpendingReduction", Rate(0.05, 0.15, 0, 0.12));

        row.Set("eGovArchitectureDeployed", rng.Chance(above ? 0.85 : 0.7))
           .Set("docSystemConnectedLevel", above ? rng.Pick("huyen", "xa") : rng.Pick("tinh", "huyen", "xa"))
           .Set("oneStopLevelsOperating", Count(1, 3, 1, 3))
           .Set("publicServicePortalStatus", above ? rng.Pick("co", "dat1697") : rng.Pick("co", "co", "dat1697"))
           .Set("onlineServicesWithFilesShare", Rate(0.4, 0.9, 0.3, 0.8))
           .Set("onlineFilesLevel3Share", Rate(0.2, 0.5, 0.1, 0.45))
           .Set("onlineFilesLevel4Share", Rate(0.06, 0.3, 0.02, 0.2))
           .Set("postalServicesWithFilesShare", Rate(0.3, 0.8, 0.2, 0.7))
           .Set("postalFilesReceivedShare", Rate(0.1, 0.3, 0.03, 0.25))
           .Set("postalResultsReturnedShare", Rate(0.1, 0.3, 0.05, 0.25))
           .Set("isoProvDistrictTotal", p.IsoUnits)
           .Set("isoProvDistrictPublished", p.IsoUnits - Violations(2, 4))
           .Set("isoCommunesTotal", p.Communes)
           .Set("isoCommunesPublished", Math.Min(p.Communes, Math.Ceiling(p.Communes * Rate(0.3, 1, 0.3, 0.95))));
    }

    /// <summary>
    /// The eight remainder inputs (points entered directly). Their sum S is drawn inside the
    /// tier's interval, with the margin that keeps every province clear of Kon Tum's total.
    /// </summary>
    private static void DrawRemainders(Rng rng, Row row, bool above, double q, double konTum)
    {
        var total = RemainderMaxima.Sum();  // 73.75
        var (low, high) = above
            ? (konTum - NamedFloor + Margin, 0.93 * total)
            : (0.5 * total + (konTum - KonTum2018) / 2, konTum - NamedMax - Margin);
        // Weak provinces sit in the upper part of their interval, strong ones spread over theirs.
        var position = above ? 0.5 * q + 0.5 * rng.Next() : 0.6 + 0.2 * q + 0.2 * rng.Next();
        var target = low + (high - low) * Math.Clamp(position, 0, 1);
        while (true)
        {
            var points = RemainderMaxima
                .Select(max => Math.Round(max * Math.Clamp(target / total + rng.Between(-0.05, 0.05), 0, 1), 2, MidpointRounding.AwayFromZero))
                .ToArray();
            var sum = Math.Round(points.Sum(), 2);
            if (sum < low || sum > high) continue;  // redraw the noise; the sequence stays deterministic
            for (var i = 0; i < points.Length; i++) row.Set($"otherPointsArea{i + 1}", points[i], 2);
            return;
        }
    }

    /// <summary>
    /// Kon Tum 2019, improved towards the 2019 targets of the Kế hoạch cải thiện, nâng cao Chỉ số
    /// PAPI và Chỉ số PAR INDEX năm 2019 của UBND tỉnh Kon Tum, section II.2 (golden.md "2019 area
    /// targets"). Meets every area target but area 7 (8.83 of the 9 aimed at). Total 80.97.
    /// </summary>
    private static Row KonTum2019Row() => new Row()
        .Set("agencyId", "KTU").Set("agencyName", "Tỉnh Kon Tum")
        // Area 1 = 1 + 1.75 + 1 + 0.5 + 4.25 = 8.5 (target 8.5; no reconciliation bonus in 2019)
        .Set("planCompletionRate", 1).Set("periodicReportsCompliant", 7).Set("inspectionIssuesHandledRate", 1)
        .Set("govTasksOnTimeRate", 0.85).Set("otherPointsArea1", 4.25).Set("area1ReconciliationPoints", 0)
        // Area 2 = 8.4 (target 8.4)
        .Set("otherPointsArea2", 8.4)
        // Area 3 = 0.25 + 0.5 (24/31) + 0.75 + 0.5 (2 × 0.25) + 0.25 + 9.15 = 11.4 (target 11)
        .Set("tthcNationalDbOnTime", true).Set("tthcPublishingUnitsTotal", 31).Set("tthcPublishingUnitsCompliant", 24)
        .Set("tthcProgressPublishedRate", 1).Set("tthcSameLevelLinkedCount", 2).Set("tthcCrossLevelLinkedCount", 1)
        .Set("otherPointsArea3", 9.15)
        // Area 4 = 1 + 0.2 (14/706 = 1.98% of 10%) + 1.05 (7% of 10% × 1.5) + 6.8 = 9.05 (target 9)
        .Set("leadershipNoncompliantAgencies", 2).Set("publicServiceUnits2015", 706).Set("publicServiceUnitsCurrent", 692)
        .Set("staffQuota2015", 17500).Set("staffQuotaCurrent", 16275).Set("otherPointsArea4", 6.8)
        // Area 5 = 0.5 + 0.75 + 0.9 + 8.47 = 10.62 (target 10.5)
        .Set("vcRecruitmentCompliant", true).Set("appointmentViolatingAgencies", 0).Set("trainingPlanCompletion", 0.9)
        .Set("otherPointsArea5", 8.47)
        // Area 6 = 1 + 1 + 0.5 + 0.5 + 7.87 = 10.87 (target 10)
        .Set("investmentDisbursementRate", 0.9).Set("auditRecommendationsDoneRate", 1).Set("specialisedSpaceNormsIssued", true)
        .Set("serviceUnitSpendingReduction", 0.05).Set("otherPointsArea6", 7.87)
        // Area 7 = 0.5 + 0.5 + 0.5 + 1 + 0.25 + 0.63 + 0.33 + 0.25 + 0 + 0.25 + 0 + 0.5 + 4.12 = 8.83 (target 9: missed)
        .Set("eGovArchitectureDeployed", true).Set("docSystemConnectedLevel", "huyen").Set("oneStopLevelsOperating", 2)
        .Set("publicServicePortalStatus", "dat1697").Set("onlineServicesWithFilesShare", 0.6).Set("onlineFilesLevel3Share", 0.25)
        .Set("onlineFilesLevel4Share", 0.1).Set("postalServicesWithFilesShare", 0.5).Set("postalFilesReceivedShare", 0.08)
        .Set("postalResultsReturnedShare", 0.12).Set("isoProvDistrictTotal", 30).Set("isoProvDistrictPublished", 29)
        .Set("isoCommunesTotal", 102).Set("isoCommunesPublished", 62).Set("otherPointsArea7", 4.12)
        // Area 8 = 13.3 (target 13.3)
        .Set("otherPointsArea8", 13.3);
}

/// <summary>
/// The provincial internal index (provincial-internal-index/ruleset.json) for 2023 and 2024:
/// Kon Tum's 20 departments, 10 districts and 102 communes. Most rows are drawn from a per-unit
/// quality; the six units of ProvincialInternalIndexTests are written by hand for 2024 as a
/// full-marks baseline (<see cref="FullMarks"/>) with a few changes, so their points can be
/// worked out by hand. The designated best online share per group (0.9 departments, 0.8
/// communes) is above every drawn one, which stay at or below 0.85 and 0.75.
/// </summary>
static class InternalIndexData
{
    private sealed record Unit(string Id, string Name, string Type, string District);

    // Departments: the 20 listed in the Báo cáo kết quả thực hiện công tác cải cách hành chính
    // quý I năm 2025 của UBND tỉnh Kon Tum (footnote 55, section III.1).
    private static readonly (string Id, string Name)[] Departments =
    [
        ("VPUB", "Văn phòng UBND tỉnh"), ("SNV", "Sở Nội vụ"), ("STP", "Sở Tư pháp"), ("SKHDT", "Sở Kế hoạch và Đầu tư"),
        ("STC", "Sở Tài chính"), ("SCT", "Sở Công Thương"), ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("SGTVT", "Sở Giao thông vận tải"), ("SXD", "Sở Xây dựng"), ("STNMT", "Sở Tài nguyên và Môi trường"),
        ("STTTT", "Sở Thông tin và Truyền thông"), ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"), ("SKHCN", "Sở Khoa học và Công nghệ"),
        ("SGDDT", "Sở Giáo dục và Đào tạo"), ("SYT", "Sở Y tế"), ("SNGV", "Sở Ngoại vụ"), ("TTT", "Thanh tra tỉnh"),
        ("BDT", "Ban Dân tộc"), ("BQLKKT", "Ban Quản lý Khu kinh tế tỉnh"),
    ];

    // Districts and their communes (before the 2025 merger; 102 in all, the same report,
    // section II.6.d). Names in that report's footnote 3 (section I.4): phường Quyết Thắng,
    // thị trấn Plei Kần, xã Đăk Xú, thị trấn Đăk Tô, xã Diên Bình, thị trấn Đăk Hà, xã Đăk Long
    // (Đăk Hà). The others are the official names of the period, not taken from the source
    // documents.
    private static readonly (string Code, string Name, string[] Communes)[] Districts =
    [
        ("KT", "Thành phố Kon Tum", ["phường Quyết Thắng", "phường Quang Trung", "phường Thắng Lợi", "phường Thống Nhất",
            "phường Duy Tân", "phường Lê Lợi", "phường Ngô Mây", "phường Nguyễn Trãi", "phường Trường Chinh",
            "phường Trần Hưng Đạo", "xã Đăk Cấm", "xã Đăk Blà", "xã Đăk Rơ Wa", "xã Đoàn Kết", "xã Hòa Bình", "xã Ia Chim",
            "xã Kroong", "xã Ngọk Bay", "xã Vinh Quang", "xã Chư Hreng", "xã Đăk Năng"]),
        ("DH", "Huyện Đăk Hà", ["thị trấn Đăk Hà", "xã Đăk Hring", "xã Đăk La", "xã Đăk Long", "xã Đăk Mar", "xã Đăk Ngọk",
            "xã Đăk Pxi", "xã Đăk Ui", "xã Hà Mòn", "xã Ngọk Réo", "xã Ngọk Wang"]),
        ("DT", "Huyện Đăk Tô", ["thị trấn Đăk Tô", "xã Diên Bình", "xã Kon Đào", "xã Ngọk Tụ", "xã Pô Kô", "xã Tân Cảnh",
            "xã Văn Lem", "xã Đăk Rơ Nga", "xã Đăk Trăm"]),
        ("NH", "Huyện Ngọc Hồi", ["thị trấn Plei Kần", "xã Bờ Y", "xã Đăk Ang", "xã Đăk Dục", "xã Đăk Kan", "xã Đăk Nông",
            "xã Đăk Xú", "xã Sa Loong"]),
        ("DG", "Huyện Đăk Glei", ["thị trấn Đăk Glei", "xã Đăk Blô", "xã Đăk Choong", "xã Đăk Kroong", "xã Đăk Long",
            "xã Đăk Man", "xã Đăk Môn", "xã Đăk Nhoong", "xã Đăk Pék", "xã Mường Hoong", "xã Ngọc Linh", "xã Xốp"]),
        ("ST", "Huyện Sa Thầy", ["thị trấn Sa Thầy", "xã Hơ Moong", "xã Mô Rai", "xã Rờ Kơi", "xã Sa Bình", "xã Sa Nghĩa",
            "xã Sa Nhơn", "xã Sa Sơn", "xã Ya Ly", "xã Ya Tăng", "xã Ya Xiêr"]),
        ("KR", "Huyện Kon Rẫy", ["thị trấn Đăk Rve", "xã Đăk Kôi", "xã Đăk Pne", "xã Đăk Ruồng", "xã Đăk Tơ Lung",
            "xã Đăk Tờ Re", "xã Tân Lập"]),
        ("KP", "Huyện Kon Plông", ["xã Đăk Long", "xã Đăk Nên", "xã Đăk Ring", "xã Đăk Tăng", "xã Hiếu", "xã Măng Bút",
            "xã Măng Cành", "xã Ngọk Tem", "xã Pờ Ê"]),
        ("TM", "Huyện Tu Mơ Rông", ["xã Đăk Hà", "xã Đăk Na", "xã Đăk Rơ Ông", "xã Đăk Sao", "xã Đăk Tơ Kan", "xã Măng Ri",
            "xã Ngọk Lây", "xã Ngọk Yêu", "xã Tê Xăng", "xã Tu Mơ Rông", "xã Văn Xuôi"]),
        ("IH", "Huyện Ia H'Drai", ["xã Ia Dal", "xã Ia Dom", "xã Ia Tơi"]),
    ];

    private const string NoProcedures = "BDT";     // the one unit without administrative procedures
    private const string BestCommune = "XNH01";    // thị trấn Plei Kần: online share 0.8, the communes' best

    public static void Write(string folder)
    {
        using var rules = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ruleset.json")));
        var header = new[] { "agencyId", "agencyName" }
            .Concat(rules.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()!))
            .ToList();
        var units = AllUnits();
        var rng = new Rng(2023);
        var quality = units.ToDictionary(u => u.Id, _ => rng.Between(0.15, 0.95));

        Csv.Write(Path.Combine(folder, "units-2023.csv"), header, units.Select(u => Drawn(rng, u, quality[u.Id])));
        var showcase = Showcase2024();
        Csv.Write(Path.Combine(folder, "units-2024.csv"), header, units.Select(u =>
            showcase.TryGetValue(u.Id, out var changes) ? FullMarks(u).With(changes)
                : Drawn(rng, u, Math.Clamp(quality[u.Id] + rng.Between(-0.15, 0.2), 0, 1))));

        // The two earlier years of the history example, drawn from their own generator so the
        // 2023 and 2024 files above stay as they were. Four units are written by hand (the
        // average-index award of ProvincialInternalIndexHistoryTests).
        var earlier = new Rng(2021);
        var showcaseEarlier = ShowcaseEarlierYears();
        foreach (var year in new[] { 2021, 2022 })
            Csv.Write(Path.Combine(folder, $"units-{year}.csv"), header, units.Select(u =>
                showcaseEarlier.TryGetValue(u.Id, out var changes) ? FullMarks(u).With(changes)
                    : Drawn(earlier, u, Math.Clamp(quality[u.Id] + earlier.Between(-0.25, 0.1), 0, 1))));
    }

    /// <summary>
    /// The 2021 and 2022 rows (the same both years) of the units whose average index the tests
    /// work out by hand: Sở Tư pháp and Sở Y tế at full marks (100%), Ban Dân tộc at full marks
    /// without procedures (85 of 85 = 100%), Sở Nội vụ at 88 (survey all "không hài lòng": 8.1 = 0,
    /// −10; 4 of 8 targets: 8.2 = 2, −2).
    /// </summary>
    private static Dictionary<string, Row> ShowcaseEarlierYears() => new()
    {
        ["STP"] = new Row(),
        ["SYT"] = new Row(),
        [NoProcedures] = WithoutProcedures().Set("serviceUnits", 0).Set("autonomousUnits", 0),
        ["SNV"] = new Row().Set("surveyA", 0).Set("surveyB", 0).Set("surveyC", 0).Set("surveyD", 200).Set("targetsMet", 4),
    };

    private static List<Unit> AllUnits() =>
    [
        .. Departments.Select(d => new Unit(d.Id, d.Name, "so", "")),
        .. Districts.Select(d => new Unit("H" + d.Code, "UBND " + char.ToLowerInvariant(d.Name[0]) + d.Name[1..], "huyen", "")),
        .. Districts.SelectMany(d => d.Communes.Select((c, i) => new Unit($"X{d.Code}{i + 1:00}", "UBND " + c, "xa", d.Name))),
    ];

    /// <summary>A unit that earns every point of every criterion: 100 of 100 (communes 98 of 98, 6.2 not applying).</summary>
    private static Row FullMarks(Unit u) => new Row()
        .Set("agencyId", u.Id).Set("agencyName", u.Name).Set("agencyType", u.Type).Set("district", u.District)
        .Set("tasksAssigned", 24).Set("tasksDone", 24).Set("reportsRequired", 6).Set("reportsLate", 0)
        .Set("inspectionsPlanned", 4).Set("inspectionsDone", 4).Set("propagandaActivities", 4)
        .Set("headChairedDialogue", true).Set("initiativesRecognised", 0)
        .Set("legalDocsPlanned", 4).Set("legalDocsOnTime", 4).Set("legalReviewDone", true)
        .Set("docsFlagged", 2).Set("docsHandled", 2).Set("lawMonitoringReport", true).Set("lawEvents", 3)
        .Set("proceduresCount", 112).Set("proceduresPublished", 112)
        .Set("filesReceived", 2000).Set("filesOnline", 1800).Set("filesResolved", 2000).Set("filesOnTime", 2000)
        .Set("apologiesSent", 0).Set("filesDigitised", 2000).Set("onlinePaymentShare", 0.6)
        .Set("feedbackReceived", 4).Set("feedbackAnsweredOnTime", 4).Set("backlogFiles", 0)
        .Set("orgReviewDone", true).Set("deputiesWithinLimit", true).Set("staffCutPlanned", 2).Set("staffCutDone", 2)
        .Set("decentralisationCompliant", true)
        .Set("jobPositionsApproved", true).Set("recruitmentCompliant", true).Set("trainingCompletion", 1)
        .Set("staffAssessmentDone", true).Set("qualifiedStaffShare", 1).Set("staffDisciplined", 0)
        .Set("disbursementRate", 0.97).Set("serviceUnits", u.Type == "xa" ? 0 : 3).Set("autonomousUnits", u.Type == "xa" ? 0 : 3)
        .Set("auditFollowUpRate", 1).Set("budgetPublished", true)
        .Set("eDocsShare", 1).Set("workFilesOnlineShare", 1).Set("websiteUpdated", true).Set("isoApplied", true)
        .Set("eIdShare", 0.92).Set("infoSecurityCompliant", true).Set("officialEmailShare", 1)
        .Set("surveyA", 170).Set("surveyB", 26).Set("surveyC", 4).Set("surveyD", 0)  // index 0.932 ≥ 0.9
        .Set("targetsAssigned", 8).Set("targetsMet", 8).Set("conductComplaints", 0);

    private static Row WithoutProcedures() => new Row()
        .Set("proceduresCount", 0).Set("proceduresPublished", 0).Set("filesReceived", 0).Set("filesOnline", 0)
        .Set("filesResolved", 0).Set("filesOnTime", 0).Set("apologiesSent", 0).Set("filesDigitised", 0)
        .Set("onlinePaymentShare", 0).Set("feedbackReceived", 0).Set("feedbackAnsweredOnTime", 0).Set("backlogFiles", 0);

    /// <summary>The 2024 changes to <see cref="FullMarks"/> of the units the tests compute by hand.</summary>
    private static Dictionary<string, Row> Showcase2024() => new()
    {
        // Tốt, award-eligible. 3 initiatives = 1.5 bonus, capped at 1; area 1 capped at 12.
        ["STP"] = new Row().Set("initiativesRecognised", 3),
        // 100% through the bonus (1 late report: 1.2 = 1.67; + 0.5 bonus; area 1 capped at 12), but the
        // late report fails the award's reporting condition. Online share 1350/1500 = 0.9, the best.
        ["SNV"] = new Row().Set("reportsLate", 1).Set("initiativesRecognised", 1).Set("filesReceived", 1500)
            .Set("filesOnline", 1350).Set("filesResolved", 1500).Set("filesOnTime", 1500).Set("filesDigitised", 1500),
        // Khá: online share 0.45 (half the best), 99.02% on time, survey index 0.64 and other losses.
        ["SYT"] = new Row().Set("filesReceived", 3000).Set("filesOnline", 1350).Set("filesResolved", 2950)
            .Set("filesOnTime", 2921).Set("apologiesSent", 29).Set("filesDigitised", 2950)
            .Set("surveyA", 80).Set("surveyB", 70).Set("surveyC", 30).Set("surveyD", 20)
            .Set("trainingCompletion", 0.8).Set("workFilesOnlineShare", 0.7).Set("targetsMet", 6)
            .Set("disbursementRate", 0.76).Set("eIdShare", 0.63).Set("isoApplied", false),
        // No administrative procedures: area 3 does not apply, max 85.
        [NoProcedures] = WithoutProcedures().Set("serviceUnits", 0).Set("autonomousUnits", 0)
            .Set("surveyA", 120).Set("surveyB", 60).Set("surveyC", 20).Set("surveyD", 0)
            .Set("trainingCompletion", 0.9).Set("lawEvents", 1).Set("targetsMet", 6),
        // Phường Quyết Thắng, Trung bình: the survey worked by hand (120/50/20/10 → 0.77).
        ["XKT01"] = new Row().Set("tasksDone", 18).Set("reportsLate", 2).Set("propagandaActivities", 2)
            .Set("legalDocsOnTime", 3).Set("filesReceived", 1000).Set("filesOnline", 400).Set("filesResolved", 980)
            .Set("filesOnTime", 960).Set("apologiesSent", 10).Set("filesDigitised", 490).Set("onlinePaymentShare", 0.3)
            .Set("trainingCompletion", 0.7).Set("qualifiedStaffShare", 0.85).Set("disbursementRate", 0.76)
            .Set("eDocsShare", 0.6).Set("workFilesOnlineShare", 0.5).Set("eIdShare", 0.45).Set("isoApplied", false)
            .Set("surveyA", 120).Set("surveyB", 50).Set("surveyC", 20).Set("surveyD", 10)
            .Set("targetsMet", 5).Set("conductComplaints", 1),
        // Xã Đăk Xú, Yếu: both penalties over their caps (3 disciplined → 2; 6 backlog files → 1).
        ["XNH07"] = new Row().Set("tasksDone", 12).Set("reportsLate", 3).Set("inspectionsDone", 2)
            .Set("propagandaActivities", 1).Set("headChairedDialogue", false).Set("legalReviewDone", false)
            .Set("filesReceived", 600).Set("filesOnline", 120).Set("filesResolved", 580).Set("filesOnTime", 530)
            .Set("filesDigitised", 290).Set("onlinePaymentShare", 0.1).Set("feedbackAnsweredOnTime", 2).Set("backlogFiles", 6)
            .Set("trainingCompletion", 0.6).Set("qualifiedStaffShare", 0.7).Set("staffDisciplined", 3)
            .Set("disbursementRate", 0.57).Set("eDocsShare", 0.5).Set("workFilesOnlineShare", 0.4).Set("eIdShare", 0.36)
            .Set("isoApplied", false).Set("surveyA", 40).Set("surveyB", 60).Set("surveyC", 60).Set("surveyD", 40)
            .Set("targetsMet", 4).Set("conductComplaints", 3),
    };

    /// <summary>A plausible row drawn from the unit's quality q (0..1) for the year.</summary>
    private static Row Drawn(Rng rng, Unit u, double q)
    {
        // Quantities that are complete with a probability growing with quality, else short by a few.
        int Done(int planned, double pComplete) => rng.Chance(pComplete) ? planned : Math.Max(0, planned - rng.Int(1, Math.Max(1, planned / 3)));
        double Share(double low, double high) => rng.Scaled(low, high, q);
        int Few(double pNone, int high) => rng.Chance(pNone) ? 0 : rng.Int(1, high);

        var (filesLow, filesHigh, proceduresLow, proceduresHigh, bestOnline) = u.Type switch
        {
            "so" => (300, 12000, 25, 180, 0.85),
            "huyen" => (3000, 15000, 230, 280, 0.8),
            _ => (150, 2500, 105, 125, 0.75),
        };
        var row = new Row().Set("agencyId", u.Id).Set("agencyName", u.Name).Set("agencyType", u.Type).Set("district", u.District);

        var tasks = rng.Int(12, 30);
        var inspections = rng.Int(2, 6);
        row.Set("tasksAssigned", tasks).Set("tasksDone", Done(tasks, 0.3 + 0.6 * q))
           .Set("reportsRequired", 6).Set("reportsLate", Few(0.4 + 0.55 * q, 3))
           .Set("inspectionsPlanned", inspections).Set("inspectionsDone", Done(inspections, 0.4 + 0.5 * q))
           .Set("propagandaActivities", Math.Round(Share(0, 6))).Set("headChairedDialogue", rng.Chance(0.5 + 0.45 * q))
           .Set("initiativesRecognised", rng.Chance(0.1 + 0.3 * q) ? rng.Int(1, 3) : 0);

        var legalDocs = u.Type switch { "so" => rng.Int(2, 8), "huyen" => rng.Int(1, 4), _ => rng.Int(0, 2) };
        var flagged = rng.Int(0, 4);
        row.Set("legalDocsPlanned", legalDocs).Set("legalDocsOnTime", Done(legalDocs, 0.4 + 0.5 * q))
           .Set("legalReviewDone", rng.Chance(0.6 + 0.35 * q))
           .Set("docsFlagged", flagged).Set("docsHandled", Done(flagged, 0.5 + 0.4 * q))
           .Set("lawMonitoringReport", rng.Chance(0.6 + 0.35 * q)).Set("lawEvents", Math.Round(Share(0, 5)));

        if (u.Id == NoProcedures) row.With(WithoutProcedures());
        else
        {
            var procedures = rng.Int(proceduresLow, proceduresHigh);
            var received = rng.Int(filesLow, filesHigh);
            if (u.Id == BestCommune) received += (5 - received % 5) % 5;  // a multiple of 5, so 0.8 is exact
            var online = u.Id == BestCommune ? received * 4 / 5 : Math.Round(received * Share(0.05, bestOnline));
            var resolved = (int)Math.Round(received * rng.Between(0.9, 0.99));
            var late = rng.Chance(0.2 + 0.6 * q) ? 0 : (int)Math.Ceiling(resolved * rng.Scaled(0.06, 0.001, q));
            var feedback = rng.Int(0, 8);
            row.Set("proceduresCount", procedures).Set("proceduresPublished", Done(procedures, 0.5 + 0.45 * q))
               .Set("filesReceived", received).Set("filesOnline", online).Set("filesResolved", resolved)
               .Set("filesOnTime", resolved - late).Set("apologiesSent", Math.Round(late * Share(0, 1)))
               .Set("filesDigitised", Math.Round(resolved * Share(0.4, 1))).Set("onlinePaymentShare", Share(0.1, 0.8))
               .Set("feedbackReceived", feedback).Set("feedbackAnsweredOnTime", Done(feedback, 0.5 + 0.4 * q))
               .Set("backlogFiles", Few(0.7 + 0.25 * q, 6));
        }

        var staffCut = u.Type == "xa" ? rng.Int(0, 2) : rng.Int(0, 6);
        row.Set("orgReviewDone", rng.Chance(0.65 + 0.3 * q)).Set("deputiesWithinLimit", rng.Chance(0.7 + 0.25 * q))
           .Set("staffCutPlanned", staffCut).Set("staffCutDone", Done(staffCut, 0.5 + 0.4 * q))
           .Set("decentralisationCompliant", rng.Chance(0.7 + 0.25 * q))
           .Set("jobPositionsApproved", rng.Chance(0.7 + 0.25 * q)).Set("recruitmentCompliant", rng.Chance(0.75 + 0.2 * q))
           .Set("trainingCompletion", Share(0.6, 1.1)).Set("staffAssessmentDone", rng.Chance(0.75 + 0.2 * q))
           .Set("qualifiedStaffShare", Share(u.Type == "xa" ? 0.6 : 0.7, 1)).Set("staffDisciplined", Few(0.9 + 0.08 * q, 2));

        var serviceUnits = u.Type switch { "so" => u.Id == NoProcedures ? 0 : rng.Int(0, 8), "huyen" => rng.Int(20, 70), _ => 0 };
        row.Set("disbursementRate", Share(0.55, 1.05)).Set("serviceUnits", serviceUnits)
           .Set("autonomousUnits", Math.Round(serviceUnits * Share(0.3, 1))).Set("auditFollowUpRate", Share(0.5, 1))
           .Set("budgetPublished", rng.Chance(0.75 + 0.2 * q));

        row.Set("eDocsShare", Share(0.6, 1)).Set("workFilesOnlineShare", Share(0.4, 1)).Set("websiteUpdated", rng.Chance(0.6 + 0.35 * q))
           .Set("isoApplied", rng.Chance(0.6 + 0.35 * q)).Set("eIdShare", Share(0.3, 0.95))
           .Set("infoSecurityCompliant", rng.Chance(0.6 + 0.35 * q)).Set("officialEmailShare", Share(0.7, 1));

        // Survey: n answers split A/B/C/D; better units get more A and fewer D.
        var answers = rng.Int(120, 400);
        var a = (int)Math.Round(answers * Share(0.3, 0.8));
        var d = (int)Math.Round(answers * 0.15 * (1 - Share(0, 1)));
        var b = (int)Math.Round((answers - a - d) * rng.Between(0.5, 0.85));
        var targets = rng.Int(5, 12);
        row.Set("surveyA", a).Set("surveyB", b).Set("surveyC", answers - a - b - d).Set("surveyD", d)
           .Set("targetsAssigned", targets).Set("targetsMet", Done(targets, 0.4 + 0.5 * q))
           .Set("conductComplaints", Few(0.75 + 0.2 * q, 3));
        return row;
    }
}
