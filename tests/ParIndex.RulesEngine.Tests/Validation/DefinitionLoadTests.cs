using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Testing;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// <see cref="RuleSetLoader.Load(RuleSetDefinition, RuleSetLoadOptions?)"/>: a definition built in
/// code, or parsed and changed, loads as its rule file would. The oracle for the examples is the
/// rule file itself: the same data scored by the file-loaded and the definition-loaded rule sets
/// gives byte-identical results CSV, and the file's own test cases pass through both.
/// </summary>
[TestClass]
public sealed class DefinitionLoadTests
{
    public static IEnumerable<object[]> ExamplesWithData() =>
    [
        ["par-index-province-2019", "provinces-2019.csv"],
        ["provincial-internal-index", "units-2024.csv"],
        ["kontum-cchc-2025", "kontum-q1-2025.csv"],
    ];

    [TestMethod]
    [DynamicData(nameof(ExamplesWithData))]
    public void An_example_definition_scores_as_its_rule_file_does(string example, string data)
    {
        using var fromFile = RuleSetLoader.LoadFile(RepositoryPaths.Example(example, "ruleset.json"));
        using var fromDefinition = RuleSetLoader.Load(fromFile.Definition);

        var csv = RepositoryPaths.Example(example, data);
        Assert.AreEqual(ResultsCsv(fromFile, csv), ResultsCsv(fromDefinition, csv));
        // Every example keeps at least one test case from its source document; all pass both ways.
        Assert.IsNotEmpty(fromFile.Definition.Tests);
        Assert.AreEqual(fromFile.Definition.Tests.Count, RuleSetTests.Run(fromDefinition).PassedCount);
        Assert.AreEqual(RuleSetLoader.DefinitionSourceName, fromDefinition.Definition.SourceFile);
    }

    [TestMethod]
    public void The_daklak_scheme_without_data_keeps_its_whole_tree_and_its_test_cases()
    {
        using var fromFile = RuleSetLoader.LoadFile(RepositoryPaths.Example("daklak-cchc-2025", "ruleset.json"));
        using var fromDefinition = RuleSetLoader.Load(fromFile.Definition);
        CollectionAssert.AreEqual(
            fromFile.Criteria.Select(c => $"{c.Code}|{c.Title}|{c.MaxPoints}|{c.Kind}|{c.ParentCode}|{string.Join("+", c.Responsible)}").ToList(),
            fromDefinition.Criteria.Select(c => $"{c.Code}|{c.Title}|{c.MaxPoints}|{c.Kind}|{c.ParentCode}|{string.Join("+", c.Responsible)}").ToList());
        var run = RuleSetTests.Run(fromDefinition);
        Assert.AreEqual(1, run.Cases.Count);
        Assert.IsTrue(run.AllPassed);
    }

    [TestMethod]
    public void An_excel_style_definition_keeps_its_style()
    {
        const string json = """
            {
              "id": "excel-style", "title": "Excel style", "version": "1", "formulaStyle": "excel",
              "inputs": [ { "name": "plan", "type": "number", "min": 0, "max": 1 }, { "name": "kind", "type": "enum", "values": ["so", "xa"] } ],
              "criteria": [
                { "code": "1", "title": "Kế hoạch", "max": 2, "formula": "IF(AND(plan >= 90%, kind = 'so'), 2, IF(plan <> 0, 1, 0))" }
              ]
            }
            """;
        using var fromText = RuleSetLoader.LoadJson(json);
        using var fromDefinition = RuleSetLoader.Load(fromText.Definition);
        var rows = new[] { ("A", 0.95, "so"), ("B", 0.95, "xa"), ("C", 0.0, "so") };
        // A: 0.95 ≥ 0.9 and so → 2; B: xa → plan <> 0 → 1; C: plan = 0 → 0.
        foreach (var rules in new[] { fromText, fromDefinition })
        {
            var report = rules.ScoreRows([.. rows.Select(r => (r.Item1, new Dictionary<string, object?> { ["plan"] = r.Item2, ["kind"] = r.Item3 }))]);
            CollectionAssert.AreEqual(new[] { 2.0, 1.0, 0.0 }, report.Agencies.Select(a => a.Total).ToArray());
        }
        Assert.AreEqual(FormulaStyle.Excel, fromDefinition.Definition.FormulaStyle);
    }

