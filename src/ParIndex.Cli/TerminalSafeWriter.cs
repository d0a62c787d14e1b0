using System.Text;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>
/// A writer for text meant for people (messages, diagnostics, explanations, tables) that lets no
/// control character, escape sequence or bidi override from a data or rule file reach the
/// terminal: every such character is written as its visible escape (<see cref="DisplayText"/>).
/// Tab and the line breaks the tool writes (\n, and \r directly before \n) pass unchanged; a
/// lone \r, which would let text overwrite the line it is on, is escaped.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    private bool _pendingReturn;

    /// <summary>The writer underneath, for machine formats (CSV, JSON, HTML) that must be written exactly.</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine accepts null (resets to the default).
        set { base.NewLine = value; inner.NewLine = value; }
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            if (value == '\n') { inner.Write("\r\n"); return; }
            inner.Write("\\r");
        }
        if (value == '\r') { _pendingReturn = true; return; }
        if (DisplayText.IsUnsafe(value, keepLineBreaks: true))
        {
            var escaped = new StringBuilder(6);
            DisplayText.AppendEscape(escaped, value);
            inner.Write(escaped.ToString());
        }
        else inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        // Fast path: nothing to escape and no \r to pair across calls.
        if (!_pendingReturn && value.IndexOf('\r') < 0 && !value.Any(c => DisplayText.IsUnsafe(c, keepLineBreaks: true)))
        {
            inner.Write(value);
            return;
        }
        foreach (var c in value) Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++) Write(buffer[i]);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write(CoreNewLine);
    }

    public override void Flush()
    {
        if (_pendingReturn) { _pendingReturn = false; inner.Write("\\r"); }
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
