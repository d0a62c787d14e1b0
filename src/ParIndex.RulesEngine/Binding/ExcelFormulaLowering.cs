using System.Text;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Binding;

/// <summary>
/// Lowers an Excel-style formula to the C# subset the analyzer, the code generator and the sandbox
/// already accept, before anything parses it: <c>IF(c, a, b)</c> → <c>((c) ? (a) : (b))</c>,
/// <c>AND</c>/<c>OR</c> → <c>&amp;&amp;</c>/<c>||</c>, <c>NOT</c> → <c>!</c>, <c>IFERROR(v, f)</c> →
/// <c>v</c> when it is a finite number else <c>f</c>, <c>=</c> → <c>==</c>, <c>&lt;&gt;</c> → <c>!=</c>,
/// <c>'text'</c> → <c>"text"</c>, <c>90%</c> → <c>0.90</c>, <c>TRUE</c> → <c>true</c>, names and
/// function names in any case → their declared spelling. Every character of the lowered text
/// remembers the offset of the written character it comes from, so each diagnostic on the lowered
/// formula points at the written one.
/// </summary>
internal sealed class ExcelFormulaLowering
{
    /// <summary>The largest finite double, written so the parser reads it back exactly.</summary>
    private const string LargestDouble = "1.7976931348623157E308";

    private readonly Formula _formula;
    private readonly Func<string, string?> _declaredName;
    private readonly Action<DiagnosticDescriptor, string, int, object?[]> _fail;
    private readonly string _owner;
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = new();
    private List<ExcelToken> _tokens = [];
    private int _next;
    private bool _failed;

    private ExcelFormulaLowering(Formula formula, Func<string, string?> declaredName, string owner, Action<DiagnosticDescriptor, string, int, object?[]> fail)
    {
        _formula = formula;
        _declaredName = declaredName;
        _owner = owner;
        _fail = fail;
    }

    /// <summary>
    /// The lowered formula, or null after reporting through <paramref name="fail"/> (descriptor,
    /// situation, offset in the written text, message arguments). <paramref name="declaredName"/> gives the declared spelling of a
    /// name written in any case, or null when none is declared.
    /// </summary>
    public static Formula? Lower(Formula formula, Func<string, string?> declaredName, string owner, Action<DiagnosticDescriptor, string, int, object?[]> fail) =>
        new ExcelFormulaLowering(formula, declaredName, owner, fail).Run();

    private Formula? Run()
    {
        var (tokens, unclosed) = ExcelFormulaTokenizer.Tokenize(_formula.Text);
        if (unclosed >= 0)
        {
            _fail(DiagnosticCatalog.FormulaSyntax, "Unclosed", unclosed, [_formula.Text[unclosed], _owner]);
            return null;
        }
        _tokens = tokens;
        SkipLeadingEquals();
        while (_next < _tokens.Count) EmitItem();
        if (_failed) return null;
        _offsets.Add(_formula.Text.Length);
        return _formula with { Text = _text.ToString(), SourceOffsets = _offsets.ToArray() };
    }

    /// <summary>A spreadsheet cell's formula starts with '='; the rule file's may too, and it means nothing.</summary>
    private void SkipLeadingEquals()
    {
        var first = _tokens.FindIndex(t => t.Kind != ExcelTokenKind.Space);
        if (first >= 0 && _tokens[first] is { Kind: ExcelTokenKind.Symbol, Value: "=" }) _tokens.RemoveAt(first);
    }

    /// <summary>Emits one token, or one call or bracket with all it contains.</summary>
    private void EmitItem()
    {
        var token = _tokens[_next];
        switch (token.Kind)
        {
            case ExcelTokenKind.Name when NextSolid(_next + 1) is var open && open < _tokens.Count && _tokens[open].Kind == ExcelTokenKind.Open:
                _next = open + 1;
                EmitCall(token, _tokens[open]);
                return;
            case ExcelTokenKind.Name:
                EmitName(token);
                break;
            case ExcelTokenKind.Open:
                _next++;
                Emit("(", token.Start);
                while (_next < _tokens.Count && _tokens[_next].Kind != ExcelTokenKind.Close) EmitItem();
                if (_next < _tokens.Count) Copy(_tokens[_next++]);
                return;
            case ExcelTokenKind.Number:
                EmitNumber(token);
                break;
            case ExcelTokenKind.Text:
                EmitText(token);
                break;
            case ExcelTokenKind.Symbol when token.Value == "=":
                Emit("==", token.Start);
                break;
            case ExcelTokenKind.Symbol when token.Value == "<>":
                Emit("!=", token.Start);
                break;
            default:
                Copy(token);
                break;
        }
        _next++;
    }

