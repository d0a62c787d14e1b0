using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace ParIndex.Cli;

/// <summary>
/// parindex --version: the informational version of parindex itself (version and commit, as the
/// build stamps it), also when the command runs inside another program, whose entry assembly
/// System.CommandLine's own version action would report.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the parindex assembly.</summary>
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString() ?? "";

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
