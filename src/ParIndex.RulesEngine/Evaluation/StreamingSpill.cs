using System.Buffers.Binary;
using System.Runtime.InteropServices;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Evaluation;

/// <summary>
/// The spill file of a streaming run (a <see cref="SpillFile"/>: owner-only, gone however the run
/// ends): every chunk of parsed input (ids, names, row numbers, the typed input columns and
/// missing masks) as one binary block, so that the passes after the first re-score chunks
/// without parsing text again. This is the one place that knows the layout of a batch's columns.
/// </summary>
internal sealed class StreamingSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly string _ruleSetKey;
    private readonly string? _source;
    private int _blocks;
    // Scratch for the string blocks, reused from block to block (one pass at a time uses the file).
    private int[] _lengths = [];
    private char[] _chars = [];

    private StreamingSpill(FileStream file, string ruleSetKey, string? source)
    {
        _file = file;
        _ruleSetKey = ruleSetKey;
        _source = source;
    }

    /// <summary>Creates the spill file in <paramref name="folder"/> (the temporary folder when null).</summary>
    public static StreamingSpill Create(string? folder, string ruleSetKey, string? source) =>
        new(SpillFile.Create(folder), ruleSetKey, source);

    /// <summary>Bytes written so far.</summary>
    public long Length => _file.Length;

    /// <summary>Appends one chunk (its accepted rows; rejected rows are already in the run's log).</summary>
    public void Append(AgencyBatch chunk)
    {
        _file.Seek(0, SeekOrigin.End);
        var rows = chunk.Count;
        WriteInt(rows);
        WriteSpan<int>(chunk.RowNumbers);
        WriteStrings(chunk.AgencyIds, rows);
        WriteStrings(chunk.AgencyNames, rows);
        WriteColumns(chunk.Numbers);
        WriteColumns(chunk.Bools);
        WriteInt(chunk.Texts.Length);
        foreach (var column in chunk.Texts) WriteStrings(column, column.Length);
        WriteColumns(chunk.Missing);
        _blocks++;
    }

    /// <summary>
    /// Reads the chunks back, in the order they were appended; each call starts from the first.
    /// A block is read into the input columns of a chunk of as many rows taken from <paramref name="finished"/>, if there is one.
    /// </summary>
    public IEnumerable<AgencyBatch> ReadAll(FinishedColumns<AgencyBatch>? finished = null)
    {
        _file.Seek(0, SeekOrigin.Begin);
        for (var block = 0; block < _blocks; block++)
        {
            var rows = ReadInt();
            // A finished chunk of as many rows gives its arrays, if there is one: most are
            // large-object arrays, whose churn would set off full collections.
            var reused = finished?.Take(rows);
            var rowNumbers = FinishedArrays.Fit(reused?.RowNumbers, rows);
            ReadSpan<int>(rowNumbers);
            // Ids are never null: every length in their block is 0 or more.
            var ids = ReadStrings(reused?.IdColumn);
            var names = ReadStrings(reused?.NameColumn);
            var numbers = ReadColumns(reused?.Numbers);
            var bools = ReadColumns(reused?.Bools);
            var texts = new string?[ReadInt()][];
            for (var c = 0; c < texts.Length; c++) texts[c] = ReadStrings(FinishedArrays.Column(reused?.Texts, c));
            var missing = ReadColumns(reused?.Missing);
            yield return new AgencyBatch(_ruleSetKey, ids!, rowNumbers, names, numbers, bools, texts, missing, new RowErrorLog(0), [], _source);
        }
    }

    public void Dispose() => _file.Dispose();

    private void WriteColumns<T>(T[][] columns) where T : unmanaged
    {
        WriteInt(columns.Length);
        foreach (var column in columns)
        {
            WriteInt(column.Length);
            WriteSpan<T>(column);
        }
    }

    /// <summary>Reads a set of columns, into <paramref name="into"/>'s arrays where their lengths match.</summary>
    private T[][] ReadColumns<T>(T[][]? into) where T : unmanaged
    {
        var columns = FinishedArrays.Fit(into, ReadInt());
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = FinishedArrays.Fit(columns[c], ReadInt());
            ReadSpan<T>(columns[c]);
        }
        return columns;
    }

    private void WriteSpan<T>(ReadOnlySpan<T> values) where T : unmanaged => _file.Write(MemoryMarshal.AsBytes(values));

    private void ReadSpan<T>(Span<T> values) where T : unmanaged => _file.ReadExactly(MemoryMarshal.AsBytes(values));

    private void WriteInt(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _file.Write(bytes);
    }

    private int ReadInt()
    {
        Span<byte> bytes = stackalloc byte[4];
        _file.ReadExactly(bytes);
        return BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    /// <summary>
    /// The first <paramref name="count"/> strings of <paramref name="values"/> as one block: the
    /// count, each length (-1 for null), then all their UTF-16 code units as they are, so that
    /// every string comes back exactly. A block is read with three reads, not two per string.
    /// </summary>
    private void WriteStrings(IReadOnlyList<string?> values, int count)
    {
        WriteInt(count);
        var lengths = Lengths(count);
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            var length = values[i]?.Length ?? -1;
            lengths[i] = length;
            total += Math.Max(0, length);
        }
        WriteSpan<int>(lengths.AsSpan(0, count));
        var chars = Chars(total);
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var text = values[i].AsSpan();
            text.CopyTo(chars.AsSpan(used));
            used += text.Length;
        }
        WriteSpan<char>(chars.AsSpan(0, used));
    }

    /// <summary>A block of strings, into <paramref name="into"/> when it has the block's length.</summary>
    private string?[] ReadStrings(string?[]? into)
    {
        var count = ReadInt();
        var lengths = Lengths(count);
        ReadSpan<int>(lengths.AsSpan(0, count));
        var total = 0;
        for (var i = 0; i < count; i++) total += Math.Max(0, lengths[i]);
        var chars = Chars(total);
        ReadSpan<char>(chars.AsSpan(0, total));
        var values = FinishedArrays.Fit(into, count);
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var length = lengths[i];
            // Every slot is written: a reused array still holds the strings of its last chunk.
            values[i] = length < 0 ? null : length == 0 ? "" : new string(chars, used, length);
            used += Math.Max(0, length);
        }
        return values;
    }

    /// <summary>The scratch array of string lengths, grown to at least <paramref name="count"/>.</summary>
    private int[] Lengths(int count) => _lengths.Length >= count ? _lengths : _lengths = new int[count];

    /// <summary>The scratch array of code units, grown to at least <paramref name="count"/>.</summary>
    private char[] Chars(int count) => _chars.Length >= count ? _chars : _chars = new char[Math.Max(count, 2 * _chars.Length)];
}
