namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>The generator's formulas: number and bool expressions over the inputs and variables, with what they can give (NaN, ±∞).</summary>
internal sealed partial class RuleSetGenerator
{

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
}
