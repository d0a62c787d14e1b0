using System.CommandLine;
using System.CommandLine.Help;

namespace ParIndex.Cli;

/// <summary>
/// Every command of parindex with its file arguments and options, declared once for the parser,
/// the per-command help and shell completion (System.CommandLine). The tree carries no
/// descriptions: <see cref="CommandHelp"/> reads them from CliText when help is asked for, so an
/// ordinary run looks up no text it does not print.
/// </summary>
internal static class CommandTree
{
    private static readonly string[] Cache = [.. CompileCache.Options];
    private static readonly string[] Numbers = ["culture", "thousands"];

    /// <summary>The commands in the order of the usage text: name, file arguments, options.</summary>
    internal static readonly CommandSpec[] Commands =
    [
        new("validate", ["rules"], [.. Cache]),
        new("score", ["rules", "data"], ["format", "out", "previous", .. HistoryOptions.Names, .. Numbers, "stream", "no-stream", "detail", "no-csv-escape", "excel", "self", "set", "agency", .. Cache]),
        new("explain", ["rules", "data"], ["agency", "criterion", .. Numbers, "out", .. Cache]),
        new("shortfall", ["rules", "data"], ["agency", "self", "round", .. Numbers, "out", .. Cache]),
        new("report", ["rules", "data"], ["out", "previous", .. HistoryOptions.Names, "self", .. Numbers, "title", "subtitle", "agency", "page", .. Cache]),
        new("test", ["rules"], [.. Cache]),
        new("template", ["rules"], ["out", .. Cache]),
        new("diff", ["results-a", "results-b"], ["top", "format", "out"]),
        new("plan", ["rules", "data"], ["agency", "target-rank", "target-total", "target-percent", "group", "only-assigned", "format", "out", .. Numbers, .. Cache]),
    ];

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "no-cache", "stream", "no-stream", "detail", "no-csv-escape", "excel", "thousands", "group", "only-assigned" };

    /// <summary>The placeholder of an option's value in the help (language-neutral, as in the usage text).</summary>
    private static readonly Dictionary<string, string> ValueNames = new(StringComparer.Ordinal)
    {
        ["out"] = "file", ["previous"] = "results", ["history"] = "results|folder", ["id-map"] = "map.csv",
        ["culture"] = "name", ["self"] = "self-assessed", ["set"] = "input=value", ["agency"] = "id",
        ["criterion"] = "code", ["round"] = "self|appraised", ["title"] = "text", ["subtitle"] = "text",
        ["page"] = "portrait|landscape", ["top"] = "n", ["target-rank"] = "N", ["target-total"] = "points",
        ["target-percent"] = "P", ["cache-dir"] = "folder", ["lang"] = "vi|en",
    };

    /// <summary>How the help names a file argument (as the usage text does).</summary>
    private static readonly Dictionary<string, string> FileNames = new(StringComparer.Ordinal)
    {
        ["rules"] = "rules.json", ["results-a"] = "results-a.json", ["results-b"] = "results-b.json",
    };

    /// <summary>--format's values per command.</summary>
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["score"] = "table|csv|json|xlsx", ["diff"] = "table|json", ["plan"] = "table|json|csv",
    };

    /// <summary>
    /// The root command for the language of the run. Each command's action is <paramref name="run"/>
    /// with the command's name and parse result; the root's own action (no command given) prints the usage.
    /// </summary>
    public static RootCommand Build(Func<string, ParseResult, int> run)
    {
        var root = new RootCommand();
        foreach (var option in root.Options)
        {
            // The built-in options keep their names; what they print is ours.
            if (option is HelpOption help) help.Action = new CommandHelp();
            else if (option is VersionOption version) version.Action = new VersionAction();
        }
        root.Add(new Option<string>("--" + Language.OptionName) { HelpName = ValueNames["lang"], Recursive = true });
        foreach (var spec in Commands) root.Add(Build(spec, run));
        root.Add(HelpCommand(run));
        root.SetAction(parse => run("", parse));
        return root;
    }

    /// <summary>The options <paramref name="command"/> accepts: its own, then those of the root that every command accepts (--lang, --help).</summary>
    public static IEnumerable<Option> OptionsOf(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive));

    private static Command Build(CommandSpec spec, Func<string, ParseResult, int> run)
    {
        var command = new Command(spec.Name);
        // At most one value each: a missing or extra file is reported by the command's own check, in its words.
        foreach (var argument in spec.Arguments)
            command.Add(new Argument<string>(argument) { Arity = ArgumentArity.ZeroOrOne, HelpName = FileNames.GetValueOrDefault(argument, argument) });
        foreach (var name in spec.Options) command.Add(Option(spec.Name, name));
        command.SetAction(parse => run(spec.Name, parse));
        return command;
    }

    /// <summary>parindex help [command]: the usage, or one command's help.</summary>
    private static Command HelpCommand(Func<string, ParseResult, int> run)
    {
        var command = new Command("help");
        command.Add(new Argument<string>("command") { Arity = ArgumentArity.ZeroOrOne });
        command.SetAction(parse => run("help", parse));
        return command;
    }

    private static Option Option(string command, string name)
    {
        if (Flags.Contains(name)) return new Option<bool>("--" + name);
        // Every value option collects each value given: a repeated once-only option keeps the last
        // (as before System.CommandLine), a repeatable one keeps them all, in order.
        var option = new Option<string[]>("--" + name) { AllowMultipleArgumentsPerToken = false };
        option.HelpName = name == "format" ? Formats.GetValueOrDefault(command, "table|csv|json") : ValueNames.GetValueOrDefault(name, "value");
        // -o for --out: every command that has --out writes a file with it.
        if (name == "out") option.Aliases.Add("-o");
        return option;
    }
}

/// <summary>One command: its name, the names of its file arguments in order, and its option names (without "--").</summary>
internal sealed record CommandSpec(string Name, string[] Arguments, string[] Options);
