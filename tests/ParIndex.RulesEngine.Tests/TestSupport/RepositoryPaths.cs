namespace ParIndex.RulesEngine.Tests.TestSupport;

/// <summary>Finds files of the repository (examples, README) from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RulesEngine.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("RulesEngine.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Example(string name, string file) => Combine("examples", name, file);
}
