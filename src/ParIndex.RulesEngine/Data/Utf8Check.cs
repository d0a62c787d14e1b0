using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads a data file as UTF-8 (or as UTF-16/UTF-32 when it starts with that byte order mark) and
/// notes whether it really was: a file saved in Windows-1258, TCVN3 or another code page decodes
/// to '\uFFFD' where its Vietnamese letters were, which would otherwise go unnoticed in names and
/// ids. One instance per file read; not thread-safe.
/// </summary>
internal sealed class Utf8Check
{
    /// <summary>Bytes looked at to recognise UTF-16 without a byte order mark.</summary>
    private const int SniffBytes = 4096;

    private readonly Recorder _recorder = new();
    private string? _utf16;

    /// <summary>Opens <paramref name="path"/> for reading with the check attached.</summary>
    public StreamReader Open(string path) => Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));

    /// <summary>
    /// Reads <paramref name="stream"/> (owned by the returned reader) with the check attached.
    /// A byte order mark decides the encoding; without one, text whose every other byte is zero
    /// is UTF-16 (little or big endian) and is read as such, with a warning (<see cref="Finding"/>),
    /// instead of being decoded as UTF-8 into NUL characters and garbage.
    /// </summary>
    public StreamReader Open(Stream stream)
    {
        var head = new byte[SniffBytes];
        var count = 0;
        for (int read; count < head.Length && (read = stream.Read(head, count, head.Length - count)) > 0;) count += read;
        var prefix = head.AsSpan(0, count).ToArray();
        Encoding encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (Utf16WithoutBom(prefix) is { } bigEndian)
        {
            encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
            _utf16 = bigEndian ? "UTF-16 BE" : "UTF-16 LE";
        }
        encoding = (Encoding)encoding.Clone();
        encoding.DecoderFallback = _recorder;
        return new StreamReader(new PrefixedStream(prefix, stream), encoding, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The fallback that counts undecodable bytes, for readers that decode the bytes themselves (the JSON reader).</summary>
    internal DecoderFallback Fallback => _recorder;

    /// <summary>Notes, for <see cref="Finding"/>, that the file is read as UTF-16 without a byte order mark (for readers that look at its head themselves).</summary>
    internal void NoteUtf16WithoutBom(bool bigEndian) => _utf16 = bigEndian ? "UTF-16 BE" : "UTF-16 LE";

    /// <summary>True for UTF-16 BE, false for LE, null when <paramref name="head"/> is not UTF-16 without a byte order mark.</summary>
    internal static bool? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return null;
        int pairs = head.Length / 2, evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) evenZeros++;
            if (head[i + 1] == 0) oddZeros++;
        }
        // Text of data files is mostly ASCII (digits, separators, ids), so in UTF-16 at least a
        // third of the high bytes are zero; UTF-8 and legacy code pages have no zero bytes at all.
        if (oddZeros * 3 >= pairs && evenZeros * 20 <= pairs) return false;
        if (evenZeros * 3 >= pairs && oddZeros * 20 <= pairs) return true;
        return null;
    }

    /// <summary>A per-file warning when bytes could not be decoded or the file is UTF-16 without a byte order mark, else null.</summary>
    public Diagnostic? Finding(string? path)
    {
        var where = new SourceLocation(path, null, 0, 0);
        if (_utf16 is not null)
            return Diagnostic.Create(DiagnosticCatalog.Utf16WithoutBom, "File", DiagnosticSeverity.Warning, where,
                _utf16, _recorder.Count == 0 ? "" : EngineText.Format("Utf16Undecodable", _recorder.Count));
        if (_recorder.Count == 0) return null;
        var first = string.Join(" ", _recorder.First!.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));
        return Diagnostic.Create(DiagnosticCatalog.DataFile, "NotUtf8", DiagnosticSeverity.Warning, where, _recorder.Count, first);
    }

    /// <summary>The batch with <paramref name="finding"/> added to its file-level diagnostics.</summary>
    public static AgencyBatch WithFinding(AgencyBatch batch, Diagnostic? finding) => finding is null ? batch : new(
        batch.SchemaKey, batch.AgencyIds.ToArray(), batch.RowNumbers, batch.AgencyNames.ToArray(), batch.Numbers, batch.Bools, batch.Texts,
        batch.Missing, batch.RowErrorLog, [.. batch.Diagnostics, finding], batch.Source);

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

    /// <summary>The bytes already looked at, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : ForwardOnlyReadStream
    {
        private int _offset;

        public override int Read(Span<byte> buffer)
        {
            if (_offset >= prefix.Length) return inner.Read(buffer);
            var n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
