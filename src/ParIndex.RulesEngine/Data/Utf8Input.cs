using System.Text;
using System.Text.Unicode;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The bytes of a data file as valid UTF-8, for readers that parse bytes (System.Text.Json):
/// UTF-8 passes through as it is (checked chunk by chunk, a leading byte order mark dropped);
/// bytes that are not valid UTF-8 become U+FFFD and are counted by the file's <see cref="Utf8Check"/>
/// (the Windows-1258 warning); UTF-16 and UTF-32 (by byte order mark, or UTF-16 recognised without
/// one) and text from a <see cref="TextReader"/> are encoded to UTF-8. Positions computed on the
/// output count the characters of the text as decoded, as a text reader would. Every read has an
/// asynchronous twin that never calls the stream's synchronous Read.
/// </summary>
internal sealed class Utf8Input : IDisposable, IAsyncDisposable
{
    private const int ChunkBytes = 1 << 16;
    private const int SniffBytes = 4096;

    private readonly Stream? _stream;
    private readonly TextReader? _text;
    private readonly Utf8Check _check;
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private Decoder? _decoder;
    private readonly byte[] _raw = new byte[ChunkBytes];
    private int _rawCount;
    private char[]? _chars;
    private byte[] _out = new byte[ChunkBytes];
    private int _outStart;
    private int _outEnd;
    private bool _sniffed;
    private bool _endOfInput;
    private bool _atStart = true;

    private Utf8Input(Stream? stream, TextReader? text, Utf8Check check)
    {
        _stream = stream;
        _text = text;
        _check = check;
    }

    /// <summary>Reads <paramref name="stream"/> (disposed with this input); findings go to <paramref name="check"/>.</summary>
    public static Utf8Input FromStream(Stream stream, Utf8Check check) => new(stream, null, check);

    /// <summary>Reads the characters of <paramref name="reader"/> (not disposed: it belongs to the caller).</summary>
    public static Utf8Input FromText(TextReader reader) => new(null, reader, new Utf8Check());

