using System.Globalization;
using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.Cli;

/// <summary>The parindex command: validate, score, explain, shortfall, report, test and diff.</summary>
public static class Cli
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage:
          parindex validate <rules.json>
          parindex score <rules.json> <data.csv|data.json|data.xlsx> [--previous <results.json|csv>] [--history <results|folder>]… [--id-map <map.csv>] [--format table|csv|json|xlsx] [--out <file>] [--culture <name>] [--thousands] [--stream|--no-stream] [--detail] [--no-csv-escape]
          parindex score <rules.json> <appraised> --self <self-assessed> [--previous <results>] [--format table|csv|json] [--out <file>] [--culture <name>] [--thousands]
          parindex score <rules.json> <data> --set <input>=<value> [--set …] [--agency <id>] [--previous <results>] [--format table|csv|json] [--out <file>] [--culture <name>] [--thousands]
          parindex explain <rules.json> <data> --agency <id> [--criterion <code>] [--culture <name>] [--thousands] [--out <file>]
          parindex shortfall <rules.json> <data> --agency <id> [--self <self-assessed>] [--round self|appraised] [--culture <name>] [--thousands] [--out <file>]
          parindex report <rules.json> <data> [--previous <results>] [--history <results|folder>]… [--id-map <map.csv>] [--self <self-assessed>] [--out report.html] [--culture <name>] [--thousands] [--title <text>] [--subtitle <text>] [--agency <id>] [--page portrait|landscape]
          parindex test <rules.json>
          parindex template <rules.json> --out <nhap-lieu.xlsx>
          parindex diff <results-a.json> <results-b.json> [--top <n>] [--format table|json] [--out <file>]
          parindex plan <rules.json> <data> --agency <id> (--target-rank <N> | --target-total <points> | --target-percent <P>) [--group] [--only-assigned] [--format table|json|csv] [--out <file>]

        --culture    culture for numbers in CSV data and a --previous CSV, e.g. vi-VN for decimal commas (default: invariant)
        --thousands  allow the culture's group separator in numbers, in groups of three digits ("1.234.567" under vi-VN)
        --cache-dir  where compiled rule sets are kept between runs (default: $PARINDEX_CACHE_DIR, else ~/.cache/parindex)
        --no-cache   compile the rule set without reading or writing the cache
        --stream     score a CSV of any size in one pass with bounded memory (the default for CSV data of 32 MB or more); same output
        --no-stream  score in memory whatever the size of the data
        --detail     (score, table format) add one row per criterion: target, actual, verdict, points
        --format xlsx  (score) a workbook with --out: ranking by group, points per criterion coloured by share of max,
                     shortfalls by responsible unit, eligibility
        --out        write to this file (never one of the inputs); it is replaced only when the command succeeds
        --no-csv-escape  write CSV text cells as they are (by default a cell starting with = + - @ gets a ' in front)
        --self       the self-assessed data beside the appraised data file: score prints the appraisal's cuts per agency and criterion
                     with the appraiser's <input>#note cells; report adds them per agency; shortfall --round self uses that round.
                     When --self names the data file itself, its <input>#self columns hold the self-assessed values
        --set        what if: re-score with input=value (repeatable), for the --agency given or for every agency, and print the changes
        report       one self-contained HTML page in Vietnamese: ranking, charts, shortfalls by unit, eligibility
        template     the data-entry workbook of the rule file: a column per input titled in Vietnamese, notes, drop-downs and limits,
                     an instructions sheet; fill it in and give it to score, explain, report… as the data (.xlsx is read wherever CSV is)
        test         run the test cases kept in the rule file ("tests"): one line per case, then "N passed, N failed"
        plan         improvement plan: points needed for a target rank/total/percent (others fixed), criteria below max by unit, fewest criteria to recover
        diff         compare two results files of 'score' (JSON or CSV): score and rank change, criteria that changed most
        Exit codes: 0 ok, 1 invalid rule file (test: or a failed case), 2 wrong command line (or --out is an input or a folder),
        3 unusable data or results file, 4 some rows rejected, 70 internal error, 130 interrupted.
        """;

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "help", "no-cache", "stream", "no-stream", "detail", "no-csv-escape", "thousands", "group", "only-assigned" };

    /// <summary>
    /// Runs one command and returns the exit code. Nothing escapes as an exception: bad input of
    /// any kind is one message and a documented exit code; anything unexpected is one line
    /// "internal error" and <see cref="ExitCodes.InternalError"/>, never a stack trace. Everything
    /// written to <paramref name="error"/>, and text for people written to <paramref name="output"/>,
    /// goes through <see cref="TerminalSafeWriter"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var safeOutput = new TerminalSafeWriter(output);
        var safeError = new TerminalSafeWriter(error);
        try { return Guarded(() => Dispatch(args, safeOutput, safeError), safeError); }
        finally
        {
            // A closed pipe (`parindex score … | head -1`) must not turn into an exception here.
            try { safeOutput.Flush(); } catch (IOException) { }
            try { safeError.Flush(); } catch (IOException) { }
        }
    }

    /// <summary>The top-level guard: maps every exception to a message and an exit code.</summary>
    internal static int Guarded(Func<int> command, TextWriter error)
    {
        try { return command(); }
        catch (UsageException ex)
        {
            Say(error, $"error: {ex.Message}");
            error.WriteLine(Usage);
            return ExitCodes.Usage;
        }
        catch (OutputRefusedException ex)
        {
            Say(error, $"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (RuleSetException ex)
        {
            foreach (var diagnostic in ex.Diagnostics) Say(error, diagnostic);
            return ExitCodes.InvalidRules;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or KeyNotFoundException)
        {
            Say(error, $"error: {ex.Message}");
            return ex is KeyNotFoundException ? ExitCodes.Usage : ExitCodes.InvalidData;
        }
        catch (OperationCanceledException)
        {
            Say(error, "error: interrupted; no output file was written or changed.");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            Say(error, $"parindex: internal error: {ex.GetType().Name}: {ex.Message} (please report it with the command line and files that caused it)");
            return ExitCodes.InternalError;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, Flags);
        if (line.Command is "" or "help" or "--help" or "-h" || line.Has("help"))
        {
            output.WriteLine(Usage);
            return line.Command is "" ? ExitCodes.Usage : ExitCodes.Success;
        }
        return line.Command switch
        {
            "validate" => Validate(line, output, error),
            "score" => Score(line, output, error),
            "explain" => Explain(line, output, error),
            "shortfall" => ShortfallCommand(line, output, error),
            "report" => ReportCommand.Run(line, output, error),
            "diff" => DiffCommand.Run(line, output, error),
            "test" => TestCommand.Run(line, output, error),
            "plan" => PlanCommand.Run(line, output, error),
            "template" => TemplateCommand.Run(line, output, error),
            _ => throw new UsageException($"Unknown command '{line.Command}'."),
        };
    }

    /// <summary>Writes one message, diagnostic or rejected row as exactly one line: a line break or control character inside it is shown escaped.</summary>
    internal static void Say(TextWriter writer, object? message) => writer.WriteLine(DisplayText.Escape(message?.ToString()));

    /// <summary>
    /// Runs one command; <paramref name="terminal"/> is the console when standard output is a
    /// terminal (see <see cref="Terminal.Detect"/>): ranking tables drawn with Spectre.Console and a
    /// progress bar for large data files. Null gives the plain-text output of the other overload.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Spectre.Console.IAnsiConsole? terminal)
    {
        var outer = Terminal.Current;
        var outerIsTerminal = Terminal.OutputIsTerminal;
        Terminal.Current = terminal;
        Terminal.OutputIsTerminal = terminal is not null || (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        try { return Run(args, output, error); }
        finally
        {
            Terminal.Current = outer;
            Terminal.OutputIsTerminal = outerIsTerminal;
        }
    }

    private static int Validate(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 1, []);
        var diagnostics = RuleSetLoader.ValidateFile(line.Positional[0]);
        foreach (var diagnostic in diagnostics) Say(error, diagnostic);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        Say(output, errors == 0
            ? $"{line.Positional[0]}: valid ({warnings} warning(s))."
            : $"{line.Positional[0]}: {errors} error(s), {warnings} warning(s).");
        return errors == 0 ? ExitCodes.Success : ExitCodes.InvalidRules;
    }

    private static int Score(CommandLine line, TextWriter output, TextWriter error)
    {
        if (line.Has("self")) return AppraisalCommand.Score(line, output, error);
        if (line.Has("set")) return WhatIfCommand.Score(line, output, error);
        Expect(line, 2, ["previous", "format", "out", "culture", "thousands", "detail", "stream", "no-stream", "no-csv-escape", .. HistoryOptions.Names]);
        var format = line.Option("format") ?? (line.Has("stream") ? "csv" : "table");
        if (format is not ("table" or "csv" or "json" or "xlsx")) throw new UsageException($"Unknown format '{format}'; use table, csv, json or xlsx.");
        if (format == "xlsx") CheckWorkbookOutput(line);
        if (line.Has("detail") && format != "table") throw new UsageException("--detail adds per-criterion rows to the table format only.");
        if (line.Has("no-csv-escape") && format != "csv") throw new UsageException("--no-csv-escape applies to CSV output only (--format csv or --stream).");
        StreamCommand.CheckOptions(line, line.Positional[1]);
        using var target = CommandOutput.Open(line, output, machineFormat: format != "table", [line.Positional[0], line.Positional[1], line.Option("previous"), .. HistoryOptions.Inputs(line)]);
        var previous = Previous(line);
        using var rules = LoadRules(line, error);
        var history = HistoryOptions.Read(line, rules, error);
        var csv = new CsvResultOptions { EscapeFormulas = !line.Has("no-csv-escape") };
        if (format != "xlsx" && StreamCommand.Chosen(line, line.Positional[1])) return StreamCommand.Run(line, rules, format, previous, history, csv, target, error);
        var (report, dataOk) = ScoreData(rules, line, error, previous, history);
        if (!dataOk) return ExitCodes.InvalidData;

        var writer = target.Writer;
        switch (format)
        {
            case "csv": CsvResultWriter.Write(report, writer, csv); break;
            case "json": JsonResultWriter.Write(report, writer); break;
            case "xlsx": RulesEngine.Results.Workbooks.XlsxResultWriter.Write(report, target.FileStream!); break;
            default:
                if (!target.ToFile && Terminal.Current is { } console) TerminalTables.Write(report, console);
                else TableResultWriter.Write(report, writer);
                if (line.Has("detail")) CriteriaDetailWriter.Write(report, writer); break;
        }
        target.Commit();
        WriteRowErrors(report.RowErrorLog, line.Positional[1], error);
        return report.RowErrorLog.ErrorCount > 0 ? ExitCodes.RowsRejected : ExitCodes.Success;
    }

    /// <summary>A results workbook is a file (--out), scored in memory: the streaming sinks write text.</summary>
    private static void CheckWorkbookOutput(CommandLine line)
    {
        if (line.Option("out") is null) throw new UsageException("--format xlsx writes a workbook: give --out <results.xlsx>.");
        if (line.Has("stream")) throw new UsageException("--format xlsx is written from results in memory; leave --stream out (or use --format csv to stream).");
    }

    /// <summary>
    /// Prints the row errors kept in full, then (when there were more) the PAR0614 count by code
    /// and field and one short line per rejected row not shown above, so that no rejected agency
    /// goes unnamed however many there are.
    /// </summary>
    internal static void WriteRowErrors(RowErrorLog log, string source, TextWriter error, bool keptAlreadyWritten = false)
    {
        if (!keptAlreadyWritten)
            foreach (var rejected in log.Errors) Say(error, rejected);
        if (log.OmittedSummary(source) is not { } summary) return;
        error.WriteLine(summary);
        var shown = log.Errors.Select(e => e.Row).ToHashSet();
        foreach (var row in log.Rejected)
            if (!shown.Contains(row.Row))
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}({row.Line}): rejected {row.Code}: row {row.Row}, agency '{row.AgencyId ?? "?"}'"));
    }

    private static int Explain(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 2, ["agency", "criterion", "culture", "thousands", "out"]);
        var agency = line.Option("agency") ?? throw new UsageException("explain needs --agency <id>.");
        using var target = CommandOutput.Open(line, output, machineFormat: false, line.Positional[0], line.Positional[1]);
        using var rules = LoadRules(line, error);
        var (report, dataOk) = ScoreData(rules, line, error, null);
        if (!dataOk) return ExitCodes.InvalidData;
        var explanations = line.Option("criterion") is { } code
            ? [report.Explain(agency, code)]
            : report.ExplainAll(agency);
        target.Writer.WriteLine(string.Join(Environment.NewLine + Environment.NewLine, explanations));
        target.Commit();
        return ExitCodes.Success;
    }

    private static int ShortfallCommand(CommandLine line, TextWriter output, TextWriter error)
    {
        Expect(line, 2, ["agency", "culture", "thousands", "out", "self", "round"]);
        var agency = line.Option("agency") ?? throw new UsageException("shortfall needs --agency <id>.");
        using var target = CommandOutput.Open(line, output, machineFormat: false, line.Positional[0], line.Positional[1], line.Option("self"));
        using var rules = LoadRules(line, error);
        var (report, dataOk) = ScoreData(rules, line, error, null);
        if (dataOk && AppraisalCommand.IsSelfRound(line)) (report, dataOk) = AppraisalCommand.ScoreSelf(rules, line, error, null);
        if (!dataOk) return ExitCodes.InvalidData;
        ShortfallWriter.Write(report, agency, target.Writer);
        target.Commit();
        return ExitCodes.Success;
    }

    internal static CompiledRuleSet LoadRules(CommandLine line, TextWriter error)
    {
        var rules = RuleSetLoader.LoadFile(line.Positional[0], CompileCache.LoadOptions(line));
        foreach (var warning in rules.Diagnostics) Say(error, warning);
        return rules;
    }

    /// <summary>Reads and scores the data file; false (and no report) when the file has file-level errors.</summary>
    internal static (ScoreReport Report, bool Ok) ScoreData(CompiledRuleSet rules, CommandLine line, TextWriter error, PreviousRanks? previous, ResultsHistory? history = null)
    {
        var batch = ReadData(rules, line, error, line.Positional[1]);
        return batch is null ? (null!, false) : (Terminal.Score(rules, batch, new ScoringOptions { Previous = previous, History = history }), true);
    }

    /// <summary>Reads a data file with the command's --culture and --thousands; null (after printing why) when it has file-level errors.</summary>
    internal static AgencyBatch? ReadData(CompiledRuleSet rules, CommandLine line, TextWriter error, string path, Func<CompiledRuleSet, string, DataReadOptions, AgencyBatch>? reader = null)
    {
        var options = ReadOptions(line);
        var batch = (reader ?? Terminal.ReadData)(rules, path, options);
        foreach (var diagnostic in batch.Diagnostics) Say(error, diagnostic);
        // File-level errors (truncated, repeated column, malformed JSON…) stop the run: exit 3, nothing written.
        return batch.HasFileErrors ? null : batch;
    }

    /// <summary>How the command reads data cells: --culture and --thousands (a --previous CSV is read by the same rules).</summary>
    internal static DataReadOptions ReadOptions(CommandLine line) => new() { Culture = Culture(line.Option("culture")), AllowThousands = line.Has("thousands") };

    /// <summary>The ranks of --previous (results JSON or CSV, CSV numbers as the data's), or null without the option.</summary>
    internal static PreviousRanks? Previous(CommandLine line) =>
        line.Option("previous") is { } path ? PreviousRanksReader.ReadFile(path, ReadOptions(line)) : null;

    internal static CultureInfo Culture(string? name)
    {
        if (name is null) return CultureInfo.InvariantCulture;
        // GetCultureInfo accepts any well-formed name and silently falls back to invariant rules,
        // which would misread "0,75"; only cultures the system really knows are accepted.
        var known = CultureInfo.GetCultures(CultureTypes.AllCultures).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return known ?? throw new UsageException($"Unknown culture '{name}'; use a name such as vi-VN or en-US.");
    }

    internal static void Expect(CommandLine line, int positional, string[] options)
    {
        if (line.Positional.Count != positional)
            throw new UsageException($"'{line.Command}' takes {positional} file argument(s), not {line.Positional.Count}.");
        var unknown = line.UnknownOptions(options.Concat(CompileCache.Options).Append("help")).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option(s) for '{line.Command}': {string.Join(", ", unknown.Select(u => "--" + u))}.");
        ExpectFileNames(line);
    }

    /// <summary>An empty file argument or --previous value is a command-line error (not an exception from the file system).</summary>
    internal static void ExpectFileNames(CommandLine line)
    {
        for (var i = 0; i < line.Positional.Count; i++)
            if (string.IsNullOrWhiteSpace(line.Positional[i]))
                throw new UsageException($"File argument {i + 1} of '{line.Command}' is empty.");
        foreach (var option in new[] { "previous", "self" })
            if (line.Has(option) && string.IsNullOrWhiteSpace(line.Option(option)))
                throw new UsageException($"--{option} needs a file name; the value given is empty.");
    }
}
