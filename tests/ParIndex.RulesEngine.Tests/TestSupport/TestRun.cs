namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>What holds for the whole test run: its culture (<see cref="TestCulture"/>) and its own compile cache.</summary>
[TestClass]
public static class TestRun
{
    /// <summary>
    /// The compile cache and cache key of every command the tests run, in process or as a child
    /// process (which inherits the variables): a folder of this run, deleted at its end. Without
    /// it each in-process <c>parindex</c> run wrote an entry into the user's own cache
    /// (~/.cache/parindex) and created the user's cache key.
    /// </summary>
    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), $"parindex-test-run-{Guid.NewGuid():N}");

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
        TestCulture.Apply(context);
        Directory.CreateDirectory(CacheFolder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CacheFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable("PARINDEX_CACHE_DIR", Path.Combine(CacheFolder, "cache"));
        Environment.SetEnvironmentVariable("PARINDEX_CACHE_KEY", Path.Combine(CacheFolder, "cache.key"));
    }

    [AssemblyCleanup]
    public static void End()
    {
        try { Directory.Delete(CacheFolder, recursive: true); }
        catch (IOException) { } // a child process still holding a file: the temporary folder keeps it
        catch (UnauthorizedAccessException) { }
    }
}
