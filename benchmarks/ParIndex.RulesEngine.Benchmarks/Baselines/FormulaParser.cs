using System.Globalization;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// The values of one agency as a spreadsheet-style tool keeps them: names to numbers (bools as
/// 1/0) and names to text. Also the globals object of the scripting baseline (public fields so
/// scripts can reach them).
/// </summary>
public sealed class RowValues
{
    /// <summary>Number and bool values by name.</summary>
    public Dictionary<string, double> N = new(StringComparer.Ordinal);
    /// <summary>Text values by name.</summary>
    public Dictionary<string, string?> T = new(StringComparer.Ordinal);
}

/// <summary>A formula evaluated against one agency's values (bools as 1/0).</summary>
public interface IRowFormula
{
    /// <summary>Evaluates the formula.</summary>
    double Eval(RowValues row);
}

/// <summary>An expression tree node of the tiny interpreter.</summary>
public abstract class Expr : IRowFormula
{
    /// <inheritdoc/>
    public abstract double Eval(RowValues row);
}

internal sealed class NumberExpr(double value) : Expr
{
    public override double Eval(RowValues row) => value;
}

internal sealed class NameExpr(string name) : Expr
{
    public string Name => name;
    public override double Eval(RowValues row) => row.N[name];
}

internal sealed class TextLiteralExpr(string value) : Expr
{
    public string Value => value;
    public override double Eval(RowValues row) => throw new InvalidOperationException("A text literal has no number value.");
}

internal sealed class TextCompareExpr(string name, string literal, bool equal) : Expr
{
    public override double Eval(RowValues row) => (row.T[name] == literal) == equal ? 1 : 0;
}

internal sealed class UnaryExpr(char op, Expr operand) : Expr
{
    public override double Eval(RowValues row)
    {
        var value = operand.Eval(row);
        return op == '!' ? (value != 0 ? 0 : 1) : -value;
    }
}

internal sealed class BinaryExpr(string op, Expr left, Expr right) : Expr
{
    public override double Eval(RowValues row)
    {
        switch (op)
        {
            case "&&": return left.Eval(row) != 0 && right.Eval(row) != 0 ? 1 : 0;
            case "||": return left.Eval(row) != 0 || right.Eval(row) != 0 ? 1 : 0;
        }
        var a = left.Eval(row);
        var b = right.Eval(row);
        return op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            "%" => a % b,
            "<" => a < b ? 1 : 0,
            "<=" => a <= b ? 1 : 0,
            ">" => a > b ? 1 : 0,
            ">=" => a >= b ? 1 : 0,
            "==" => a == b ? 1 : 0,
            "!=" => a != b ? 1 : 0,
            _ => throw new InvalidOperationException($"Unknown operator {op}."),
        };
    }
}

internal sealed class ConditionalExpr(Expr condition, Expr whenTrue, Expr whenFalse) : Expr
{
    public override double Eval(RowValues row) => condition.Eval(row) != 0 ? whenTrue.Eval(row) : whenFalse.Eval(row);
}

internal sealed class CallExpr(Func<double[], double> function, Expr[] arguments) : Expr
{
    public override double Eval(RowValues row)
    {
        var values = new double[arguments.Length];
        for (var i = 0; i < values.Length; i++) values[i] = arguments[i].Eval(row);
        return function(values);
    }
}

/// <summary>
/// A small recursive-descent parser for the formula shapes of the generated scheme (C#-like
/// operators, numbers, names, text literals compared with == and !=, and the functions Ratio,
/// PercentOf, Min, Max, Clamp). Also lists the names a formula reads.
/// </summary>
public sealed class FormulaParser
{
    /// <summary>The function library by name, as an interpreter would look it up.</summary>
    public static readonly IReadOnlyDictionary<string, Func<double[], double>> Functions = new Dictionary<string, Func<double[], double>>(StringComparer.Ordinal)
    {
        ["Ratio"] = a => a[1] == 0 ? (a.Length > 2 ? a[2] : 0) : a[0] / a[1],
        ["PercentOf"] = a => a[1] == 0 ? 0 : 100 * a[0] / a[1],
        ["Min"] = a => { var m = a[0]; for (var i = 1; i < a.Length; i++) m = m < a[i] ? m : a[i]; return m; },
        ["Max"] = a => { var m = a[0]; for (var i = 1; i < a.Length; i++) m = m > a[i] ? m : a[i]; return m; },
        ["Clamp"] = a => a[0] < a[1] ? a[1] : a[0] > a[2] ? a[2] : a[0],
    };

