using System.Runtime.InteropServices;
using System.Text;

namespace ParIndex.Cli;

/// <summary>
/// Which file a path names on disk, so that two different paths to one file (a hard link, a
/// symbolic link, another spelling on a case-insensitive volume, a linked folder) are seen as the
/// same. On Unix this is the device and inode number from stat(2), which follows symbolic links;
/// elsewhere, or when stat cannot be called, it is unknown (null) and callers compare paths only.
/// </summary>
internal static unsafe class FileIdentity
{
    /// <summary>Device and inode of an existing file.</summary>
    internal readonly record struct Id(ulong Device, ulong Inode);

    private static readonly delegate* unmanaged<byte*, byte*, int> Stat = FindStat(out XStatVersion);
    private static readonly int XStatVersion;

    /// <summary>Device and inode of <paramref name="path"/> (after symbolic links), or null when it does not exist or cannot be told.</summary>
    public static Id? Of(string path)
    {
        if (Stat == null) return null;
        var name = Encoding.UTF8.GetBytes(path + "\0");
        // Larger than struct stat on every 64-bit Unix .NET runs on (144 bytes on Linux).
        var buffer = stackalloc byte[512];
        int result;
        fixed (byte* p = name)
        {
            result = XStatVersion < 0 ? Stat(p, buffer) : ((delegate* unmanaged<int, byte*, byte*, int>)Stat)(XStatVersion, p, buffer);
        }
        if (result != 0) return null;
        // st_dev is at offset 0 (64 bits on Linux and FreeBSD, 32 bits on macOS); st_ino is a
        // 64-bit field at offset 8 on all of them.
        var device = OperatingSystem.IsMacOS() ? *(uint*)buffer : *(ulong*)buffer;
        var inode = *(ulong*)(buffer + 8);
        return new Id(device, inode);
    }

    private static delegate* unmanaged<byte*, byte*, int> FindStat(out int xstatVersion)
    {
        xstatVersion = -1;
        // Only 64-bit Linux, macOS and FreeBSD have the layout read above.
        if (IntPtr.Size != 8 || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())) return null;
        try
        {
            var process = NativeLibrary.GetMainProgramHandle();
            // macOS on Intel: the 64-bit-inode variant has its own symbol name.
            foreach (var symbol in new[] { "stat$INODE64", "stat" })
                if ((symbol != "stat$INODE64" || OperatingSystem.IsMacOS()) && NativeLibrary.TryGetExport(process, symbol, out var address))
                    return (delegate* unmanaged<byte*, byte*, int>)address;
            // glibc before 2.33 exports stat only as __xstat(version, path, buffer).
            if (OperatingSystem.IsLinux() && NativeLibrary.TryGetExport(process, "__xstat", out var xstat))
            {
                xstatVersion = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0;
                return (delegate* unmanaged<byte*, byte*, int>)xstat;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or PlatformNotSupportedException)
        {
        }
        return null;
    }
}
