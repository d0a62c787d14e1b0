using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads a data file as UTF-8 (or as UTF-16/UTF-32 when it starts with that byte order mark) and
/// notes whether it really was: a file saved in Windows-1258, TCVN3 or another code page decodes
/// to '\uFFFD' where its Vietnamese letters were, which would otherwise go unnoticed in names and
/// ids. One instance per file read; not thread-safe.
/// </summary>
internal sealed class Utf8Check
{
    private readonly Recorder _recorder = new();

    /// <summary>Opens <paramref name="path"/> for reading with the check attached.</summary>
    public StreamReader Open(string path)
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = _recorder;
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>A per-file warning when bytes could not be decoded, else null.</summary>
    public Diagnostic? Finding(string path)
    {
        if (_recorder.Count == 0) return null;
        var first = string.Join(" ", _recorder.First!.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
        return Diagnostic.Warning(DiagnosticCodes.DataFile,
            $"The file is not valid UTF-8: {_recorder.Count:N0} byte sequence(s) cannot be decoded (the first is {first}); it was probably saved " +
            "in another encoding such as Windows-1258 or TCVN3, and the letters concerned were read as '\uFFFD'. Save the file as UTF-8.",
            new SourceLocation(path, null, 0, 0));
    }

    /// <summary>The batch with <paramref name="finding"/> added to its file-level diagnostics.</summary>
    public static AgencyBatch WithFinding(AgencyBatch batch, Diagnostic? finding) => finding is null ? batch : new(
        batch.RuleSetKey, batch.AgencyIds.ToArray(), batch.RowNumbers, batch.AgencyNames.ToArray(), batch.Numbers, batch.Bools, batch.Texts,
        batch.Missing, batch.RowErrors, [.. batch.Diagnostics, finding], batch.Source);

    /// <summary>Replaces each undecodable sequence with U+FFFD, as the default does, and counts them.</summary>
    private sealed class Recorder : DecoderFallback
    {
        public int Count;
        public byte[]? First;

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(Recorder recorder) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                recorder.Count++;
                recorder.First ??= bytesUnknown.ToArray();
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0) return '\0';
                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining == 1) return false;
                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