    private readonly List<string> _tokens;
    private int _position;

    private FormulaParser(string text)
    {
        _tokens = Tokenize(text);
    }

    /// <summary>Parses a formula.</summary>
    public static Expr Parse(string text)
    {
        var parser = new FormulaParser(text);
        var expr = parser.ParseConditional();
        if (parser._position != parser._tokens.Count) throw new FormatException($"Unexpected '{parser._tokens[parser._position]}' in {text}.");
        return expr;
    }

    /// <summary>The input and variable names a formula reads (identifiers that are not function names).</summary>
    public static IReadOnlyList<string> NamesIn(string text)
    {
        var tokens = Tokenize(text);
        var names = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!char.IsLetter(t[0]) || (i + 1 < tokens.Count && tokens[i + 1] == "(") || t is "true" or "false") continue;
            if (!names.Contains(t)) names.Add(t);
        }
        return names;
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsLetter(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            }
            else if (char.IsDigit(c) || c == '.')
            {
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.' || text[i] == 'e' || text[i] == 'E')) i++;
            }
            else if (c == '"')
            {
                i++;
                while (text[i] != '"') i++;
                i++;
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "&&" or "||" or "<=" or ">=" or "==" or "!=")
            {
                i += 2;
            }
            else
            {
                i++;
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private string? Peek => _position < _tokens.Count ? _tokens[_position] : null;

    private string Next() => _tokens[_position++];

    private void Expect(string token)
    {
        if (Next() != token) throw new FormatException($"Expected '{token}'.");
    }

    private Expr ParseConditional()
    {
        var condition = ParseBinary(0);
        if (Peek != "?") return condition;
        Next();
        var whenTrue = ParseConditional();
        Expect(":");
        var whenFalse = ParseConditional();
        return new ConditionalExpr(condition, whenTrue, whenFalse);
    }

    private static readonly string[][] Levels =
    [
        ["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"], ["*", "/", "%"],
    ];

    private Expr ParseBinary(int level)
    {
        if (level == Levels.Length) return ParseUnary();
        var left = ParseBinary(level + 1);
        while (Peek is { } op && Levels[level].Contains(op))
        {
            Next();
            var right = ParseBinary(level + 1);
            left = (op is "==" or "!=") && (left, right) is (NameExpr name, TextLiteralExpr text)
                ? new TextCompareExpr(name.Name, text.Value, op == "==")
                : new BinaryExpr(op, left, right);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (Peek is "!" or "-")
        {
            var op = Next()[0];
            return new UnaryExpr(op, ParseUnary());
        }
        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var token = Next();
        if (token == "(")
        {
            var inner = ParseConditional();
            Expect(")");
            return inner;
        }
        if (token[0] == '"') return new TextLiteralExpr(token[1..^1]);
        if (char.IsDigit(token[0]) || token[0] == '.') return new NumberExpr(double.Parse(token, CultureInfo.InvariantCulture));
        if (token == "true") return new NumberExpr(1);
        if (token == "false") return new NumberExpr(0);
        if (Peek != "(") return new NameExpr(token);
        Next();
        var arguments = new List<Expr>();
        if (Peek != ")")
        {
            arguments.Add(ParseConditional());
            while (Peek == ",")
            {
                Next();
                arguments.Add(ParseConditional());
            }
        }
        Expect(")");
        if (!Functions.TryGetValue(token, out var function)) throw new FormatException($"Unknown function {token}.");
        return new CallExpr(function, arguments.ToArray());
    }
}