    private static RuleSetDefinition BuiltInCode(string formula = "online * 4", double max = 4) => new()
    {
        Id = "built-in-code",
        Title = "Chỉ số thử",
        Version = "1",
        Inputs =
        [
            new InputDefinition { Name = "online", Type = InputType.Number, Min = 0, Max = 1, Title = "Tỷ lệ hồ sơ trực tuyến" },
            new InputDefinition { Name = "late", Type = InputType.Number, Min = 0, Missing = MissingPolicy.Default, Default = 0 },
        ],
        Criteria =
        [
            new CriterionDefinition
            {
                Code = "1", Title = "Dịch vụ công", MaxPoints = 6,
                Children =
                [
                    new CriterionDefinition { Code = "1.1", Title = "Trực tuyến", MaxPoints = max, Scoring = new FormulaScoring(new Formula(formula)) },
                    new CriterionDefinition
                    {
                        Code = "1.2", Title = "Trễ hạn", MaxPoints = 2,
                        Scoring = new BandScoring(new Formula("late"),
                        [
                            new BandStep(null, null, 1, 2, "không trễ", SourceLocation.None),
                            new BandStep(null, 1, 5, 1, "ít", SourceLocation.None),
                        ]),
                    },
                ],
            },
        ],
    };

    [TestMethod]
    public void A_definition_built_in_code_scores_by_hand()
    {
        using var rules = RuleSetLoader.Load(BuiltInCode());
        var report = rules.ScoreRows(
            ("A", new Dictionary<string, object?> { ["online"] = 0.5, ["late"] = 0.0 }),
            ("B", new Dictionary<string, object?> { ["online"] = 1.0, ["late"] = 3.0 }),
            ("C", new Dictionary<string, object?> { ["online"] = 0.25 }));
        // A: 0.5 × 4 = 2, late 0 < 1 → 2; total 4. B: 4, late 3 in [1, 5) → 1; total 5.
        // C: 0.25 × 4 = 1, late missing → default 0 → 2; total 3.
        CollectionAssert.AreEqual(new[] { 4.0, 5.0, 3.0 }, report.Agencies.Select(a => a.Total).ToArray());
        Assert.AreEqual("Tỷ lệ hồ sơ trực tuyến", rules.InputSchema.Find("online")!.Definition.Title);
    }

    [TestMethod]
    public void A_formula_error_names_the_json_path_of_the_part_of_the_definition()
    {
        var result = RuleSetLoader.TryLoad(BuiltInCode(formula: "onlne * 4"));
        Assert.IsFalse(result.Success);
        var error = result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("PAR0301", error.Code);
        Assert.AreEqual(RuleSetLoader.DefinitionSourceName, error.Location.File);
        StringAssert.StartsWith(error.Location.JsonPath, "criteria[0].children[0].formula");
        StringAssert.Contains(error.Message, "'online'");
    }

    [TestMethod]
    public void A_schema_violation_is_reported_as_for_a_file_and_Load_throws_with_it()
    {
        // max 0: the schema asks for max > 0.
        var error = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.Load(BuiltInCode(max: 0)));
        var diagnostic = error.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("PAR0201", diagnostic.Code);
        Assert.AreEqual("criteria[0].children[0].max", diagnostic.Location.JsonPath);
    }

    [TestMethod]
    public void A_value_no_rule_file_can_hold_is_refused_by_the_writer()
    {
        var definition = BuiltInCode() with
        {
            Inputs = [new InputDefinition { Name = "online", Type = InputType.Number, Missing = MissingPolicy.Default, Default = double.NaN }],
        };
        var error = Assert.ThrowsExactly<ArgumentException>(() => RuleFileWriter.Write(definition));
        StringAssert.Contains(error.Message, "input 'online' default");
    }

    private static string ResultsCsv(CompiledRuleSet rules, string csv)
    {
        var text = new StringWriter();
        CsvResultWriter.Write(rules.Score(CsvAgencyReader.ReadFile(rules, csv)), text);
        return text.ToString();
    }
}
