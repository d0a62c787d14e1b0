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
internal sealed class RuleSetGenerator
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

    // ---------- formulas ----------

    private GeneratedExpression NumberName(bool allowRaw)
    {
        var names = _inputs.Where(i => i.Type == "number").Select(i => i.Name).Concat(_variables.Where(v => !v.IsBool).Select(v => v.Name)).ToList();
        var name = names[_random.Next(names.Count)];
        var variable = _variables.FirstOrDefault(v => v.Name == name);
        var nan = variable.Name is not null ? variable.Formula.MayBeNaN : _inputs.First(i => i.Name == name).Missing == "allow";
        var inf = variable.Name is not null && variable.Formula.MayBeInfinite;
        if ((nan || inf) && !allowRaw)
            return GeneratedExpression.Safe($"Clamp(IfMissing({name}, {Literal(Small())}), -1000, 1000)");
        return new GeneratedExpression(name, nan, inf);
    }

    /// <summary>
    /// A number formula. With <paramref name="finite"/> it can give neither NaN nor ±∞ (every
    /// value that could be NaN is wrapped in IfMissing, no / or %).
    /// </summary>
    private GeneratedExpression NumberExpression(int depth, bool finite = false)
    {
        if (depth <= 0 || _random.NextDouble() < 0.25)
            return _random.NextDouble() < 0.3 ? GeneratedExpression.Safe(Literal(Small())) : NumberName(allowRaw: !finite);
        // Min, Max and Clamp over values that may be NaN are a known fix; without it their arguments stay finite.
        var safeArguments = finite || !_knownFixed;
        GeneratedExpression A() => NumberExpression(depth - 1, finite);
        GeneratedExpression S() => NumberExpression(depth - 1, safeArguments);
        switch (_random.Next(finite ? 13 : 16))
        {
            case 0: return Binary(A(), "+", A());
            case 1: return Binary(A(), "-", A());
            case 2: return Binary(A(), "*", GeneratedExpression.Safe(Literal(Small())));
            case 3: return Call("Ratio", A(), A());
            case 4: return Call("Ratio", A(), A(), GeneratedExpression.Safe(Literal(Small())));
            case 5: return Call("PercentOf", A(), A());
            case 6: return Call("Min", S(), S());
            case 7: return Call("Max", S(), S(), S());
            case 8: return Call("Clamp", S(), GeneratedExpression.Safe("0"), GeneratedExpression.Safe(Literal(Math.Abs(Small()) + 1)));
            case 9: return Call("Round", A(), GeneratedExpression.Safe($"{_random.Next(3)}"));
            case 10: return Call("Abs", A());
            case 11:
            {
                var condition = BoolExpression(depth - 1);
                var (a, b) = (A(), A());
                return new GeneratedExpression($"({condition.Text} ? {a.Text} : {b.Text})", a.MayBeNaN || b.MayBeNaN, a.MayBeInfinite || b.MayBeInfinite);
            }
            case 12:
            {
                // Unary minus gives −0 for a zero: points must never be −0.
                var a = A();
                return a with { Text = $"-({a.Text})" };
            }
            case 13: return Call("IfMissing", A(), GeneratedExpression.Safe(Literal(Small())));
            case 14:
            {
                var (a, b) = (A(), A());
                return new GeneratedExpression($"({a.Text} / {b.Text})", true, true);
            }
            default:
            {
                var (a, b) = (A(), A());
                return new GeneratedExpression($"({a.Text} % {b.Text})", true, a.MayBeInfinite);
            }
        }
    }

    private static GeneratedExpression Binary(GeneratedExpression a, string op, GeneratedExpression b) =>
        new($"({a.Text} {op} {b.Text})", a.MayBeNaN || b.MayBeNaN || a.MayBeInfinite || b.MayBeInfinite, a.MayBeInfinite || b.MayBeInfinite);

    private static GeneratedExpression Call(string function, params GeneratedExpression[] arguments)
    {
        var text = $"{function}({string.Join(", ", arguments.Select(a => a.Text))})";
        var nan = arguments.Any(a => a.MayBeNaN || a.MayBeInfinite);
        var inf = arguments.Any(a => a.MayBeInfinite);
        return function switch
        {
            "IfMissing" => new GeneratedExpression(text, arguments[0].MayBeInfinite || arguments[1].MayBeNaN, inf),
            _ => new GeneratedExpression(text, nan, inf),
        };
    }

    private GeneratedExpression BoolExpression(int depth)
    {
        var bools = _inputs.Where(i => i.Type == "bool").Select(i => i.Name).Concat(_variables.Where(v => v.IsBool).Select(v => v.Name)).ToList();
        var kind = _inputs.FirstOrDefault(i => i.Type == "enum");
        var choice = _random.Next(depth <= 0 ? 5 : 9);
        switch (choice)
        {
            case 0 when bools.Count > 0: return GeneratedExpression.Safe(bools[_random.Next(bools.Count)]);
            case 1 when kind is not null: return GeneratedExpression.Safe($"kind {(_random.NextDouble() < 0.5 ? "==" : "!=")} \"{GroupValues[_random.Next(3)]}\"");
            case 2:
            {
                var allow = _inputs.Where(i => i.Missing == "allow").ToList();
                if (allow.Count > 0) return GeneratedExpression.Safe($"IsMissing({allow[_random.Next(allow.Count)].Name})");
                goto default;
            }
            case 3:
            {
                var x = NumberExpression(1);
                var lo = Threshold();
                AddInteresting(lo);
                AddInteresting(lo + 1);
                return GeneratedExpression.Safe($"Between({x.Text}, {Literal(lo)}, {Literal(lo + 1)})");
            }
            case 5: return GeneratedExpression.Safe($"!({BoolExpression(depth - 1).Text})");
            case 6: return GeneratedExpression.Safe($"({BoolExpression(depth - 1).Text} && {BoolExpression(depth - 1).Text})");
            case 7: return GeneratedExpression.Safe($"({BoolExpression(depth - 1).Text} || {BoolExpression(depth - 1).Text})");
            case 8 when bools.Count > 0: return GeneratedExpression.Safe($"{bools[_random.Next(bools.Count)]} == {(_random.NextDouble() < 0.5 ? "true" : "false")}");
            default:
            {
                var x = NumberExpression(Math.Max(depth, 1));
                var t = Threshold();
                AddInteresting(t);
                var op = new[] { "<", "<=", ">", ">=", "==", "!=" }[_random.Next(6)];
                return GeneratedExpression.Safe($"{x.Text} {op} {Literal(t)}");
            }
        }
    }

    /// <summary>True when the formula text reads, directly or through variables, an input whose policy is notApplicable.</summary>
    private bool ReadsNotApplicable(string text)
    {
        var read = Tokens(text).ToHashSet();
        int before;
        do
        {
            before = read.Count;
            foreach (var v in _variables.Where(v => read.Contains(v.Name)).ToList()) read.UnionWith(Tokens(v.Formula.Text));
        } while (read.Count != before);
        return _inputs.Any(i => i.Missing == "notApplicable" && read.Contains(i.Name));
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var part = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (part && start < 0) start = i;
            else if (!part && start >= 0) { yield return text[start..i]; start = -1; }
        }
    }

    // ---------- numbers ----------

    private double Small() => _random.Next(4) switch
    {
        0 => _random.Next(5),
        1 => Math.Round(_random.NextDouble() * 4, 2),
        2 => Math.Round(_random.NextDouble() * 2 - 1, 3),
        _ => Math.Round(_random.NextDouble() * 10, 1),
    };

    /// <summary>A multiple of the grid in [lo, hi], at least one grid step.</summary>
    private double GridValue(double lo, double hi)
    {
        if (_random.NextDouble() < 0.5)
        {
            double[] nice = [0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10, 0.125, 0.375, 0.1, 0.2];
            var candidates = nice.Where(v => v >= lo && v <= hi && IsOnGrid(v)).ToList();
            if (candidates.Count > 0) return candidates[_random.Next(candidates.Count)];
        }
        var steps = (long)Math.Floor(hi / _grid);
        var low = Math.Max(1, (long)Math.Ceiling(lo / _grid));
        if (steps < low) return Math.Max(_grid, OnGrid(hi));
        return OnGrid((low + (long)(_random.NextDouble() * (steps - low + 1))) * _grid);
    }

    private double OnGrid(double value) => Math.Max(0, Math.Round(value * OracleArithmetic.Pow10(_precision)) / OracleArithmetic.Pow10(_precision));

    private bool IsOnGrid(double value) => Math.Abs(value / _grid - Math.Round(value / _grid)) < 1e-9;

    private void AddInteresting(double value)
    {
        if (double.IsFinite(value)) _interesting.Add(value);
    }

    private static string Literal(double value)
    {
        var text = value.ToString("0.############", CultureInfo.InvariantCulture);
        return value < 0 ? $"({text})" : text;
    }

    private string Pick(params (string Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var r = _random.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (r < weight) return value;
            r -= weight;
        }
        return choices[^1].Value;
    }

    // ---------- data ----------

    private List<(string, IReadOnlyDictionary<string, object?>)> Rows()
    {
        // Rounding halves at the precision: x.xx5 and the same just below and above.
        for (var k = 0; k < 6; k++) AddInteresting((k + 0.5) * _grid);
        AddInteresting(0);
        var count = 20 + _random.Next(41);
        var rows = new List<(string, IReadOnlyDictionary<string, object?>)>();
        var soloRow = _random.NextDouble() < 0.5 ? _random.Next(count) : -1;
        var kindWeights = new[] { 0.2 + _random.NextDouble(), 0.2 + _random.NextDouble() };
        for (var r = 0; r < count; r++)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var input in _inputs)
            {
                var missingRate = input.Missing == "error" ? 0.01 : 0.15;
                if (_random.NextDouble() < missingRate)
                {
                    values[input.Name] = null;
                    continue;
                }
                values[input.Name] = input.Type switch
                {
                    "number" => Value(),
                    "bool" => _random.NextDouble() < 0.5,
                    _ => r == soloRow ? "xa" : _random.NextDouble() * (kindWeights[0] + kindWeights[1]) < kindWeights[0] ? "so" : "huyen",
                };
            }
            rows.Add(($"A{r + 1:000}", values));
        }
        return rows;
    }

    private double Value()
    {
        var r = _random.NextDouble();
        if (r < 0.5 && _interesting.Count > 0)
        {
            var basis = _interesting[_random.Next(_interesting.Count)];
            return Perturb(basis);
        }
        if (r < 0.6) return 0;
        if (r < 0.75) return _random.Next(-2, 11);
        if (r < 0.97) return Math.Round(_random.NextDouble() * 14 - 2, _random.Next(5));
        return Math.Round(_random.NextDouble() * 1e6, 1);
    }

    /// <summary>
    /// A value at, or within a relative 1e-10, 1.5e-9, 3e-9 or 1e-6 of, <paramref name="basis"/>.
    /// Below 1 the engine's tolerance was absolute (a known fix): without it, only distances on
    /// which both rules agree are used.
    /// </summary>
    private double Perturb(double basis)
    {
        // 1.5e-9 lies between the relative tolerance and the old absolute one for values near a
        // half below one grid step, or thresholds below 1; 3e-9 too for thresholds below 1/3.
        double[] factors = _knownFixed ? [0, 0, 1e-10, -1e-10, 1.5e-9, -1.5e-9, 3e-9, -3e-9, 1e-6, -1e-6]
            : Math.Abs(basis) >= 1 ? [0, 0, 1e-10, -1e-10, 3e-9, -3e-9, 1e-6, -1e-6]
            : [0, 0, 1e-10, -1e-10, 1e-6, -1e-6];
        var factor = factors[_random.Next(factors.Length)];
        var value = basis * (1 + factor);
        if (_knownFixed && basis == 0 && _random.NextDouble() < 0.3) value = _random.NextDouble() < 0.5 ? 5e-10 : -5e-10;
        return _random.NextDouble() < 0.1 ? -value : value;
    }
}
