namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>What holds for the whole test run: its culture (<see cref="TestCulture"/>), and a folder of its own for the compile cache and scratch files.</summary>
[TestClass]
public static class TestRun
{
    /// <summary>
    /// The folder of this run, deleted at its end. It holds the compile cache and cache key of every
    /// command the tests run, in process or as a child process (which inherits the variables);
    /// without it each in-process <c>parindex</c> run wrote an entry into the user's own cache
    /// (~/.cache/parindex) and created the user's cache key. Tests put their scratch folders here too.
    /// </summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), $"parindex-test-run-{Guid.NewGuid():N}");

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
        TestCulture.Apply(context);
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable("PARINDEX_CACHE_DIR", Path.Combine(Folder, "cache"));
        Environment.SetEnvironmentVariable("PARINDEX_CACHE_KEY", Path.Combine(Folder, "cache.key"));
    }

    [AssemblyCleanup]
    public static void End()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // a child process still holding a file: the temporary folder keeps it
        catch (UnauthorizedAccessException) { }
    }
}
