using ParIndex.RulesEngine.Binding;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>Where a formula stands in the generated source.</summary>
/// <param name="Start">Offset of the formula's first character in the generated source.</param>
/// <param name="Formula">The analyzed formula.</param>
/// <param name="Rewritten">The text emitted and its map to the original.</param>
internal sealed record FormulaSpan(int Start, AnalyzedFormula Formula, RewrittenFormula Rewritten)
{
    public int End => Start + Rewritten.Text.Length;

    /// <summary>The offset in the original formula of a position in the generated source.</summary>
    public int OriginalOffset(int generatedPosition)
    {
        var index = Math.Clamp(generatedPosition - Start, 0, Math.Max(0, Rewritten.OriginalOffsets.Length - 1));
        return Rewritten.OriginalOffsets.Length == 0 ? 0 : Rewritten.OriginalOffsets[index];
    }
}

/// <summary>The C# source of one rule set's kernel and where each formula sits in it.</summary>
/// <param name="Text">The source text.</param>
/// <param name="Spans">Formula spans, in source order.</param>
internal sealed record GeneratedSource(string Text, IReadOnlyList<FormulaSpan> Spans)
{
    /// <summary>The formula span containing a source position, if any.</summary>
    /// <remarks>Each formula is emitted as <c>(formula)</c>; the compiler reports some errors (a wrong
    /// type of the whole formula) at the opening parenthesis, so that counts as the formula too.</remarks>
    public FormulaSpan? SpanAt(int position) => Spans.FirstOrDefault(s => position >= s.Start - 1 && position <= s.End);
}
