namespace ParIndex.Cli;

/// <summary>Positional arguments and --options of one command.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    /// <summary>Every value of every option in the order given, for options that may be repeated (--set).</summary>
    private readonly List<(string Name, string? Value)> _given = new();

    private CommandLine(string command, List<string> positional)
    {
        Command = command;
        Positional = positional;
    }

    /// <summary>The command word (validate, score, explain, shortfall).</summary>
    public string Command { get; }

    /// <summary>The arguments that are not options.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses args; options take the following word as value unless listed as flags.</summary>
    public static CommandLine Parse(string[] args, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        var line = new CommandLine(args.Length > 0 ? args[0] : "", positional);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            var (key, value) = equals >= 0 ? (name[..equals], name[(equals + 1)..])
                : flags.Contains(name) ? (name, null)
                : i + 1 < args.Length ? (name, args[++i])
                : throw new UsageException(CliText.Format("OptionNeedsValue", name));
            line._options[key] = value;
            line._given.Add((key, value));
        }
        return line;
    }

    /// <summary>The value of an option, or null.</summary>
    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value given to a repeatable option, in order (the last one is <see cref="Option"/>).</summary>
    public IReadOnlyList<string> Values(string name) => _given.Where(g => g.Name == name && g.Value is not null).Select(g => g.Value!).ToList();

    /// <summary>True when a flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Options given that the command does not know.</summary>
    public IEnumerable<string> UnknownOptions(IEnumerable<string> known) => _options.Keys.Except(known);
}

/// <summary>A wrong command line; printed with the usage text.</summary>
public sealed class UsageException(string message) : Exception(message);
