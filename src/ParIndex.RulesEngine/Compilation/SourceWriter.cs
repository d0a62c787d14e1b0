using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Binding;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>Writes indented C# and records the spans where formulas are emitted.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<FormulaSpan> _spans = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>Writes <c>prefix(formula)suffix</c> on one line, remembering where the formula stands.</summary>
    public void FormulaLine(string prefix, AnalyzedFormula formula, RewrittenFormula rewritten, string suffix)
    {
        _text.Append(' ', _indent * 4).Append(prefix).Append('(');
        _spans.Add(new FormulaSpan(_text.Length, formula, rewritten));
        _text.Append(rewritten.Text).Append(')').Append(suffix).Append('\n');
    }

    public GeneratedSource Build() => new(_text.ToString(), _spans);

    /// <summary>
    /// A double literal that round-trips. NaN and ±∞ have no C# literal ("Infinityd" does not
    /// compile): the binder rejects every rule set that would need one, so one here is a bug.
    /// </summary>
    public static string Literal(double value) =>
        double.IsFinite(value)
            ? value.ToString("R", CultureInfo.InvariantCulture) + "d"
            : throw new InvalidOperationException($"Internal error: the non-finite number {value.ToString(CultureInfo.InvariantCulture)} cannot be written as a C# literal.");

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
