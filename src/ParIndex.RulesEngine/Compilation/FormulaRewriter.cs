using System.Text;
using ParIndex.RulesEngine.Binding;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>A formula as it appears in the generated code, with a map back to the original text.</summary>
/// <param name="Text">The rewritten C# text.</param>
/// <param name="OriginalOffsets">For each character of <paramref name="Text"/>, its offset in the original formula.</param>
internal sealed record RewrittenFormula(string Text, int[] OriginalOffsets);

/// <summary>
/// Rewrites the few constructs the formula language adds to C#: integer literals become doubles
/// (so 1/2 is 0.5), group aggregates become array reads, and criterion look-ups and history functions in
/// eligibility rules become reads of the points and history arrays. Keeps a character map so compiler errors still point
/// at the right column of what the author wrote.
/// </summary>
internal static class FormulaRewriter
{
    public static RewrittenFormula Rewrite(AnalyzedFormula formula, Func<AggregateUse, string> aggregate, Func<CriterionLookup, string> lookup,
        Func<HistoryUse, string>? history = null)
    {
        var edits = new List<(int Start, int Length, string Replacement)>();
        edits.AddRange(formula.IntegerLiteralEnds.Select(end => (end, 0, "d")));
        edits.AddRange(formula.Aggregates.Select(a => (a.Start, a.Length, aggregate(a))));
        edits.AddRange(formula.Lookups.Select(l => (l.Start, l.Length, lookup(l))));
        if (history is not null) edits.AddRange(formula.HistoryUses.Select(h => (h.Start, h.Length, history(h))));
        edits.Sort((a, b) => a.Start.CompareTo(b.Start));

        var text = formula.Text;
        var output = new StringBuilder(text.Length + 16);
        var map = new List<int>(text.Length + 16);
        var position = 0;
        foreach (var (start, length, replacement) in edits)
        {
            if (start < position) continue; // an integer literal inside a rewritten call: already replaced
            Copy(text, position, start, output, map);
            foreach (var c in replacement)
            {
                output.Append(c);
                map.Add(start);
            }
            position = start + length;
        }
        Copy(text, position, text.Length, output, map);
        return new RewrittenFormula(output.ToString(), map.ToArray());
    }

    private static void Copy(string text, int from, int to, StringBuilder output, List<int> map)
    {
        for (var i = from; i < to; i++)
        {
            output.Append(text[i]);
            map.Add(i);
        }
    }
}
