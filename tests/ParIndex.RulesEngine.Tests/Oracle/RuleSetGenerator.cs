using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>A generated rule file and its data rows, reproducible from the seed.</summary>
internal sealed record GeneratedCase(int Seed, string Json, IReadOnlyList<(string Id, IReadOnlyDictionary<string, object?> Values)> Rows);

/// <summary>
/// Makes small valid rule files and data from a seed: random trees (depth 1–4, 1–6 children),
/// every scoring form, bonus and penalty (also above the parent's max), appliesTo, every
/// missing-value policy, precision 0–3 with every declared points value on the precision grid,
/// classification, ranking groups (some with one member), eligibility over results; data with
/// values at band edges and within 1e-10 of them, rounding halves and near-halves, zero
/// denominators, missing cells, negative values.
/// With <c>knownFixed</c> false it leaves out the cases whose rules changed in this release
/// (bands over NaN or ±∞, proportional targets ≤ 0, tolerance effects below 1, NaN in Min/Max).
/// </summary>
internal sealed partial class RuleSetGenerator
{
    private static readonly string[] GroupValues = ["so", "huyen", "xa"];
    private readonly Random _random;
    private readonly bool _knownFixed;
    private readonly int _precision;
    private readonly double _grid;
    private readonly List<Input> _inputs = [];
    private readonly List<(string Name, GeneratedExpression Formula, bool IsBool)> _variables = [];
    private readonly List<double> _interesting = [];
    private readonly List<(string Code, bool AlwaysApplies)> _topLevel = [];
    private int _criteria;

    private sealed record Input(string Name, string Type, string Missing, object? Default);

    private RuleSetGenerator(int seed, bool knownFixed)
    {
        _random = new Random(seed);
        _knownFixed = knownFixed;
        _precision = _random.Next(4);
        _grid = 1 / OracleArithmetic.Pow10(_precision);
    }

