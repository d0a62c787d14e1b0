/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS names this assembly) for tests that start another
/// process: when PARINDEX_TEST_LOADED_ASSEMBLIES names a file, the names of the assemblies the
/// process loaded are written to it as the process exits. The runtime looks for a type of this
/// name in the global namespace.
/// </summary>
internal static class StartupHook
{
    public const string OutputVariable = "PARINDEX_TEST_LOADED_ASSEMBLIES";

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(OutputVariable) is not { Length: > 0 } path) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?"));
    }
}
