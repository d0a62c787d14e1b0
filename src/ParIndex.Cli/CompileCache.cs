using ParIndex.RulesEngine;

namespace ParIndex.Cli;

/// <summary>
/// Where the command line keeps compiled rule sets, so that a second run of the same rule file
/// starts without compiling: --cache-dir, else $PARINDEX_CACHE_DIR, else $XDG_CACHE_HOME/parindex,
/// else ~/.cache/parindex. --no-cache turns it off. Entries are authenticated with the user's
/// cache key: $PARINDEX_CACHE_KEY names its file, else the library's default
/// (~/.local/share/parindex/cache.key, created with mode 0600). A folder others can write, or an
/// unsafe key file, is not used: the library's warning is printed and the rules are compiled.
/// </summary>
public static class CompileCache
{
    /// <summary>The options every rule-loading command accepts for the cache.</summary>
    public static readonly string[] Options = ["cache-dir", "no-cache"];

    /// <summary>The load options for this command line: the cache folder and key file.</summary>
    public static RuleSetLoadOptions LoadOptions(CommandLine line) => new()
    {
        CacheDirectory = Directory(line),
        CacheKeyFile = Environment.GetEnvironmentVariable("PARINDEX_CACHE_KEY") is { Length: > 0 } keyFile ? keyFile : null,
        // The process loads its rules once and exits: a kernel that is never unloaded is compiled
        // by the runtime in tiers, which takes tens of milliseconds off every short run.
        Unloadable = false,
    };

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
