namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// Indented JSON in exactly the layout results files have always had (two spaces, <c>"name": value</c>,
/// <c>[]</c> and <c>{}</c> when empty, no line break at the end), written into a <see cref="ResultText"/>.
/// Strings escape what JSON requires plus U+0085, U+2028 and U+2029 (lower-case <c>\u</c> hex);
/// other text, Vietnamese included, is written as it is. Doubles are the shortest round-trip
/// text with ".0" when it would read as an integer; NaN and infinities are strings.
/// </summary>
internal sealed class IndentedJson(ResultText output)
{
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public void StartObject() => Start('{');

    public void EndObject() => End('}');

    public void StartArray() => Start('[');

    public void EndArray() => End(']');

    public void Name(string name)
    {
        Separate();
        Quoted(name);
        output.Write(':');
        _afterName = true;
    }

    public void String(string? value)
    {
        BeforeValue();
        if (value is null) output.Write("null");
        else Quoted(value);
    }

    public void Number(double value)
    {
        BeforeValue();
        if (double.IsFinite(value)) output.WriteNumber(value, "R", unsigned: false, jsonDecimal: true);
        else Quoted(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    public void Integer(int? value)
    {
        BeforeValue();
        if (value is { } number) output.WriteInteger(number);
        else output.Write("null");
    }

    public void Bool(bool value)
    {
        BeforeValue();
        output.Write(value ? "true" : "false");
    }

    public void Property(string name, string? value)
    {
        Name(name);
        String(value);
    }

    public void NumberProperty(string name, double value)
    {
        Name(name);
        Number(value);
    }

    public void IntegerProperty(string name, int? value)
    {
        Name(name);
        Integer(value);
    }

    public void BoolProperty(string name, bool value)
    {
        Name(name);
        Bool(value);
    }

    private void Start(char bracket)
    {
        BeforeValue();
        output.Write(bracket);
        _hasItems.Push(false);
    }

    private void End(char bracket)
    {
        if (_hasItems.Pop()) Indent();
        output.Write(bracket);
    }

    /// <summary>A value right after its name gets one space; an item of an array its own line.</summary>
    private void BeforeValue()
    {
        if (_afterName)
        {
            output.Write(' ');
            _afterName = false;
        }
        else if (_hasItems.Count > 0) Separate();
    }

    private void Separate()
    {
        if (_hasItems.Pop()) output.Write(',');
        _hasItems.Push(true);
        Indent();
    }

    private void Indent()
    {
        output.NewLine();
        for (var level = 0; level < _hasItems.Count; level++) output.Write("  ");
    }

    private void Quoted(ReadOnlySpan<char> text)
    {
        output.Write('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = Escape(text[i]);
            if (escape is null) continue;
            output.Write(text[start..i]);
            if (escape.Length > 0) output.Write(escape);
            else Unicode(text[i]);
            start = i + 1;
        }
        output.Write(text[start..]);
        output.Write('"');
    }

    /// <summary>Null when the character is written as it is; "" for a <c>\uxxxx</c> escape; else its short escape.</summary>
    private static string? Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        < ' ' or '\u0085' or '\u2028' or '\u2029' => "",
        _ => null,
    };

    private void Unicode(char c)
    {
        const string hex = "0123456789abcdef";
        output.Write("\\u");
        for (var shift = 12; shift >= 0; shift -= 4) output.Write(hex[(c >> shift) & 0xF]);
    }
}
