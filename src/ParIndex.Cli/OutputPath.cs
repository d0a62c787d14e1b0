namespace ParIndex.Cli;

/// <summary>
/// Checks the --out file of a command before anything is read or written: it must be named, must
/// not be a folder, its folder must exist, and it must not be one of the command's input files,
/// whatever the path used for it (the same path spelled differently, a hard link, a symbolic
/// link, a linked folder). Writing results over the data or rule file would lose it, and with
/// --stream it would be emptied before it is read.
/// </summary>
internal static class OutputPath
{
    /// <summary>The full path of the file to write for --out (after symbolic links), or null when the command has no --out.</summary>
    /// <param name="line">The command line.</param>
    /// <param name="inputs">Every file the command reads (rules, data, previous results, results files).</param>
    /// <exception cref="OutputRefusedException">The --out value is empty, a folder, in a missing folder, or one of the inputs.</exception>
    public static string? Check(CommandLine line, IEnumerable<string?> inputs)
    {
        if (!line.Has("out")) return null;
        var value = line.Option("out");
        if (string.IsNullOrWhiteSpace(value)) throw new OutputRefusedException(CliText.Get("OutEmpty"));
        string full;
        try { full = Path.GetFullPath(value); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new OutputRefusedException(CliText.Format("OutUnusable", value, ex.Message));
        }
        if (Directory.Exists(full) || value.EndsWith(Path.DirectorySeparatorChar) || value.EndsWith(Path.AltDirectorySeparatorChar))
            throw new OutputRefusedException(CliText.Format("OutIsDirectory", value));
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            throw new OutputRefusedException(CliText.Format("OutFolderMissing", value, folder));
        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input)) continue;
            if (!SameFile(full, input)) continue;
            var how = string.Equals(value, input, StringComparison.Ordinal) ? "" : CliText.Get("OutSameFileOnDisk");
            throw new OutputRefusedException(CliText.Format("OutIsInput", value, input, how));
        }
        // A symbolic link as --out: the results replace the file it points to, not the link.
        return Resolve(full);
    }

    /// <summary>True when <paramref name="output"/> and <paramref name="input"/> name one file on disk.</summary>
    internal static bool SameFile(string output, string input)
    {
        string inputFull;
        try { inputFull = Path.GetFullPath(input); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return false; }
        if (string.Equals(Resolve(output), Resolve(inputFull), PathComparison)) return true;
        // A hard link, a linked folder or another spelling on a case-insensitive volume: the
        // paths differ, the file is the same.
        return FileIdentity.Of(output) is { } a && FileIdentity.Of(inputFull) is { } b && a == b;
    }

    /// <summary>Windows ignores case in names. On Unix a case-insensitive volume (macOS by default) is caught by <see cref="FileIdentity"/>, so paths compare exactly there.</summary>
    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The full path after following symbolic links to the final file (the path itself when it is not a link).</summary>
    private static string Resolve(string fullPath)
    {
        try
        {
            var target = File.ResolveLinkTarget(fullPath, returnFinalTarget: true);
            return target is null ? fullPath : Path.GetFullPath(target.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return fullPath;
        }
    }
}

/// <summary>The --out file cannot be used (empty, a folder, one of the inputs); exit code 2, without the usage text.</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
