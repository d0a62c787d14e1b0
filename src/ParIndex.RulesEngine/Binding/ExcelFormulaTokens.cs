namespace ParIndex.RulesEngine.Binding;

/// <summary>What an Excel-style token is; the lowering treats each kind differently.</summary>
internal enum ExcelTokenKind
{
    Space,
    Number,
    /// <summary>'text' or "text"; <see cref="ExcelToken.Value"/> holds the text with doubled quotes undone.</summary>
    Text,
    Name,
    Open,
    Close,
    Comma,
    /// <summary>Any other operator or character, copied as it is unless it is = or &lt;&gt;.</summary>
    Symbol,
}

/// <summary>One token of an Excel-style formula: where it stands in the written text and how long it is.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Start">Offset of its first character in the formula text.</param>
/// <param name="Length">Its length in the formula text.</param>
/// <param name="Value">For text, the text between the quotes; for others, the token's text.</param>
/// <param name="ValueOffsets">For text, the offset in the formula of each character of <paramref name="Value"/>.</param>
internal readonly record struct ExcelToken(ExcelTokenKind Kind, int Start, int Length, string Value, int[]? ValueOffsets = null)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits an Excel-style formula into tokens. Only what the lowering needs is told apart: the
/// rest (operators, stray characters) passes on as symbols and the C# parser judges it.
/// </summary>
internal static class ExcelFormulaTokenizer
{
    /// <summary>The tokens, or the offset of a quote that is never closed.</summary>
    public static (List<ExcelToken> Tokens, int UnclosedQuote) Tokenize(string text)
    {
        var tokens = new List<ExcelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                tokens.Add(new ExcelToken(ExcelTokenKind.Space, start, i - start, text[start..i]));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = NumberEnd(text, i);
                tokens.Add(new ExcelToken(ExcelTokenKind.Number, start, i - start, text[start..i]));
            }
            else if (c is '"' or '\'')
            {
                if (ReadText(text, i) is not { } token) return (tokens, i);
                tokens.Add(token);
                i = token.End;
            }
            else if (char.IsLetter(c) || c == '_' || c == '@' || c == '\\')
            {
                // '@' and '\' are taken into the name so the analyzer's spelling check names them.
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '\\')) i++;
                tokens.Add(new ExcelToken(ExcelTokenKind.Name, start, i - start, text[start..i]));
            }
            else
            {
                var kind = c switch { '(' => ExcelTokenKind.Open, ')' => ExcelTokenKind.Close, ',' => ExcelTokenKind.Comma, _ => ExcelTokenKind.Symbol };
                var length = kind == ExcelTokenKind.Symbol && i + 1 < text.Length && IsTwoCharacterOperator(c, text[i + 1]) ? 2 : 1;
                i += length;
                tokens.Add(new ExcelToken(kind, start, length, text.Substring(start, length)));
            }
        }
        return (tokens, -1);
    }

    private static bool IsTwoCharacterOperator(char first, char second) =>
        (first, second) is ('<', '>') or ('<', '=') or ('>', '=') or ('=', '=') or ('!', '=') or ('&', '&') or ('|', '|');

    /// <summary>Digits, a decimal point, digits, an exponent and a '%' sign: 90%, 0.9, 1.5e3, 12.5%.</summary>
    private static int NumberEnd(string text, int i)
    {
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-') j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }
        if (i < text.Length && text[i] == '%') i++;
        return i;
    }

    /// <summary>A text in the quote that opens it; the quote doubled inside stands for itself, as in Excel.</summary>
    private static ExcelToken? ReadText(string text, int start)
    {
        var quote = text[start];
        var value = new System.Text.StringBuilder();
        var offsets = new List<int>();
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    offsets.Add(i);
                    i += 2;
                    continue;
                }
                return new ExcelToken(ExcelTokenKind.Text, start, i + 1 - start, value.ToString(), offsets.ToArray());
            }
            value.Append(text[i]);
            offsets.Add(i);
            i++;
        }
        return null;
    }
}
