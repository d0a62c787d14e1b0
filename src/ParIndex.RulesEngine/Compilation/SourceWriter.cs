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

    /// <summary>A double literal that round-trips.</summary>
    public static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
