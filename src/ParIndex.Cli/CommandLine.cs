using System.CommandLine;

namespace ParIndex.Cli;

/// <summary>
/// Positional arguments and --options of one command, as System.CommandLine parsed them
/// (<see cref="CommandTree"/>), with the cancellation of the run.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    /// <summary>Every value of every option in the order given, for options that may be repeated (--set).</summary>
    private readonly List<(string Name, string? Value)> _given = new();

    private CommandLine(string command, List<string> positional, CancellationToken cancellation)
    {
        Command = command;
        Positional = positional;
        Cancellation = cancellation;
    }

    /// <summary>The command word (validate, score, explain, shortfall).</summary>
    public string Command { get; }

    /// <summary>The arguments that are not options.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Cancelled when the run is interrupted (Ctrl-C, SIGTERM, or the caller's token): the command stops and writes no output file.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>
    /// The words of the command line as System.CommandLine should see them: "--name=value" is split
    /// into "--name" and "value", so that an empty value ("--out=") is a value, not a missing one.
    /// Words after "--" are left alone.
    /// </summary>
    public static IReadOnlyList<string> Words(string[] args)
    {
        var words = new List<string>(args.Length + 4);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args[i..]);
                break;
            }
            var equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                words.Add(arg[..equals]);
                words.Add(arg[(equals + 1)..]);
            }
            else words.Add(arg);
        }
        return words;
    }

    /// <summary>Parses <paramref name="args"/> (a command and its arguments) as the command does; a wrong command line throws <see cref="UsageException"/>.</summary>
    internal static CommandLine Parse(string[] args)
    {
        var parse = CommandTree.Build((_, _) => ExitCodes.Success).Parse(Words(args));
        ParseErrors.ThrowIfAny(parse);
        return From(parse, CancellationToken.None);
    }

    /// <summary>The command line of the command <paramref name="parse"/> chose.</summary>
    public static CommandLine From(ParseResult parse, CancellationToken cancellation)
    {
        var command = parse.CommandResult.Command;
        var positional = command.Arguments
            .Select(a => parse.GetResult(a)?.Tokens.FirstOrDefault()?.Value)
            .OfType<string>().ToList();
        var line = new CommandLine(command.Name, positional, cancellation);
        foreach (var option in CommandTree.OptionsOf(command))
        {
            if (parse.GetResult(option) is not { Implicit: false } result) continue;
            var key = option.Name.TrimStart('-');
            if (option is Option<bool>)
            {
                // "--stream false" turns a flag off, as if it were not given.
                if (!result.GetValueOrDefault<bool>()) continue;
                line._options[key] = null;
                line._given.Add((key, null));
                continue;
            }
            foreach (var token in result.Tokens)
            {
                line._options[key] = token.Value;
                line._given.Add((key, token.Value));
            }
        }
        return line;
    }

    /// <summary>The value of an option, or null.</summary>
    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Every value given to a repeatable option, in order (the last one is <see cref="Option"/>).</summary>
    public IReadOnlyList<string> Values(string name)
    {
        // A loop: LINQ over this list of tuples is generic code with no ReadyToRun image, compiled on every start.
        var values = new List<string>();
        for (var i = 0; i < _given.Count; i++)
            if (_given[i].Name == name && _given[i].Value is { } value) values.Add(value);
        return values;
    }

    /// <summary>True when a flag or option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Options given that the command does not know.</summary>
    public IEnumerable<string> UnknownOptions(IEnumerable<string> known) => _options.Keys.Except(known);
}

/// <summary>A wrong command line; printed with a pointer to the command's help.</summary>
public sealed class UsageException(string message) : Exception(message);
