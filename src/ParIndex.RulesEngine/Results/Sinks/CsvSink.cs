using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// The results CSV (see <see cref="CsvResultWriter"/>): invariant numbers without trailing zeros,
/// RFC 4180 quoting, text cells escaped against formula injection when asked.
/// </summary>
internal sealed class CsvSink(ResultText output, CsvResultOptions options) : ResultSink
{
    private static readonly string[] FixedColumns =
        ["agencyId", "agencyName", "group", "total", "maxPoints", "percent", "classification", "rank", "overallRank", "previousRank", "rankChange"];

    private ResultLayout _layout = null!;

    public override void Begin(ResultLayout layout)
    {
        _layout = layout;
        if (options.ByteOrderMark) output.Write("\uFEFF".AsSpan());
        var first = true;
        foreach (var column in FixedColumns) Header(column, ref first);
        if (layout.Detail)
            foreach (var criterion in layout.Criteria) Header(criterion.Code, ref first);
        foreach (var rule in layout.Definition.Eligibility) Header("eligible:" + rule.Id, ref first);
        output.NewLine();
    }

    public override void Write(ScoredRows rows, int start, int end)
    {
        var frame = rows.Frame;
        var batch = rows.Batch;
        var eligibility = _layout.Rules.Eligibility;
        for (var row = start; row < end; row++)
        {
            if (!rows.Scored[row]) continue;
            Text(batch.AgencyIds[row]);
            output.Write(options.Separator);
            Text(batch.AgencyNames[row]);
            output.Write(options.Separator);
            Text(frame.GroupNames[row]);
            output.Write(options.Separator);
            Number(frame.Total[row]);
            output.Write(options.Separator);
            Number(frame.Max[row]);
            output.Write(options.Separator);
            Number(frame.Percent[row]);
            output.Write(options.Separator);
            Text(frame.Classification[row]);
            output.Write(options.Separator);
            Rank(frame.Rank[row]);
            output.Write(options.Separator);
            Rank(frame.OverallRank[row]);
            output.Write(options.Separator);
            Rank(frame.PreviousRank[row]);
            output.Write(options.Separator);
            Rank(frame.RankChange[row]);
            // The frame's node columns are in the order of the criterion columns: a node's index is its place in the pre-order.
            if (_layout.Detail) output.WritePointCells(frame.Points, frame.MaxPoints, row, options.Separator, options.DecimalComma);
            // An index loop: foreach over the IReadOnlyList would allocate an enumerator per row.
            for (var e = 0; e < eligibility.Count; e++)
            {
                output.Write(options.Separator);
                output.Write(EligibilityRows.Holds(frame, eligibility[e], row) ? "true" : "false");
            }
            output.NewLine();
        }
    }

    public override void Complete(RowErrorLog rowErrors) => output.Flush();

    private void Header(string name, ref bool first)
    {
        if (!first) output.Write(options.Separator);
        first = false;
        Text(name);
    }

    /// <summary>A number cell: never quoted (invariant numbers hold no comma), empty for NaN.</summary>
    private void Number(double value)
    {
        if (!double.IsNaN(value)) output.WriteCompact(value, options.DecimalComma);
    }

    /// <summary>Ranks and rank changes are whole numbers stored as doubles; NaN (unknown) is an empty cell.</summary>
    private void Rank(double value)
    {
        if (!double.IsNaN(value)) output.WriteInteger((int)value);
    }

    /// <summary>A text cell: the formula guard's quote first, then RFC 4180 quoting when it holds , " CR or LF.</summary>
    private void Text(string? cell)
    {
        var text = (cell ?? "").AsSpan();
        var guard = options.EscapeFormulas && CsvFormulaGuard.NeedsQuote(text);
        if (text.IndexOfAny("\"\n\r") < 0 && text.IndexOf(options.Separator) < 0)
        {
            if (guard) output.Write('\'');
            output.Write(text);
            return;
        }
        output.Write('"');
        if (guard) output.Write('\'');
        while (text.IndexOf('"') is var quote and >= 0)
        {
            output.Write(text[..(quote + 1)]);
            output.Write('"');
            text = text[(quote + 1)..];
        }
        output.Write(text);
        output.Write('"');
    }
}
