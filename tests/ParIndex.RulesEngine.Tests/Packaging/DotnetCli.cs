using System.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>Runs the dotnet CLI from a test, with the configuration the tests were built with.</summary>
internal static class DotnetCli
{
    /// <summary>"Debug" or "Release": the folder above the test assembly's target framework folder.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Runs dotnet with the arguments from the repository root; returns exit code and output.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host may inherit MSBuild settings of the build that started it; a child build must not.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new AssertFailedException($"dotnet {string.Join(' ', arguments)} did not finish");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The version in Directory.Build.props, the one place it is set.</summary>
    public static string RepositoryVersion()
    {
        var props = System.Xml.Linq.XDocument.Load(RepositoryPaths.Combine("Directory.Build.props"));
        return props.Descendants("Version").Single().Value.Trim();
    }
}
