namespace ParIndex.RulesEngine.Results.Writers;

/// <summary>
/// The OWASP rule against CSV injection, reversible: a text cell that (after any leading single
/// quotes) starts with = + - @, tab or carriage return is written with one more single quote in
/// front; reading removes exactly that quote. Text that does not match is never changed either way.
/// </summary>
internal static class CsvFormulaGuard
{
    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>True when <paramref name="cell"/> is one quote-prefix away from a formula start: it is written with a single quote in front.</summary>
    public static bool NeedsQuote(ReadOnlySpan<char> cell)
    {
        var i = 0;
        while (i < cell.Length && cell[i] == '\'') i++;
        return i < cell.Length && IsFormulaStart(cell[i]);
    }

    /// <summary>The text cell as it is written: prefixed with a single quote when it could run as a formula.</summary>
    public static string Escape(string cell) => NeedsQuote(cell) ? "'" + cell : cell;

    /// <summary>The text cell as it was before <see cref="Escape"/>.</summary>
    public static string Unescape(string cell) => cell.Length > 1 && cell[0] == '\'' && NeedsQuote(cell.AsSpan(1)) ? cell[1..] : cell;
}
