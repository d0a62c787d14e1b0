using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// Load-time checks added for the scoring edge cases: a max off the precision grid (PAR0310),
/// maxima summing to ∞ (PAR0311), an enum compared with a value it cannot take (PAR0406),
/// formula columns after JSON escapes, identifiers with a trailing line break, and the load
/// budget over band checks.
/// </summary>
[TestClass]
public sealed class ScoringEdgeCaseChecksTests
{
    // The formula is alone on line 6: six spaces, "formula" in 7-15, ':' 16, space 17, opening
    // quote 18, so RAW offset k (counted in the JSON text, escapes as written) is column 19 + k.
    private const string Template = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number" }, { "name": "s", "type": "text" }, { "name": "agencyType", "type": "enum", "values": ["so", "huyen", "xa"] } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 1,
              "formula": "RAW" }
          ]
        }
        """;

    private static string WithRawFormula(string raw) => Template.Replace("RAW", raw, StringComparison.Ordinal);

    // ---- Formula columns after JSON escapes ----------------------------------------------

    [TestMethod]
    // s == \"xa\" ? nope : 0 — raw: "s == " 5, \"xa\" 6 → 11, " ? " 3 → nope at 14 (decoded offset 12) → column 33
    [DataRow(@"s == \""xa\"" ? nope : 0", 33, DisplayName = "after \\\" (the reported case: 2 columns short)")]
    // s == \"\\\\\" ? nope : 0 — raw: 5, \" 2, \\\\ 4, \" 2 → 13, " ? " → 16 (decoded 12) → column 35
    [DataRow(@"s == \""\\\\\"" ? nope : 0", 35, DisplayName = "after \\\\")]
    // x +\n nope — raw: "x +" 3, \n 2 → 5, " " → 6 (decoded 5) → column 25
    [DataRow(@"x +\n nope", 25, DisplayName = "after \\n")]
    // s == \"\u00e1\" ? nope : 0 — raw: 5, \" 2, \u00e1 6, \" 2 → 15, " ? " → 18 (decoded 11) → column 37
    [DataRow(@"s == \""\u00e1\"" ? nope : 0", 37, DisplayName = "after \\u00e1")]
    // s == \"\u00e1\\\\\" ?\n nope : 0 — raw: 5 + 2 + 6 + 4 + 2 = 19, " ?" → 21, \n → 23, " " → 24 (decoded 14) → column 43
    [DataRow(@"s == \""\u00e1\\\\\"" ?\n nope : 0", 43, DisplayName = "after all four")]
    public void Unknown_name_after_escapes_is_reported_at_its_own_column(string raw, int column)
    {
        var error = Single(Errors(WithRawFormula(raw)), DiagnosticCodes.UnknownName);

        AssertMessageContains(error, "'nope'");
        AssertAt(error, 6, column, "criteria[0].formula");
    }

    [TestMethod]
    public void Compiler_type_error_after_escapes_is_reported_at_its_own_column()
    {
        // s == \"xa\" ? x + true : 0 — raw: 5 + 6 + 3 = 14: 'x + true' starts at raw 14 → column 33
        var error = First(Errors(WithRawFormula(@"s == \""xa\"" ? x + true : 0")), DiagnosticCodes.FormulaType);

        AssertAt(error, 6, 33, "criteria[0].formula");
    }

    // ---- Enum compared with an impossible literal ----------------------------------------

    [TestMethod]
    // agencyType == \"xaa\" ? 1 : 0 — the literal's opening quote is at raw 14 → column 33
    [DataRow(@"agencyType == \""xaa\"" ? 1 : 0", 33, "xaa", "Did you mean 'xa'?", DisplayName = "name == literal")]
    // \"hyen\" != agencyType ? 1 : 0 — the literal is at raw 0 → column 19
    [DataRow(@"\""hyen\"" != agencyType ? 1 : 0", 19, "hyen", "Did you mean 'huyen'?", DisplayName = "literal != name")]
    // (agencyType) == \"x\" ? 1 : 0 — raw: "(agencyType) == " 16 → column 35
    [DataRow(@"(agencyType) == \""x\"" ? 1 : 0", 35, "x", "(so, huyen, xa)", DisplayName = "name in brackets")]
    // s == \"q\" || agencyType == \"xaa\" ? 1 : 0 — raw: 5 + 5 (\"q\") + 4 (" || ") + 14 = 28 → column 47
    [DataRow(@"s == \""q\"" || agencyType == \""xaa\"" ? 1 : 0", 47, "xaa", "Did you mean 'xa'?", DisplayName = "after escapes")]
    public void Enum_compared_with_a_value_it_cannot_take_is_an_error_at_the_literal(string raw, int column, string literal, string hint)
    {
        var error = Single(Errors(WithRawFormula(raw)), DiagnosticCodes.ImpossibleEnumValue);

        AssertMessageContains(error, "'agencyType'", $"\"{literal}\"", hint);
        AssertAt(error, 6, column, "criteria[0].formula");
    }

    [TestMethod]
    public void Group_compared_with_a_value_the_ranking_enum_cannot_take_is_an_error()
    {
        // The ranking groups by the enum agencyType, so in an eligibility condition 'group' is one of so, huyen, xa.
        var json = RuleSets.Json(
            inputs: """[ { "name": "agencyType", "type": "enum", "values": ["so", "huyen", "xa"] } ]""",
            criteria: """[ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]""",
            ranking: """{ "groupBy": "agencyType" }""",
            eligibility: """[ { "id": "k", "title": "K", "conditions": [ { "title": "Huyện", "when": "group == \"huyn\"" } ] } ]""");

        var error = Single(Errors(json), DiagnosticCodes.ImpossibleEnumValue);

        AssertMessageContains(error, "ranking group (the enum input 'agencyType')", "\"huyn\"", "Did you mean 'huyen'?");
        Assert.AreEqual("eligibility[0].conditions[0].when", error.Location.JsonPath);
    }

    [TestMethod]
    public void Enum_compared_with_its_own_values_and_text_compared_with_anything_load()
    {
        // "xa" is a value of agencyType; s is a text input, which can hold any text.
        var (success, diagnostics) = Check(WithRawFormula(@"agencyType == \""xa\"" && s != \""anything\"" ? 1 : 0"));

        Assert.IsTrue(success, Describe(diagnostics));
    }

    // ---- max on the precision grid -------------------------------------------------------

    private static string OneLeaf(string max, int precision, string kind = "regular") => RuleSets.Json(
        criteria: $$"""
        [ { "code": "A", "title": "A", "max": 1, "children": [
            { "code": "A.1", "title": "L", "max": 1, "formula": "1" },
            { "code": "A.B", "title": "Bonus", "kind": "{{kind}}", "max": {{max}}, "formula": "1" } ] } ]
        """,
        precision: precision);

    [TestMethod]
    public void Max_off_the_precision_grid_is_an_error_naming_criterion_value_and_precision()
    {
        // 0.125 × 10² = 12.5, not a whole number: a leaf clamped to 0.125 would round to 0.13 (104 %)
        var error = Single(Errors(OneLeaf("0.125", 2, "bonus")), DiagnosticCodes.MaxOffPrecisionGrid);

        AssertMessageContains(error, "Criterion A.B", "max 0.125", "multiple of 0.01", "precision 2");
        Assert.AreEqual("criteria[0].children[1]", error.Location.JsonPath);
    }

    [TestMethod]
    [DataRow("0.125", 3, DisplayName = "0.125 at precision 3: 125")]
    [DataRow("0.1", 2, DisplayName = "0.1 at precision 2: 10.000000000000002, within 1e-9 of 10")]
    [DataRow("0.29", 2, DisplayName = "0.29 at precision 2: 28.999999999999996, within 1e-9 of 29")]
    [DataRow("3", 0, DisplayName = "3 at precision 0")]
    public void Max_on_the_precision_grid_loads(string max, int precision)
    {
        var (success, diagnostics) = Check(OneLeaf(max, precision, "bonus"));

        Assert.IsTrue(success, Describe(diagnostics));
    }

    [TestMethod]
    public void Max_with_decimals_at_precision_0_is_an_error()
    {
        // 1.5 × 10⁰ = 1.5: points are whole numbers, a penalty of at most 1.5 would round to 2
        var error = Single(Errors(OneLeaf("1.5", 0, "penalty")), DiagnosticCodes.MaxOffPrecisionGrid);

        AssertMessageContains(error, "max 1.5", "multiple of 1 (precision 0)");
    }

    // ---- Sums of maxima overflowing ------------------------------------------------------

    [TestMethod]
    public void Top_level_maxima_summing_to_infinity_are_an_error_naming_the_criteria()
    {
        // 1e308 + 1e308 = +∞ in doubles; it used to reach the generated code as "Infinityd"
        var json = RuleSets.Json("""
            [ { "code": "1", "title": "A", "max": 1e308, "formula": "1" },
              { "code": "2", "title": "B", "max": 1e308, "formula": "1" } ]
            """);

        var error = Single(Errors(json), DiagnosticCodes.MaxSumOverflow);

        AssertMessageContains(error, "the top-level criteria (1, 2)");
        Assert.IsFalse(Errors(json).Any(d => d.Code == DiagnosticCodes.CompilationFailed), "no internal error");
    }

    [TestMethod]
    public void A_total_max_whose_percent_overflows_is_an_error()
    {
        // 100 × 1e307 = 1e309 = +∞: the percent 100 × total ÷ max would overflow
        var error = Single(Errors(RuleSets.Json("""[ { "code": "1", "title": "A", "max": 1e307, "formula": "1" } ]""")), DiagnosticCodes.MaxSumOverflow);

        AssertMessageContains(error, "the top-level criteria (1)");
    }

    [TestMethod]
    public void Children_maxima_summing_to_infinity_are_an_error_naming_the_parent_and_children()
    {
        var json = RuleSets.Json("""
            [ { "code": "P", "title": "P", "max": 1, "children": [
                { "code": "P.1", "title": "A", "max": 1e308, "formula": "1" },
                { "code": "P.2", "title": "B", "max": 1e308, "formula": "1" } ] } ]
            """);

        var diagnostics = Errors(json);
        var error = Single(diagnostics, DiagnosticCodes.MaxSumOverflow);

        AssertMessageContains(error, "the children of criterion P (P.1, P.2)");
        Assert.AreEqual("criteria[0]", error.Location.JsonPath);
        Assert.IsFalse(diagnostics.Any(d => d.Code == DiagnosticCodes.MaxSumMismatch), "no 'summing to ∞' mismatch warning");
    }

    [TestMethod]
    public void Maxima_beyond_the_exactly_scored_range_are_an_error_before_any_count_could_overflow()
    {
        // Precision 2 (RuleSets.Json's default): 4e8 steps of 0.01 are 4,000,000 points. A max of
        // 1e7 is 1e9 steps: the relative tolerance 1e-9 × 1e9 = 1 step would push a value on the grid
        // up a step (10000000 → 10000000.01), and 1e17 (1e19 steps) overflows a 64-bit count.
        foreach (var max in new[] { "1e7", "1e17", "1e300" })
        {
            var error = Single(Errors(RuleSets.Json($$"""[ { "code": "1", "title": "A", "max": {{max}}, "formula": "1" } ]""")), DiagnosticCodes.MaxSumOverflow);
            AssertMessageContains(error, "the top-level criteria (1)");
            AssertMessageContains(error, "at most 4000000 points");
        }
        // Children: 3e6 + 2e6 = 5e6 points = 5e8 steps, under a parent whose own max is in range.
        var children = Single(Errors(RuleSets.Json("""
            [ { "code": "P", "title": "P", "max": 3000000, "children": [
                { "code": "P.1", "title": "A", "max": 3000000, "formula": "1" },
                { "code": "P.2", "title": "B", "kind": "bonus", "max": 2000000, "formula": "1" } ] } ]
            """)), DiagnosticCodes.MaxSumOverflow);
        AssertMessageContains(children, "the children of criterion P (P.1, P.2)");
    }

    [TestMethod]
    public void Maxima_at_the_limit_load_and_score_exactly()
    {
        // 4,000,000 points at precision 2 = 4e8 steps, the limit itself: loads, and a value on the
        // grid keeps its points (3999999.99 stays 3999999.99, not one step more).
        using var rules = RuleSets.Load(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "A", "max": 4000000, "formula": "x" } ]""");
        var report = rules.ScoreRows(("A", new Dictionary<string, object?> { ["x"] = 3999999.99 }));
        Assert.AreEqual(3999999.99, report.Agencies.Single().Total);
    }

    [TestMethod]
    public void A_non_finite_literal_is_refused_by_the_source_writer()
    {
        Assert.AreEqual("0.125d", SourceWriter.Literal(0.125));
        Assert.ThrowsExactly<InvalidOperationException>(() => SourceWriter.Literal(double.PositiveInfinity));
        Assert.ThrowsExactly<InvalidOperationException>(() => SourceWriter.Literal(double.NaN));
    }

    // ---- Identifiers with a trailing line break or space ---------------------------------

    [TestMethod]
    [DataRow(@"\n", DisplayName = "line feed")]
    [DataRow(@"\r", DisplayName = "carriage return")]
    [DataRow(@"\r\n", DisplayName = "CR LF")]
    [DataRow(" ", DisplayName = "space")]
    [DataRow(@"\t", DisplayName = "tab")]
    [DataRow(@"\u0085", DisplayName = "next line U+0085")]
    [DataRow(@"\u2028", DisplayName = "line separator U+2028")]
    public void Rule_set_id_with_trailing_whitespace_or_control_is_refused(string tail)
    {
        // .NET's '$' also matches before a final '\n', so "^[a-z0-9][a-z0-9._-]*$" accepted "t\n".
        var json = RuleSets.Json("""[ { "code": "1", "title": "A", "max": 1, "formula": "1" } ]""")
            .Replace("\"id\": \"test-rules\"", $"\"id\": \"test-rules{tail}\"", StringComparison.Ordinal);

        var error = Single(Errors(json), DiagnosticCodes.SchemaViolation);

        Assert.AreEqual("id", error.Location.JsonPath, error.ToString());
    }

    [TestMethod]
    [DataRow("""[ { "name": "b\n", "type": "number" } ]""", null, null, "inputs[0].name", DisplayName = "input name")]
    [DataRow("[]", """[ { "name": "v\n", "formula": "1" } ]""", null, "variables[0].name", DisplayName = "variable name")]
    [DataRow("[]", null, "1\\n", "criteria[0].code", DisplayName = "criterion code")]
    [DataRow("""[ { "name": "g", "type": "text" } ]""", null, "group", "ranking.groupBy", DisplayName = "ranking groupBy")]
    public void Names_and_codes_with_a_trailing_line_feed_are_refused_by_the_schema(string inputs, string? variables, string? code, string path)
    {
        var json = RuleSets.Json(
            criteria: $$"""[ { "code": "{{(code is null or "group" ? "1" : code)}}", "title": "A", "max": 1, "formula": "1" } ]""",
            inputs: inputs,
            variables: variables,
            ranking: code == "group" ? """{ "groupBy": "g\n" }""" : null);

        var errors = Errors(json).Where(d => d.Code == DiagnosticCodes.SchemaViolation).ToList();

        Assert.IsTrue(errors.Any(d => d.Location.JsonPath == path), $"expected a schema error at {path}: {Describe(errors)}");
    }

    // ---- Band checks: efficient, and under the load budget --------------------------------

    [TestMethod]
    public void Band_checks_on_ten_thousand_steps_find_the_one_unreachable_and_the_one_overlapping_step()
    {
        // Steps [2i, 2i+1) for i = 9,999 … 0 (descending, with gaps, so the union of earlier steps
        // stays 10,000 intervals), then [4, 5) (inside [4, 5): unreachable) and [5.5, 6.5)
        // (partly over [6, 7): overlapping). The old check re-sorted every earlier step per step.
        const int count = 10_000;
        var steps = Enumerable.Range(0, count).Reverse().Select(i => $$"""{ "atLeast": {{2 * i}}, "below": {{2 * i + 1}}, "points": 1 }""")
            .Append("""{ "atLeast": 4, "below": 5, "points": 1 }""")
            .Append("""{ "atLeast": 5.5, "below": 6.5, "points": 1 }""");
        var json = RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: $$"""[ { "code": "1", "title": "B", "max": 1, "bands": { "of": "x", "steps": [ {{string.Join(", ", steps)}} ] } } ]""");

        var (bound, diagnostics) = RuleSetLoader.TryBind(json, FileName);

        Assert.IsNotNull(bound, Describe(diagnostics));
        var unreachable = Single(diagnostics, DiagnosticCodes.UnreachableBand);
        AssertMessageContains(unreachable, $"Band {count + 1} of criterion 1");
        var overlapping = Single(diagnostics, DiagnosticCodes.OverlappingBand);
        AssertMessageContains(overlapping, $"Band {count + 2} of criterion 1");
    }

    [TestMethod]
    public void Interval_union_answers_like_testing_every_earlier_step()
    {
        // Differential check against the obvious quadratic version, on 3,000 seeded random ranges
        // (ends on a grid of 0.5 so ranges touch and repeat often; some open-ended).
        var random = new Random(20261201);
        var union = new BandChecks.IntervalUnion();
        var earlier = new List<(double Low, double High)>();
        for (var i = 0; i < 3000; i++)
        {
            var low = random.Next(10) == 0 ? double.NegativeInfinity : random.Next(0, 400) / 2.0;
            var high = random.Next(10) == 0 ? double.PositiveInfinity : Math.Max(low, 0) + random.Next(1, 8) / 2.0;
            Assert.AreEqual(BruteCovers(earlier, low, high), union.Covers(low, high), $"Covers at step {i}: [{low}, {high})");
            Assert.AreEqual(earlier.Any(e => e.Low < high && low < e.High), union.Intersects(low, high), $"Intersects at step {i}: [{low}, {high})");
            union.Add(low, high);
            earlier.Add((low, high));
        }
    }

    private static bool BruteCovers(List<(double Low, double High)> intervals, double low, double high)
    {
        var position = low;
        foreach (var (l, h) in intervals.OrderBy(i => i.Low))
        {
            if (l > position) break;
            if (h > position) position = h;
            if (position >= high) return true;
        }
        return position >= high;
    }

    [TestMethod]
    public void Band_checks_stop_when_the_load_budget_is_spent()
    {
        var json = RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "B", "max": 1, "bands": { "of": "x", "steps": [ { "atLeast": 1, "points": 1 } ] } } ]""");
        var diagnostics = new DiagnosticBag();
        var definition = DefinitionParser.Parse(JsonSource.Parse(json, FileName, diagnostics)!);
        var criterion = definition.Criteria[0];
        using var spent = new CancellationTokenSource();
        spent.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => BandChecks.Check(criterion, (BandScoring)criterion.Scoring!, diagnostics, spent.Token));
        Assert.ThrowsExactly<OperationCanceledException>(() => Binder.Bind(definition, new BindingLimits(2000, 64, spent.Token), diagnostics));
        // The schema check (NJsonSchema takes no token) runs beside the load, which stops waiting for it.
        Assert.ThrowsExactly<OperationCanceledException>(() => SchemaValidator.Validate(JsonSource.Parse(json, FileName, diagnostics)!, diagnostics, spent.Token));
    }

    [TestMethod]
    public void A_spent_budget_before_binding_is_a_diagnostic_naming_the_option_and_the_stage()
    {
        // MaxCompileTime now covers the whole load: with 0 s, nothing after reading the file runs.
        var json = RuleSets.Json(
            inputs: """[ { "name": "x", "type": "number" } ]""",
            criteria: """[ { "code": "1", "title": "B", "max": 1, "bands": { "of": "x", "steps": [ { "atLeast": 1, "points": 1 } ] } } ]""");
        var options = new RuleSetLoadOptions { MaxCompileTime = TimeSpan.Zero };

        var loaded = RuleSetLoader.TryLoadJson(json, FileName, options);
        var (bound, bindDiagnostics) = RuleSetLoader.TryBind(json, FileName, options);

        Assert.IsFalse(loaded.Success);
        Assert.IsNull(bound);
        foreach (var error in new[] { Single(loaded.Diagnostics, DiagnosticCodes.CompilationFailed), Single(bindDiagnostics, DiagnosticCodes.CompilationFailed) })
            AssertMessageContains(error, "took longer than 0 s", "RuleSetLoadOptions.MaxCompileTime, which covers the whole load", "stopped while reading the rule file");
    }
}
