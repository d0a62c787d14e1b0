using System.Text;

namespace ParIndex.RulesEngine.Data;

/// <summary>One physical line of CSV text: its 1-based number, its text and the line break that ended it ("" for a last line without one).</summary>
internal sealed record PhysicalLine(int Number, string Text, string Terminator)
{
    public bool Terminated => Terminator.Length > 0;
}

/// <summary>Where <see cref="CsvRecordSplitter"/> takes physical lines from.</summary>
internal interface IPhysicalLines
{
    /// <summary>The next line, or null at the end of the text.</summary>
    PhysicalLine? Next();
}

/// <summary>Physical lines read character by character from a <see cref="TextReader"/> ("\r\n", "\n" and "\r" end a line).</summary>
internal sealed class TextReaderLines(TextReader reader) : IPhysicalLines
{
    private int _nextLineNumber = 1;
    private bool _endOfFile;

    public PhysicalLine? Next()
    {
        if (_endOfFile) return null;
        var text = new StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                _endOfFile = true;
                return text.Length == 0 ? null : new PhysicalLine(_nextLineNumber++, text.ToString(), "");
            }
            if (c == '\n') return new PhysicalLine(_nextLineNumber++, text.ToString(), "\n");
            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                    return new PhysicalLine(_nextLineNumber++, text.ToString(), "\r\n");
                }
                return new PhysicalLine(_nextLineNumber++, text.ToString(), "\r");
            }
            text.Append((char)c);
        }
    }
}