    public static GeneratedCase Generate(int seed, bool knownFixed)
    {
        var generator = new RuleSetGenerator(seed, knownFixed);
        var json = generator.RuleFile(seed);
        var rows = generator.Rows();
        return new GeneratedCase(seed, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), rows);
    }

    // ---------- the rule file ----------

    private JsonObject RuleFile(int seed)
    {
        var root = new JsonObject
        {
            ["id"] = $"oracle-{seed}",
            ["title"] = $"Oracle case {seed}",
            ["version"] = "1",
            ["precision"] = _precision,
        };
        var inputs = new JsonArray();
        var numbers = 2 + _random.Next(4);
        for (var i = 0; i < numbers; i++) inputs.Add(NumberInput($"n{i}"));
        for (var i = 0; i < _random.Next(3); i++) inputs.Add(BoolInput($"flag{i}"));
        var hasKind = _random.NextDouble() < 0.7;
        if (hasKind) inputs.Add(KindInput());
        root["inputs"] = inputs;

        var variables = new JsonArray();
        var count = _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var formula = NumberExpression(2);
            _variables.Add(($"v{i}", formula, false));
        }
        if (_random.NextDouble() < 0.3) _variables.Add(("b0", BoolExpression(1), true));
        // Listed in reverse: the engine must order variables by their dependencies.
        foreach (var v in Enumerable.Reverse(_variables))
        {
            var variable = new JsonObject { ["name"] = v.Name, ["formula"] = v.Formula.Text };
            if (v.IsBool) variable["type"] = "bool";
            variables.Add(variable);
        }
        if (variables.Count > 0) root["variables"] = variables;

        var criteria = new JsonArray();
        var tops = 1 + _random.Next(3);
        var maxDepth = 1 + _random.Next(4);
        for (var i = 0; i < tops; i++)
        {
            var kind = i == 0 ? "regular" : Kind();
            var (node, _, always) = Criterion($"{i + 1}", 1, maxDepth, kind);
            criteria.Add(node);
            if (kind == "regular") _topLevel.Add(($"{i + 1}", always));
        }
        root["criteria"] = criteria;

        if (_random.NextDouble() < 0.6) root["classification"] = Classification();
        if (hasKind && _random.NextDouble() < 0.6) root["ranking"] = new JsonObject { ["groupBy"] = "kind" };
        if (_random.NextDouble() < 0.6) root["eligibility"] = Eligibility(root.ContainsKey("ranking"), root["classification"] as JsonArray);
        return root;
    }

    private JsonObject NumberInput(string name)
    {
        var missing = Pick(("error", 4), ("default", 2), ("notApplicable", 2), ("allow", 2));
        var input = new JsonObject { ["name"] = name, ["type"] = "number" };
        object? fallback = null;
        if (missing != "error") input["missing"] = missing;
        if (missing == "default")
        {
            fallback = Math.Round(_random.NextDouble() * 4 - 1, 2);
            input["default"] = (double)fallback;
        }
        _inputs.Add(new Input(name, "number", missing, fallback));
        return input;
    }

    private JsonObject BoolInput(string name)
    {
        var missing = Pick(("error", 2), ("default", 2), ("notApplicable", 1));
        var input = new JsonObject { ["name"] = name, ["type"] = "bool" };
        object? fallback = null;
        if (missing != "error") input["missing"] = missing;
        if (missing == "default")
        {
            fallback = _random.NextDouble() < 0.5;
            input["default"] = (bool)fallback;
        }
        _inputs.Add(new Input(name, "bool", missing, fallback));
        return input;
    }

    private JsonObject KindInput()
    {
        var missing = Pick(("error", 3), ("default", 1));
        var input = new JsonObject { ["name"] = "kind", ["type"] = "enum", ["values"] = new JsonArray(GroupValues.Select(v => (JsonNode)v).ToArray()) };
        object? fallback = null;
        if (missing == "default")
        {
            input["missing"] = "default";
            fallback = "huyen";
            input["default"] = "huyen";
        }
        _inputs.Add(new Input("kind", "enum", missing, fallback));
        return input;
    }

    /// <summary>One criterion: its JSON, its max, and whether it applies to every agency.</summary>
    private (JsonObject Node, double Max, bool AlwaysApplies) Criterion(string code, int depth, int maxDepth, string kind)
    {
        _criteria++;
        var node = new JsonObject { ["code"] = code, ["title"] = $"Criterion {code}" };
        if (kind != "regular") node["kind"] = kind;
        var always = true;
        if (_random.NextDouble() < 0.15)
        {
            var appliesTo = AppliesTo();
            node["appliesTo"] = appliesTo.Text;
            always = false;
        }
        double max;
        var isParent = depth < maxDepth && _criteria < 28 && _random.NextDouble() < 0.6;
        if (isParent)
        {
            var children = new JsonArray();
            var count = 1 + _random.Next(6);
            var regularSum = 0d;
            var anyAlways = false;
            for (var i = 0; i < count; i++)
            {
                var childKind = i == 0 ? "regular" : Kind();
                var (child, childMax, childAlways) = Criterion($"{code}.{i + 1}", depth + 1, maxDepth, childKind);
                children.Add(child);
                if (childKind == "regular")
                {
                    regularSum += childMax;
                    anyAlways |= childAlways;
                }
            }
            always &= anyAlways;
            var choice = _random.NextDouble();
            max = choice < 0.6 ? OnGrid(regularSum)
                : choice < 0.8 ? OnGrid(regularSum + GridValue(0.1, 3))
                : Math.Max(_grid, OnGrid(regularSum * _random.NextDouble()));
            node["max"] = max;
            node["children"] = children;
            return (node, max, always);
        }
        max = kind == "regular" ? GridValue(0.1, 6) : GridValue(0.1, 12);
        node["max"] = max;
        var (property, value, readsNotApplicable) = Leaf(max);
        node[property] = value;
        return (node, max, always && !readsNotApplicable);
    }

    private string Kind() => Pick(("regular", 6), ("bonus", 1), ("penalty", 1));

    private GeneratedExpression AppliesTo()
    {
        var kind = _inputs.FirstOrDefault(i => i.Name == "kind");
        if (kind is not null && _random.NextDouble() < 0.6)
            return GeneratedExpression.Safe(_random.NextDouble() < 0.5
                ? $"kind != \"{GroupValues[_random.Next(3)]}\""
                : $"kind == \"{GroupValues[_random.Next(3)]}\" || kind == \"{GroupValues[_random.Next(3)]}\"");
        return BoolExpression(1);
    }

    /// <summary>A leaf's scoring form: property, value, and whether it reads a notApplicable input.</summary>
    private (string Property, JsonNode Value, bool ReadsNotApplicable) Leaf(double max)
    {
        var form = Pick(("formula", 3), ("yesNo", 1), ("proportional", 2), ("bands", 3), ("count", 1));
        switch (form)
        {
            case "formula":
            {
                // Often the bare input, so data values at rounding halves reach the points as they are.
                var formula = _random.NextDouble() < 0.4 ? NumberName(allowRaw: true) : NumberExpression(3);
                AddInteresting(max);
                return ("formula", formula.Text, ReadsNotApplicable(formula.Text));
            }
            case "yesNo":
            {
                var condition = BoolExpression(2);
                return ("yesNo", condition.Text, ReadsNotApplicable(condition.Text));
            }
            case "count":
            {
                var value = _random.NextDouble() < 0.6 ? NumberName(allowRaw: true) : NumberExpression(2);
                var perItem = GridValue(0.1, 2);
                for (var k = 1; k <= 4; k++) AddInteresting(k * perItem);
                return ("count", new JsonObject { ["value"] = value.Text, ["pointsPerItem"] = perItem }, ReadsNotApplicable(value.Text));
            }
            case "proportional":
            {
                var value = _random.NextDouble() < 0.6 ? NumberName(allowRaw: true) : NumberExpression(2);
                var proportional = new JsonObject { ["value"] = value.Text };
                var texts = value.Text;
                var t = _random.NextDouble();
                if (!_knownFixed || t < 0.6)
                {
                    var target = Math.Round(0.05 + _random.NextDouble() * 10, _random.Next(4));
                    proportional["target"] = target;
                    AddInteresting(target);
                }
                else if (t < 0.75) proportional["target"] = 0;
                else if (t < 0.85) proportional["target"] = -Math.Round(_random.NextDouble() * 3, 2);
                else
                {
                    var target = NumberName(allowRaw: true);
                    proportional["target"] = target.Text;
                    texts += " " + target.Text;
                }
                if (_random.NextDouble() < 0.4) proportional["lowerIsBetter"] = true;
                return ("proportional", proportional, ReadsNotApplicable(texts));
            }
            default:
                return Bands(max);
        }
    }

    private (string, JsonNode, bool) Bands(double max)
    {
        var steps = new JsonArray();
        var bands = new JsonObject();
        var texts = "";
        if (_random.NextDouble() < 0.75)
        {
            // Range steps over thresholds from high to low.
            var of = _random.NextDouble() < 0.5 ? NumberName(allowRaw: _knownFixed) : NumberExpression(2, finite: !_knownFixed);
            bands["of"] = of.Text;
            texts = of.Text;
            var count = 1 + _random.Next(4);
            var thresholds = Enumerable.Range(0, count).Select(_ => Threshold()).Distinct().OrderDescending().ToList();
            var shape = _random.Next(3);
            for (var i = 0; i < thresholds.Count; i++)
            {
                var step = new JsonObject();
                if (shape == 0 || i == 0) step["atLeast"] = thresholds[i];
                else { step["atLeast"] = thresholds[i]; step["below"] = thresholds[i - 1]; }
                step["points"] = StepPoints(max);
                steps.Add(step);
                AddInteresting(thresholds[i]);
            }
            if (_random.NextDouble() < 0.5)
                steps.Add(new JsonObject { ["below"] = thresholds[^1], ["points"] = StepPoints(max) });
        }
        else
        {
            for (var i = 0; i < 1 + _random.Next(3); i++)
            {
                var when = BoolExpression(2);
                texts += " " + when.Text;
                steps.Add(new JsonObject { ["when"] = when.Text, ["points"] = StepPoints(max) });
            }
        }
        bands["steps"] = steps;
        return ("bands", bands, ReadsNotApplicable(texts));
    }

    private double Threshold()
    {
        var r = _random.NextDouble();
        if (r < 0.15) return 0;
        if (r < 0.45) return Math.Round(_random.NextDouble() * 0.99 + 0.01, 2);
        if (r < 0.6) return -Math.Round(_random.NextDouble() * 3, 1);
        return Math.Round(_random.NextDouble() * 100, _random.Next(3));
    }

    private double StepPoints(double max) => _random.NextDouble() < 0.1 ? 0 : Math.Min(max, GridValue(0, max));

    private JsonArray Classification()
    {
        var labels = new[] { "A", "B", "C", "D" };
        var count = 1 + _random.Next(4);
        var thresholds = Enumerable.Range(0, count).Select(_ => OnGrid(_random.NextDouble() * 100)).Distinct().OrderDescending().ToList();
        if (_random.NextDouble() < 0.8) thresholds[^1] = 0;
        thresholds = thresholds.Distinct().ToList();
        var bands = new JsonArray();
        for (var i = 0; i < thresholds.Count; i++)
            bands.Add(new JsonObject { ["label"] = labels[i], ["minPercent"] = thresholds[i] });
        foreach (var t in thresholds) AddInteresting(t);
        return bands;
    }

    private JsonArray Eligibility(bool grouped, JsonArray? classification)
    {
        var rules = new JsonArray();
        for (var r = 0; r < 1 + _random.Next(2); r++)
        {
            var conditions = new JsonArray();
            for (var c = 0; c < 1 + _random.Next(3); c++)
                conditions.Add(new JsonObject { ["title"] = $"Condition {c + 1}", ["when"] = EligibilityCondition(grouped, classification) });
            rules.Add(new JsonObject { ["id"] = $"award-{r + 1}", ["title"] = $"Award {r + 1}", ["conditions"] = conditions });
        }
        return rules;
    }

    private string EligibilityCondition(bool grouped, JsonArray? classification)
    {
        var always = _topLevel.Where(t => t.AlwaysApplies).Select(t => t.Code).ToList();
        while (true)
        {
            switch (_random.Next(9))
            {
                case 0: return $"rank <= {1 + _random.Next(3)}";
                case 1: return $"overallRank == 1 || overallRank > {2 + _random.Next(5)}";
                case 2: return $"percent >= {Literal(OnGrid(_random.NextDouble() * 100))}";
                case 3: return $"total > {Literal(GridValue(0, 5))} && maxPoints >= {Literal(GridValue(0, 10))}";
                case 4 when classification is { Count: > 0 }:
                    return $"classification == \"{classification[_random.Next(classification.Count)]!["label"]}\"";
                case 5 when grouped: return $"group == \"{GroupValues[_random.Next(3)]}\" || rank == 1";
                case 6 when always.Count > 0:
                {
                    var code = always[_random.Next(always.Count)];
                    return $"Points(\"{code}\") >= 0.5 * MaxPoints(\"{code}\")";
                }
                case 7: return BoolExpression(1).Text;
                case 8: return "percent >= 50 && !(rank > 2)";
            }
        }
    }
}
