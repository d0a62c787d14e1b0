using System.Buffers.Binary;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The text and row of every plain ASCII id <see cref="AsciiIdSet"/> has accepted, one record
/// each (row, length, one byte per character) in blocks of 64 KiB, so that the set can keep only a
/// number per id and still compare ids exactly. The first <see cref="MemoryBlocks"/> blocks
/// (4 MiB, about a quarter of a million ids) stay in memory; past them every block moves to a
/// <see cref="SpillFile"/> (owner-only, gone however the run ends) and only the block being
/// filled stays in memory, so the process does not grow with the file. Records are read back
/// only when the set finds a candidate: a repeated id, or a rare match of hash bits. When no
/// temporary file can be created the blocks stay in memory: slower to give back, never wrong.
/// </summary>
internal sealed class AcceptedIdStore : IDisposable
{
    private const int BlockBits = 16;
    private const int BlockSize = 1 << BlockBits;
    private const int HeaderSize = 6; // row (int32), then length (uint16)
    /// <summary>Blocks kept in memory before the store moves to a file.</summary>
    internal const int MemoryBlocks = 64;

    /// <summary>The longest id a record holds (a longer one is kept elsewhere, see <see cref="AgencyIdRegistry"/>).</summary>
    public const int MaxIdLength = InputChecks.MaxCellLength;

    private readonly string? _spillFolder;
    private readonly int _memoryBlocks;
    private List<byte[]>? _sealed = new();
    private FileStream? _file;
    private byte[] _current = new byte[BlockSize];
    private int _currentBlock;
    private int _used;
    private byte[]? _readBuffer;
    /// <summary>True when no file may be used, or making one failed: every block stays in memory.</summary>
    private bool _noFile;

    /// <summary>
    /// A store whose file, when it needs one and <paramref name="useFile"/> allows it, is made in
    /// <paramref name="spillFolder"/> (the temporary folder when null). Only an owner that disposes
    /// the store when its input ends should allow the file; otherwise every block stays in memory.
    /// </summary>
    /// <param name="memoryBlocks">Blocks kept in memory before the move (tests make it small).</param>
    public AcceptedIdStore(string? spillFolder, bool useFile, int memoryBlocks = MemoryBlocks)
    {
        _spillFolder = spillFolder;
        _noFile = !useFile;
        _memoryBlocks = memoryBlocks;
    }

    /// <summary>True once the sealed blocks live in the file.</summary>
    internal bool OnDisk => _file is not null;

    /// <summary>Appends the record of <paramref name="asciiId"/> (every character below U+0080) and returns its place.</summary>
    public long Append(ReadOnlySpan<char> asciiId, int row)
    {
        if (asciiId.Length > MaxIdLength) throw new ArgumentOutOfRangeException(nameof(asciiId), "An id longer than a cell may be is never accepted.");
        var size = HeaderSize + asciiId.Length;
        if (_used + size > BlockSize) Seal();
        var record = _current.AsSpan(_used, size);
        BinaryPrimitives.WriteInt32LittleEndian(record, row);
        BinaryPrimitives.WriteUInt16LittleEndian(record[4..], (ushort)asciiId.Length);
        for (var i = 0; i < asciiId.Length; i++) record[HeaderSize + i] = (byte)asciiId[i];
        var place = ((long)_currentBlock << BlockBits) + _used;
        _used += size;
        return place;
    }

    /// <summary>Whether the record at <paramref name="place"/> holds exactly <paramref name="id"/>.</summary>
    public bool Matches(long place, ReadOnlySpan<char> id)
    {
        // No record holds a longer id; a look-up may be longer (the skeleton of a long id).
        if (id.Length > MaxIdLength) return false;
        var record = Record(place, HeaderSize + id.Length);
        if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != id.Length) return false;
        var text = record[HeaderSize..];
        for (var i = 0; i < id.Length; i++)
            if (text[i] != id[i]) return false;
        return true;
    }

    /// <summary>The row recorded at <paramref name="place"/>.</summary>
    public int RowAt(long place) => BinaryPrimitives.ReadInt32LittleEndian(Record(place, HeaderSize));

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        _sealed = null;
    }

    /// <summary>
    /// Up to <paramref name="size"/> bytes from <paramref name="place"/> (fewer when the block ends
    /// first; a record never crosses a block, so a shorter span means a different record).
    /// </summary>
    private ReadOnlySpan<byte> Record(long place, int size)
    {
        var block = (int)(place >> BlockBits);
        var offset = (int)(place & (BlockSize - 1));
        var length = Math.Min(size, BlockSize - offset);
        if (block == _currentBlock) return _current.AsSpan(offset, length);
        if (_sealed is not null && _file is null) return _sealed[block].AsSpan(offset, length);
        ObjectDisposedException.ThrowIf(_file is null, this);
        var buffer = _readBuffer ??= new byte[HeaderSize + MaxIdLength];
        var read = RandomAccess.Read(_file.SafeFileHandle, buffer.AsSpan(0, length), place);
        if (read != length) throw new IOException("The temporary file of accepted agency ids ended before a record it holds.");
        return buffer.AsSpan(0, length);
    }

    /// <summary>Closes the block being filled: into memory while there is room, else into the file (made the first time).</summary>
    private void Seal()
    {
        if (_file is null && !_noFile && _sealed!.Count >= _memoryBlocks) _noFile = !TryMoveToFile();
        if (_file is not null) WriteBlock(_current, _currentBlock);
        else
        {
            _sealed!.Add(_current);
            _current = new byte[BlockSize];
        }
        _currentBlock++;
        _used = 0;
    }

    /// <summary>Moves the sealed blocks to a new file; false, changing nothing, when none can be made or written.</summary>
    private void WriteBlock(byte[] block, int index)
    {
        try { RandomAccess.Write(_file!.SafeFileHandle, block, (long)index << BlockBits); }
        catch (IOException ex)
        {
            // Not the data file: say which file failed (a full disk in the temporary folder, most often).
            throw new IOException($"The duplicate check's temporary file in '{_spillFolder ?? Path.GetTempPath()}' could not be written: {ex.Message}", ex);
        }
    }

    private bool TryMoveToFile()
    {
        FileStream file;
        try { file = SpillFile.Create(_spillFolder); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return false; }
        try
        {
            for (var block = 0; block < _sealed!.Count; block++)
                RandomAccess.Write(file.SafeFileHandle, _sealed[block], (long)block << BlockBits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk: the blocks stay where they are, and so does everything after them.
            file.Dispose();
            return false;
        }
        _file = file;
        _sealed = null;
        return true;
    }
}
