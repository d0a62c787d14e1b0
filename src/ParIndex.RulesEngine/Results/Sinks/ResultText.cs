using System.Globalization;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// Where a sink writes: text and numbers go into a buffer, formatted in place (no string per
/// cell) and handed on in blocks. <see cref="Utf8ResultText"/> writes UTF-8 bytes to a stream,
/// <see cref="Utf16ResultText"/> characters to a <see cref="TextWriter"/>; both give the same
/// text, so a file written either way has the same bytes.
/// </summary>
internal abstract class ResultText
{
    /// <summary>Room kept free for one formatted number; longer ones take the slow path.</summary>
    protected const int NumberRoom = 64;

    protected ResultText(string newLine) => NewLineText = newLine;

    /// <summary>The line break of the target (the writer's own, or the platform's for a stream).</summary>
    public string NewLineText { get; }

    public abstract void Write(ReadOnlySpan<char> text);

    public abstract void Write(char c);

    /// <summary>
    /// A number in the invariant culture with a .NET format string. <paramref name="unsigned"/>:
    /// a finite value whose text has no digit but 0 loses its minus sign (never "-0", as <see cref="NumberText"/>).
    /// <paramref name="jsonDecimal"/>: a finite value whose text has no '.' or exponent gets ".0" (as a JSON double is written).
    /// </summary>
    public abstract void WriteNumber(double value, string format, bool unsigned, bool jsonDecimal = false);

    /// <summary>
    /// A number as <see cref="NumberText.Compact"/> writes it in the invariant culture (up to six
    /// decimals, no trailing zeros, never "-0"), with ',' for the decimal point when asked.
    /// </summary>
    public abstract void WriteCompact(double value, bool decimalComma);

    public abstract void WriteInteger(long value);

    /// <summary>
    /// The criterion cells of one results-CSV row (see <see cref="PointCells{T}"/>), formatted
    /// straight into the buffer.
    /// </summary>
    public abstract void WritePointCells(double[][] points, double[][] maxPoints, int row, char separator, bool decimalComma);

    public void NewLine() => Write(NewLineText);

    /// <summary>Hands everything buffered on to the target; flushing the target itself stays with its owner.</summary>
    public abstract void Flush();

    /// <summary>The rare value <see cref="CompactDecimal"/> leaves to .NET's formatter (off the grid, or huge).</summary>
    protected static string SlowCompact(double value, bool decimalComma)
    {
        var text = NumberText.Compact(value, CultureInfo.InvariantCulture);
        return decimalComma ? text.Replace('.', ',') : text;
    }

    /// <summary>True when the formatted digits (after a leading minus) are all zeros: "-0", "-0.00".</summary>
    protected static bool IsNegativeZeroText<T>(ReadOnlySpan<T> text, T minus, T one, T nine) where T : IEquatable<T>, IComparable<T> =>
        text.Length > 1 && text[0].Equals(minus) && text[1..].IndexOfAnyInRange(one, nine) < 0;

    /// <summary>True when a JSON number text needs ".0" to read as a double (no '.', 'E' or 'e').</summary>
    protected static bool LacksDecimalPoint<T>(ReadOnlySpan<T> text, T dot, T upperE, T lowerE) where T : IEquatable<T> =>
        text.IndexOfAny(dot, upperE, lowerE) < 0;
}
