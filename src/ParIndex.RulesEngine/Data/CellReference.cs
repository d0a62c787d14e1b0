namespace ParIndex.RulesEngine.Data;

/// <summary>Spreadsheet cell addresses ("F12"): 0-based column index to letters and back.</summary>
internal static class CellReference
{
    /// <summary>The letters of a 0-based column: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int column)
    {
        Span<char> letters = stackalloc char[4];
        var at = letters.Length;
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters[--at] = (char)('A' + (n - 1) % 26);
        return new string(letters[at..]);
    }

    /// <summary>An address such as "F12" from a 0-based column and a 1-based row.</summary>
    public static string Address(int column, int row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 0-based column and 1-based row of "F12" (absolute "$F$12" too); false when it is not an address.</summary>
    public static bool TryParse(ReadOnlySpan<char> address, out int column, out int row)
    {
        column = -1;
        row = 0;
        var i = 0;
        if (i < address.Length && address[i] == '$') i++;
        var letters = 0;
        for (; i < address.Length && char.IsAsciiLetter(address[i]); i++, letters++)
            column = (column + 1) * 26 + (char.ToUpperInvariant(address[i]) - 'A');
        if (letters is 0 or > 3) return false;
        if (i < address.Length && address[i] == '$') i++;
        return int.TryParse(address[i..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out row) && row > 0;
    }
}
