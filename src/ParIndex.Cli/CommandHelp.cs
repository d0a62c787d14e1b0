using System.CommandLine;
using System.CommandLine.Invocation;

namespace ParIndex.Cli;

/// <summary>
/// The help of <c>parindex -h</c> (the usage text) and of <c>parindex &lt;command&gt; -h</c>: the
/// command's description, its usage line, its file arguments and its options, every heading and
/// description in the language of the run. System.CommandLine's help builder is not public and
/// its own help words have no Vietnamese translation, so this action replaces its help action.
/// </summary>
internal sealed class CommandHelp : SynchronousCommandLineAction
{
    /// <summary>Help answers whatever else is on the command line.</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return ExitCodes.Success;
    }

    /// <summary>Writes the help of <paramref name="command"/>.</summary>
    public static void Write(Command command, TextWriter output)
    {
        if (command is RootCommand)
        {
            output.WriteLine(CliText.Get("Usage"));
            return;
        }
        output.WriteLine(CliText.Get("Cmd_" + command.Name));
        output.WriteLine();
        output.WriteLine(CliText.Get("HelpUsageHeading"));
        var files = string.Concat(command.Arguments.Select(a => $" <{a.HelpName ?? a.Name}>"));
        output.WriteLine($"  parindex {command.Name}{files} [{CliText.Get("HelpOptionsWord")}]");
        if (command.Arguments.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(CliText.Get("HelpArgumentsHeading"));
            WriteColumns(output, command.Arguments.Select(a => ($"<{a.HelpName ?? a.Name}>", CliText.Get("Arg_" + a.Name))));
        }
        output.WriteLine();
        output.WriteLine(CliText.Get("HelpOptionsHeading"));
        var options = CommandTree.OptionsOf(command).Where(o => !o.Hidden);
        WriteColumns(output, options.Select(o => (Label(o), Description(command, o))));
        output.WriteLine();
        output.WriteLine(CliText.Get("HelpMore"));
    }

    /// <summary>The option's text for this command (Opt_score_format), else its text for every command (Opt_format).</summary>
    private static string Description(Command command, Option option)
    {
        var name = option.Name.TrimStart('-');
        return CliText.Find($"Opt_{command.Name}_{name}") ?? CliText.Get("Opt_" + name);
    }

    /// <summary>"-o, --out &lt;file&gt;": the short aliases first, then the name and the value's placeholder.</summary>
    private static string Label(Option option)
    {
        // The Windows-style /h and /? are accepted but not shown.
        var names = option.Aliases.Where(a => a[0] == '-').OrderBy(a => a.Length).Append(option.Name);
        var value = option is Option<bool> || option.Arity.MaximumNumberOfValues == 0 ? "" : $" <{option.HelpName ?? "value"}>";
        return string.Join(", ", names) + value;
    }

    /// <summary>Two columns: the labels padded to the widest (at most 32), the descriptions beside them.</summary>
    private static void WriteColumns(TextWriter output, IEnumerable<(string Label, string Description)> rows)
    {
        var list = rows.ToList();
        var width = Math.Min(32, list.Max(r => r.Label.Length));
        foreach (var (label, description) in list)
        {
            if (label.Length > width) output.WriteLine($"  {label}{Environment.NewLine}  {new string(' ', width)}  {description}");
            else output.WriteLine($"  {label.PadRight(width)}  {description}");
        }
    }
}
