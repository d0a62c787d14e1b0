using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParIndex.RulesEngine.Benchmarks.Scheme;

/// <summary>
/// Template of a generated leaf criterion. The hand-written baseline follows these templates
/// with plain loops; the interpreter and the scripting baseline read the formulas as written in
/// the rule file.
/// </summary>
public enum LeafKind
{
    /// <summary><c>proportional</c> of a rate input against a constant target.</summary>
    RateProportional,
    /// <summary><c>bands</c> of <c>PercentOf(count, filesReceived)</c> with range steps.</summary>
    ShareBands,
    /// <summary><c>yesNo</c> of a bool input.</summary>
    FlagYesNo,
    /// <summary><c>formula</c>: plan issued, then half in proportion to the area's done ratio (a variable).</summary>
    PlanFormula,
    /// <summary><c>proportional</c>, lower is better, of the area's late-files ratio (a variable).</summary>
    LateProportional,
    /// <summary><c>formula</c> over a bool variable and two number variables, with Clamp.</summary>
    TrackFormula,
}

/// <summary>Who a criterion applies to.</summary>
public enum AppliesRule
{
    /// <summary>Every agency.</summary>
    All,
    /// <summary><c>agencyType != "xa"</c>.</summary>
    NotCommune,
    /// <summary><c>agencyType == "so"</c>.</summary>
    DepartmentsOnly,
}

/// <summary>One band step (range step over <c>of</c>).</summary>
public sealed record BandStep(double? AtLeast, double? Below, double Points);

/// <summary>A leaf criterion: the template fields and the rule-file text.</summary>
public sealed class LeafSpec
{
    /// <summary>Criterion code, e.g. "3.2.1".</summary>
    public required string Code { get; init; }
    /// <summary>Template.</summary>
    public required LeafKind Kind { get; init; }
    /// <summary>Max points.</summary>
    public required double Max { get; init; }
    /// <summary>0-based area.</summary>
    public required int Area { get; init; }
    /// <summary>Slot of the number input it reads (rate or count), or -1.</summary>
    public int NumberSlot { get; init; } = -1;
    /// <summary>Slot of the bool input it reads, or -1.</summary>
    public int BoolSlot { get; init; } = -1;
    /// <summary>Target (proportional) or divisor (plan formula).</summary>
    public double Parameter { get; init; }
    /// <summary>Band steps (ShareBands only).</summary>
    public IReadOnlyList<BandStep> Steps { get; init; } = [];

    // Rule-file text (what the interpreter and the scripting baseline evaluate).
    /// <summary>Scoring form: "proportional", "bands", "yesNo" or "formula".</summary>
    public required string Form { get; init; }
    /// <summary>proportional.value / bands.of / yesNo / formula text.</summary>
    public required string Expression { get; init; }
    /// <summary>proportional.lowerIsBetter.</summary>
    public bool LowerIsBetter { get; init; }
}

/// <summary>A criterion (second level) with its leaves.</summary>
public sealed record CriterionSpec(string Code, string Title, double Max, AppliesRule Applies, IReadOnlyList<LeafSpec> Leaves)
{
    /// <summary>The appliesTo formula text, or null.</summary>
    public string? AppliesTo => Applies switch
    {
        AppliesRule.NotCommune => "agencyType != \"xa\"",
        AppliesRule.DepartmentsOnly => "agencyType == \"so\"",
        _ => null,
    };
}

/// <summary>An area (top level).</summary>
public sealed record AreaSpec(string Code, string Title, double Max, IReadOnlyList<CriterionSpec> Criteria);

/// <summary>A declared input.</summary>
public sealed record InputSpec(string Name, string Type, int Slot, string Title, double? Min = null, double? Max = null);

/// <summary>A declared variable, in evaluation order.</summary>
public sealed record VariableSpec(string Name, bool IsBool, string Formula);