    /// <summary>The index of the first token at or after <paramref name="index"/> that is not a space.</summary>
    private int NextSolid(int index)
    {
        while (index < _tokens.Count && _tokens[index].Kind == ExcelTokenKind.Space) index++;
        return index;
    }

    private void EmitCall(ExcelToken name, ExcelToken open)
    {
        var arguments = ReadArguments();
        var close = _next < _tokens.Count ? _tokens[_next++] : (ExcelToken?)null;
        var end = close?.Start ?? _formula.Text.Length;
        switch (name.Value.ToUpperInvariant())
        {
            case "IF" when Arity(name, arguments, 3, 3, "ExcelFormIf"):
                Emit("((", name.Start);
                EmitArgument(arguments[0]);
                Emit(") ? (", arguments[1].Comma);
                EmitArgument(arguments[1]);
                Emit(") : (", arguments[2].Comma);
                EmitArgument(arguments[2]);
                Emit("))", end);
                break;
            case "AND" or "OR" when Arity(name, arguments, 1, int.MaxValue, "ExcelFormAndOr"):
                var joiner = name.Value.Equals("AND", StringComparison.OrdinalIgnoreCase) ? ") && (" : ") || (";
                Emit("((", name.Start);
                for (var i = 0; i < arguments.Count; i++)
                {
                    if (i > 0) Emit(joiner, arguments[i].Comma);
                    EmitArgument(arguments[i]);
                }
                Emit("))", end);
                break;
            case "NOT" when Arity(name, arguments, 1, 1, "ExcelFormNot"):
                Emit("(!(", name.Start);
                EmitArgument(arguments[0]);
                Emit("))", end);
                break;
            case "IFERROR" when Arity(name, arguments, 2, 2, "ExcelFormIfError"):
                // NaN (0/0, a missing value) and ±∞ (x/0) are errors; a finite value passes. The
                // value is written twice: the C# subset has no local, and formulas have no side effects.
                Emit("(Between((", name.Start);
                EmitArgument(arguments[0]);
                Emit($"), -{LargestDouble}, {LargestDouble}) ? (", arguments[1].Comma);
                EmitArgument(arguments[0]);
                Emit(") : (", arguments[1].Comma);
                EmitArgument(arguments[1]);
                Emit("))", end);
                break;
            case "IF" or "AND" or "OR" or "NOT" or "IFERROR":
                break; // Arity reported the problem.
            default:
                EmitPlainCall(name, open, arguments, close);
                break;
        }
    }

