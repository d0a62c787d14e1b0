using System.Globalization;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>A parsed formula of the reference interpreter (the C# subset the docs describe).</summary>
internal abstract record OracleExpression
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the column on a syntax error.</summary>
    public static OracleExpression Parse(string text) => new OracleParser(text).ParseAll();

    /// <summary>Every name the formula reads (not function names, not Points codes).</summary>
    public IEnumerable<string> Names() => this switch
    {
        NameExpr n => [n.Name],
        UnaryExpr u => u.Operand.Names(),
        BinaryExpr b => b.Left.Names().Concat(b.Right.Names()),
        ConditionalExpr c => c.Condition.Names().Concat(c.WhenTrue.Names()).Concat(c.WhenFalse.Names()),
        CallExpr call => call.Arguments.SelectMany(a => a.Names()),
        _ => [],
    };
}

internal sealed record NumberExpr(double Value) : OracleExpression;
internal sealed record StringExpr(string Value) : OracleExpression;
internal sealed record BoolExpr(bool Value) : OracleExpression;
internal sealed record NameExpr(string Name) : OracleExpression;
internal sealed record UnaryExpr(string Operator, OracleExpression Operand) : OracleExpression;
internal sealed record BinaryExpr(string Operator, OracleExpression Left, OracleExpression Right) : OracleExpression;
internal sealed record ConditionalExpr(OracleExpression Condition, OracleExpression WhenTrue, OracleExpression WhenFalse) : OracleExpression;
internal sealed record CallExpr(string Function, IReadOnlyList<OracleExpression> Arguments) : OracleExpression;

/// <summary>
/// Recursive descent with C# precedence: ?: (right), ||, &amp;&amp;, == !=, &lt; &lt;= &gt; &gt;=,
/// + -, * / %, unary ! - +, then literals, names, calls and parentheses.
/// </summary>
internal sealed class OracleParser(string text)
{
    private int _pos;

    public OracleExpression ParseAll()
    {
        var expression = ParseConditional();
        SkipSpace();
        if (_pos != text.Length) throw Error("unexpected text");
        return expression;
    }

    private OracleExpression ParseConditional()
    {
        var condition = ParseBinary(0);
        if (!Accept("?")) return condition;
        var whenTrue = ParseConditional();
        Expect(":");
        var whenFalse = ParseConditional();
        return new ConditionalExpr(condition, whenTrue, whenFalse);
    }

    private static readonly string[][] Levels =
    [
        ["||"], ["&&"], ["==", "!="], ["<=", ">=", "<", ">"], ["+", "-"], ["*", "/", "%"],
    ];

    private OracleExpression ParseBinary(int level)
    {
        if (level == Levels.Length) return ParseUnary();
        var left = ParseBinary(level + 1);
        while (true)
        {
            var op = Levels[level].FirstOrDefault(Peek);
            if (op is null) return left;
            _pos += op.Length;
            left = new BinaryExpr(op, left, ParseBinary(level + 1));
        }
    }

    private OracleExpression ParseUnary()
    {
        SkipSpace();
        if (Peek("!") && !Peek("!=")) { _pos++; return new UnaryExpr("!", ParseUnary()); }
        if (Peek("-")) { _pos++; return new UnaryExpr("-", ParseUnary()); }
        if (Peek("+")) { _pos++; return ParseUnary(); }
        return ParsePrimary();
    }

    private OracleExpression ParsePrimary()
    {
        SkipSpace();
        if (_pos >= text.Length) throw Error("expression expected");
        var c = text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseConditional();
            Expect(")");
            return inner;
        }
        if (c == '"')
        {
            var end = text.IndexOf('"', _pos + 1);
            if (end < 0) throw Error("unterminated string");
            var value = text[(_pos + 1)..end];
            _pos = end + 1;
            return new StringExpr(value);
        }
        if (char.IsDigit(c) || c == '.')
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.')) _pos++;
            if (_pos < text.Length && text[_pos] is 'e' or 'E')
            {
                _pos++;
                if (_pos < text.Length && text[_pos] is '+' or '-') _pos++;
                while (_pos < text.Length && char.IsDigit(text[_pos])) _pos++;
            }
            return new NumberExpr(double.Parse(text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        if (char.IsLetter(c))
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            var name = text[start.._pos];
            if (name == "true") return new BoolExpr(true);
            if (name == "false") return new BoolExpr(false);
            if (!Accept("(")) return new NameExpr(name);
            var arguments = new List<OracleExpression>();
            if (!Accept(")"))
            {
                do arguments.Add(ParseConditional()); while (Accept(","));
                Expect(")");
            }
            return new CallExpr(name, arguments);
        }
        throw Error($"unexpected '{c}'");
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(text, _pos, token, 0, token.Length) == 0;
    }

    private bool Accept(string token)
    {
        if (!Peek(token)) return false;
        _pos += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token)) throw Error($"'{token}' expected");
    }

    private FormatException Error(string what) => new($"formula '{text}', column {_pos + 1}: {what}");
}