/// <summary>The generated scheme: template, inputs, variables and the rule-file JSON.</summary>
public sealed class SchemeSpec
{
    /// <summary>Areas.</summary>
    public required IReadOnlyList<AreaSpec> Areas { get; init; }
    /// <summary>Inputs in declaration order.</summary>
    public required IReadOnlyList<InputSpec> Inputs { get; init; }
    /// <summary>Variables in evaluation order.</summary>
    public required IReadOnlyList<VariableSpec> Variables { get; init; }
    /// <summary>The rule file.</summary>
    public required string Json { get; init; }
    /// <summary>Decimals of points and percent.</summary>
    public int Precision => SchemeGenerator.Precision;

    /// <summary>Every leaf in pre-order.</summary>
    public IEnumerable<LeafSpec> Leaves => Areas.SelectMany(a => a.Criteria).SelectMany(c => c.Leaves);
    /// <summary>Number inputs in slot order.</summary>
    public IReadOnlyList<InputSpec> NumberInputs => Inputs.Where(i => i.Type == "number").ToList();
    /// <summary>Bool inputs in slot order.</summary>
    public IReadOnlyList<InputSpec> BoolInputs => Inputs.Where(i => i.Type == "bool").ToList();
    /// <summary>Sum of the areas' max.</summary>
    public double TotalMax => Areas.Sum(a => a.Max);

    /// <summary>Number of formulas in the rule file (variables, leaf expressions, appliesTo).</summary>
    public int FormulaCount => Variables.Count + Leaves.Count() + Areas.SelectMany(a => a.Criteria).Count(c => c.AppliesTo is not null);
}

/// <summary>
/// Generates, deterministically, a scheme of realistic size: 8 areas, 40 criteria, 150 leaf
/// criteria mixing proportional, range bands, yes/no and formulas (some over variables and
/// Ratio), 116 inputs, 24 variables. Also generates seeded agency data as columnar arrays.
/// </summary>
public static class SchemeGenerator
{
    /// <summary>Areas.</summary>
    public const int AreaCount = 8;
    /// <summary>Criteria per area.</summary>
    public const int CriteriaPerArea = 5;
    /// <summary>Decimals.</summary>
    public const int Precision = 2;
    /// <summary>Agency types (the ranking groups).</summary>
    public static readonly string[] AgencyTypes = ["so", "huyen", "xa"];

    private static readonly double[] LeafMaxima = [0.5, 1, 1.5, 2, 1];
    private static readonly string[] AreaTitles =
    [
        "Công tác chỉ đạo, điều hành CCHC", "Xây dựng và tổ chức thực hiện văn bản QPPL", "Cải cách thủ tục hành chính",
        "Cải cách tổ chức bộ máy hành chính nhà nước", "Xây dựng và nâng cao chất lượng đội ngũ CBCCVC",
        "Cải cách tài chính công", "Hiện đại hóa hành chính", "Tác động của CCHC đến người dân, tổ chức",
    ];

    private static SchemeSpec? _cached;

    /// <summary>The scheme (generated once per process; always the same).</summary>
    public static SchemeSpec Scheme => _cached ??= Generate();

