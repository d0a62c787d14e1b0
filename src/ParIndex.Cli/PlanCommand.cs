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
        var agency = line.Option("agency") ?? throw new UsageException("plan needs --agency <id>.");
        var target = Target(line);
        var format = line.Option("format") ?? "table";
        if (format is not ("table" or "json" or "csv")) throw new UsageException($"Unknown format '{format}'; use table, json or csv.");
        using var planOutput = CommandOutput.Open(line, output, machineFormat: format != "table", line.Positional[0], line.Positional[1]);
        using var rules = Cli.LoadRules(line, error);
        var (report, dataOk) = Cli.ScoreData(rules, line, error, previous: null);
        if (!dataOk) return ExitCodes.InvalidData;
        if (report.Find(agency) is null)
            throw new UsageException($"--agency {agency}: no scored agency has that id.");
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
        if (given.Count != 1) throw new UsageException("plan needs exactly one of --target-rank <N>, --target-total <points>, --target-percent <percent>.");
        var text = line.Option(given[0]) ?? "";
        if (given[0] == "target-rank")
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1
                ? PlanTarget.Rank(rank)
                : throw new UsageException($"--target-rank '{text}' is not a whole number from 1.");
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new UsageException($"--{given[0]} '{text}' is not a number from 0 (invariant culture: a dot before decimals).");
        if (given[0] == "target-percent" && value > 100) throw new UsageException($"--target-percent {text} is above 100.");
        return given[0] == "target-total" ? PlanTarget.Total(value) : PlanTarget.Percent(value);
    }
}
