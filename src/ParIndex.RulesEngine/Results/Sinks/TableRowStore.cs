using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// The rows of a text table until it can be written: in memory, or (for a streaming run) in a
/// <see cref="SpillFile"/>, so that memory holds only a key per row (group, rank, where the row is).
/// Each row is its agency id (for ties) and its prepared cells.
/// </summary>
internal sealed class TableRowStore : IDisposable
{
    private readonly List<(string Id, string[] Cells)>? _memory;
    private readonly FileStream? _file;

    public TableRowStore(string? spillFolder)
    {
        if (spillFolder is null) _memory = new();
        else _file = SpillFile.Create(spillFolder);
    }

    /// <summary>Stores a row; the returned place reads it back.</summary>
    public (long Offset, int Length) Add(string id, string[] cells)
    {
        if (_memory is not null)
        {
            _memory.Add((id, cells));
            return (_memory.Count - 1, 0);
        }
        var offset = _file!.Position;
        WriteString(id);
        WriteInt(cells.Length);
        foreach (var cell in cells) WriteString(cell);
        return (offset, (int)(_file.Position - offset));
    }

    public (string Id, string[] Cells) Read((long Offset, int Length) place)
    {
        if (_memory is not null) return _memory[(int)place.Offset];
        _file!.Flush();
        var bytes = new byte[place.Length];
        RandomAccess.Read(_file.SafeFileHandle, bytes, place.Offset);
        var at = 0;
        var id = ReadString(bytes, ref at);
        var cells = new string[ReadInt(bytes, ref at)];
        for (var i = 0; i < cells.Length; i++) cells[i] = ReadString(bytes, ref at);
        return (id, cells);
    }

    public void Dispose() => _file?.Dispose();

    private void WriteInt(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        _file!.Write(bytes);
    }

    private void WriteString(string text)
    {
        WriteInt(text.Length);
        _file!.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private static int ReadInt(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        at += 4;
        return value;
    }

    private static string ReadString(byte[] bytes, ref int at)
    {
        var length = ReadInt(bytes, ref at);
        var text = new string(MemoryMarshal.Cast<byte, char>(bytes.AsSpan(at, 2 * length)));
        at += 2 * length;
        return text;
    }
}