    private static string Lit(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static SchemeSpec Generate()
    {
        var inputs = new List<InputSpec> { new("agencyType", "enum", 0, "Loại đơn vị") };
        var numberSlot = 0;
        var boolSlot = 0;
        for (var a = 1; a <= AreaCount; a++)
        {
            inputs.Add(new($"tasksPlanned{a}", "number", numberSlot++, $"Số nhiệm vụ CCHC kế hoạch, lĩnh vực {a}", 0, null));
            inputs.Add(new($"tasksDone{a}", "number", numberSlot++, $"Số nhiệm vụ CCHC hoàn thành, lĩnh vực {a}", 0, null));
            inputs.Add(new($"filesReceived{a}", "number", numberSlot++, $"Số hồ sơ tiếp nhận, lĩnh vực {a}", 0, null));
            inputs.Add(new($"filesLate{a}", "number", numberSlot++, $"Số hồ sơ trễ hạn, lĩnh vực {a}", 0, null));
        }
        for (var a = 1; a <= AreaCount; a++)
            inputs.Add(new($"planIssued{a}", "bool", boolSlot++, $"Ban hành kế hoạch đúng hạn, lĩnh vực {a}"));

        var variables = new List<VariableSpec>();
        for (var a = 1; a <= AreaCount; a++)
        {
            variables.Add(new($"done{a}", false, $"Ratio(tasksDone{a}, tasksPlanned{a})"));
            variables.Add(new($"late{a}", false, $"Ratio(filesLate{a}, filesReceived{a})"));
        }
        for (var a = 1; a <= AreaCount; a++)
            variables.Add(new($"onTrack{a}", true, $"planIssued{a} && done{a} >= 0.8"));

        var areas = new List<AreaSpec>();
        var k = 0;
        for (var a = 0; a < AreaCount; a++)
        {
            var area = a + 1;
            var criteria = new List<CriterionSpec>();
            for (var j = 0; j < CriteriaPerArea; j++)
            {
                var g = a * CriteriaPerArea + j;
                var leafCount = g % 4 == 3 ? 3 : 4;
                var leaves = new List<LeafSpec>();
                for (var l = 0; l < leafCount; l++, k++)
                {
                    var code = $"{area}.{j + 1}.{l + 1}";
                    var max = LeafMaxima[k * 7 % LeafMaxima.Length];
                    var suffix = $"{area}_{j + 1}_{l + 1}";
                    switch ((LeafKind)(k % 6))
                    {
                        case LeafKind.RateProportional:
                        {
                            var target = new[] { 0.8, 0.9, 1.0 }[k % 3];
                            inputs.Add(new($"rate{suffix}", "number", numberSlot, $"Tỷ lệ hoàn thành chỉ tiêu {code}", 0, 1.5));
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.RateProportional, Max = max, Area = a, NumberSlot = numberSlot++, Parameter = target,
                                Form = "proportional", Expression = $"rate{suffix}" });
                            break;
                        }
                        case LeafKind.ShareBands:
                        {
                            inputs.Add(new($"count{suffix}", "number", numberSlot, $"Số hồ sơ đạt yêu cầu, tiêu chí {code}", 0, null));
                            BandStep[] steps = [new(90, null, max), new(70, 90, max * 0.75), new(50, 70, max * 0.5), new(null, 50, 0)];
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.ShareBands, Max = max, Area = a, NumberSlot = numberSlot++, Steps = steps,
                                Form = "bands", Expression = $"PercentOf(count{suffix}, filesReceived{area})" });
                            break;
                        }
                        case LeafKind.FlagYesNo:
                            inputs.Add(new($"has{suffix}", "bool", boolSlot, $"Đáp ứng yêu cầu tiêu chí {code}"));
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.FlagYesNo, Max = max, Area = a, BoolSlot = boolSlot++,
                                Form = "yesNo", Expression = $"has{suffix}" });
                            break;
                        case LeafKind.PlanFormula:
                        {
                            var divisor = 0.8 + 0.05 * (k % 4);
                            divisor = Math.Round(divisor, 2);
                            var half = max / 2;
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.PlanFormula, Max = max, Area = a, Parameter = divisor,
                                Form = "formula", Expression = $"planIssued{area} ? {Lit(half)} + {Lit(half)} * Min(1, done{area} / {Lit(divisor)}) : 0" });
                            break;
                        }
                        case LeafKind.LateProportional:
                        {
                            var target = new[] { 0.02, 0.03, 0.05 }[k % 3];
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.LateProportional, Max = max, Area = a, Parameter = target,
                                Form = "proportional", Expression = $"late{area}", LowerIsBetter = true });
                            break;
                        }
                        default:
                            leaves.Add(new LeafSpec { Code = code, Kind = LeafKind.TrackFormula, Max = max, Area = a,
                                Form = "formula", Expression = $"onTrack{area} ? {Lit(max)} : {Lit(max)} * Clamp(done{area} - late{area}, 0, 1)" });
                            break;
                    }
                }
                var applies = j == 4 && area % 2 == 0 ? AppliesRule.NotCommune
                    : j == 3 && area == 3 ? AppliesRule.DepartmentsOnly
                    : AppliesRule.All;
                criteria.Add(new CriterionSpec($"{area}.{j + 1}", $"Tiêu chí {area}.{j + 1}", leaves.Sum(x => x.Max), applies, leaves));
            }
            areas.Add(new AreaSpec($"{area}", AreaTitles[a], criteria.Sum(c => c.Max), criteria));
        }
        var json = WriteJson(inputs, variables, areas);
        return new SchemeSpec { Areas = areas, Inputs = inputs, Variables = variables, Json = json };
    }

    private static string WriteJson(List<InputSpec> inputs, List<VariableSpec> variables, List<AreaSpec> areas)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", "benchmark-scheme-150");
            w.WriteString("title", "Generated benchmark scheme: 8 areas, 40 criteria, 150 leaf criteria");
            w.WriteString("version", "1");
            w.WriteNumber("precision", Precision);
            w.WriteStartArray("inputs");
            foreach (var input in inputs)
            {
                w.WriteStartObject();
                w.WriteString("name", input.Name);
                w.WriteString("title", input.Title);
                w.WriteString("type", input.Type);
                if (input.Type == "enum")
                {
                    w.WriteStartArray("values");
                    foreach (var t in AgencyTypes) w.WriteStringValue(t);
                    w.WriteEndArray();
                }
                if (input.Min is { } min) w.WriteNumber("min", min);
                if (input.Max is { } max) w.WriteNumber("max", max);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("variables");
            foreach (var variable in variables)
            {
                w.WriteStartObject();
                w.WriteString("name", variable.Name);
                if (variable.IsBool) w.WriteString("type", "bool");
                w.WriteString("formula", variable.Formula);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("criteria");
            foreach (var area in areas)
            {
                w.WriteStartObject();
                w.WriteString("code", area.Code);
                w.WriteString("title", area.Title);
                w.WriteNumber("max", area.Max);
                w.WriteStartArray("children");
                foreach (var criterion in area.Criteria)
                {
                    w.WriteStartObject();
                    w.WriteString("code", criterion.Code);
                    w.WriteString("title", criterion.Title);
                    w.WriteNumber("max", criterion.Max);
                    if (criterion.AppliesTo is { } applies) w.WriteString("appliesTo", applies);
                    w.WriteStartArray("children");
                    foreach (var leaf in criterion.Leaves) WriteLeaf(w, leaf);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("classification");
            foreach (var (label, min) in new[] { ("Tốt", 90), ("Khá", 80), ("Trung bình", 65), ("Yếu", 0) })
            {
                w.WriteStartObject();
                w.WriteString("label", label);
                w.WriteNumber("minPercent", min);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("ranking");
            w.WriteString("groupBy", "agencyType");
            w.WriteEndObject();
            w.WriteStartArray("eligibility");
            w.WriteStartObject();
            w.WriteString("id", "chi-so-90");
            w.WriteString("title", "Chỉ số CCHC từ 90% trở lên");
            w.WriteStartArray("conditions");
            w.WriteStartObject();
            w.WriteString("title", "Chỉ số ≥ 90%");
            w.WriteString("when", "percent >= 90");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteLeaf(Utf8JsonWriter w, LeafSpec leaf)
    {
        w.WriteStartObject();
        w.WriteString("code", leaf.Code);
        w.WriteString("title", $"Tiêu chí thành phần {leaf.Code}");
        w.WriteNumber("max", leaf.Max);
        switch (leaf.Form)
        {
            case "proportional":
                w.WriteStartObject("proportional");
                w.WriteString("value", leaf.Expression);
                w.WriteNumber("target", leaf.Parameter);
                if (leaf.LowerIsBetter) w.WriteBoolean("lowerIsBetter", true);
                w.WriteEndObject();
                break;
            case "bands":
                w.WriteStartObject("bands");
                w.WriteString("of", leaf.Expression);
                w.WriteStartArray("steps");
                foreach (var step in leaf.Steps)
                {
                    w.WriteStartObject();
                    if (step.AtLeast is { } lo) w.WriteNumber("atLeast", lo);
                    if (step.Below is { } hi) w.WriteNumber("below", hi);
                    w.WriteNumber("points", step.Points);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case "yesNo":
                w.WriteString("yesNo", leaf.Expression);
                break;
            default:
                w.WriteString("formula", leaf.Expression);
                break;
        }
        w.WriteEndObject();
    }
}