    /// <summary>A catalogued function in any case gets its declared spelling; any other name is left for the analyzer to judge.</summary>
    private void EmitPlainCall(ExcelToken name, ExcelToken open, List<Argument> arguments, ExcelToken? close)
    {
        var spelling = FormulaFunctionCatalog.AllNames.FirstOrDefault(f => f.Equals(name.Value, StringComparison.OrdinalIgnoreCase)) ?? name.Value;
        EmitSameLength(spelling, name.Start);
        Copy(open);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0) Emit(",", arguments[i].Comma);
            EmitArgument(arguments[i]);
        }
        if (close is { } c) Copy(c);
    }

    /// <summary>One argument of a call: its tokens and the offset of the comma before it (the call's '(' for the first).</summary>
    private sealed record Argument(int Comma, int From, int To);

    /// <summary>
    /// Finds the arguments up to the call's ')' (left as the next token) by counting brackets,
    /// without emitting anything: each is emitted later, in the place its lowering puts it.
    /// </summary>
    private List<Argument> ReadArguments()
    {
        var arguments = new List<Argument>();
        var comma = _tokens[_next - 1].Start;
        var from = _next;
        var depth = 0;
        for (; _next < _tokens.Count; _next++)
        {
            var kind = _tokens[_next].Kind;
            if (kind == ExcelTokenKind.Open) depth++;
            else if (kind == ExcelTokenKind.Close && depth-- == 0) break;
            else if (kind == ExcelTokenKind.Comma && depth == 0)
            {
                arguments.Add(new Argument(comma, from, _next));
                (comma, from) = (_tokens[_next].Start, _next + 1);
            }
        }
        arguments.Add(new Argument(comma, from, _next));
        if (arguments is [var only] && IsBlank(only)) arguments.Clear(); // NAME() has no arguments
        return arguments;
    }

    private bool IsBlank(Argument argument) => _tokens.Skip(argument.From).Take(argument.To - argument.From).All(t => t.Kind == ExcelTokenKind.Space);

    private void EmitArgument(Argument argument)
    {
        var saved = _next;
        _next = argument.From;
        while (_next < argument.To) EmitItem();
        _next = saved;
    }

    /// <summary>Checks the number of arguments of an Excel function; reports the written form when it is wrong.</summary>
    /// <param name="name">The function's name as called.</param>
    /// <param name="arguments">The arguments as written.</param>
    /// <param name="least">The fewest arguments the function takes.</param>
    /// <param name="most">The most arguments the function takes.</param>
    /// <param name="formKey">The resource of the function's written form, e.g. IF(condition, value if true, value if false); {0} in it is the name as called.</param>
    private bool Arity(ExcelToken name, List<Argument> arguments, int least, int most, string formKey)
    {
        var empty = arguments.FindIndex(IsBlank);
        if (arguments.Count >= least && arguments.Count <= most && empty < 0) return true;
        var form = EngineText.Format(formKey, name.Value.ToUpperInvariant());
        var hints = ExcelHabits.ForText(_formula.Text, excelStyle: true);
        if (empty >= 0 && arguments.Count >= least)
            Fail(DiagnosticCatalog.FormulaType, "ExcelEmptyArgument", name.Start, _owner, empty + 1, name.Value, form, hints);
        else
            Fail(DiagnosticCatalog.FormulaType, "ExcelArity", name.Start, _owner, name.Value, Count(least, most), arguments.Count, form, hints);
        return false;

        static string Count(int least, int most) =>
            most == int.MaxValue ? EngineText.Format("ArgsAtLeast", least)
            : least == most ? EngineText.Format(least == 1 ? "ArgsOne" : "ArgsExactly", least)
            : EngineText.Format("ArgsRange", least, most);
    }

    private void EmitName(ExcelToken token)
    {
        var upper = token.Value.ToUpperInvariant();
        if (upper is "TRUE" or "FALSE")
        {
            Emit(upper == "TRUE" ? "true" : "false", token.Start);
            return;
        }
        EmitSameLength(_declaredName(token.Value) ?? token.Value, token.Start);
    }

    /// <summary>90% → 0.90 by moving the decimal point in the text, so the value is exactly the one written.</summary>
    private void EmitNumber(ExcelToken token)
    {
        if (!token.Value.EndsWith('%'))
        {
            Copy(token);
            return;
        }
        var digits = token.Value[..^1];
        if (digits.Contains('e', StringComparison.OrdinalIgnoreCase) || digits.Count(c => c == '.') > 1)
        {
            Emit($"({digits} / 100)", token.Start);
            return;
        }
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? "" : digits[(point + 1)..];
        whole = whole.PadLeft(3, '0');
        Emit($"{whole[..^2].TrimStart('0').PadLeft(1, '0')}.{whole[^2..]}{fraction}", token.Start);
    }

    /// <summary>'text' or "text" becomes a C# string; each character keeps its own column, an escape takes its character's.</summary>
    private void EmitText(ExcelToken token)
    {
        Emit("\"", token.Start);
        for (var i = 0; i < token.Value.Length; i++)
        {
            var c = token.Value[i];
            var at = token.ValueOffsets![i];
            if (c is '"' or '\\') Emit("\\", at);
            Emit(c.ToString(), at);
        }
        Emit("\"", token.End - 1);
    }

    private void EmitSameLength(string spelling, int start)
    {
        for (var i = 0; i < spelling.Length; i++) Emit(spelling[i].ToString(), start + i);
    }

    private void Copy(ExcelToken token) => EmitSameLength(_formula.Text.Substring(token.Start, token.Length), token.Start);

    private void Emit(string text, int offset)
    {
        foreach (var c in text)
        {
            _text.Append(c);
            _offsets.Add(offset);
        }
    }

    private void Fail(DiagnosticDescriptor descriptor, string situation, int offset, params object?[] arguments)
    {
        _failed = true;
        _fail(descriptor, situation, offset, arguments);
    }
}
