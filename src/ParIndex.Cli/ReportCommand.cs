using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>
/// parindex report &lt;rules&gt; &lt;data&gt; [--previous &lt;results&gt;] [--history &lt;results|folder&gt;]… [--id-map &lt;map.csv&gt;] --out report.html: one
/// self-contained HTML page in Vietnamese (<see cref="HtmlReportWriter"/>).
/// </summary>
public static class ReportCommand
{
    /// <summary>Options of the report command (besides the compile-cache options).</summary>
    public static readonly string[] Options = ["previous", "out", "culture", "thousands", "title", "subtitle", "agency", "self", "page", .. HistoryOptions.Names];

    /// <summary>Scores the data and writes the HTML report; returns the exit code.</summary>
    public static int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        Cli.Expect(line, 2, Options);
        using var target = CommandOutput.Open(line, output, machineFormat: true, [line.Positional[0], line.Positional[1], line.Option("previous"), line.Option("self"), .. HistoryOptions.Inputs(line)]);
        var previous = Cli.Previous(line);
        using var rules = Cli.LoadRules(line, error);
        if (line.Has("self") && line.Has("history")) throw new UsageException(CliText.Get("HistoryNotWithSelf"));
        var history = HistoryOptions.Read(line, rules, error);
        // With --self the report is the appraised round's, and the rounds section is added.
        var rounds = line.Has("self") ? AppraisalCommand.Read(rules, line, error, previous) : null;
        var (report, dataOk) = line.Has("self") ? (rounds?.Appraised!, rounds is not null) : Cli.ScoreData(rules, line, error, previous, history);
        if (!dataOk) return ExitCodes.InvalidData;
        if (line.Option("agency") is { } agency && report.Find(agency) is null)
            throw new UsageException(CliText.Format("AgencyNotScored", agency));

        var options = new HtmlReportOptions
        {
            Title = line.Option("title"),
            Subtitle = line.Option("subtitle"),
            SelectedAgency = line.Option("agency"),
            Rounds = rounds,
            History = history,
            Orientation = line.Option("page") switch
            {
                null or "a4" or "portrait" => PageOrientation.Portrait,
                "landscape" => PageOrientation.Landscape,
                var other => throw new UsageException(CliText.Format("PageValues", other)),
            },
        };
        HtmlReportWriter.Write(report, target.Writer, options);
        target.Commit();
        if (target.ToFile)
            Cli.Say(error, CliText.Format("ReportWritten", line.Option("out"), report.Agencies.Count, report.RowErrorLog.Rejected.Count));
        if (rounds is not null) return AppraisalCommand.Finish(rounds, line, error);
        Cli.WriteRowErrors(report.RowErrorLog, line.Positional[1], error);
        return report.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }
}
