using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Who owns a file or folder and who else may write it, on Unix. The base library reports a
/// file's mode (<see cref="File.GetUnixFileMode(string)"/>) but not its owner, so the owner comes
/// from the runtime's own native shim (libSystem.Native, which every .NET runtime on Unix ships
/// and the base library itself calls for stat). Where that shim cannot be reached (a single-file
/// or trimmed host that links it statically), ownership is tested by changing the mode to itself:
/// only the owner (or root) may do that.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class UnixFileSecurity
{
    /// <summary>Group and other write bits: anyone but the owner could replace what the folder holds.</summary>
    public const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Every group and other bit: a secret must be readable and writable by its owner only.</summary>
    public const UnixFileMode AnyAccessByOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Bytes reserved for the shim's FileStatus record (about 120 bytes today): room to grow.</summary>
    private const int StatusBufferBytes = 512;

    /// <summary>Offsets in the shim's FileStatus record: Flags (int32), Mode (int32), Uid (uint32).</summary>
    private const int ModeOffset = 4, UidOffset = 8;

    /// <summary>The permission bits of the file type field (S_IFMT is the rest).</summary>
    private const int PermissionBits = 0xFFF;

    /// <summary>What a path is and who may change it.</summary>
    /// <param name="Mode">Permission bits.</param>
    /// <param name="OwnedByCurrentUser">True when the effective user owns it.</param>
    public readonly record struct Status(UnixFileMode Mode, bool OwnedByCurrentUser);

    /// <summary>The status of a path (following symbolic links, as opening it does).</summary>
    public static Status OfPath(string path)
    {
        try
        {
            var buffer = new byte[StatusBufferBytes];
            if (NativeStat(path, buffer) != 0)
                throw new IOException($"'{path}' cannot be examined (stat failed with error {Marshal.GetLastPInvokeError()}).");
            return FromBuffer(buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return new Status(File.GetUnixFileMode(path), OwnsByChangingMode(path));
        }
    }

    /// <summary>The status of an open file: what was checked is what is read, even if the path is swapped meanwhile.</summary>
    public static Status OfHandle(SafeFileHandle handle, string path)
    {
        try
        {
            var buffer = new byte[StatusBufferBytes];
            if (NativeFStat(handle, buffer) != 0)
                throw new IOException($"'{path}' cannot be examined (fstat failed with error {Marshal.GetLastPInvokeError()}).");
            return FromBuffer(buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return new Status(File.GetUnixFileMode(handle), OwnsByChangingMode(path));
        }
    }

    /// <summary>Octal, as chmod writes it: 0644.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & PermissionBits, 8);

    private static Status FromBuffer(byte[] buffer)
    {
        var mode = (UnixFileMode)(BitConverter.ToInt32(buffer, ModeOffset) & PermissionBits);
        var owner = BitConverter.ToUInt32(buffer, UidOffset);
        return new Status(mode, owner == NativeGetEUid());
    }

    /// <summary>chmod to the current mode succeeds only for the owner (EPERM otherwise), and changes nothing.</summary>
    private static bool OwnsByChangingMode(string path)
    {
        try
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static extern int NativeFStat(SafeFileHandle handle, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static extern uint NativeGetEUid();
}