    /// <summary>The whole of <paramref name="stream"/> as UTF-8 (for files read in one piece, such as results files); the stream is disposed.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var input = FromStream(stream, new Utf8Check());
        var all = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        for (int n; (n = input.Read(chunk)) > 0;) all.Write(chunk, 0, n);
        return all.ToArray();
    }

    /// <summary>Copies up to <paramref name="destination"/>'s length of UTF-8; 0 at the end of the input.</summary>
    public int Read(Span<byte> destination)
    {
        while (_outStart == _outEnd && !_endOfInput) Produce(ReadSource());
        return Take(destination);
    }

    /// <summary>As <see cref="Read"/>, reading the source asynchronously.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (_outStart == _outEnd && !_endOfInput)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Produce(await ReadSourceAsync(cancellationToken).ConfigureAwait(false));
        }
        return Take(destination.Span);
    }

    private int Take(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, n).CopyTo(destination);
        _outStart += n;
        return n;
    }

    /// <summary>Reads the next piece of the source: bytes into <see cref="_raw"/> after any kept tail, or characters; returns the count (0 at the end).</summary>
    private int ReadSource()
    {
        if (_text is not null) return _text.Read(Chars());
        if (!_sniffed)
        {
            // The head decides the encoding, so it is read in full (or to the end of a short file).
            for (int read; _rawCount < SniffBytes && (read = _stream!.Read(_raw, _rawCount, SniffBytes - _rawCount)) > 0;) _rawCount += read;
            return -1;
        }
        return _stream!.Read(_raw, _rawCount, _raw.Length - _rawCount);
    }

    private async ValueTask<int> ReadSourceAsync(CancellationToken cancellationToken)
    {
        if (_text is not null) return await _text.ReadAsync(Chars().AsMemory(), cancellationToken).ConfigureAwait(false);
        if (!_sniffed)
        {
            for (int read; _rawCount < SniffBytes && (read = await _stream!.ReadAsync(_raw.AsMemory(_rawCount, SniffBytes - _rawCount), cancellationToken).ConfigureAwait(false)) > 0;)
                _rawCount += read;
            return -1;
        }
        return await _stream!.ReadAsync(_raw.AsMemory(_rawCount, _raw.Length - _rawCount), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns what <see cref="ReadSource"/> gave (-1: the head was read) into UTF-8 output.</summary>
    private void Produce(int read)
    {
        _outStart = _outEnd = 0;
        if (_text is not null)
        {
            _endOfInput = read == 0;
            Encode(_chars.AsSpan(0, read), flush: _endOfInput);
            return;
        }
        if (read == -1)
        {
            _sniffed = true;
            _endOfInput = _rawCount < SniffBytes;
            Sniff();
        }
        else
        {
            _endOfInput = read == 0;
            _rawCount += read;
        }
        var bytes = _raw.AsSpan(0, _rawCount);
        if (_decoder is not null)
        {
            var chars = Chars();
            _decoder.Convert(bytes, chars, _endOfInput, out var used, out var produced, out _);
            Encode(chars.AsSpan(0, produced), flush: _endOfInput);
            Keep(used);
            return;
        }
        var complete = _endOfInput ? bytes.Length : CompleteLength(bytes);
        if (Utf8.IsValid(bytes[..complete])) Append(bytes[..complete]);
        else Repair(bytes[..complete]);
        Keep(complete);
    }

    /// <summary>Chooses the encoding from the head: a byte order mark (dropped), UTF-16 without one, else UTF-8.</summary>
    private void Sniff()
    {
        var head = _raw.AsSpan(0, _rawCount);
        Encoding? encoding = null;
        var skip = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) (encoding, skip) = (new UTF32Encoding(false, false), 4);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) (encoding, skip) = (new UTF32Encoding(true, false), 4);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) (encoding, skip) = (new UnicodeEncoding(false, false), 2);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) (encoding, skip) = (new UnicodeEncoding(true, false), 2);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) skip = 3;
        else if (Utf8Check.Utf16WithoutBom(head) is { } bigEndian)
        {
            encoding = new UnicodeEncoding(bigEndian, false);
            _check.NoteUtf16WithoutBom(bigEndian);
        }
        if (encoding is not null)
        {
            encoding = (Encoding)encoding.Clone();
            encoding.DecoderFallback = _check.Fallback;
            _decoder = encoding.GetDecoder();
        }
        Keep(skip);
        _atStart = false;
    }

    /// <summary>Decodes bytes that are not valid UTF-8 (each bad sequence becomes U+FFFD, counted) and encodes them again.</summary>
    private void Repair(ReadOnlySpan<byte> bytes)
    {
        var encoding = (Encoding)new UTF8Encoding(false, false).Clone();
        encoding.DecoderFallback = _check.Fallback;
        var chars = encoding.GetChars(bytes.ToArray());
        Encode(chars, flush: false);
    }

    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        if (_atStart && chars.Length > 0)
        {
            if (chars[0] == '\uFEFF') chars = chars[1..];
            _atStart = false;
        }
        Reserve(_encoder.GetByteCount(chars, flush));
        _outEnd += _encoder.GetBytes(chars, _out.AsSpan(_outEnd), flush);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_out.AsSpan(_outEnd));
        _outEnd += bytes.Length;
    }

    private void Reserve(int count)
    {
        if (_out.Length - _outEnd < count) Array.Resize(ref _out, Math.Max(_out.Length * 2, _outEnd + count));
    }

    /// <summary>Drops the first <paramref name="used"/> raw bytes, keeping the rest (an incomplete last sequence) for the next read.</summary>
    private void Keep(int used)
    {
        _raw.AsSpan(used, _rawCount - used).CopyTo(_raw);
        _rawCount -= used;
    }

    private char[] Chars() => _chars ??= new char[ChunkBytes];

    /// <summary>The length of <paramref name="bytes"/> without a multi-byte sequence cut at its end.</summary>
    internal static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back for its lead
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }

    public void Dispose() => _stream?.Dispose();

    public ValueTask DisposeAsync() => _stream?.DisposeAsync() ?? ValueTask.CompletedTask;
}
