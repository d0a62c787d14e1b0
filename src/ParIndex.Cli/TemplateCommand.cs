using ParIndex.RulesEngine.Results.Workbooks;

namespace ParIndex.Cli;

/// <summary>
/// parindex template &lt;rules&gt; --out nhap-lieu.xlsx: the data-entry workbook of the rule file
/// (<see cref="DataEntryTemplate"/>), written through a temporary file renamed into place, never
/// over an input.
/// </summary>
internal static class TemplateCommand
{
    public static int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        Cli.Expect(line, 1, ["out"]);
        if (line.Option("out") is null) throw new UsageException(CliText.Get("TemplateNeedsOut"));
        using var target = CommandOutput.Open(line, output, machineFormat: true, line.Positional[0]);
        using var rules = Cli.LoadRules(line, error);
        DataEntryTemplate.Write(rules, target.FileStream!);
        target.Commit();
        Cli.Say(error, CliText.Format("TemplateWritten", line.Option("out"), rules.Definition.Id, rules.Definition.Inputs.Count, DataEntryTemplate.DataSheetName, DataEntryTemplate.InstructionsSheetName));
        return ExitCodes.Success;
    }
}
