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
        for (var row = 0; row < rows; row++) WriteString(chunk.AgencyIds[row]);
        for (var row = 0; row < rows; row++) WriteString(chunk.AgencyNames[row]);
        WriteColumns(chunk.Numbers);
        WriteColumns(chunk.Bools);
        WriteInt(chunk.Texts.Length);
        foreach (var column in chunk.Texts)
        {
            WriteInt(column.Length);
            foreach (var text in column) WriteString(text);
        }
        WriteColumns(chunk.Missing);
        _blocks++;
    }

    /// <summary>Reads the chunks back, in the order they were appended; each call starts from the first.</summary>
    public IEnumerable<AgencyBatch> ReadAll()
    {
        _file.Seek(0, SeekOrigin.Begin);
        for (var block = 0; block < _blocks; block++)
        {
            var rows = ReadInt();
            var rowNumbers = new int[rows];
            ReadSpan<int>(rowNumbers);
            var ids = new string[rows];
            for (var row = 0; row < rows; row++) ids[row] = ReadString()!;
            var names = new string?[rows];
            for (var row = 0; row < rows; row++) names[row] = ReadString();
            var numbers = ReadColumns<double>();
            var bools = ReadColumns<bool>();
            var texts = new string?[ReadInt()][];
            for (var c = 0; c < texts.Length; c++)
            {
                texts[c] = new string?[ReadInt()];
                for (var row = 0; row < texts[c].Length; row++) texts[c][row] = ReadString();
            }
            var missing = ReadColumns<bool>();
            yield return new AgencyBatch(_ruleSetKey, ids, rowNumbers, names, numbers, bools, texts, missing, new RowErrorLog(0), [], _source);
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

    private T[][] ReadColumns<T>() where T : unmanaged
    {
        var columns = new T[ReadInt()][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new T[ReadInt()];
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

    /// <summary>Length (-1 for null) then the UTF-16 code units as they are, so every string comes back exactly.</summary>
    private void WriteString(string? text)
    {
        WriteInt(text?.Length ?? -1);
        if (text is not null) WriteSpan<char>(text.AsSpan());
    }

    private string? ReadString()
    {
        var length = ReadInt();
        if (length < 0) return null;
        if (length == 0) return "";
        return string.Create(length, _file, static (chars, file) => file.ReadExactly(MemoryMarshal.AsBytes(chars)));
    }
}
