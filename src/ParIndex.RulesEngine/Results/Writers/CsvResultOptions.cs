namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>Settings for <see cref="CsvResultWriter"/> (and for the CSV of a streaming run).</summary>
public sealed record CsvResultOptions
{
    /// <summary>The defaults: formula-leading text cells are escaped.</summary>
    public static CsvResultOptions Default { get; } = new();

    /// <summary>
    /// True (the default) to keep spreadsheets from running text cells as formulas: a text cell
    /// (agency id, name, group, classification, a header) that starts with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return gets a single quote in front, the OWASP rule
    /// against CSV injection (a cell that starts with quotes followed by one of those also gets one
    /// more, so that <see cref="PreviousRanksReader"/> reads every id back exactly). Numbers are
    /// never escaped: a negative total or rank change stays a number. False writes every cell as it is.
    /// </summary>
    public bool EscapeFormulas { get; init; } = true;
}
