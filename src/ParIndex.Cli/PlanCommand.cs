using System.Globalization;
using ParIndex.RulesEngine.Results.Plan;

namespace ParIndex.Cli;

/// <summary>
/// parindex plan &lt;rules&gt; &lt;data&gt; --agency &lt;id&gt; (--target-rank N | --target-total X |
/// --target-percent P) [--group] [--only-assigned] [--format table|json|csv] [--out &lt;file&gt;]: the improvement
/// plan of one agency (<see cref="ImprovementPlanner"/>).
/// </summary>
public static class PlanCommand
{
    /// <summary>Options of the plan command (besides the compile-cache options).</summary>
    public static readonly string[] Options = ["agency", "target-rank", "target-total", "target-percent", "group", "only-assigned", "format", "out", "culture", "thousands"];

    /// <summary>Scores the data and writes the plan; returns the exit code.</summary>
    public static int Run(CommandLine line, TextWriter output, TextWriter error)
    {
        Cli.Expect(line, 2, Options);
        var agency = line.Option("agency") ?? throw new UsageException(CliText.Get("PlanNeedsAgency"));
        var target = Target(line);
        var format = line.Option("format") ?? "table";
        if (format is not ("table" or "json" or "csv")) throw new UsageException(CliText.Format("UnknownFormatPlan", format));
        using var planOutput = CommandOutput.Open(line, output, machineFormat: format != "table", line.Positional[0], line.Positional[1]);
        using var rules = Cli.LoadRules(line, error);
        var (report, dataOk) = Cli.ScoreData(rules, line, error, previous: null);
        if (!dataOk) return ExitCodes.InvalidData;
        if (report.Find(agency) is null)
            throw new UsageException(CliText.Format("AgencyNotScored", agency));
        var plan = ImprovementPlanner.Build(report, agency, target, line.Has("group"), line.Has("only-assigned"));
        switch (format)
        {
            case "json": PlanJsonWriter.Write(plan, planOutput.Writer); break;
            case "csv": PlanCsvWriter.Write(plan, planOutput.Writer); break;
            default: PlanTableWriter.Write(plan, planOutput.Writer); break;
        }
        planOutput.Commit();
        Cli.WriteRowErrors(report.RowErrorLog, line.Positional[1], error);
        return report.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    private static PlanTarget Target(CommandLine line)
    {
        var given = new[] { "target-rank", "target-total", "target-percent" }.Where(line.Has).ToList();
        if (given.Count != 1) throw new UsageException(CliText.Get("PlanNeedsOneTarget"));
        var text = line.Option(given[0]) ?? "";
        if (given[0] == "target-rank")
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1
                ? PlanTarget.Rank(rank)
                : throw new UsageException(CliText.Format("TargetRankNotWhole", text));
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new UsageException(CliText.Format("TargetNotNumber", given[0], text));
        if (given[0] == "target-percent" && value > 100) throw new UsageException(CliText.Format("TargetPercentAbove100", text));
        return given[0] == "target-total" ? PlanTarget.Total(value) : PlanTarget.Percent(value);
    }
}
