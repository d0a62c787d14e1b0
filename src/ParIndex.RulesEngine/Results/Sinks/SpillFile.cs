namespace ParIndex.RulesEngine.Results.Sinks;

/// <summary>
/// A temporary file for one run's intermediate data: created owner-only, and on Unix unlinked as
/// soon as it is open, so it never outlives the run however the run ends (success, an exception,
/// cancellation, a signal, a crash); on Windows the system deletes it when its handle closes.
/// </summary>
internal static class SpillFile
{
    /// <summary>Creates and opens (read and write) a new spill file in <paramref name="folder"/>, the temporary folder when null.</summary>
    public static FileStream Create(string? folder)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $".parindex-spill-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 20,
            Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(path, options);
        if (OperatingSystem.IsWindows()) return file;
        try { File.Delete(path); }
        catch
        {
            file.Dispose();
            throw;
        }
        return file;
    }
}
