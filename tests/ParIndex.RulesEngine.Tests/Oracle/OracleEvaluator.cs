namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// Evaluates an <see cref="OracleExpression"/> for one agency with the meaning the docs give:
/// doubles everywhere (1/2 is 0.5), C# comparisons (false with NaN), text compared with == and
/// != only, and the documented function library (see <see cref="OracleArithmetic"/>).
/// </summary>
internal sealed class OracleEvaluator(Func<string, OracleValue> nameValue, Func<string, string, OracleValue>? criterionLookup = null)
{
    public OracleValue Evaluate(OracleExpression expression) => expression switch
    {
        NumberExpr n => OracleValue.Of(n.Value),
        StringExpr s => OracleValue.OfText(s.Value),
        BoolExpr b => OracleValue.Of(b.Value),
        NameExpr n => nameValue(n.Name),
        UnaryExpr { Operator: "!" } u => OracleValue.Of(!Evaluate(u.Operand).AsBool),
        UnaryExpr { Operator: "-" } u => OracleValue.Of(-Evaluate(u.Operand).AsNumber),
        BinaryExpr b => Binary(b),
        ConditionalExpr c => Evaluate(c.Condition).AsBool ? Evaluate(c.WhenTrue) : Evaluate(c.WhenFalse),
        CallExpr call => Call(call),
        _ => throw new InvalidOperationException($"unknown expression {expression}"),
    };

    public double Number(OracleExpression expression) => Evaluate(expression).AsNumber;

    public bool Bool(OracleExpression expression) => Evaluate(expression).AsBool;

    private OracleValue Binary(BinaryExpr b)
    {
        switch (b.Operator)
        {
            case "&&": return OracleValue.Of(Evaluate(b.Left).AsBool && Evaluate(b.Right).AsBool);
            case "||": return OracleValue.Of(Evaluate(b.Left).AsBool || Evaluate(b.Right).AsBool);
        }
        var left = Evaluate(b.Left);
        var right = Evaluate(b.Right);
        if (b.Operator is "==" or "!=")
        {
            var equal = left.Kind switch
            {
                OracleKind.Number => left.Number == right.AsNumber,
                OracleKind.Bool => left.Flag == right.AsBool,
                _ => right.Kind == OracleKind.Text ? string.Equals(left.Text, right.Text, StringComparison.Ordinal) : throw new InvalidOperationException("text compared with a non-text"),
            };
            return OracleValue.Of(b.Operator == "==" ? equal : !equal);
        }
        double x = left.AsNumber, y = right.AsNumber;
        return b.Operator switch
        {
            "+" => OracleValue.Of(x + y),
            "-" => OracleValue.Of(x - y),
            "*" => OracleValue.Of(x * y),
            "/" => OracleValue.Of(x / y),
            "%" => OracleValue.Of(x % y),
            "<" => OracleValue.Of(x < y),
            "<=" => OracleValue.Of(x <= y),
            ">" => OracleValue.Of(x > y),
            ">=" => OracleValue.Of(x >= y),
            _ => throw new InvalidOperationException($"unknown operator {b.Operator}"),
        };
    }

    /// <summary>Round never gives −0 (before this release Round(−0.4) was −0, and 1 / Round(−0.4) was −∞).</summary>
    private static double RoundInFormula(double x, int digits)
    {
        var rounded = OracleArithmetic.Round(x, digits);
        if (rounded == 0 && double.IsNegative(x)) KnownFixes.Note(KnownFixes.NegativeZero);
        return rounded;
    }

    /// <summary>100 × Ratio(a, b) as the docs define it, so PercentOf(x, x) is exactly 100.</summary>
    private static double PercentOf(double a, double b)
    {
        var result = 100 * OracleArithmetic.Ratio(a, b);
        var engineToday = b == 0 ? 0 : 100 * a / b;
        if (!result.Equals(engineToday)) KnownFixes.Note(KnownFixes.PercentOfNotHundredTimesRatio);
        return result;
    }

    private OracleValue Call(CallExpr call)
    {
        var args = call.Arguments;
        if (call.Function is "Points" or "MaxPoints")
        {
            if (criterionLookup is null) throw new InvalidOperationException($"{call.Function} outside an eligibility condition");
            return criterionLookup(call.Function, ((StringExpr)args[0]).Value);
        }
        if (call.Function is "IfMissing")
        {
            var value = Evaluate(args[0]);
            var fallback = Evaluate(args[1]);
            return value.Kind == OracleKind.Text
                ? (value.Text is null ? fallback : value)
                : (double.IsNaN(value.AsNumber) ? fallback : value);
        }
        if (call.Function is "IsMissing")
        {
            var value = Evaluate(args[0]);
            return OracleValue.Of(value.Kind == OracleKind.Text ? value.Text is null : double.IsNaN(value.AsNumber));
        }
        var n = args.Select(Number).ToArray();
        return call.Function switch
        {
            "Ratio" when n.Length == 2 => OracleValue.Of(OracleArithmetic.Ratio(n[0], n[1])),
            "Ratio" when n.Length == 3 => OracleValue.Of(OracleArithmetic.Ratio(n[0], n[1], n[2])),
            "PercentOf" => OracleValue.Of(PercentOf(n[0], n[1])),
            "Min" => OracleValue.Of(OracleArithmetic.Min(n)),
            "Max" => OracleValue.Of(OracleArithmetic.Max(n)),
            "Clamp" => OracleValue.Of(OracleArithmetic.Clamp(n[0], n[1], n[2])),
            "Round" => OracleValue.Of(RoundInFormula(n[0], n.Length > 1 ? (int)n[1] : 0)),
            "Abs" => OracleValue.Of(Math.Abs(n[0])),
            "Floor" => OracleValue.Of(OracleArithmetic.PlusZero(Math.Floor(n[0]))),
            "Ceiling" => OracleValue.Of(OracleArithmetic.PlusZero(Math.Ceiling(n[0]))),
            "Between" => OracleValue.Of(n[1] <= n[0] && n[0] <= n[2]),
            _ => throw new InvalidOperationException($"function {call.Function} is not in the oracle's subset"),
        };
    }
}
