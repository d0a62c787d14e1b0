namespace ParIndex.Cli;

/// <summary>
/// Where the command line keeps compiled rule sets, so that a second run of the same rule file
/// starts without compiling: --cache-dir, else $PARINDEX_CACHE_DIR, else $XDG_CACHE_HOME/parindex,
/// else ~/.cache/parindex. --no-cache turns it off.
/// </summary>
public static class CompileCache
{
    /// <summary>The options every rule-loading command accepts for the cache.</summary>
    public static readonly string[] Options = ["cache-dir", "no-cache"];

    /// <summary>The cache folder for this command line, or null when caching is off.</summary>
    public static string? Directory(CommandLine line)
    {
        if (line.Has("no-cache")) return null;
        if (line.Option("cache-dir") is { Length: > 0 } explicitDirectory) return explicitDirectory;
        if (Environment.GetEnvironmentVariable("PARINDEX_CACHE_DIR") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = xdg is { Length: > 0 } ? xdg : home.Length > 0 ? Path.Combine(home, ".cache") : null;
        return root is null ? null : Path.Combine(root, "parindex");
    }
}
